"""统计报表 Excel export (openpyxl write-only): a StatisticsReport and an iterator of
CaseListRow in, one .xlsx out. No database, no Qt.

Workbook layout: 汇总 (county-report summary) · one sheet per breakdown with a native
chart · 案件台账 (case list, streamed).

openpyxl write-only worksheets (``Workbook(write_only=True)``, openpyxl 3.1) stream rows
to a temporary file, so everything written *before* the rows in the sheet XML must be set
before the first ``append``: freeze panes (sheet view) and column widths (``<cols>``).
Charts (``add_chart``), merged ranges (``ws.merged_cells.add``; there is no
``merge_cells()``), auto-filter and conditional formatting are written after the rows and
may be set at any time before saving. Cells cannot be revisited, so each sheet is built
row by row in order.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.statistics import (
    Breakdown,
    CaseListRow,
    ChartKind,
    ColumnKind,
    KeyFigure,
    Ratio,
    StatisticsReport,
)

ProgressCallback = Callable[[int, int], None]
CancelledCallback = Callable[[], bool]

SUMMARY_SHEET = "汇总"
CASE_LIST_SHEET = "案件台账"
PROGRESS_EVERY_ROWS = 2000  # progress + cancellation check interval (cheap at this rate)

INTEGER_FORMAT = "0"
PERCENT_FORMAT = "0.0%"
DAYS_FORMAT = "0.0"
UNDEFINED_RATE = "—"  # shown when a ratio's denominator is 0

CASE_LIST_COLUMNS: tuple[tuple[str, str, float], ...] = (
    # (CaseListRow attribute, Chinese header, column width)
    ("case_no", "案件编号", 26),
    ("received_on", "收到日期", 12),
    ("channel", "投诉渠道", 12),
    ("complainant", "投诉人", 12),
    ("respondent", "被投诉人", 22),
    ("respondent_type", "被投诉人类型", 16),
    ("ground", "投诉事项", 30),
    ("state", "当前状态", 14),
    ("accepted_on", "受理决定日期", 13),
    ("decided_on", "处理决定日期", 13),
    ("replied_on", "答复日期", 12),
    ("outcome", "处理结果", 20),
    ("handler", "承办人", 10),
    ("next_deadline", "下一期限", 12),
    ("overdue", "是否逾期", 9),
)
_ROW_VALUES = attrgetter(*(name for name, _, _ in CASE_LIST_COLUMNS[:-1]))
_OVERDUE_TEXT = {True: "是", False: "否"}

_FORBIDDEN_SHEET_CHARS = str.maketrans({c: "_" for c in '[]:*?/\\'})


@dataclass(frozen=True, slots=True)
class ExportResult:
    """Outcome of an export. ``path`` is None when cancelled (no file is left behind)."""

    path: Path | None
    cancelled: bool
    case_rows_written: int
    sheet_names: tuple[str, ...]
    elapsed_seconds: float


class _Styles:
    """Style objects shared by all cells (openpyxl de-duplicates them into one stylesheet)."""

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    title_font = Font(name="宋体", size=16, bold=True)
    subtitle_font = Font(name="宋体", size=11)
    header_font = Font(name="黑体", size=11, bold=True)
    section_font = Font(name="宋体", size=11, bold=True)
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    total_fill = PatternFill("solid", fgColor="F2F2F2")
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    overdue_font = Font(color="C00000", bold=True)


def export_statistics_workbook(
    report: StatisticsReport,
    case_rows: Iterable[CaseListRow] | None,
    path: str | os.PathLike[str],
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelledCallback | None = None,
    total_rows: int | None = None,
) -> ExportResult:
    """Write the statistics workbook to ``path``.

    ``case_rows`` is consumed once, as a stream (never materialised); None omits the case
    list sheet. ``progress(done, total)`` is called at the start, every
    ``PROGRESS_EVERY_ROWS`` case rows and at the end; ``total`` is ``total_rows`` or 0 when
    unknown (a busy indicator, like ``QProgressBar.setMaximum(0)``). When ``cancelled()``
    returns True the export stops, nothing is left at ``path`` (an existing file there is
    untouched) and the result has ``cancelled=True``. The workbook is written to a temporary
    file in the target directory and renamed into place only when complete.
    """
    started = time.perf_counter()
    target = Path(path)
    total = total_rows or 0
    is_cancelled: CancelledCallback = cancelled or (lambda: False)
    report_progress: ProgressCallback = progress or (lambda done, of: None)

    workbook = Workbook(write_only=True)
    sheets: list[WriteOnlyWorksheet] = []
    used_titles: set[str] = set()

    def new_sheet(title: str) -> WriteOnlyWorksheet:
        sheet = workbook.create_sheet(_unique_sheet_title(title, used_titles))
        sheets.append(sheet)
        return sheet

    def give_up(rows_written: int) -> ExportResult:
        _discard_sheet_files(sheets)
        return ExportResult(None, True, rows_written, (), time.perf_counter() - started)

    report_progress(0, total)
    try:
        written = _write_sheets(new_sheet, report, case_rows, report_progress,
                                is_cancelled, total)
        if is_cancelled():
            raise _Cancelled(written)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".xlsx.part",
                                             dir=target.parent)
        os.close(handle)
        try:
            workbook.save(temp_name)
            os.replace(temp_name, target)
        finally:
            Path(temp_name).unlink(missing_ok=True)
    except _Cancelled as stop:
        return give_up(stop.rows_written)
    except BaseException:
        _discard_sheet_files(sheets)
        raise
    report_progress(written, total or written)
    return ExportResult(target, False, written, tuple(s.title for s in sheets),
                        time.perf_counter() - started)


def _write_sheets(new_sheet: Callable[[str], WriteOnlyWorksheet],
                  report: StatisticsReport, case_rows: Iterable[CaseListRow] | None,
                  report_progress: ProgressCallback, is_cancelled: CancelledCallback,
                  total: int) -> int:
    _write_summary(new_sheet(SUMMARY_SHEET), report)
    for breakdown in report.breakdowns():
        if is_cancelled():
            raise _Cancelled(0)
        _write_breakdown(new_sheet(breakdown.title), breakdown, report)
    if case_rows is None:
        return 0
    return _write_case_list(new_sheet(CASE_LIST_SHEET), iter(case_rows), report_progress,
                            is_cancelled, total)


class _Cancelled(Exception):
    def __init__(self, rows_written: int) -> None:
        super().__init__(rows_written)
        self.rows_written = rows_written


# ---------------------------------------------------------------------------
# Sheets
# ---------------------------------------------------------------------------


def _write_summary(ws: WriteOnlyWorksheet, report: StatisticsReport) -> None:
    """The county-report layout: title, 填报单位 / 统计期间, numbered items, 填报日期."""
    headers = ("序号", "统计项目", "数值", "分子", "分母", "口径说明")
    widths = (7, 34, 12, 10, 10, 46)
    _set_widths(ws, widths)
    _fit_to_page_width(ws, landscape=False)
    ws.freeze_panes = "A4"
    last_col = get_column_letter(len(headers))

    ws.append([_cell(ws, f"{report.office_name}法律援助投诉情况统计表", _Styles.title_font,
                     _Styles.center)])
    ws.merged_cells.add(f"A1:{last_col}1")
    ws.row_dimensions[1].height = 30
    ws.append([
        _cell(ws, f"填报单位：{report.office_name}（{report.office_code}）", _Styles.subtitle_font),
        None,
        _cell(ws, f"统计期间：{report.period_label}（{_chinese_date(report.period_from)}至"
                  f"{_chinese_date(report.period_to)}）", _Styles.subtitle_font),
    ])
    ws.merged_cells.add("A2:B2")
    ws.merged_cells.add(f"C2:{last_col}2")
    ws.append(_header_cells(ws, headers))

    row_number = 3
    section = None
    item_number = 0
    for figure in report.key_figures():
        if figure.section != section:
            section = figure.section
            row_number += 1
            ws.append([_cell(ws, section, _Styles.section_font, _Styles.left, _Styles.border)])
            ws.merged_cells.add(f"A{row_number}:{last_col}{row_number}")
        item_number += 1
        row_number += 1
        ws.append(_key_figure_cells(ws, item_number, figure))

    masked = "已脱敏（仅显示部分信息）" if report.personal_data_masked else "未脱敏（经授权导出完整信息）"
    footer = [
        f"案件台账个人信息：{masked}",
        f"适用规则集：{'、'.join(report.rule_set_ids) or '—'}",
        *report.notes,
        f"填报日期：{_chinese_date(report.generated_at.date())}"
        + (f"　　制表人：{report.generated_by}" if report.generated_by else ""),
        "审核人：　　　　　　　　负责人：",
    ]
    ws.append([])
    row_number += 1
    for text in footer:
        row_number += 1
        ws.append([_cell(ws, text, _Styles.subtitle_font, _Styles.left)])
        ws.merged_cells.add(f"A{row_number}:{last_col}{row_number}")


def _key_figure_cells(ws: WriteOnlyWorksheet, number: int, figure: KeyFigure) -> list[WriteOnlyCell]:
    label = f"{figure.label}（{figure.statistic_id}）"
    value = figure.value
    numerator = denominator = None
    if isinstance(value, Ratio):
        numerator, denominator = value.numerator, value.denominator
        shown, number_format = (value.value, PERCENT_FORMAT) if value.value is not None else (
            UNDEFINED_RATE, None)
    elif isinstance(value, float):
        shown, number_format = value, DAYS_FORMAT
    elif value is None:
        shown, number_format = UNDEFINED_RATE, None
    else:
        shown, number_format = value, INTEGER_FORMAT
    unit_note = "" if isinstance(value, Ratio) else f"单位：{figure.unit}"
    note = "；".join(part for part in (unit_note, figure.note) if part)
    return [
        _cell(ws, number, None, _Styles.center, _Styles.border, INTEGER_FORMAT),
        _cell(ws, label, None, _Styles.left, _Styles.border),
        _cell(ws, shown, None, _Styles.center, _Styles.border, number_format),
        _cell(ws, numerator, None, _Styles.center, _Styles.border, INTEGER_FORMAT),
        _cell(ws, denominator, None, _Styles.center, _Styles.border, INTEGER_FORMAT),
        _cell(ws, note, None, _Styles.left, _Styles.border),
    ]


def _breakdown_headers(breakdown: Breakdown) -> list[tuple[str, float]]:
    """(header, width) per exported column; a Ratio column expands to 分子, 分母, 率."""
    headers: list[tuple[str, float]] = [("代码", 16), (breakdown.category_header, 30)]
    if breakdown.show_group:
        headers.append((breakdown.group_header, 14))
    for column in breakdown.columns:
        if column.kind is ColumnKind.RATIO:
            headers += [(f"{column.header}（分子）", 12), (f"{column.header}（分母）", 12),
                        (f"{column.header}（率）", 12)]
        else:
            headers.append((column.header, 14 if column.kind is not ColumnKind.TEXT else 12))
    return headers


def _write_breakdown(ws: WriteOnlyWorksheet, breakdown: Breakdown, report: StatisticsReport) -> None:
    headers = _breakdown_headers(breakdown)
    _set_widths(ws, [width for _, width in headers])
    _fit_to_page_width(ws, landscape=True)
    header_row = 3
    ws.freeze_panes = f"C{header_row + 1}"
    last_col = get_column_letter(len(headers))

    ws.append([_cell(ws, breakdown.title, _Styles.title_font, _Styles.center)])
    ws.merged_cells.add(f"A1:{last_col}1")
    ws.row_dimensions[1].height = 26
    ws.append([_cell(ws, f"{report.office_name}　{report.period_label}"
                         f"（{report.period_from:%Y-%m-%d}至{report.period_to:%Y-%m-%d}）",
                     _Styles.subtitle_font, _Styles.left)])
    ws.merged_cells.add(f"A2:{last_col}2")
    ws.append(_header_cells(ws, [header for header, _ in headers]))

    first_value_col = 3 + (1 if breakdown.show_group else 0)
    chart_col: int | None = None
    col = first_value_col
    for column in breakdown.columns:
        if column.key == breakdown.chart_column:
            chart_col = col
        col += 3 if column.kind is ColumnKind.RATIO else 1

    for row in breakdown.rows:
        cells = [_cell(ws, row.code, None, _Styles.center, _Styles.border),
                 _cell(ws, row.label, None, _Styles.left, _Styles.border)]
        if breakdown.show_group:
            cells.append(_cell(ws, row.group, None, _Styles.center, _Styles.border))
        for column, value in zip(breakdown.columns, row.values):
            cells += _value_cells(ws, column.kind, value)
        ws.append(cells)
    last_data_row = header_row + len(breakdown.rows)

    if breakdown.show_total and breakdown.rows:
        cells = [_cell(ws, "合计", _Styles.section_font, _Styles.center, _Styles.border,
                       fill=_Styles.total_fill),
                 _cell(ws, None, None, None, _Styles.border, fill=_Styles.total_fill)]
        if breakdown.show_group:
            cells.append(_cell(ws, None, None, None, _Styles.border, fill=_Styles.total_fill))
        for column in breakdown.columns:
            if column.kind is ColumnKind.COUNT:
                cells.append(_cell(ws, breakdown.column_total(column.key), _Styles.section_font,
                                   _Styles.center, _Styles.border, INTEGER_FORMAT,
                                   _Styles.total_fill))
            else:
                width = 3 if column.kind is ColumnKind.RATIO else 1
                cells += [_cell(ws, None, None, None, _Styles.border, fill=_Styles.total_fill)
                          for _ in range(width)]
        ws.append(cells)

    notes = []
    if breakdown.statistic_ids:
        notes.append(f"统计口径：{'、'.join(breakdown.statistic_ids)}（见统计说明）")
    if breakdown.note:
        notes.append(breakdown.note)
    if notes:
        note_row = last_data_row + (1 if breakdown.show_total and breakdown.rows else 0) + 2
        ws.append([])
        ws.append([_cell(ws, "　".join(notes), _Styles.subtitle_font, _Styles.left)])
        ws.merged_cells.add(f"A{note_row}:{last_col}{note_row}")

    if breakdown.has_chart and chart_col is not None:
        ws.add_chart(_make_chart(ws, breakdown, chart_col, header_row, last_data_row),
                     f"{get_column_letter(len(headers) + 2)}{header_row}")


def _make_chart(ws: WriteOnlyWorksheet, breakdown: Breakdown, data_col: int, header_row: int,
                last_data_row: int) -> BarChart | PieChart | LineChart:
    data = Reference(ws, min_col=data_col, min_row=header_row, max_row=last_data_row)
    labels = Reference(ws, min_col=2, min_row=header_row + 1, max_row=last_data_row)
    chart: BarChart | PieChart | LineChart
    if breakdown.chart is ChartKind.PIE:
        chart = PieChart()
        chart.dataLabels = DataLabelList()
        chart.dataLabels.showPercent = True
    elif breakdown.chart is ChartKind.LINE:
        chart = LineChart()
        chart.y_axis.title = "件数"
        chart.y_axis.majorGridlines = None
        chart.legend = None
    else:
        chart = BarChart()
        chart.type = "bar" if len(breakdown.rows) > 6 else "col"
        chart.y_axis.title = "件数"
        chart.legend = None
    if isinstance(chart, (BarChart, LineChart)):
        # openpyxl ≥ 3.1 hides axes unless told otherwise (Excel then shows none)
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.y_axis.numFmt = INTEGER_FORMAT
    chart.title = breakdown.title
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(labels)
    if isinstance(chart, LineChart):
        for series in chart.series:
            series.smooth = False  # a smoothed curve would invent values between months
    chart.width = 18
    chart.height = max(7.5, min(20.0, 0.6 * len(breakdown.rows) + 3))
    return chart


def _write_case_list(ws: WriteOnlyWorksheet, rows: Iterator[CaseListRow], report_progress: ProgressCallback,
                     is_cancelled: CancelledCallback, total: int) -> int:
    """Stream the case list. Per-row work is kept to one tuple build and one append: dates
    become real Excel dates through openpyxl's own date handling (format yyyy-mm-dd), and
    overdue rows are highlighted by one conditional-format rule instead of per-cell styles."""
    _set_widths(ws, [width for _, _, width in CASE_LIST_COLUMNS])
    ws.freeze_panes = "B2"
    _fit_to_page_width(ws, landscape=True)
    ws.print_title_rows = "1:1"  # the header repeats on every printed page
    ws.append(_header_cells(ws, [header for _, header, _ in CASE_LIST_COLUMNS]))

    append = ws.append
    row_values = _ROW_VALUES
    overdue_text = _OVERDUE_TEXT
    written = 0
    next_checkpoint = PROGRESS_EVERY_ROWS
    for row in rows:
        append(row_values(row) + (overdue_text[row.overdue],))
        written += 1
        if written == next_checkpoint:
            next_checkpoint += PROGRESS_EVERY_ROWS
            if is_cancelled():
                raise _Cancelled(written)
            report_progress(written, total)

    last_col = get_column_letter(len(CASE_LIST_COLUMNS))
    last_row = written + 1
    ws.auto_filter.ref = f"A1:{last_col}{last_row}"
    if written:
        ws.conditional_formatting.add(
            f"A2:{last_col}{last_row}",
            FormulaRule(formula=[f'${last_col}2="是"'], font=_Styles.overdue_font),
        )
    return written


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _cell(ws: WriteOnlyWorksheet, value: object, font: Font | None = None,
          alignment: Alignment | None = None, border: Border | None = None,
          number_format: str | None = None, fill: PatternFill | None = None) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    if font is not None:
        cell.font = font
    if alignment is not None:
        cell.alignment = alignment
    if border is not None:
        cell.border = border
    if number_format is not None and not isinstance(value, str):
        cell.number_format = number_format
    if fill is not None:
        cell.fill = fill
    return cell


def _header_cells(ws: WriteOnlyWorksheet, headers: Iterable[str]) -> list[WriteOnlyCell]:
    return [_cell(ws, header, _Styles.header_font, _Styles.center, _Styles.border,
                  fill=_Styles.header_fill) for header in headers]


def _value_cells(ws: WriteOnlyWorksheet, kind: ColumnKind, value: object) -> list[WriteOnlyCell]:
    border, center = _Styles.border, _Styles.center
    if kind is ColumnKind.RATIO:
        if not isinstance(value, Ratio):
            raise TypeError(f"比率列的值必须是 Ratio，得到 {value!r}")
        rate = value.value
        return [
            _cell(ws, value.numerator, None, center, border, INTEGER_FORMAT),
            _cell(ws, value.denominator, None, center, border, INTEGER_FORMAT),
            _cell(ws, UNDEFINED_RATE if rate is None else rate, None, center, border, PERCENT_FORMAT),
        ]
    if kind is ColumnKind.COUNT:
        return [_cell(ws, value, None, center, border, INTEGER_FORMAT)]
    if kind is ColumnKind.DAYS:
        return [_cell(ws, value, None, center, border, DAYS_FORMAT)]
    return [_cell(ws, value, None, center, border)]


def _set_widths(ws: WriteOnlyWorksheet, widths: Iterable[float]) -> None:
    # Must happen before the first append: <cols> precedes <sheetData> in the sheet XML.
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width


def _fit_to_page_width(ws: WriteOnlyWorksheet, *, landscape: bool) -> None:
    """A4, all columns on one page width, as many pages tall as needed."""
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _unique_sheet_title(title: str, used: set[str]) -> str:
    """Excel sheet names: ≤ 31 characters, none of []:*?/\\, unique ignoring case."""
    base = title.translate(_FORBIDDEN_SHEET_CHARS).strip("'") or "表"
    candidate = base[:31]
    suffix = 2
    while candidate.lower() in used:
        tail = f"({suffix})"
        candidate = base[: 31 - len(tail)] + tail
        suffix += 1
    used.add(candidate.lower())
    return candidate


def _discard_sheet_files(sheets: Iterable[WriteOnlyWorksheet]) -> None:
    """Remove the temporary files openpyxl streams write-only sheets into."""
    for sheet in sheets:
        writer = sheet._writer  # noqa: SLF001 — openpyxl exposes no public discard
        if writer is None:
            continue
        try:
            if not sheet.closed:
                sheet.close()
        except Exception:  # the sheet is being thrown away; only the file matters
            pass
        Path(writer.out).unlink(missing_ok=True)


def _chinese_date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"
