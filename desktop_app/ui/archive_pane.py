"""归档 pane — placeholder until its issue delivers the real content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_app.ui.context import UiContext
from desktop_app.ui.pane_base import Pane


class ArchivePane(Pane):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("archive_pane")
        layout = QVBoxLayout(self)
        self.title_label = QLabel(self.title(), self)
        self.title_label.setObjectName("paneTitle")
        hint = QLabel(self.tr("立卷、归档检查和借阅将显示在这里。"), self)
        hint.setObjectName("paneHint")
        hint.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def title(self) -> str:
        return self.tr("归档")
