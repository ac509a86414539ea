"""Property tests: deadlines are always sensible, for any date 1990–2100."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.rules.calendar import WorkingCalendar
from desktop_app.rules.clocks import compute_case_clocks, compute_deadline
from desktop_app.rules.ruleset import RuleRegistry

REGISTRY = RuleRegistry.load_default()
RULES = REGISTRY.get("2013")
CALENDAR = WorkingCalendar()
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
lengths = st.integers(min_value=1, max_value=60)
FAST = settings(max_examples=60, deadline=None)


@FAST
@given(start=dates, length=lengths)
def test_working_day_deadline_is_a_working_day_after_start(start, length):
    deadline = compute_deadline(RULES.clock("C1"), CALENDAR, start, RULES, length=length)
    assert deadline.due_date > start
    assert CALENDAR.is_workday(deadline.due_date)
    assert CALENDAR.workdays_between(start, deadline.due_date) == length


@FAST
@given(start=dates, length=lengths)
def test_calendar_day_deadline_rolls_only_forward_to_a_working_day(start, length):
    deadline = compute_deadline(RULES.clock("C2"), CALENDAR, start, RULES, length=length)
    assert deadline.raw_due_date == start + dt.timedelta(days=length)
    assert deadline.due_date >= deadline.raw_due_date
    assert CALENDAR.is_workday(deadline.due_date)


@FAST
@given(first=dates, second=dates, length=lengths)
def test_deadlines_are_monotonic_in_start_date(first, second, length):
    early, late = sorted((first, second))
    for code in ("C1", "C2"):
        a = compute_deadline(RULES.clock(code), CALENDAR, early, RULES, length=length)
        b = compute_deadline(RULES.clock(code), CALENDAR, late, RULES, length=length)
        assert a.due_date <= b.due_date


@FAST
@given(received=dates, offset=st.integers(min_value=0, max_value=30), span=st.integers(min_value=0, max_value=90))
def test_case_clocks_never_raise_and_flag_missing_years(received, offset, span):
    accepted = received + dt.timedelta(days=offset)
    decided = accepted + dt.timedelta(days=span)
    if received < dt.date(2014, 1, 1) or decided.year > 2100:
        ruleset = RULES  # the engine itself accepts any date; the registry refuses pre-2014 receipts
    else:
        ruleset = REGISTRY.for_date(received)
    clocks = compute_case_clocks(ruleset, CALENDAR, received, accepted=accepted, decided=decided)
    for deadline in clocks.values():
        years = range(deadline.start_date.year, deadline.due_date.year + 1)
        assert set(deadline.unconfirmed_years) == {y for y in years if not CALENDAR.is_year_confirmed(y)}
