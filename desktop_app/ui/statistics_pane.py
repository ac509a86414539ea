"""统计 pane: period and office, the report as tables with small bar charts, Excel export in the background."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.statistics import Breakdown, ColumnKind, Ratio, StatisticsReport
from desktop_app.ui.context import UiContext
from desktop_app.ui.pane_base import Pane
from desktop_app.ui.tasks import TaskControl, TaskFailure, TaskHandle

# QT_TRANSLATE_NOOP marks the labels for lupdate; they are translated where they are shown.
PERIOD_KINDS = (("month", QT_TRANSLATE_NOOP("StatisticsPane", "月度")),
                ("quarter", QT_TRANSLATE_NOOP("StatisticsPane", "季度")),
                ("year", QT_TRANSLATE_NOOP("StatisticsPane", "年度")),
                ("custom", QT_TRANSLATE_NOOP("StatisticsPane", "自定义")))
ALL_OFFICES = ""


def period_bounds(kind: str, year: int, number: int, custom: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """First and last day of a month / quarter / year (``number`` = month or quarter), or the custom range."""
    if kind == "month":
        start = dt.date(year, number, 1)
        end = dt.date(year + (number == 12), number % 12 + 1, 1) - dt.timedelta(days=1)
        return start, end
    if kind == "quarter":
        start = dt.date(year, 3 * number - 2, 1)
        last_month = 3 * number
        end = dt.date(year + (last_month == 12), last_month % 12 + 1, 1) - dt.timedelta(days=1)
        return start, end
    if kind == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    return custom


def cell_text(kind: ColumnKind, value: object) -> str:
    if value is None:
        return "—" if kind in (ColumnKind.RATIO, ColumnKind.DAYS) else ""
    if isinstance(value, Ratio):
        return f"{value.percent_text()}（{value.numerator}/{value.denominator}）"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


class BarChart(QWidget):
    """A small horizontal bar chart drawn with QPainter (QtCharts is not in PySide6-Essentials)."""

    BAR_COLOR = QColor("#a61b1b")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barChart")
        self._bars: list[tuple[str, int]] = []
        self.setMinimumWidth(260)

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        self._bars = bars
        self.setMinimumHeight(22 * len(bars) + 10)
        self.update()

    def bars(self) -> list[tuple[str, int]]:
        return list(self._bars)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 22 * max(len(self._bars), 1) + 10)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self._bars:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("无数据"))
            return
        metrics = painter.fontMetrics()
        label_width = min(max(metrics.horizontalAdvance(label) for label, _ in self._bars) + 8, self.width() // 2)
        top, row_h = 5, 22
        peak = max((v for _, v in self._bars), default=0) or 1
        area = max(self.width() - label_width - 50, 10)
        for i, (label, value) in enumerate(self._bars):
            y = top + i * row_h
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width - 6)
            painter.setPen(QColor("#333333"))
            painter.drawText(QRectF(0, y, label_width - 4, row_h), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
            width = area * value / peak
            painter.fillRect(QRectF(label_width, y + 4, width, row_h - 8), self.BAR_COLOR)
            painter.drawText(QRectF(label_width + width + 4, y, 46, row_h), Qt.AlignmentFlag.AlignVCenter, str(value))
        painter.end()


class StatisticsPane(Pane):
    report_shown = Signal(object)  # the StatisticsReport displayed
    export_finished = Signal(object)  # ExportResult (or None when it failed)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("statistics_pane")
        self.report: StatisticsReport | None = None
        self._report_task: TaskHandle[Any] | None = None
        self._export_task: TaskHandle[Any] | None = None
        self._loaded_offices = False
        today = ctx.clock.today()

        layout = QVBoxLayout(self)
        self.title_label = QLabel(self.title(), self)
        self.title_label.setObjectName("paneTitle")
        layout.addWidget(self.title_label)

        bar = QHBoxLayout()
        self.period_kind = QComboBox(self)
        self.period_kind.setObjectName("periodKind")
        for key, label in PERIOD_KINDS:
            self.period_kind.addItem(self.tr(label), key)
        self.year = QSpinBox(self)
        self.year.setObjectName("periodYear")
        self.year.setRange(2014, 2100)
        self.year.setValue(today.year)
        self.year.setSuffix(self.tr(" 年"))
        self.number = QSpinBox(self)
        self.number.setObjectName("periodNumber")
        self.date_from = QDateEdit(QDate(today.year, 1, 1), self)
        self.date_from.setObjectName("dateFrom")
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.date_to.setObjectName("dateTo")
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.office = QComboBox(self)
        self.office.setObjectName("officeFilter")
        self.office.addItem(self.tr("全部机关"), ALL_OFFICES)
        self.run_button = QPushButton(self.tr("统计"), self)
        self.run_button.setObjectName("runStatistics")
        self.masked = QCheckBox(self.tr("个人信息脱敏"), self)
        self.masked.setObjectName("maskedCheck")
        self.masked.setChecked(True)
        self.masked.setEnabled(False)  # enabled when the user may export unmasked data
        self.export_button = QPushButton(self.tr("导出Excel…"), self)
        self.export_button.setObjectName("exportExcel")
        for w in (QLabel(self.tr("期间："), self), self.period_kind, self.year, self.number, self.date_from,
                  QLabel("—", self), self.date_to, QLabel(self.tr("机关："), self), self.office, self.run_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.masked)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setFormat(self.tr("导出中 %v/%m 行"))
        self.cancel_button = QPushButton(self.tr("取消导出"), self)
        self.cancel_button.setObjectName("cancelExport")
        self.status = QLabel("", self)
        self.status.setObjectName("statisticsStatus")
        self.status.setWordWrap(True)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        layout.addLayout(progress_row)
        layout.addWidget(self.status)
        self.progress.hide()
        self.cancel_button.hide()

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.summary = QTableWidget(0, 4, splitter)
        self.summary.setObjectName("summaryTable")
        self.summary.setHorizontalHeaderLabels([self.tr("项目"), self.tr("编号"), self.tr("数值"), self.tr("说明")])
        self.tabs = QTabWidget(splitter)
        self.tabs.setObjectName("breakdownTabs")
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 780])
        layout.addWidget(splitter, 1)
        self._setup_table(self.summary)
        self.summary.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.summary.setWordWrap(False)

        self.period_kind.currentIndexChanged.connect(self._period_kind_changed)
        self.run_button.clicked.connect(self.run_report)
        self.export_button.clicked.connect(self._choose_export_file)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.period_kind.setCurrentIndex(2)
        self._period_kind_changed()

    def title(self) -> str:
        return self.tr("统计")

    # -- period ------------------------------------------------------------------
    def _period_kind_changed(self) -> None:
        kind = self.period_kind.currentData()
        today = self.ctx.clock.today()
        self.number.setVisible(kind in ("month", "quarter"))
        self.year.setVisible(kind != "custom")
        self.date_from.setVisible(kind == "custom")
        self.date_to.setVisible(kind == "custom")
        if kind == "month":
            self.number.setRange(1, 12)
            self.number.setSuffix(self.tr(" 月"))
            self.number.setPrefix("")
            self.number.setValue(today.month)
        elif kind == "quarter":
            self.number.setRange(1, 4)
            self.number.setPrefix(self.tr("第 "))
            self.number.setSuffix(self.tr(" 季度"))
            self.number.setValue((today.month - 1) // 3 + 1)

    def set_period(self, kind: str, year: int | None = None, number: int | None = None,
                   custom: tuple[dt.date, dt.date] | None = None) -> None:
        self.period_kind.setCurrentIndex([k for k, _ in PERIOD_KINDS].index(kind))
        if year is not None:
            self.year.setValue(year)
        if number is not None:
            self.number.setValue(number)
        if custom is not None:
            self.date_from.setDate(QDate(custom[0].year, custom[0].month, custom[0].day))
            self.date_to.setDate(QDate(custom[1].year, custom[1].month, custom[1].day))

    def period(self) -> tuple[dt.date, dt.date]:
        custom = (self.date_from.date().toPython(), self.date_to.date().toPython())
        return period_bounds(self.period_kind.currentData(), self.year.value(), self.number.value(), custom)

    def office_code(self) -> str | None:
        return self.office.currentData() or None

    # -- loading -----------------------------------------------------------------
    def activated(self) -> None:
        if not self._loaded_offices:
            self._loaded_offices = True
            stats = self.ctx.services.statistics
            self.ctx.tasks.read(lambda _c: (stats.offices(), stats.can_unmask()), on_done=self._offices_loaded,
                                on_error=self._show_failure, key=f"statistics-offices:{id(self)}")
        if self.report is None:
            self.run_report()

    def _offices_loaded(self, result: tuple[list[tuple[str, str]], bool]) -> None:
        offices, can_unmask = result
        current = self.office.currentData()
        self.office.blockSignals(True)
        while self.office.count() > 1:
            self.office.removeItem(1)
        for code, name in offices:
            self.office.addItem(name, code)
        index = self.office.findData(current)
        self.office.setCurrentIndex(max(index, 0))
        self.office.blockSignals(False)
        self.masked.setEnabled(can_unmask)

    def run_report(self) -> TaskHandle[Any] | None:
        try:
            start, end = self.period()
        except ValueError:
            self.status.setText(self.tr("期间无效，请重新选择。"))
            return None
        if end < start:
            self.status.setText(self.tr("结束日期早于开始日期，请重新选择期间。"))
            return None
        office = self.office_code()
        stats = self.ctx.services.statistics
        self.status.setText(self.tr("正在统计 {0} 至 {1} …").format(start.isoformat(), end.isoformat()))
        self.run_button.setEnabled(False)
        self._report_task = self.ctx.tasks.read(
            lambda _c: stats.report(start, end, office), on_done=self._show_report, on_error=self._show_failure,
            key=f"statistics-report:{id(self)}")
        self._report_task.settled.connect(lambda: self.run_button.setEnabled(True))
        return self._report_task

    def _show_failure(self, failure: TaskFailure) -> None:
        self.status.setText(failure.message)

    # -- showing -----------------------------------------------------------------
    @staticmethod
    def _setup_table(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setStretchLastSection(True)

    def _show_report(self, report: StatisticsReport) -> None:
        self.report = report
        figures = report.key_figures()
        self.summary.setRowCount(len(figures))
        for row, f in enumerate(figures):
            if isinstance(f.value, Ratio):
                value = cell_text(ColumnKind.RATIO, f.value)
            elif isinstance(f.value, float):
                value = f"{f.value:.1f} {f.unit}"
            elif f.value is None:
                value = "—"
            else:
                value = f"{f.value} {f.unit}"
            for col, text in enumerate((f"{f.section[:2]}{f.label}", f.statistic_id, value, f.note)):
                self.summary.setItem(row, col, QTableWidgetItem(text))
        self.summary.resizeColumnsToContents()
        current = self.tabs.currentIndex()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        for breakdown in report.breakdowns():
            self.tabs.addTab(self._breakdown_page(breakdown), breakdown.title)
        if 0 <= current < self.tabs.count():
            self.tabs.setCurrentIndex(current)
        notes = "；".join(report.notes)
        self.status.setText(self.tr("{0} {1}：收到投诉 {2} 件，受理 {3} 件，办结 {4} 件。{5}").format(
            report.office_name, report.period_label, report.intake.received, report.acceptance.accepted,
            report.handling.decided, notes))
        self.report_shown.emit(report)

    def _breakdown_page(self, breakdown: Breakdown) -> QWidget:
        page = QWidget()
        page.setObjectName(f"breakdown_{breakdown.key}")
        row = QHBoxLayout(page)
        headers = ([breakdown.group_header] if breakdown.show_group else []) + [breakdown.category_header] + \
            [c.header for c in breakdown.columns]
        table = QTableWidget(len(breakdown.rows), len(headers), page)
        table.setObjectName("breakdownTable")
        table.setHorizontalHeaderLabels(headers)
        self._setup_table(table)
        for r, item in enumerate(breakdown.rows):
            short_code = any(ch.isdigit() for ch in item.code) and item.code != item.label  # M1, R9-2a …
            texts = ([item.group] if breakdown.show_group else []) + [f"{item.code} {item.label}"
                                                                      if short_code else item.label]
            texts += [cell_text(col.kind, value) for col, value in zip(breakdown.columns, item.values)]
            for c, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if c >= len(texts) - len(breakdown.columns):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, cell)
        table.resizeColumnsToContents()
        row.addWidget(table, 3)
        if breakdown.has_chart and breakdown.chart_column is not None:
            index = breakdown.column_index(breakdown.chart_column)
            chart = BarChart(page)
            chart.setMaximumWidth(340)
            chart.set_bars([(item.label, int(item.values[index] or 0)) for item in breakdown.rows])
            row.addWidget(chart, 2)
        note = QLabel(breakdown.note, page)
        note.setWordWrap(True)
        outer = QWidget()
        outer.setObjectName(page.objectName())
        v = QVBoxLayout(outer)
        v.setContentsMargins(0, 0, 0, 0)
        v.addWidget(page, 1)
        v.addWidget(note)
        return outer

    # -- export ------------------------------------------------------------------
    def _choose_export_file(self) -> None:
        start, end = self.period()
        suggested = str(Path.home() / f"投诉统计_{start:%Y%m%d}-{end:%Y%m%d}.xlsx")
        dialog = QFileDialog(self, self.tr("导出统计报表"), suggested, self.tr("Excel 工作簿 (*.xlsx)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # non-modal: the event loop keeps running

    def export_to(self, path: Path) -> TaskHandle[Any]:
        """Write the workbook in the background; progress bar and cancel button while it runs."""
        start, end = self.period()
        office, masked = self.office_code(), self.masked.isChecked()
        stats = self.ctx.services.statistics

        def work(control: TaskControl) -> Any:
            return stats.export_workbook(start, end, path, office_code=office, masked=masked,
                                         progress=lambda done, of: control.report_progress(done, of),
                                         cancelled=control.is_cancelled)

        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("正在导出 {0} …").format(path))
        handle = self.ctx.tasks.read(work, on_done=self._export_done, on_error=self._export_failed)
        handle.progress.connect(self._export_progress)
        handle.cancelled.connect(self._export_cancelled)
        handle.settled.connect(self._export_settled)
        self._export_task = handle
        return handle

    def cancel_export(self) -> None:
        if self._export_task is not None:
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("正在取消导出…"))
            self._export_task.cancel()

    def _export_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 0))
        if total:
            self.progress.setValue(min(done, total))

    def _export_done(self, result: Any) -> None:
        if result.cancelled:
            self._export_cancelled()
            return
        self.status.setText(self.tr("已导出：{0}（案件台账 {1} 行）").format(result.path, result.case_rows_written))
        self.export_finished.emit(result)

    def _export_failed(self, failure: TaskFailure) -> None:
        self.status.setText(self.tr("导出失败：{0}").format(failure.message))
        self.export_finished.emit(None)

    def _export_cancelled(self) -> None:
        self.status.setText(self.tr("已取消导出，未生成文件。"))
        self.export_finished.emit(None)

    def _export_settled(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.export_button.setEnabled(True)
        self._export_task = None

    def export_running(self) -> bool:
        return self._export_task is not None
