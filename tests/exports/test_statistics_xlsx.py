"""The statistics workbook, reopened with openpyxl: what a user opening it in Excel would see."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart, LineChart, PieChart
from openpyxl.workbook.workbook import Workbook

from desktop_app.domain.statistics import CaseListRow
from desktop_app.exports import statistics_xlsx
from desktop_app.exports.statistics_xlsx import (
    CASE_LIST_SHEET,
    SUMMARY_SHEET,
    export_statistics_workbook,
)
from statistics_sample import CHANNEL_COUNTS, make_report, synthetic_rows

BREAKDOWN_SHEETS = [
    "按投诉渠道统计", "不予受理原因", "按投诉事项（第五条）", "按问题类型（昌图七类）",
    "按被投诉人类型", "处理结果分布", "移送情况", "各环节按期完成情况", "办理用时",
    "按承办人统计", "月度收案趋势",
]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Workbook, list]:
    path = tmp_path_factory.mktemp("xlsx") / "统计.xlsx"
    calls: list[tuple[int, int]] = []
    result = export_statistics_workbook(make_report(), synthetic_rows(25), path,
                                        progress=lambda done, total: calls.append((done, total)),
                                        total_rows=25)
    assert result.path == path and not result.cancelled and result.case_rows_written == 25
    return path, openpyxl.load_workbook(path), calls


def rows_of(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def row_by_first(sheet, column: int, value: object) -> tuple:
    matches = [row for row in rows_of(sheet) if row[column] == value]
    assert matches, f"no row with {value!r} in column {column} of {sheet.title}"
    return matches[0]


def test_sheets_in_report_order(exported) -> None:
    _, workbook, _ = exported
    assert workbook.sheetnames == [SUMMARY_SHEET, *BREAKDOWN_SHEETS, CASE_LIST_SHEET]


def test_summary_has_county_report_layout(exported) -> None:
    _, workbook, _ = exported
    sheet = workbook[SUMMARY_SHEET]
    assert sheet["A1"].value == "和县司法局法律援助投诉情况统计表"
    assert "A1:F1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A2"].value == "填报单位：和县司法局（HX）"
    assert sheet["C2"].value == "统计期间：2025年第一季度（2025年1月1日至2025年3月31日）"
    assert [c.value for c in sheet[3]] == ["序号", "统计项目", "数值", "分子", "分母", "口径说明"]
    first_column = [row[0] for row in rows_of(sheet)]
    assert "一、收案情况" in first_column and "四、处理结果" in first_column
    assert "填报日期：2025年4月3日　　制表人：赵六" in first_column
    assert "案件台账个人信息：已脱敏（仅显示部分信息）" in first_column


def test_summary_ratios_carry_numerator_and_denominator(exported) -> None:
    _, workbook, _ = exported
    sheet = workbook[SUMMARY_SHEET]
    assert row_by_first(sheet, 1, "收到投诉数（S1）")[2:5] == (10, None, None)
    assert row_by_first(sheet, 1, "受理率（S6）")[2:5] == (0.7, 7, 10)
    assert row_by_first(sheet, 1, "按期办结率（S11）")[2:5] == (5 / 6, 5, 6)
    assert row_by_first(sheet, 1, "查实率（S19）")[2:5] == (0.5, 3, 6)
    rate_cell = next(c for c in sheet["C"] if c.value == 0.7)
    assert rate_cell.number_format == "0.0%"
    # mean of 10, 20, 40 calendar days; a duration without samples shows a dash, not 0
    assert row_by_first(sheet, 1, "受理至处理决定平均天数（S13）")[2] == pytest.approx(70 / 3)
    assert row_by_first(sheet, 1, "处理决定至答复平均天数（S13）")[2] == "—"


def test_breakdowns_keep_zero_rows_and_total(exported) -> None:
    _, workbook, _ = exported
    channels = workbook["按投诉渠道统计"]
    assert [c.value for c in channels[3]] == ["代码", "投诉渠道", "件数", "占比（分子）",
                                              "占比（分母）", "占比（率）"]
    assert row_by_first(channels, 0, "FAX")[1:6] == ("传真", 0, 0, 10, 0)
    assert row_by_first(channels, 0, "LETTER")[2:6] == (CHANNEL_COUNTS["LETTER"], 5, 10, 0.5)
    assert row_by_first(channels, 0, "合计")[2] == 10
    problem_types = workbook["按问题类型（昌图七类）"]
    codes = [row[0] for row in rows_of(problem_types)[3:11]]
    assert codes == [f"P{n}" for n in range(1, 9)]
    assert row_by_first(problem_types, 0, "P1")[2:4] == ("M1", 0)
    assert row_by_first(problem_types, 0, "P8")[3:7] == (1, 1, 7, pytest.approx(1 / 7))
    reasons = workbook["不予受理原因"]
    assert row_by_first(reasons, 0, "R9-3")[2:4] == ("第九条第（三）项", 2)
    assert row_by_first(reasons, 0, "R9-1")[3] == 0
    trend = workbook["月度收案趋势"]
    assert [row[0:3] for row in rows_of(trend)[3:6]] == [
        ("2025-01", "2025年1月", 6), ("2025-02", "2025年2月", 0), ("2025-03", "2025年3月", 4)]


def test_undefined_ratio_in_a_table_shows_a_dash(exported) -> None:
    _, workbook, _ = exported
    handlers = workbook["按承办人统计"]
    assert row_by_first(handlers, 1, "王五")[2:8] == (0, 0, 0, 0, "—", 0)
    assert row_by_first(handlers, 1, "李四")[4:7] == (1, 2, 0.5)


def test_native_charts_on_breakdown_sheets(exported) -> None:
    path, _, _ = exported
    # charts are read back only by a full (not read-only) load
    workbook = openpyxl.load_workbook(path)
    for name in BREAKDOWN_SHEETS:
        charts = workbook[name]._charts
        if name == "办理用时":
            assert charts == []
        else:
            assert len(charts) == 1, name
    assert isinstance(workbook["月度收案趋势"]._charts[0], LineChart)
    assert isinstance(workbook["按投诉渠道统计"]._charts[0], PieChart)
    assert isinstance(workbook["移送情况"]._charts[0], BarChart)
    assert workbook[SUMMARY_SHEET]._charts == [] and workbook[CASE_LIST_SHEET]._charts == []


def test_frozen_headers_and_column_widths(exported) -> None:
    _, workbook, _ = exported
    assert workbook[SUMMARY_SHEET].freeze_panes == "A4"
    assert workbook["按投诉渠道统计"].freeze_panes == "C4"
    cases = workbook[CASE_LIST_SHEET]
    assert cases.freeze_panes == "B2"
    assert cases.column_dimensions["A"].width == 26
    assert cases.auto_filter.ref == "A1:O26"
    assert cases.print_title_rows == "$1:$1"
    assert cases.page_setup.orientation == "landscape" and cases.page_setup.fitToWidth == 1


def test_case_list_has_real_dates_and_chinese_headers(exported) -> None:
    _, workbook, _ = exported
    cases = workbook[CASE_LIST_SHEET]
    assert [c.value for c in cases[1]][:4] == ["案件编号", "收到日期", "投诉渠道", "投诉人"]
    expected = list(synthetic_rows(25))
    assert cases.max_row == 26
    for sheet_row, row in zip(cases.iter_rows(min_row=2), expected):
        received = sheet_row[1]
        assert received.is_date and received.number_format == "yyyy-mm-dd"
        assert received.value == datetime.combine(row.received_on, datetime.min.time())
        accepted = sheet_row[8]
        if row.accepted_on is None:
            assert accepted.value is None
        else:
            assert accepted.is_date and accepted.value.date() == row.accepted_on
        assert sheet_row[0].value == row.case_no
        assert sheet_row[14].value == ("是" if row.overdue else "否")


def test_progress_reported_from_zero_to_total(exported) -> None:
    _, _, calls = exported
    assert calls[0] == (0, 25) and calls[-1] == (25, 25)


def test_progress_every_n_rows_with_unknown_total(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statistics_xlsx, "PROGRESS_EVERY_ROWS", 10)
    calls: list[tuple[int, int]] = []
    export_statistics_workbook(make_report(), synthetic_rows(35), tmp_path / "a.xlsx",
                               progress=lambda done, total: calls.append((done, total)))
    assert calls == [(0, 0), (10, 0), (20, 0), (30, 0), (35, 35)]


def test_rows_are_consumed_as_a_stream(tmp_path: Path) -> None:
    consumed: list[int] = []

    def rows() -> Iterator[CaseListRow]:
        for n, row in enumerate(synthetic_rows(5)):
            consumed.append(n)
            yield row

    result = export_statistics_workbook(make_report(), rows(), tmp_path / "s.xlsx")
    assert consumed == [0, 1, 2, 3, 4] and result.case_rows_written == 5


def test_without_case_rows_there_is_no_case_list_sheet(tmp_path: Path) -> None:
    result = export_statistics_workbook(make_report(), None, tmp_path / "s.xlsx")
    assert CASE_LIST_SHEET not in openpyxl.load_workbook(result.path).sheetnames


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_cancel_leaves_no_file_and_keeps_an_existing_one(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statistics_xlsx, "PROGRESS_EVERY_ROWS", 10)
    target = tmp_path / "统计.xlsx"
    target.write_bytes(b"previous export")
    seen_progress: list[int] = []

    def cancelled() -> bool:  # the user presses 取消 once the bar shows 30 rows
        return bool(seen_progress) and seen_progress[-1] >= 30

    opened_temp_files: list = []
    real_create = statistics_xlsx.Workbook.create_sheet

    def spy_create(self, *args, **kwargs):
        sheet = real_create(self, *args, **kwargs)
        opened_temp_files.append(sheet)
        return sheet

    monkeypatch.setattr(statistics_xlsx.Workbook, "create_sheet", spy_create)
    result = export_statistics_workbook(make_report(), synthetic_rows(1000), target,
                                        cancelled=cancelled,
                                        progress=lambda done, total: seen_progress.append(done))
    assert result.cancelled and result.path is None
    assert result.case_rows_written == 40 and seen_progress[-1] == 30
    assert target.read_bytes() == b"previous export"
    assert _leftovers(tmp_path) == ["统计.xlsx"]
    # openpyxl's per-sheet stream files are removed too, not left in /tmp until exit
    assert all(not Path(s._writer.out).exists() for s in opened_temp_files if s._writer)


def test_cancel_before_case_list_leaves_nothing(tmp_path: Path) -> None:
    result = export_statistics_workbook(make_report(), synthetic_rows(5), tmp_path / "s.xlsx",
                                        cancelled=lambda: True)
    assert result.cancelled and _leftovers(tmp_path) == []


def test_failing_row_source_leaves_no_partial_workbook(tmp_path: Path) -> None:
    def broken_rows() -> Iterator[CaseListRow]:
        yield from synthetic_rows(3)
        raise RuntimeError("数据库连接中断")

    with pytest.raises(RuntimeError, match="数据库连接中断"):
        export_statistics_workbook(make_report(), broken_rows(), tmp_path / "s.xlsx")
    assert _leftovers(tmp_path) == []


def test_masked_personal_data_is_written_exactly_as_given(tmp_path: Path) -> None:
    masked = [replace(row, complainant=f"{row.complainant}某", respondent="张*律师")
              for row in synthetic_rows(4)]
    path = export_statistics_workbook(make_report(), iter(masked), tmp_path / "s.xlsx").path
    cases = openpyxl.load_workbook(path)[CASE_LIST_SHEET]
    assert [(r[3], r[4]) for r in cases.iter_rows(min_row=2, values_only=True)] == [
        (row.complainant, "张*律师") for row in masked]


def test_unmasked_export_is_labelled_in_the_summary(tmp_path: Path) -> None:
    path = export_statistics_workbook(make_report(personal_data_masked=False), None,
                                      tmp_path / "s.xlsx").path
    first_column = [row[0] for row in rows_of(openpyxl.load_workbook(path)[SUMMARY_SHEET])]
    assert "案件台账个人信息：未脱敏（经授权导出完整信息）" in first_column


def test_long_or_clashing_titles_become_valid_unique_sheet_names(tmp_path: Path) -> None:
    report = make_report()
    renamed = replace(report.transfers_by_target, title="移送情况/按接收机关类型统计：律协、纪检监察、公安检察及其他")
    clash = replace(report.by_handler, title="按投诉渠道统计")
    report = replace(report, transfers_by_target=renamed, by_handler=clash)
    names = openpyxl.load_workbook(
        export_statistics_workbook(report, None, tmp_path / "s.xlsx").path).sheetnames
    long_title = "移送情况_按接收机关类型统计：律协、纪检监察、公安检察及其他"[:31]
    assert long_title in names
    assert "按投诉渠道统计(2)" in names
    assert all(len(name) <= 31 for name in names)


def test_ratio_table_value_must_be_a_ratio(tmp_path: Path) -> None:
    report = make_report()
    bad_row = replace(report.by_handler.rows[0], values=(6, 4, 0.5, 0))
    bad = replace(report.by_handler, rows=(bad_row,))
    with pytest.raises(TypeError, match="Ratio"):
        export_statistics_workbook(replace(report, by_handler=bad), None, tmp_path / "s.xlsx")
    assert _leftovers(tmp_path) == []
