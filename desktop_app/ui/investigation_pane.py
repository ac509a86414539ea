"""调查记录 pane — placeholder until its issue delivers the real content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.ui.context import UiContext
from desktop_app.ui.pane_base import Pane


class InvestigationPane(Pane):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("investigation_pane")
        layout = QVBoxLayout(self)
        self.title_label = QLabel(self.title(), self)
        self.title_label.setObjectName("paneTitle")
        hint = QLabel(self.tr("调查笔录、证据和处理意见将显示在这里。"), self)
        hint.setObjectName("paneHint")
        hint.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def title(self) -> str:
        return self.tr("调查记录")
