"""Deadline arithmetic with real 2024–2026 schedules (国务院办公厅 notices) and 民法典 201–203."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.enums import DeadlineStatus
from desktop_app.domain.errors import ValidationError
from desktop_app.rules.calendar import WorkingCalendar
from desktop_app.rules.clocks import compute_case_clocks, deadline_status
from desktop_app.rules.ruleset import RuleRegistry

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def registry() -> RuleRegistry:
    return RuleRegistry.load_default()


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    return WorkingCalendar()


@pytest.mark.parametrize(("received", "due"), [
    # 国庆 2025: 10月1日–8日放假（含中秋），9月28日（日）、10月11日（六）上班.
    # 9-30 not counted; 10-09(1) 10-10(2) 10-11 make-up Sat(3) 10-13(4) 10-14(5).   (T24)
    ("2025-09-30", "2025-10-14"),
    # Received on a holiday: the first working day after receipt (10-09) is day 1 -> same as above.
    # (chinese_calendar.find_workday would give 10-15 here.)
    ("2025-10-01", "2025-10-14"),
    # 9-28 make-up Sun(1) 9-29(2) 9-30(3) 10-09(4) 10-10(5).
    ("2025-09-26", "2025-10-10"),
    # 春节 2025: 1月28日–2月4日放假，1月26日（日）、2月8日（六）上班.
    # 1-26 make-up Sun(1) 1-27(2) 2-05(3) 2-06(4) 2-07(5).
    ("2025-01-24", "2025-02-07"),
    # 2-05(1) 2-06(2) 2-07(3) 2-08 make-up Sat(4) 2-10(5).
    ("2025-01-27", "2025-02-10"),
    # 国庆 2024: 10月1日–7日放假，9月29日（日）、10月12日（六）上班. 10-08..10-11(1-4), 10-12 Sat(5).
    ("2024-09-30", "2024-10-12"),
    # 春节 2024: 2月10日–17日放假，2月4日（日）、2月18日（日）上班. 2-09(1) 2-18 Sun(2) 2-19..2-21(3-5).
    ("2024-02-08", "2024-02-21"),
    # 春节 2026: 2月15日–23日放假，2月14日（六）、2月28日（六）上班. 2-14 Sat(1) 2-24..2-27(2-5).
    ("2026-02-13", "2026-02-27"),
    # 国庆 2026: 10月1日–7日放假，9月20日（日）、10月10日（六）上班. 10-08(1) 10-09(2) 10-10(3) 10-12(4) 10-13(5).
    ("2026-09-30", "2026-10-13"),
])
def test_acceptance_clock_c1_counts_working_days(registry, calendar, received, due):
    clock = compute_case_clocks(registry.for_date(D(received)), calendar, D(received))["C1"]
    assert clock.due_date == D(due)
    assert clock.unit.value == "working_days" and clock.length == 5
    assert clock.unconfirmed_years == ()


def test_t24_make_up_saturday_is_counted_and_explained(registry, calendar):
    clock = compute_case_clocks(registry.get("2013"), calendar, D("2025-09-30"))["C1"]
    text = "\n".join(clock.explanation)
    assert "第3个工作日：2025-10-11（星期六），调休上班（国庆节），计入" in text
    assert "跳过 2025-10-01 至 2025-10-08" in text
    assert "当日不计入" in text


def test_reply_clock_c3_from_decision_date(registry, calendar):
    clocks = compute_case_clocks(registry.get("2013"), calendar, D("2025-08-01"), accepted=D("2025-08-05"),
                                 decided=D("2025-09-30"))
    assert clocks["C3"].due_date == D("2025-10-14")


def test_handling_clock_c2_rolls_forward_off_a_holiday_and_keeps_conservative_date(registry, calendar):
    # 2025-08-17 + 45 days = 2025-10-01 (国庆节) -> first working day after is 2025-10-09.
    c2 = compute_case_clocks(registry.get("2025"), calendar, D("2025-08-15"), accepted=D("2025-08-17"))["C2"]
    assert (c2.raw_due_date, c2.due_date, c2.rolled_forward) == (D("2025-10-01"), D("2025-10-09"), True)
    assert any("顺延" in line and "第二百零三条" in line for line in c2.explanation)
    assert [n for n, _ in c2.warning_dates] == [30, 40, 43]
    assert dict(c2.warning_dates)[40] == D("2025-09-26")


def test_c2_plain_calendar_days_when_day_45_is_a_working_day(registry, calendar):
    c2 = compute_case_clocks(registry.get("2013"), calendar, D("2024-03-01"), accepted=D("2024-03-04"))["C2"]
    assert c2.due_date == D("2024-04-18") and not c2.rolled_forward  # 3-04 + 45 days, a Thursday


def test_extension_moves_c2_and_keeps_original(registry, calendar):
    c2 = compute_case_clocks(registry.get("2013"), calendar, D("2024-03-01"), accepted=D("2024-03-04"),
                             extended_to=D("2024-05-31"))["C2"]
    assert (c2.due_date, c2.original_due_date, c2.extended) == (D("2024-05-31"), D("2024-04-18"), True)
    with pytest.raises(ValidationError, match="应晚于原期满日"):
        compute_case_clocks(registry.get("2013"), calendar, D("2024-03-01"), accepted=D("2024-03-04"),
                            extended_to=D("2024-04-01"))


def test_dates_in_2027_are_flagged_unconfirmed_not_raised(registry, calendar):
    clocks = compute_case_clocks(registry.get("2025"), calendar, D("2026-12-28"), accepted=D("2027-02-01"))
    # 2026-12-29(1) 12-30(2) 12-31(3); 2027 has no data, so 1-01 (a Friday, 元旦 in reality) counts as
    # day 4 on the weekends-only fallback, then 1-04(5): an unconfirmed, flagged result.
    assert clocks["C1"].due_date == D("2027-01-04")
    assert clocks["C1"].unconfirmed_years == (2027,)
    assert any("2027年工作日历未确认" in line for line in clocks["C1"].explanation)
    assert deadline_status(clocks["C2"], D("2027-02-10"), calendar).status is DeadlineStatus.UNCONFIRMED


def test_2025_rules_carry_the_unconfirmed_time_limit_note(registry, calendar):
    c1 = compute_case_clocks(registry.get("2025"), calendar, D("2025-07-01"))["C1"]
    assert c1.time_limits_confirmed is False
    assert "2025年办法时限尚未核实，暂按2013年办法时限计算" in c1.explanation


@pytest.mark.parametrize(("today", "stopped", "status", "remaining"), [
    ("2025-09-30", None, DeadlineStatus.OK, 5),
    ("2025-10-10", None, DeadlineStatus.OK, 3),        # 10-11 (make-up), 10-13, 10-14 left
    ("2025-10-11", None, DeadlineStatus.DUE_SOON, 2),
    ("2025-10-14", None, DeadlineStatus.DUE_TODAY, 0),
    ("2025-10-15", None, DeadlineStatus.OVERDUE, -1),
    ("2025-10-20", "2025-10-14", DeadlineStatus.MET, -4),
    ("2025-10-20", "2025-10-15", DeadlineStatus.MET_LATE, -4),
])
def test_status_uses_injected_today(registry, calendar, today, stopped, status, remaining):
    c1 = compute_case_clocks(registry.get("2013"), calendar, D("2025-09-30"),
                             acceptance_notice_sent=D(stopped) if stopped else None)["C1"]
    state = deadline_status(c1, D(today), calendar)
    assert (state.status, state.working_days_remaining) == (status, remaining)


def test_supplement_clock_does_not_pause_acceptance_in_2013(registry, calendar):
    clocks = compute_case_clocks(registry.get("2013"), calendar, D("2025-03-03"), supplement_sent=D("2025-03-06"))
    assert clocks["C1"].due_date == D("2025-03-10")
    assert clocks["C5"].due_date == D("2025-03-11")  # 3 working days after 3-06
    assert "须在受理期满前作出决定" in clocks["C5"].explanation[-1]


def test_dates_out_of_order_are_refused(registry, calendar):
    with pytest.raises(ValidationError, match="早于收到投诉日期"):
        compute_case_clocks(registry.get("2013"), calendar, D("2025-03-03"), accepted=D("2025-03-01"))
