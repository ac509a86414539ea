"""统计 pane — placeholder until its issue delivers the real content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.ui.context import UiContext
from desktop_app.ui.pane_base import Pane


class StatisticsPane(Pane):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("statistics_pane")
        layout = QVBoxLayout(self)
        self.title_label = QLabel(self.title(), self)
        self.title_label.setObjectName("paneTitle")
        hint = QLabel(self.tr("统计报表和 Excel 导出将显示在这里。"), self)
        hint.setObjectName("paneHint")
        hint.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def title(self) -> str:
        return self.tr("统计")
