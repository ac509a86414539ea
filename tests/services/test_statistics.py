"""Statistics (§5.2) equal counts computed here, independently, from the raw rows of ~30 real cases."""

from __future__ import annotations

import datetime as dt
import json
import statistics as pystats
from collections import Counter
from typing import Any

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from desktop_app.cli.main import main as cli_main
from desktop_app.exports.statistics_xlsx import CASE_LIST_SHEET, SUMMARY_SHEET

import desktop_app.services.statistics  # noqa: F401 - registers hub.statistics until hub.py imports it
from desktop_app.domain.errors import PermissionDenied, ValidationError
from desktop_app.domain.statistics import Ratio
from desktop_app.rules.clocks import compute_deadline
from desktop_app.services.statistics import period_label
from tests.services.issue5_cases import build_cases

FROM, TO = dt.date(2025, 1, 1), dt.date(2025, 6, 30)
ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"


def _codes(raw: Any) -> list[str]:
    if raw is None:
        return []
    return list(raw) if isinstance(raw, list) else list(json.loads(raw))


def _raw(services: Any) -> dict[str, list[dict[str, Any]]]:
    """Every row the statistics are computed from, read with plain SQL."""
    with services.ctx.db.engine.connect() as conn:
        def rows(sql: str) -> list[dict[str, Any]]:
            return [dict(r._mapping) for r in conn.execute(text(sql))]

        return {
            "complaints": rows("SELECT * FROM complaints"),
            "respondents": rows("SELECT * FROM respondents WHERE retired_at IS NULL"),
            "complainants": rows("SELECT * FROM complainants WHERE retired_at IS NULL"),
            "decisions": rows("SELECT * FROM handling_decisions WHERE retired_at IS NULL"),
            "transfers": rows("SELECT * FROM transfers"),
            "extensions": rows("SELECT * FROM extensions WHERE status = 'APPROVED'"),
            "served_docs": rows("SELECT DISTINCT document_id FROM service_records"),
            "users": rows("SELECT id, full_name FROM users"),
        }


def _date(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


def _in(v: Any) -> bool:
    d = _date(v)
    return d is not None and FROM <= d <= TO


@pytest.fixture
def built(services: Any, staff: Any, clock: Any) -> list[Any]:
    return build_cases(services, staff, clock)


def test_statistics_on_thirty_real_cases(services: Any, staff: Any, built: list[Any], tmp_path: Path) -> None:
    """One build of ~30 cases (the slow part), four checks."""
    check_report_equals_independent_counts(services, staff, built)
    check_period_filter_and_rule_sets_in_force(services, staff, built)
    check_case_rows_stream_masked_unless_allowed(services, staff, built)
    check_cli_workbook_reopens_and_converts(services, staff, tmp_path)


def check_cli_workbook_reopens_and_converts(services: Any, staff: Any, tmp_path: Path) -> None:
    """`python -m desktop_app stats …` → openpyxl sees the charts; LibreOffice shows the same numbers."""
    out = tmp_path / "stats.xlsx"
    code = cli_main(["stats", "--from", FROM.isoformat(), "--to", TO.isoformat(), "--out", str(out),
                     "--db", services.ctx.db.url, "--today", "2025-06-10"])
    assert code == 0 and out.exists()
    report = staff.user("head").statistics.report(FROM, TO)
    book = load_workbook(out)
    assert SUMMARY_SHEET in book.sheetnames and CASE_LIST_SHEET in book.sheetnames
    charted = [name for name in book.sheetnames if book[name]._charts]
    assert len(charted) >= 8
    assert book[CASE_LIST_SHEET].max_row == 31  # header + 30 cases
    assert "*" in str(book[CASE_LIST_SHEET]["D2"].value)  # complainant masked by default

    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("LibreOffice 未安装（找不到 soffice）")
        return
    work = tmp_path / "csv"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--norestore", "--convert-to", ALL_SHEETS_CSV, "--outdir", str(work), str(out)],
                   capture_output=True, text=True, timeout=180, check=True)
    sheets = {f.stem.removeprefix("stats-"): list(csv.reader(f.open(encoding="utf-8", newline="")))
              for f in work.glob("stats-*.csv")}
    summary = sheets[SUMMARY_SHEET]

    def line(table: list[list[str]], column: int, value: str) -> list[str]:
        return next(row for row in table if len(row) > column and row[column] == value)

    assert line(summary, 1, "收到投诉数（S1）")[2] == str(report.intake.received)
    rate = report.acceptance.acceptance_rate
    assert line(summary, 1, "受理率（S6）")[2:5] == [rate.percent_text(), str(rate.numerator), str(rate.denominator)]
    channels = sheets[report.by_channel.title]
    assert line(channels, 0, "LETTER")[2] == str(report.by_channel.row("LETTER").values[0])
    assert line(channels, 0, "PHONE")[2] == "0"
    assert len(sheets[CASE_LIST_SHEET]) == 31


def check_report_equals_independent_counts(services: Any, staff: Any, built: list[Any]) -> None:
    report = staff.user("head").statistics.report(FROM, TO)
    raw = _raw(services)
    cases = raw["complaints"]
    received = [c for c in cases if _in(c["received_date"])]
    decided_acc = [c for c in cases if _in(c["decision_date"])]
    decided = [c for c in cases if _in(c["handling_decided_on"])]
    replied = [c for c in cases if _in(c["reply_sent_on"])]
    ctx = services.ctx

    # S1 by channel, zeros included for every channel of the rule set
    assert report.intake.received == len(received) == 30
    channels = Counter(c["channel"] for c in received)
    assert {r.code: r.values[0] for r in report.by_channel.rows} == {
        code: channels.get(code, 0) for code in ctx.rule_set("2013").channels}
    assert report.by_channel.row("PHONE").values[0] == 0
    # S4 collective (≥ 3 complainants)
    per_case = Counter(p["complaint_id"] for p in raw["complainants"])
    assert report.intake.collective == sum(1 for c in received if per_case[c["id"]] >= 3) > 0

    # S5/S6 acceptance, S7 reasons by article and item
    assert report.acceptance.accepted == sum(c["decision"] == "ACCEPT" for c in decided_acc) == 20
    assert report.acceptance.not_accepted == sum(c["decision"] == "NOT_ACCEPT" for c in decided_acc) == 5
    reasons = Counter(code for c in decided_acc if c["decision"] == "NOT_ACCEPT"
                      for code in _codes(c["decision_reasons"]))
    table = report.not_accepted_by_reason
    assert {r.code: r.values[0] for r in table.rows if r.values[0]} == dict(reasons)
    assert table.row("R9-3").group == "第九条第（三）项" and table.row("R9-2a").values == (0,)

    # S8 (C1): notice SERVED ≤ receipt + 5 working days, computed per case with the rules engine
    rules, cal = ctx.rule_set("2013"), ctx.calendar()

    def c1_due(c: dict[str, Any]) -> dt.date:
        return compute_deadline(rules.clocks["C1"], cal, _date(c["received_date"]), rules).due_date

    on_time = sum(1 for c in decided_acc if c["acceptance_notice_sent_on"] is not None
                  and _date(c["acceptance_notice_sent_on"]) <= c1_due(c))
    assert report.acceptance.review_on_time == Ratio(on_time, len(decided_acc))
    assert 0 < on_time < len(decided_acc)  # both on-time and late notices exist
    # S9: no decision at the snapshot day and C1 passed
    today = ctx.clock.today()
    def open_at(c: dict[str, Any], day: dt.date) -> bool:  # not merged, not closed (withdrawn, archived) by then
        return c["state"] != "MERGED" and (c["closed_on"] is None or _date(c["closed_on"]) > day)

    waiting = [c for c in cases if c["decision_date"] is None and open_at(c, today)]
    assert report.acceptance.overdue_awaiting_decision == sum(c1_due(c) < today for c in waiting) == 5

    # S10–S12: handling, C2 on time against the stored (extended) due date, extensions
    assert report.handling.decided == len(decided)
    c2_ok = sum(1 for c in decided if _date(c["handling_decided_on"]) <= _date(c["handling_due"]))
    assert report.handling.handling_on_time == Ratio(c2_ok, len(decided))
    extended_ids = {e["complaint_id"] for e in raw["extensions"]}
    extended = [c for c in decided if c["id"] in extended_ids]
    assert report.handling.extended == len(extended) > 0
    assert report.handling.extension_rate == Ratio(len(extended), len(decided))
    served = {d["document_id"] for d in raw["served_docs"]}
    notified = {e["complaint_id"] for e in raw["extensions"] if e["notice_document_id"] in served}
    assert report.handling.extension_notified == Ratio(len(notified & {c["id"] for c in extended}), len(extended))

    # S14 (C3): reply served ≤ decision + 5 working days
    def c3_due(c: dict[str, Any]) -> dt.date:
        return compute_deadline(rules.clocks["C3"], cal, _date(c["handling_decided_on"]), rules).due_date

    c3_ok = sum(1 for c in replied if _date(c["reply_sent_on"]) <= c3_due(c))
    assert report.handling.reply_on_time == Ratio(c3_ok, len(replied))
    assert 0 < c3_ok < len(replied)
    # S15 open accepted at the snapshot day
    open_acc = [c for c in cases if c["accepted_on"] is not None and c["handling_decided_on"] is None
                and open_at(c, today)]
    assert report.handling.open_accepted == len(open_acc)
    assert report.handling.overdue_open == sum(_date(c["handling_due"]) < today for c in open_acc)

    # S13 durations: mean and median of calendar days
    days = [(_date(c["handling_decided_on"]) - _date(c["accepted_on"])).days for c in decided]
    d2 = next(d for d in report.durations if d.code == "D2")
    assert d2.count == len(days)
    assert d2.mean_days == pytest.approx(pystats.fmean(days))
    assert d2.median_days == pytest.approx(pystats.median(days))
    work = [cal.workdays_between(_date(c["received_date"]), _date(c["reply_sent_on"])) for c in replied]
    d5 = next(d for d in report.durations if d.code == "D5")
    assert d5.mean_days == pytest.approx(pystats.fmean(work))

    # S19 substantiated rate; S18 outcomes per respondent; S20 transfers
    assert report.outcome.substantiated_rate == Ratio(sum(bool(c["substantiated"]) for c in decided), len(decided))
    decided_ids = {c["id"] for c in decided}
    outcomes = Counter(code for d in raw["decisions"] if d["complaint_id"] in decided_ids
                       for code in _codes(d["outcome_codes"]))
    assert {r.code: r.values[0] for r in report.outcomes.rows if r.values[0]} == dict(outcomes)
    assert report.outcomes.row("O1a").values == (0,)
    transfers = Counter(t["kind"] for t in raw["transfers"] if _in(t["sent_on"]))
    assert report.outcome.transferred == sum(transfers.values()) > 0
    assert report.transfers_by_target.row("INDUSTRY_DISCIPLINE").values[0] == transfers["INDUSTRY_DISCIPLINE"]

    # S24 grounds (received / substantiated) and 昌图 problem types, zeros included
    received_ids = {c["id"] for c in received}
    grounds = Counter(c["ground_code"] for c in received)
    subst = Counter(c["ground_code"] for c in received if c["substantiated"])
    for code in ("M1", "M2", "M3", "M4"):
        assert report.by_ground_article5.row(code).values == (grounds[code], subst[code])
    problems = Counter(code for c in received for code in _codes(c["subtype_codes"]))
    for code in [f"P{i}" for i in range(1, 14)]:
        assert report.by_ground_problem_type.row(code).values[0] == problems[code]
    assert report.by_ground_problem_type.row("P1").values[0] == 0  # zero rows are listed
    assert report.outcome.other_ground_share == Ratio(grounds["M4"], len(received))

    # S25 respondent types (received vs substantiated respondents)
    types = Counter(r["type_code"] for r in raw["respondents"] if r["complaint_id"] in received_ids)
    sub_codes = {"O1a", "O1b", "O1c", "O1d", "O2a", "O2b", "O2c", "OX"}
    resp_type = {r["id"]: r["type_code"] for r in raw["respondents"]}
    subst_types = Counter(resp_type[d["respondent_id"]] for d in raw["decisions"]
                          if d["complaint_id"] in received_ids and set(_codes(d["outcome_codes"])) & sub_codes)
    for code in rules.respondent_types:
        assert report.by_respondent_type.row(code).values == (types[code], subst_types[code])

    # S27 repeat respondents; by handler; monthly trend; by office
    names = Counter((r["name"], r["type_code"]) for r in raw["respondents"])
    assert {row.label for row in report.repeat_respondents.rows} == {n for (n, _), k in names.items() if k >= 2}
    handlers = Counter(c["handler_id"] for c in cases if _in(c["accepted_on"]))
    user_names = {u["id"]: u["full_name"] for u in raw["users"]}
    assert {r.label: r.values[0] for r in report.by_handler.rows} == {
        user_names[h]: n for h, n in handlers.items()}
    months = Counter(_date(c["received_date"]).strftime("%Y-%m") for c in received)
    assert {r.code: r.values[0] for r in report.monthly_trend.rows} == {
        f"2025-{m:02d}": months.get(f"2025-{m:02d}", 0) for m in range(1, 7)}
    assert report.monthly_trend.column_total("decided") == len(decided)
    assert report.breakdowns()[-2].key == "by_office"
    assert report.breakdowns()[-2].row("TL").values == (30, 20, len(decided))


def check_period_filter_and_rule_sets_in_force(services: Any, staff: Any, built: list[Any]) -> None:
    stats = staff.user("head").statistics
    q1 = stats.report(dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    assert q1.period_label == "2025年第一季度"
    expected = sum(1 for b in built if b.received <= dt.date(2025, 3, 31))
    assert q1.intake.received == expected < 30
    assert q1.rule_set_ids == ("2013",)
    assert "G1" not in {r.code for r in q1.by_ground_article5.rows}
    # A period spanning 2025-06-15 lists the categories of both rule sets, zeros included.
    year = stats.report(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert year.period_label == "2025年度" and set(year.rule_set_ids) == {"2013", "2025"}
    codes = {r.code for r in year.by_ground_article5.rows}
    assert {"M1", "M4", "G1", "G7"} <= codes
    assert year.by_ground_article5.row("G7").values == (0, 0)
    assert {r.code for r in year.by_respondent_type.rows} >= {"TRADE_UNION", "LAWYER"}
    # Office filter: the local office's cases; an unknown office has none.
    assert stats.report(FROM, TO, "TL").intake.received == 30
    assert stats.report(FROM, TO, "XX").intake.received == 0
    with pytest.raises(ValidationError, match="早于开始日期"):
        stats.report(TO, FROM)


def check_case_rows_stream_masked_unless_allowed(services: Any, staff: Any, built: list[Any]) -> None:
    head = staff.user("head").statistics
    rows = list(head.case_rows(FROM, TO, batch_size=7))  # several keyset batches
    assert [r.case_no for r in rows] == [b.case_no for b in sorted(built, key=lambda b: b.received)]
    assert head.count_case_rows(FROM, TO) == len(rows) == 30
    first = rows[0]
    assert first.complainant == built[0].complainant[0] + "*" + built[0].complainant[-1]
    assert "*" not in "".join(r.complainant for r in head.case_rows(FROM, TO, masked=False))
    not_accepted = next(r for r in rows if r.outcome.startswith("不予受理"))
    assert "R9" in not_accepted.outcome or "R8" in not_accepted.outcome
    assert any(r.outcome.startswith("O2a") for r in rows)
    desk = staff.user("desk").statistics
    assert not desk.can_unmask()
    with pytest.raises(PermissionDenied, match="脱敏"):
        list(desk.case_rows(FROM, TO, masked=False))


def test_a_case_withdrawn_after_acceptance_is_open_until_the_day_it_closed(services: Any, staff: Any,
                                                                           clock: Any) -> None:
    """S15 在办数 at the period end: a case withdrawn (and archived) after acceptance stops being open
    on the day it closed — not before, and not never (it has no handling decision)."""
    from tests.services.scenario import accept, written

    desk, reviewer, head = staff.user("desk"), staff.user("reviewer"), staff.user("head")
    stays, leaves = desk.registration.register(written()), desk.registration.register(written())
    accept(reviewer, stays.id)
    accept(reviewer, leaves.id)
    accepted_on = clock.today()
    clock.advance(days=20)
    head.decisions.withdraw(leaves.id, signed=True, reason="投诉人书面撤回", terminate=True)
    withdrawn_on = clock.today()
    clock.advance(days=20)
    stats = staff.user("head").statistics
    before = stats.report(accepted_on, withdrawn_on - dt.timedelta(days=1))
    after = stats.report(accepted_on, clock.today())
    assert before.handling.open_accepted == 2
    assert after.handling.open_accepted == 1


def test_period_labels() -> None:
    assert period_label(dt.date(2025, 3, 1), dt.date(2025, 3, 31)) == "2025年3月"
    assert period_label(dt.date(2025, 10, 1), dt.date(2025, 12, 31)) == "2025年第四季度"
    assert period_label(dt.date(2025, 3, 2), dt.date(2025, 3, 31)) == "2025年3月2日至2025年3月31日"
