"""Working-day calendar: library data, make-up days, overrides, unconfirmed years, imports."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.domain.enums import CalendarDayKind
from desktop_app.rules.calendar import (CalendarImportError, CalendarOverride, WorkingCalendar,
                                        load_override_file, parse_override_csv, parse_override_json)

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.mark.parametrize(("day", "workday", "reason"), [
    ("2025-10-01", False, "国庆节"),          # 国庆 2025: 10月1日至8日放假
    ("2025-10-04", False, "国庆节"),          # a Saturday inside the holiday block
    ("2025-10-11", True, "调休上班（国庆节）"),  # make-up Saturday
    ("2025-09-28", True, "调休上班（国庆节）"),  # make-up Sunday
    ("2025-10-12", False, "周末"),
    ("2025-10-09", True, "工作日"),
    ("2025-01-28", False, "春节"),            # 春节 2025: 1月28日至2月4日
    ("2025-02-08", True, "调休上班（春节）"),
    ("2026-02-14", True, "调休上班（春节）"),   # 春节 2026: 2月15日至23日, 2月14日上班
    ("2026-02-23", False, "春节"),
])
def test_day_info_reports_reason_from_state_council_schedule(calendar, day, workday, reason):
    info = calendar.day_info(D(day))
    assert (info.is_workday, info.reason, info.confirmed) == (workday, reason, True)
    assert calendar.is_workday(D(day)) is workday


def test_year_without_data_never_raises_and_is_weekends_only_unconfirmed(calendar):
    friday, saturday = calendar.day_info(D("2027-01-01")), calendar.day_info(D("2027-01-02"))
    assert (friday.is_workday, friday.confirmed) == (True, False)
    assert (saturday.is_workday, saturday.reason) == (False, "周末")
    assert not calendar.is_year_confirmed(2027)
    assert calendar.unconfirmed_years(D("2026-12-30"), D("2027-01-05")) == (2027,)
    assert 2026 in calendar.covered_years() and 2027 not in calendar.covered_years()
    assert calendar.day_info(D("1995-05-01")).confirmed is False


def test_override_changes_day_but_confirms_year_only_when_declared_complete():
    new_year = CalendarOverride(D("2027-01-01"), CalendarDayKind.HOLIDAY, "元旦")
    partial = WorkingCalendar([new_year])
    assert partial.is_workday(D("2027-01-01")) is False
    assert partial.day_info(D("2027-01-01")).reason == "元旦"
    assert partial.is_year_confirmed(2027) is False
    complete = WorkingCalendar([new_year], confirmed_years=[2027])
    assert complete.is_year_confirmed(2027) and complete.day_info(D("2027-01-01")).confirmed


def test_override_can_turn_a_library_day_into_a_workday():
    cal = WorkingCalendar([CalendarOverride(D("2025-10-12"), CalendarDayKind.WORKDAY, "本机关值班上班")])
    assert cal.is_workday(D("2025-10-12")) and cal.day_info(D("2025-10-12")).overridden


def test_parse_csv_with_chinese_header_and_confirmed_year():
    text = "\ufeff日期,类型,说明\n2027-01-01,休,元旦\n2027-02-06,班,春节调休上班\n2027,全年已确认,已录入\n"
    result = parse_override_csv(text, "2027.csv")
    assert result.confirmed_years == frozenset({2027})
    assert [(o.date, o.kind) for o in result.overrides] == [
        (D("2027-01-01"), CalendarDayKind.HOLIDAY), (D("2027-02-06"), CalendarDayKind.WORKDAY)]
    cal = WorkingCalendar.from_override_set(result)
    assert cal.is_workday(D("2027-02-06")) and cal.is_year_confirmed(2027)


@pytest.mark.parametrize(("text", "expected"), [
    ("date,kind,note\n2027-01-01,HOLIDAY,元旦\n2027-02-30,HOLIDAY,x\n", ["第3行", "日期", "2027-02-30"]),
    ("date,kind,note\n2027-01-01,VACATION,x\n", ["第2行", "类型", "VACATION"]),
    ("date,kind\n2027-01-01,HOLIDAY\n2027-01-01,WORKDAY\n", ["第3行", "重复"]),
    ("day,kind\n2027-01-01,HOLIDAY\n", ["第1行", "day"]),
    ("date,kind\n27,CONFIRMED_YEAR\n", ["第2行", "年份"]),
])
def test_csv_errors_name_line_and_problem(text, expected):
    with pytest.raises(CalendarImportError) as info:
        parse_override_csv(text, "u.csv")
    for fragment in expected:
        assert fragment in info.value.message
    assert "u.csv" in info.value.message


def test_json_import_and_its_errors(tmp_path):
    good = {"confirmed_years": [2027], "days": [{"date": "2027-10-01", "kind": "HOLIDAY", "note": "国庆节"}]}
    path = tmp_path / "cal.json"
    path.write_text(json.dumps(good, ensure_ascii=False), encoding="utf-8")
    assert load_override_file(path).overrides[0].note == "国庆节"
    with pytest.raises(CalendarImportError, match=r"days\[0\]\.when"):
        parse_override_json(json.dumps({"days": [{"when": "2027-01-01", "date": "2027-01-01", "kind": "HOLIDAY"}]}))
    with pytest.raises(CalendarImportError, match="confirmed_years"):
        parse_override_json(json.dumps({"confirmed_years": ["明年"]}))
    with pytest.raises(CalendarImportError, match="不支持的文件类型"):
        (tmp_path / "cal.xlsx").write_bytes(b"x")
        load_override_file(tmp_path / "cal.xlsx")
