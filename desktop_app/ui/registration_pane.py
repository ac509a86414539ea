"""投诉登记 pane: the case list and, in front of it, one complaint (new or opened)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from desktop_app.ui.context import UiContext
from desktop_app.ui.pane_base import Pane
from desktop_app.ui.registration.case_list import CaseList
from desktop_app.ui.registration.draft import Draft, DraftStore
from desktop_app.ui.registration.workspace import CaseWorkspace


def default_draft_dir() -> Path:
    from desktop_app.config import data_dir

    return data_dir() / "drafts"


class RegistrationPane(Pane):
    """List page (index 0) and case page (index 1) in a stack.

    The draft directory is ``ctx.draft_dir`` when the context has one (tests), else
    ``<user data dir>/drafts``.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("registration_pane")
        self.drafts = DraftStore(getattr(ctx, "draft_dir", None) or default_draft_dir())
        self.case_list = CaseList(ctx, self)
        self.workspace = CaseWorkspace(ctx, self.drafts, self)
        self.new_button = QPushButton(self.tr("新登记 (F2)"), self)
        self.new_button.setObjectName("newRegistration")
        self.new_button.clicked.connect(lambda: self.start_new_registration())
        self.title_label = QLabel(self.title(), self)
        self.title_label.setObjectName("paneTitle")

        # 恢复未保存的登记？ — a banner, not a modal box: the desk may be busy with someone.
        self.restore_bar = QWidget(self)
        self.restore_bar.setObjectName("restoreBar")
        self.restore_bar.setStyleSheet("background: #fff4d6;")
        self.restore_text = QLabel(self.restore_bar)
        self.restore_button = QPushButton(self.tr("恢复(&Z)"), self.restore_bar)
        self.restore_button.setObjectName("restoreDraft")
        self.discard_button = QPushButton(self.tr("丢弃"), self.restore_bar)
        self.discard_button.setObjectName("discardDraft")
        bar = QHBoxLayout(self.restore_bar)
        bar.addWidget(self.restore_text, 1)
        bar.addWidget(self.restore_button)
        bar.addWidget(self.discard_button)
        self.restore_bar.hide()
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)
        self._offered: Draft | None = None

        list_page = QWidget(self)
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        list_layout.addLayout(top)
        list_layout.addWidget(self.restore_bar)
        list_layout.addWidget(self.case_list, 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.workspace)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

        self.case_list.open_case.connect(self.open_case)
        self.workspace.open_case_requested.connect(self.open_case)
        self.workspace.back_requested.connect(self.show_list)
        self.workspace.saved.connect(lambda _ref: self.case_list.refresh())
        self._activated_once = False

    def title(self) -> str:
        return self.tr("投诉登记")

    # -- Pane hooks ---------------------------------------------------------------
    def activated(self) -> None:
        if not self._activated_once:
            self._activated_once = True
            self.case_list.start()
            self.offer_draft()

    def focus_search(self) -> bool:
        self.show_list()
        self.case_list.focus_search()
        return True

    def start_new_registration(self) -> bool:
        self.workspace.new_registration()
        self.stack.setCurrentWidget(self.workspace)
        return True

    def privacy_changed(self, hidden: bool) -> None:
        if hidden:
            self.workspace.autosave_now()

    # -- navigation ---------------------------------------------------------------------
    def show_list(self) -> None:
        self.workspace.autosave_now()
        self.stack.setCurrentIndex(0)
        self.case_list.view.setFocus()

    def open_case(self, case_id: int, draft: Draft | None = None) -> None:
        self.workspace.autosave_now()
        self.workspace.open_case(case_id, draft)
        self.stack.setCurrentWidget(self.workspace)

    def is_showing_case(self) -> bool:
        return self.stack.currentWidget() is self.workspace

    # -- drafts ---------------------------------------------------------------------------
    def offer_draft(self) -> Draft | None:
        """恢复未保存的登记？ Offer the newest draft left by an earlier session."""
        drafts = self.drafts.all()
        self._offered = drafts[0] if drafts else None
        if self._offered is None:
            self.restore_bar.hide()
            return None
        d = self._offered
        what = d.case_no or self.tr("新登记")
        who = next((c.name for c in d.form.complainants if c.name), "")
        self.restore_text.setText(
            self.tr("恢复未保存的登记？ {0} {1}（{2} 自动保存）").format(
                what, who, d.saved_at.strftime("%Y-%m-%d %H:%M")
            )
        )
        self.restore_bar.show()
        return d

    def restore_draft(self) -> None:
        d = self._offered
        self.restore_bar.hide()
        if d is None:
            return
        if d.case_id is None:
            self.workspace.new_registration(d)
            self.stack.setCurrentWidget(self.workspace)
        else:
            self.open_case(d.case_id, d)

    def discard_draft(self) -> None:
        if self._offered is not None:
            self.drafts.discard(self._offered.case_id)
        self.offer_draft()
