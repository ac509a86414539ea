"""Dashboard (工作台): overdue / due today / due within 3 working days, per clock, against raw rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import text

import desktop_app.services.deadlines  # noqa: F401 - registers hub.deadlines until hub.py imports it
from desktop_app.services.deadlines import Bucket
from desktop_app.services.dto import ComplainantInput, RegistrationInput, RespondentInput
from tests.services.issue5_cases import build_cases

TODAY = dt.date(2025, 6, 10)  # a Tuesday


def _register(staff: Any, received: dt.date, name: str) -> int:
    return staff.user("desk").registration.register(RegistrationInput(
        channel="LETTER", received_at=dt.datetime.combine(received, dt.time(9)),
        complainants=[ComplainantInput(name=name, phone="13900001111")],
        respondents=[RespondentInput(type_code="LAWYER", name="李明", unit_name="辽宁正大律师事务所")],
        request_text="请求查处", facts_text="拖延", reasons_text="违规", ground_code="M2")).id


def test_dashboard_buckets_per_clock(services: Any, staff: Any, clock: Any) -> None:
    built = build_cases(services, staff, clock, count=8, today=TODAY)
    due_today = _register(staff, dt.date(2025, 6, 3), "今日到")  # C1: 5 working days → 06-10
    due_soon = _register(staff, dt.date(2025, 6, 5), "将到期")  # C1 → 06-12, within 3 working days
    _register(staff, TODAY, "刚收到")  # C1 → 06-17: not on the dashboard yet
    investigating = next(b for b in built if b.fate == "investigating")
    inv = staff.user("inv1")
    inv.investigation.record_act(investigating.case_id, "EXPLANATION_REQUEST",
                                 investigator_ids=[staff.ids["inv1"], staff.ids["inv2"]], occurred_on=TODAY,
                                 counterpart="李明", due_date=TODAY)

    board = staff.user("head").deadlines.dashboard()
    assert board.today == TODAY and board.horizon == dt.date(2025, 6, 13)
    by_bucket = {b: {(x.case_id, x.clock) for x in board.items[b]} for b in Bucket.ORDER}
    assert (due_today, "C1") in by_bucket[Bucket.TODAY]
    assert (due_soon, "C1") in by_bucket[Bucket.SOON]
    assert (investigating.case_id, "C7") in by_bucket[Bucket.TODAY]
    assert not any(x.complainant == "刚收到" for rows in board.items.values() for x in rows)

    # Overdue equals what the raw rows say: case clocks + open supervision tasks.
    with services.ctx.db.engine.connect() as conn:
        cases = {(r.id, r.next_due_clock) for r in conn.execute(text(
            "SELECT id, next_due_clock FROM complaints WHERE next_due_date < :t "
            "AND next_due_clock IN ('C1','C2','C3','C6') AND state NOT IN ('ARCHIVED','MERGED','WITHDRAWN')"),
            {"t": TODAY})}
        tasks = [(r.complaint_id, "C4") for r in conn.execute(text(
            "SELECT complaint_id FROM supervision_tasks WHERE due_date < :t AND status IN ('OPEN','REPORTED')"),
            {"t": TODAY})]
    assert by_bucket[Bucket.OVERDUE] == cases | set(tasks)  # one row per task, several per case possible
    assert {c for _, c in cases} >= {"C1", "C2"} and tasks
    assert board.total(Bucket.OVERDUE) == len(cases) + len(tasks)
    assert board.counts[Bucket.TODAY]["C7"] == 1
    overdue = board.items[Bucket.OVERDUE]
    assert overdue == sorted(overdue, key=lambda x: x.due_date)
    assert all(x.days_overdue == (TODAY - x.due_date).days > 0 for x in overdue)
    assert board.calendar_warning == ""


def test_calendar_warning_names_unconfirmed_years(services: Any, clock: Any) -> None:
    clock.set(dt.datetime(2031, 3, 3, 9))
    warning = services.deadlines.calendar_warning()
    assert "2031年" in warning and "2032年" in warning and "放假安排" in warning
