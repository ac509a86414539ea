"""工作台 pane (opens on start): overdue, due today and due within 3 working days, per clock.

Double-clicking (or Enter on) a line emits :attr:`DashboardPane.open_case_requested` with the
case id; the main window routes it to the pane that shows cases.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.context import UiContext
from desktop_app.ui.pane_base import Pane
from desktop_app.ui.tasks import TaskFailure, TaskHandle

# Bucket keys as in services.deadlines.Bucket (the UI does not import services).
BUCKETS = (("OVERDUE", "已逾期", "#861b11"), ("DUE_TODAY", "今日到期", "#8a5a00"),
           ("DUE_SOON", "3个工作日内到期", "#1f4e79"))
CLOCK_ORDER = ("C1", "C2", "C3", "C4", "C5", "C6", "C7")
CLOCK_NAMES = {"C1": "受理审查", "C2": "调查处理", "C3": "书面答复", "C4": "整改监督", "C5": "补正",
               "C6": "启动调查", "C7": "说明情况"}
COLUMNS = ("时限", "到期日", "案号", "事项", "投诉人", "被投诉人", "状态")
CASE_ID_ROLE = Qt.ItemDataRole.UserRole


class DashboardPane(Pane):
    open_case_requested = Signal(int)  # case id
    loaded = Signal(object)  # the Dashboard shown

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("dashboard_pane")
        self.board: Any = None
        self._task: TaskHandle[Any] | None = None
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title_label = QLabel(self.title(), self)
        self.title_label.setObjectName("paneTitle")
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.setObjectName("refreshDashboard")
        head.addWidget(self.title_label)
        head.addStretch(1)
        head.addWidget(self.refresh_button)
        layout.addLayout(head)
        self.calendar_warning = QLabel("", self)
        self.calendar_warning.setObjectName("calendarWarning")
        self.calendar_warning.setWordWrap(True)
        self.calendar_warning.setStyleSheet("background: #ffe7ad; color: #6e4400; padding: 4px 8px;")
        self.calendar_warning.hide()
        layout.addWidget(self.calendar_warning)
        self.summary = QLabel(self.tr("正在读取期限…"), self)
        self.summary.setObjectName("dashboardSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.tables: dict[str, QTableWidget] = {}
        self.boxes: dict[str, QGroupBox] = {}
        for key, label, color in BUCKETS:
            box = QGroupBox(self.tr(label), self)
            box.setObjectName(f"box_{key}")
            box.setStyleSheet(f"QGroupBox {{ font-weight: bold; color: {color}; }}")
            inner = QVBoxLayout(box)
            table = QTableWidget(0, len(COLUMNS), box)
            table.setObjectName(f"table_{key}")
            table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
            table.setAlternatingRowColors(True)
            # activated = double-click or Enter (platform style); one signal, so the case opens once
            table.activated.connect(lambda index, t=table: self._open_row(t, index.row()))
            inner.addWidget(table)
            layout.addWidget(box, 2 if key == "OVERDUE" else 1)
            self.tables[key] = table
            self.boxes[key] = box
        self.refresh_button.clicked.connect(self.refresh)

    def title(self) -> str:
        return self.tr("工作台")

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> TaskHandle[Any]:
        deadlines = self.ctx.services.deadlines
        self.refresh_button.setEnabled(False)
        self._task = self.ctx.tasks.read(lambda _c: deadlines.dashboard(), on_done=self._show,
                                         on_error=self._failed, key=f"dashboard:{id(self)}")
        self._task.settled.connect(lambda: self.refresh_button.setEnabled(True))
        return self._task

    def _failed(self, failure: TaskFailure) -> None:
        self.summary.setText(self.tr("无法读取期限：{0}").format(failure.message))

    def _show(self, board: Any) -> None:
        self.board = board
        self.calendar_warning.setText(f"⚠ {board.calendar_warning}" if board.calendar_warning else "")
        self.calendar_warning.setVisible(bool(board.calendar_warning))
        parts = []
        for key, label, _color in BUCKETS:
            counts = board.counts.get(key, {})
            total = sum(counts.values())
            detail = "、".join(f"{CLOCK_NAMES[c]}{counts[c]}" for c in CLOCK_ORDER if counts.get(c))
            parts.append(f"{label} {total} 项" + (f"（{detail}）" if detail else ""))
            self.boxes[key].setTitle(f"{self.tr(label)}（{total}）")
            self._fill(self.tables[key], board.items.get(key, []), key == "OVERDUE")
        text = self.tr("今天 {0}：").format(board.today.isoformat()) + "；".join(parts) + "。"
        if board.truncated:
            text += self.tr("（条目过多，仅显示最早到期的部分）")
        self.summary.setText(text)
        self.loaded.emit(board)

    def _fill(self, table: QTableWidget, items: list[Any], overdue: bool) -> None:
        table.setRowCount(len(items))
        for row, x in enumerate(items):
            due = x.due_date.isoformat() + (f"（逾期{x.days_overdue}天）" if overdue and x.days_overdue else "")
            values = (f"{x.clock} {x.clock_label}", due, x.case_no, x.what, x.complainant, x.respondent,
                      x.state_label)
            for col, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setData(CASE_ID_ROLE, x.case_id)
                if overdue and col == 1:
                    cell.setForeground(QColor("#861b11"))
                if x.calendar_unconfirmed and col == 1:
                    cell.setToolTip(self.tr("工作日历未确认，到期日按周末推算"))
                table.setItem(row, col, cell)
        table.resizeColumnsToContents()

    def _open_row(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        if item is not None:
            self.open_case_requested.emit(int(item.data(CASE_ID_ROLE)))

    def privacy_changed(self, hidden: bool) -> None:
        if not hidden:
            self.refresh()
