"""The statistics value objects: zero rows kept, ratios keep numerator and denominator."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.domain.statistics import (
    Breakdown,
    Category,
    Column,
    DayUnit,
    DurationStat,
    Ratio,
    month_categories,
)
from statistics_sample import PROBLEM_TYPES, make_report


def test_ratio_keeps_parts_and_has_no_value_without_denominator() -> None:
    assert Ratio(1, 4).value == 0.25
    assert Ratio(1, 4).percent_text() == "25.0%"
    assert Ratio(0, 0).value is None
    assert Ratio(0, 0).percent_text() == "—"


@pytest.mark.parametrize("numerator,denominator", [(3, 2), (-1, 2), (0, -1)])
def test_impossible_ratio_is_refused(numerator: int, denominator: int) -> None:
    with pytest.raises(ValueError, match="分子|分母"):
        Ratio(numerator, denominator)


def test_from_counts_lists_every_category_with_zero_and_keeps_unknown_codes() -> None:
    table = Breakdown.from_counts("p", "问题类型", "问题类型", PROBLEM_TYPES,
                                  {"P3": 4, "P99": 1}, share_of_total="count")
    assert [row.code for row in table.rows] == [f"P{n}" for n in range(1, 9)] + ["P99"]
    assert table.row("P1").values[0] == 0
    assert table.row("P3").values == (4, Ratio(4, 5))
    assert table.row("P1").values[1] == Ratio(0, 5)
    assert table.row("P3").group == "M2"
    assert table.column_total("count") == 5


def test_from_counts_refuses_wrong_number_of_counts() -> None:
    with pytest.raises(ValueError, match="2 个计数"):
        Breakdown.from_counts("x", "表", "类", [Category("A", "甲")], {"A": 3},
                              count_columns=(Column("a", "甲数"), Column("b", "乙数")))


def test_duration_mean_and_median() -> None:
    stat = DurationStat.from_days("d", "受理至处理决定", DayUnit.CALENDAR, [10, 20, 60])
    assert (stat.count, stat.mean_days, stat.median_days) == (3, 30.0, 20.0)
    empty = DurationStat.from_days("d", "受理至处理决定", DayUnit.CALENDAR, [])
    assert (empty.count, empty.mean_days, empty.median_days) == (0, None, None)


def test_month_categories_cover_every_month_across_a_year_end() -> None:
    months = month_categories(date(2024, 11, 15), date(2025, 2, 1))
    assert [m.code for m in months] == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert months[2].label == "2025年1月"


def test_report_derives_clock_table_from_the_typed_figures() -> None:
    report = make_report()
    clocks = report.on_time_by_clock
    assert [row.code for row in clocks.rows] == ["C1", "C2", "C3"]
    assert clocks.row("C1").values == (Ratio(9, 10), 1)
    assert clocks.row("C2").values == (Ratio(5, 6), 1)
    assert report.acceptance.acceptance_rate == Ratio(7, 10)
    labels = [figure.label for figure in report.key_figures()]
    assert "受理率" in labels and "答复及时率" in labels and "查实率" in labels


def test_report_refuses_a_period_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="早于开始日期"):
        replace(make_report(), period_to=date(2024, 12, 31))
