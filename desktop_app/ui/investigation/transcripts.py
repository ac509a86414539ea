"""笔录 tab: the case's transcripts, the editor, printing for signature, the page grid, scans, corrections."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import IntervieweeRole, SignatureStatus
from desktop_app.services.investigation import TranscriptInput
from desktop_app.services.investigation_extra import CaseInvestigation
from desktop_app.ui.tasks import TaskFailure

from .common import MessageLabel, Section
from .transcript_editor import TranscriptEditor

SCAN_TYPES = {".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
              ".tif": "image/tiff", ".tiff": "image/tiff"}


def scan_page_count(path: Path, mime: str) -> int:
    if mime == "application/pdf":
        from pypdf import PdfReader
        return len(PdfReader(str(path)).pages)
    return 1


class SigningGrid(QGroupBox):
    """One row per printed page: 签字 / 捺印 / 拒签 (refusal annotated by the investigators)."""

    def __init__(self, section: "TranscriptSection", parent: QWidget | None = None) -> None:
        super().__init__(QCoreApplication.translate("SigningGrid", "逐页签字/捺印登记"), parent)
        self.setObjectName("signingGrid")
        self.section = section
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("pageTable")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("SigningGrid", "页"), QCoreApplication.translate("SigningGrid", "状态"),
                                              QCoreApplication.translate("SigningGrid", "备注（拒签时由调查人员注明）")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.note = QLineEdit(self)
        self.note.setObjectName("refusalNote")
        self.note.setPlaceholderText(QCoreApplication.translate("SigningGrid", "拒签/无法签字时注明情况，如：经宣读后被调查人拒绝签名，调查人员陈杰、周敏在场"))
        layout.addWidget(self.note)
        row = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for i, status in enumerate((SignatureStatus.SIGNED, SignatureStatus.THUMBPRINTED,
                                    SignatureStatus.SIGNED_AND_THUMBPRINTED, SignatureStatus.REFUSED)):
            b = QPushButton(status.label, self)
            b.setObjectName(f"page_{status.value}")
            b.clicked.connect(lambda _c=False, st=status.value: self.record_selected(st))
            row.addWidget(b, i // 3, i % 3)
            self.buttons[status.value] = b
        self.all_pages = QPushButton(QCoreApplication.translate("SigningGrid", "选中全部页"), self)
        self.all_pages.clicked.connect(self.table.selectAll)
        row.addWidget(self.all_pages, 1, 1, 1, 2)
        layout.addLayout(row)

    def show_pages(self, pages: list[tuple[int, str, str]], frozen: bool) -> None:
        self.table.setRowCount(len(pages))
        for r, (page_no, status, note) in enumerate(pages):
            values = [QCoreApplication.translate("SigningGrid", "第 {0} 页").format(page_no), SignatureStatus(status).label, note]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, page_no)
                if c == 1 and status != SignatureStatus.PENDING:
                    item.setForeground(Qt.GlobalColor.darkGreen if status != SignatureStatus.REFUSED
                                       else Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        for b in self.buttons.values():
            b.setEnabled(bool(pages) and not frozen)
        self.all_pages.setEnabled(bool(pages) and not frozen)

    def select_pages(self, pages: list[int]) -> None:
        self.table.clearSelection()
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) in pages:
                for c in range(self.table.columnCount()):
                    self.table.item(r, c).setSelected(True)

    def selected_pages(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def record_selected(self, status: str) -> None:
        pages = self.selected_pages()
        if not pages:
            self.section.message.show_error(QCoreApplication.translate("SigningGrid", "请先在表中选择要登记的页（可多选，或按“选中全部页”）。"))
            return
        self.section.record_pages(pages, status, self.note.text().strip())


class TranscriptSection(Section):
    transcript_loaded = Signal(int)

    def __init__(self, host, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(host, parent)
        self.current_view: Any = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.new_button = QPushButton(QCoreApplication.translate("TranscriptSection", "新建笔录(&N)"), self)
        self.new_button.setObjectName("newTranscript")
        self.new_button.clicked.connect(self.new_transcript)
        self.print_button = QPushButton(QCoreApplication.translate("TranscriptSection", "打印供签字(&P)"), self)
        self.print_button.setObjectName("printTranscript")
        self.print_button.clicked.connect(self.print_for_signature)
        self.scan_button = QPushButton(QCoreApplication.translate("TranscriptSection", "上传签字扫描件…"), self)
        self.scan_button.setObjectName("attachScan")
        self.scan_button.clicked.connect(self.choose_scan)
        self.correction_reason = QLineEdit(self)
        self.correction_reason.setObjectName("correctionReason")
        self.correction_reason.setPlaceholderText(QCoreApplication.translate("TranscriptSection", "更正理由"))
        self.correct_button = QPushButton(QCoreApplication.translate("TranscriptSection", "更正（新建关联笔录）"), self)
        self.correct_button.setObjectName("correctTranscript")
        self.correct_button.clicked.connect(self.correct)
        for w in (self.new_button, self.print_button, self.scan_button):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.correction_reason)
        top.addWidget(self.correct_button)
        layout.addLayout(top)
        layout.addWidget(self.message)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget(left)
        self.list.setObjectName("transcriptList")
        self.list.currentItemChanged.connect(self._on_pick)
        lv.addWidget(self.list, 1)
        self.grid = SigningGrid(self, left)
        lv.addWidget(self.grid, 2)
        self.scans_label = QLabel(left)
        self.scans_label.setObjectName("scansLabel")
        self.scans_label.setWordWrap(True)
        lv.addWidget(self.scans_label)
        left.setMaximumWidth(360)
        self.editor = TranscriptEditor(host, splitter)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 900])
        layout.addWidget(splitter, 1)
        self.editor.saved.connect(self._on_editor_saved)
        self._update_buttons()

    # ------------------------------------------------------------------ case
    def update_case(self, ov: CaseInvestigation) -> None:
        first = self.overview is None or self.overview.case_id != ov.case_id
        super().update_case(ov)
        self.editor.office_name = ov.office_name
        respondent = "、".join(r.name for r in ov.respondents)
        # Data printed on the Chinese transcript, never translated with the UI language.
        self.editor.purpose = "投诉人{0}投诉{1}一事".format(ov.complainant, respondent)
        team = {p.id: p.name for p in ov.team}
        people = dict(self.host.investigators) | team
        self.editor.set_people(people)
        current = self.editor.transcript_id
        self.list.blockSignals(True)
        self.list.clear()
        for t in ov.transcripts:
            text = f"#{t.id} {t.title} · {t.interviewee or '（未填）'} · {t.status_label}"
            if t.page_count:
                text += f" · {t.pages_done}/{t.page_count}页"
            if t.previous_id:
                text += QCoreApplication.translate("TranscriptSection", " · 更正#{0}").format(t.previous_id)
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            if t.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if first:
            self.current_view = None
            self.editor.case_id = None
            self.grid.show_pages([], False)
            if ov.transcripts:
                self.open_transcript(ov.transcripts[-1].id)
        elif current is not None:
            self._reload_view(current)
        self._update_buttons()

    def _on_pick(self, item: QListWidgetItem | None, _prev: Any) -> None:
        if item is not None:
            tid = item.data(Qt.ItemDataRole.UserRole)
            if tid != self.editor.transcript_id:
                self.editor.save(then=lambda: self.open_transcript(tid))

    def open_transcript(self, transcript_id: int) -> None:
        self._reload_view(transcript_id)

    def _reload_view(self, transcript_id: int) -> None:
        svc = self.host.ctx.services
        self.host.ctx.tasks.read(lambda _c: (svc.investigation.get_transcript(transcript_id),
                                             self.host.read_service(svc).scans(transcript_id)),
                                 on_done=self._show_view, on_error=lambda f: self.message.show_error(f.message))

    def _show_view(self, result: tuple[Any, list[tuple[int, str, str, int]]]) -> None:
        view, scans = result
        keep_editing = self.editor.transcript_id == view.id and self.editor.has_unsaved_changes()
        self.current_view = view
        if not keep_editing:
            self.editor.load(view)
        else:  # never overwrite what is being typed: only the state changes
            self.editor.status, self.editor.version = view.status, view.version
        self.grid.show_pages(view.pages, view.status == "FROZEN")
        if scans:
            self.scans_label.setText(QCoreApplication.translate("TranscriptSection", "签字扫描件：") + "；".join(
                f"{name}（{pages}页，SHA-256 {sha[:12]}）" for _id, name, sha, pages in scans))
        else:
            self.scans_label.setText(QCoreApplication.translate("TranscriptSection", "尚未上传签字扫描件。"))
        self._update_buttons()
        self.transcript_loaded.emit(view.id)

    def _update_buttons(self) -> None:
        ov = self.overview
        active = ov is not None and ov.state in ("INVESTIGATING", "DECISION_DRAFTED", "REOPENED")
        has = self.editor.transcript_id is not None or self.editor.case_id is not None
        frozen = self.current_view is not None and self.current_view.status == "FROZEN"
        self.new_button.setEnabled(active)
        self.print_button.setEnabled(has)
        self.scan_button.setEnabled(self.current_view is not None)
        self.correct_button.setEnabled(frozen and active)
        self.correction_reason.setEnabled(frozen and active)

    # ------------------------------------------------------------------ actions
    def new_transcript(self) -> None:
        ov = self.overview
        if ov is None:
            return
        respondent = ov.respondents[0] if ov.respondents else None
        defaults = TranscriptInput(
            investigator_ids=[p.id for p in ov.team], place="本局调查室",  # data on the printed transcript: always Chinese
            interviewee_name=respondent.name if respondent else "", interviewee_unit=respondent.unit_name if respondent else "",
            interviewee_role=IntervieweeRole.RESPONDENT.value)
        self.current_view = None
        self.list.clearSelection()
        self.grid.show_pages([], False)
        self.editor.start_new(ov.case_id, defaults)
        self._update_buttons()
        self.editor.interviewee.setFocus()

    def _on_editor_saved(self, transcript_id: int) -> None:
        if self.overview is not None and all(t.id != transcript_id for t in self.overview.transcripts):
            self.host.reload()  # a new transcript appears in the list

    def print_for_signature(self) -> None:
        """Save what is typed, then print (the printed version awaits signing page by page)."""
        def go() -> None:
            tid = self.editor.transcript_id
            if tid is None:
                return
            self.write(lambda s: s.investigation.print_transcript(tid),
                       done=QCoreApplication.translate("TranscriptSection", "笔录已生成，请打印后交被调查人逐页签字或捺印。"),
                       on_done=lambda doc: self.host.show_document(doc))
        if self.editor.is_read_only():
            go()
        else:
            self.editor.save(then=go)

    def record_pages(self, pages: list[int], status: str, note: str) -> None:
        tid = self.editor.transcript_id
        if tid is None:
            return

        def job(s: Any) -> str:
            result = ""
            for page in pages:
                result = s.investigation.record_page_signature(tid, page, status, note)
            return result

        def done(state: str) -> None:
            if state == "FROZEN":
                self.message.show_ok(QCoreApplication.translate("TranscriptSection", "全部页已签认，笔录已封存。"))

        self.write(job, done=QCoreApplication.translate("TranscriptSection", "已登记第 {0} 页：{1}。").format(
            "、".join(map(str, pages)), SignatureStatus(status).label), on_done=done)

    def correct(self) -> None:
        tid = self.editor.transcript_id
        reason = self.correction_reason.text().strip()
        if tid is None:
            return

        def done(new_id: int) -> None:
            self.correction_reason.clear()
            self.editor.transcript_id = new_id  # the reload opens the new one
            self.open_transcript(new_id)

        self.write(lambda s: s.investigation.correct_transcript(tid, reason),
                   done=QCoreApplication.translate("TranscriptSection", "已新建更正笔录，与原笔录关联；原笔录保持封存。"), on_done=done)

    def choose_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("TranscriptSection", "选择签字笔录扫描件"), "",
                                              QCoreApplication.translate("TranscriptSection", "PDF 或图片 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"))
        if path:
            self.attach_scan(Path(path))

    def attach_scan(self, path: Path) -> None:
        tid = self.editor.transcript_id
        mime = SCAN_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] or ""
        if tid is None:
            return
        expected = self.current_view.page_count if self.current_view is not None else 0

        def job(s: Any) -> tuple[int, int]:
            pages = scan_page_count(path, mime) if mime in SCAN_TYPES.values() else 1
            s.investigation.attach_scan(tid, path.name, path.read_bytes(), mime, pages,
                                        note=f"打印版共{expected}页" if expected else "")
            return pages

        def done(pages: int) -> None:
            if expected and mime == "application/pdf" and pages != expected:
                self.message.show_warning(QCoreApplication.translate("TranscriptSection", "扫描件已上传，但扫描件有 {0} 页，打印版本为 {1} 页，"
                                                                  "请核对是否漏扫。").format(pages, expected))

        self.write(job, done=QCoreApplication.translate("TranscriptSection", "签字扫描件“{0}”已上传。").format(path.name), on_done=done)
