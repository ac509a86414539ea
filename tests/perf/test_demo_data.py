"""``demo --cases N``: bulk-made cases look exactly like cases the services made."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from sqlalchemy import func, select, update

from desktop_app.cli.main import main as cli_main
from desktop_app.domain import models as m
from desktop_app.domain.enums import CaseState
from desktop_app.domain.identity import validate_id_number
from desktop_app.services.cases import refresh_derived
from desktop_app.services.demo import DemoResult, generate_demo
from desktop_app.services.hub import Services

from .conftest import SMALL_CASES

# The denormalised columns the list, search and dashboard read; refresh_derived owns them.
DERIVED = ("next_due_date", "next_due_clock", "calendar_unconfirmed", "party_text", "first_complainant",
           "first_complainant_id_no", "first_respondent", "respondent_type", "handling_due",
           "acceptance_due", "reply_due", "complainant_count")
# The respondents' copies the statistics read (persistence/statistics_columns.py).
RESPONDENT_COPIES = ("case_received_date", "case_decided_on", "case_office_code", "outcome_key", "substantiated")


def test_every_state_is_generated(demo: DemoResult) -> None:
    assert set(demo.by_state) == {s.value for s in CaseState}
    assert sum(demo.by_state.values()) == SMALL_CASES
    # plausible proportions: most old cases are archived, few are merged or reopened
    assert demo.by_state["ARCHIVED"] > SMALL_CASES * 0.4
    assert demo.by_state["REOPENED"] < SMALL_CASES * 0.05


def test_bulk_cases_match_what_refresh_derived_computes(services: Services, demo: DemoResult) -> None:
    """Deadlines, calendar flags and search text equal the services' own computation."""
    mismatches: list[str] = []
    with services.ctx.db.write_session_factory() as s:
        cases = s.scalars(select(m.Complaint).order_by(m.Complaint.id)).all()
        by_state: Counter[str] = Counter()
        checked = 0
        for c in cases:
            by_state[c.state] += 1
            if c.state == CaseState.ARCHIVED and by_state[c.state] > 30:
                continue  # all archived cases look alike; keep the test quick
            before = {f: getattr(c, f) for f in DERIVED} | _respondent_copies(c)
            refresh_derived(services.ctx, s, c)
            after = {f: getattr(c, f) for f in DERIVED} | _respondent_copies(c)
            if before != after:
                diff = {k: (before[k], after[k]) for k in before if before[k] != after[k]}
                mismatches.append(f"{c.case_no} {c.state}: {diff}")
            checked += 1
        s.rollback()
    assert checked > 100
    assert mismatches == []


def _respondent_copies(c: m.Complaint) -> dict[str, object]:
    return {f"respondent {r.position} {f}": getattr(r, f) for r in c.respondents for f in RESPONDENT_COPIES}


def test_migration_backfill_computes_what_refresh_derived_computes(services: Services, demo: DemoResult) -> None:
    """Migration 0003 back-fills the statistics columns of existing cases set-wise: same values."""
    from desktop_app.persistence import statistics_columns

    columns = ("acceptance_due", "reply_due", "complainant_count")
    with services.ctx.db.write_session_factory() as s:
        expected = {c.id: ({f: getattr(c, f) for f in columns}, _respondent_copies(c))
                    for c in s.scalars(select(m.Complaint))}
        s.execute(update(m.Complaint).values(acceptance_due=None, reply_due=None, complainant_count=0))
        s.execute(update(m.Respondent).values(case_received_date=None, case_decided_on=None, outcome_key="",
                                              substantiated=None))
        statistics_columns.refresh_copies(s.connection())
        statistics_columns.backfill_due_dates(s.connection())
        s.expire_all()
        got = {c.id: ({f: getattr(c, f) for f in columns}, _respondent_copies(c))
               for c in s.scalars(select(m.Complaint))}
        s.rollback()
    wrong = [cid for cid in expected if expected[cid] != got[cid]]
    assert len(expected) == SMALL_CASES
    assert wrong == [], f"{len(wrong)} cases differ, e.g. {expected[wrong[0]]} != {got[wrong[0]]}"


def test_overdue_and_open_deadlines_exist_for_the_dashboard(services: Services, demo: DemoResult) -> None:
    today = services.ctx.clock.today()
    with services.ctx.db.session() as s:
        open_due = s.scalar(select(func.count()).where(m.Complaint.next_due_date.is_not(None)))
        overdue = s.scalar(select(func.count()).where(m.Complaint.next_due_date < today))
        clocks = set(s.scalars(select(m.Complaint.next_due_clock).distinct()))
    assert open_due and overdue
    assert {"C1", "C2", "C3"} <= clocks


def test_people_are_plausible(services: Services, demo: DemoResult) -> None:
    today = services.ctx.clock.today()
    with services.ctx.db.session() as s:
        people = s.execute(select(m.Complainant.name, m.Complainant.id_number, m.Complainant.phone,
                                  m.Complainant.address)).all()
        received = s.execute(select(m.Complaint.received_date, m.Complaint.channel)).all()
    assert len(people) >= SMALL_CASES * 0.95
    for name, id_number, phone, address in people:
        validate_id_number(id_number, today)  # raises on a bad check digit or birth date
        assert 2 <= len(name) <= 4 and len(phone) == 11 and address.startswith("辽宁省铁岭市")
    two_char = sum(len(p.name) == 2 for p in people) / len(people)
    assert 0.2 < two_char < 0.5  # 张伟-style names are common
    cal = services.ctx.calendar()
    walk_in = [d for d, ch in received if ch in ("IN_PERSON_ORAL", "IN_PERSON_WRITTEN", "PHONE")]
    assert all(cal.is_workday(d) for d in walk_in)  # the window is closed on holidays
    years = Counter(d.year for d, _ in received)
    assert min(years) == 2019 and max(years) == today.year


def test_case_numbers_continue_after_the_demo(services: Services, demo: DemoResult) -> None:
    """The number sequence knows the generated cases: the next registration gets a fresh number."""
    from desktop_app.services.context import next_sequence

    with services.ctx.db.write_session_factory() as s:
        top = s.execute(select(m.Complaint.year, func.max(m.Complaint.seq)).group_by(m.Complaint.year)).all()
        for year, seq in top:
            assert next_sequence(s, services.ctx.db, services.ctx.office_code, year, "case") == seq + 1
        s.rollback()


def test_cli_demo_command(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "demo.db"
    code = cli_main(["demo", "--cases", "120", "--db", str(db), "--seed", "2", "--today", "2025-03-03", "--quiet"])
    out = capsys.readouterr().out
    assert code == 0
    assert "已生成演示案件 120 件" in out and "已归档" in out
    code = cli_main(["demo", "--cases", "-1", "--db", str(db)])
    assert code == 2
    assert "--cases" in capsys.readouterr().err


def test_same_seed_same_data(services: Services) -> None:
    generate_demo(services, 40, seed=4)
    generate_demo(services, 40, seed=4)
    with services.ctx.db.session() as s:
        rows = s.execute(select(m.Complaint.first_complainant, m.Complaint.facts_text, m.Complaint.received_date)
                         .order_by(m.Complaint.id)).all()
    assert len(rows) == 80
    assert rows[:40] == rows[40:]
    assert len(set(rows[:40])) == 40


def test_bulk_load_rebuilds_every_index_and_the_search_index(tmp_path: Any, monkeypatch: Any) -> None:
    """A large demo into an empty SQLite database builds the indexes after the load: all come back."""
    from desktop_app.config import AppConfig
    from desktop_app.domain.clock import FixedClock
    from desktop_app.services import demo as demo_module
    from desktop_app.services.dto import CaseFilter
    from desktop_app.services.hub import open_services

    hub = open_services(AppConfig.load(database_url=f"sqlite:///{tmp_path / 'bulk.db'}"),
                        clock=FixedClock(dt.datetime(2025, 3, 3, 9, 0)))
    schema = "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name"
    with hub.ctx.db.engine.connect() as conn:
        before = conn.exec_driver_sql(schema).all()
    monkeypatch.setattr(demo_module, "BULK_LOAD_MIN_CASES", 1)
    dropped: list[int] = []
    original_drop = demo_module._SqliteDeferredIndexes.drop
    monkeypatch.setattr(demo_module._SqliteDeferredIndexes, "drop",
                        lambda self: (original_drop(self), dropped.append(len(self.indexes)))[0])
    generate_demo(hub, 150, seed=5)
    assert dropped and dropped[0] > 20  # the bulk path was taken
    with hub.ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql(schema).all() == before
    with hub.ctx.db.session() as s:
        name = s.scalars(select(m.Complainant.name).order_by(m.Complainant.id.desc())).first()
    assert name and any(r.complainant == name for r in hub.registration.list_cases(CaseFilter(text=name), limit=500))
    hub.ctx.db.dispose()


def test_some_complaints_are_collective(services: Services, demo: DemoResult) -> None:
    """Group complaints (集体投诉, ≥ 3 complainants: statistic S4) occur, rarely."""
    with services.ctx.db.session() as s:
        sizes = list(s.scalars(select(func.count()).select_from(m.Complainant).group_by(m.Complainant.complaint_id)))
    groups = sum(n >= 3 for n in sizes)
    assert 0 < groups < SMALL_CASES * 0.05
