"""调查记录 pane: from acceptance to the reply (Art 11–18) for teams of two or more investigators.

Left: the cases at the investigation-to-supervision stages. Right: the chosen case with its
C2 handling clock always visible, and one tab per stage — 调查组, 笔录, 调查活动, 延期, 处理意见,
答复与监督, 文书. Every service call runs through ``ctx.tasks``; refusals are shown in place,
in Chinese, in the tab that caused them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from desktop_app.services.investigation_extra import CaseInvestigation, InvestigationReadService
from desktop_app.ui.context import UiContext
from desktop_app.ui.investigation.acts import ActsSection
from desktop_app.ui.investigation.case_list import CaseList
from desktop_app.ui.investigation.clock_banner import ClockBanner
from desktop_app.ui.investigation.common import DocumentPreviewDialog, MessageLabel, Section
from desktop_app.ui.investigation.decision import DecisionSection
from desktop_app.ui.investigation.extension import ExtensionSection
from desktop_app.ui.investigation.reply import DocumentsSection, ReplySection
from desktop_app.ui.investigation.team import TeamSection, investigators_of
from desktop_app.ui.investigation.transcripts import TranscriptSection
from desktop_app.ui.pane_base import Pane
from desktop_app.ui.tasks import TaskFailure


class InvestigationPane(Pane):
    refreshed = Signal(object)  # CaseInvestigation, after every (re)load of the open case
    failed = Signal(str)  # a refused or failed action (message also shown in place)
    document_shown = Signal(object)  # GeneratedDocument opened in a preview window

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("investigation_pane")
        self.overview: CaseInvestigation | None = None
        self.case_id: int | None = None
        self.investigators: dict[int, str] = {}
        self.previews: list[DocumentPreviewDialog] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel(self.title(), self)
        self.title_label.setObjectName("paneTitle")
        layout.addWidget(self.title_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.case_list = CaseList(ctx.tasks, lambda: self.ctx.services, splitter)
        self.case_list.case_chosen.connect(self.open_case)
        self.stack = QStackedWidget(splitter)
        empty = QLabel(self.tr("请在左侧选择一件已受理的投诉案件。"), self.stack)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setObjectName("paneHint")
        self.stack.addWidget(empty)
        case_view = QWidget(self.stack)
        cv = QVBoxLayout(case_view)
        cv.setContentsMargins(6, 0, 0, 0)
        self.banner = ClockBanner(case_view)
        cv.addWidget(self.banner)
        self.message = MessageLabel(case_view)
        cv.addWidget(self.message)
        self.tabs = QTabWidget(case_view)
        self.tabs.setObjectName("investigationTabs")
        self.team = TeamSection(self)
        self.transcripts = TranscriptSection(self)
        self.acts = ActsSection(self)
        self.extension = ExtensionSection(self)
        self.decision = DecisionSection(self)
        self.reply = ReplySection(self)
        self.documents = DocumentsSection(self)
        self.sections: list[Section] = [self.team, self.transcripts, self.acts, self.extension, self.decision,
                                        self.reply, self.documents]
        for section, title in zip(self.sections, (
                self.tr("调查组"), self.tr("笔录"), self.tr("调查活动与证据"), self.tr("延期"), self.tr("处理意见"),
                self.tr("答复与监督"), self.tr("文书")), strict=True):
            self.tabs.addTab(section, title)
        cv.addWidget(self.tabs, 1)
        self.stack.addWidget(case_view)
        splitter.addWidget(self.case_list)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 880])  # the case list shows number, complainant and respondent in full
        self.case_list.setMinimumWidth(220)
        layout.addWidget(splitter, 1)
        self._loaded_people = False

    def title(self) -> str:
        return self.tr("调查记录")

    # ------------------------------------------------------------------ pane hooks
    def activated(self) -> None:
        self.case_list.reload()
        self.load_people()
        if self.case_id is not None:
            self.reload()

    def focus_search(self) -> bool:
        self.case_list.search.setFocus()
        self.case_list.search.selectAll()
        return True

    def privacy_changed(self, hidden: bool) -> None:
        if hidden:
            for dialog in self.previews:
                dialog.close()

    # ------------------------------------------------------------------ loading
    def read_service(self, services: Any) -> InvestigationReadService:
        return InvestigationReadService(services.ctx, services.actor, services)

    def load_people(self) -> None:
        svc = self.ctx.services
        self.ctx.tasks.read(lambda _c: investigators_of(svc), on_done=self._on_people,
                            on_error=lambda f: self.message.show_error(f.message), key="investigation-people")

    def _on_people(self, people: list[Any]) -> None:
        self.investigators = {u.id: u.full_name for u in people}
        self._loaded_people = True
        self.team.set_people(people)
        if self.overview is not None:
            self.team.update_case(self.overview)

    def open_case(self, case_id: int) -> None:
        if self.case_id != case_id and self.transcripts.editor.case_id is not None:
            self.transcripts.editor.save()  # leaving the case: what was typed goes to the database
        self.case_id = case_id
        if not self._loaded_people:
            self.load_people()
        self.reload()

    def reload(self) -> None:
        if self.case_id is None:
            return
        svc, case_id = self.ctx.services, self.case_id
        self.ctx.tasks.read(lambda _c: self.read_service(svc).overview(case_id), on_done=self._show_overview,
                            on_error=self._on_load_failed, key="investigation-overview")

    def _on_load_failed(self, failure: TaskFailure) -> None:
        self.message.show_error(failure.message)
        self.failed.emit(failure.message)

    def _show_overview(self, ov: CaseInvestigation) -> None:
        if ov.case_id != self.case_id:
            return
        self.overview = ov
        self.message.clear_message()
        self.stack.setCurrentIndex(1)
        self.banner.update_case(ov, self.ctx.clock.today())
        for section in self.sections:
            section.update_case(ov)
        self.refreshed.emit(ov)

    # ------------------------------------------------------------------ actions
    def run_write(self, fn: Callable[[Any], Any], *, section: Section, done: str = "",
                  on_done: Callable[[Any], None] | None = None,
                  on_error: Callable[[TaskFailure], None] | None = None) -> None:
        """Run ``fn(services)`` on the write lane; show the outcome in ``section``; reload the case."""
        svc = self.ctx.services
        section.message.clear_message()

        def succeeded(result: Any) -> None:
            if done:
                section.message.show_ok(done)
            if on_done is not None:
                on_done(result)
            self.reload()

        def failed(failure: TaskFailure) -> None:
            section.message.show_error(failure.message)
            if on_error is not None:
                on_error(failure)
            self.failed.emit(failure.message)

        self.ctx.tasks.write(lambda _c: fn(svc), on_done=succeeded, on_error=failed)

    def show_document(self, document: Any) -> DocumentPreviewDialog:
        dialog = DocumentPreviewDialog(self.ctx.tasks, document, self)
        self.previews = [d for d in self.previews if d.isVisible()] + [dialog]
        dialog.show()
        self.document_shown.emit(document)
        return dialog

    def print_document(self, kind: str, subject_id: int | None, section: Section) -> None:
        case_id = self.case_id
        if case_id is None:
            return
        self.run_write(lambda s: s.documents.generate(case_id, kind, subject_id=subject_id), section=section,
                       on_done=self.show_document)

    def reprint(self, document_id: int, section: Section) -> None:
        self.run_write(lambda s: s.documents.reprint(document_id), section=section, on_done=self.show_document)
