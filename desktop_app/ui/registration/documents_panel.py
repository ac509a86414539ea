"""Documents of a case: print (generate), preview, system print dialog, save as PDF, 送达."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import PoaScope
from desktop_app.services.dto import CaseDetail, DocumentInfo, GeneratedDocument
from desktop_app.ui.context import UiContext
from desktop_app.ui.registration.dialogs import ServiceDialog
from desktop_app.ui.tasks import TaskFailure
from desktop_app.ui.widgets.pdf_preview import (
    PdfPreview,
    PdfRenderError,
    make_printer,
    print_page_images,
    render_pdf_pages,
)

# (button text, kind, options): what the front desk prints from the case.
PRINT_BUTTONS: list[tuple[str, str, dict[str, Any]]] = [
    (QT_TRANSLATE_NOOP("DocumentsPanel", "打印登记表"), "registration_form", {}),
    (QT_TRANSLATE_NOOP("DocumentsPanel", "打印口头投诉记录"), "oral_record", {}),
    (QT_TRANSLATE_NOOP("DocumentsPanel", "打印授权委托书（空白）"), "poa", {"blank": True}),
    (QT_TRANSLATE_NOOP("DocumentsPanel", "打印授权委托书（已填）"), "poa", {}),
    (QT_TRANSLATE_NOOP("DocumentsPanel", "打印受理通知书"), "acceptance_notice", {}),
    (QT_TRANSLATE_NOOP("DocumentsPanel", "打印不予受理通知书"), "non_acceptance_notice", {}),
]
SERVABLE = {
    "acceptance_notice",
    "non_acceptance_notice",
    "supplement_notice",
    "reply",
    "extension_notice",
}


translate = QCoreApplication.translate  # literal calls: pyside6-lupdate extracts them


class DocumentsPanel(QWidget):
    case_changed = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("documentsPanel")
        self.detail: CaseDetail | None = None
        self.current: GeneratedDocument | None = None
        self.active_dialog: Any = None
        self.print_buttons: dict[str, QPushButton] = {}

        buttons = QGridLayout()
        for i, (text, kind, options) in enumerate(PRINT_BUTTONS):
            b = QPushButton(QCoreApplication.translate("DocumentsPanel", text))
            key = kind + ("_blank" if options.get("blank") else "")
            b.setObjectName(f"print_{key}")
            b.clicked.connect(lambda _=False, k=kind, o=options: self.generate(k, o))
            self.print_buttons[key] = b
            buttons.addWidget(b, i // 3, i % 3)

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("documentTable")
        self.table.setHorizontalHeaderLabels(
            [
                translate("DocumentsPanel", "文书"),
                translate("DocumentsPanel", "文号"),
                translate("DocumentsPanel", "版本"),
                translate("DocumentsPanel", "日期"),
                translate("DocumentsPanel", "送达"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.preview_selected())
        self.documents: list[DocumentInfo] = []

        self.preview_button = QPushButton(translate("DocumentsPanel", "预览所选"))
        self.serve_button = QPushButton(translate("DocumentsPanel", "登记送达…(&D)"))
        self.serve_button.setObjectName("serveDocument")
        self.receipt_button = QPushButton(translate("DocumentsPanel", "打印送达回证"))
        self.receipt_button.setObjectName("printServiceReceipt")
        self.preview_button.clicked.connect(self.preview_selected)
        self.serve_button.clicked.connect(lambda: self.open_service_dialog())
        self.receipt_button.clicked.connect(self.print_service_receipt)
        row = QHBoxLayout()
        for b in (self.preview_button, self.serve_button, self.receipt_button):
            row.addWidget(b)
        row.addStretch(1)

        self.message = QLabel(self)
        self.message.setObjectName("documentsMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(QLabel(translate("DocumentsPanel", "本案文书（双击预览）")))
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(row)
        left_layout.addWidget(self.message)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_title = QLabel(translate("DocumentsPanel", "预览"))
        self.preview_title.setStyleSheet("font-weight: bold;")
        self.preview = PdfPreview(ctx.tasks, right, dpi=110)
        self.print_dialog_button = QPushButton(translate("DocumentsPanel", "打印…"))
        self.print_dialog_button.setObjectName("printDialog")
        self.save_pdf_button = QPushButton(translate("DocumentsPanel", "另存为 PDF…"))
        self.print_dialog_button.clicked.connect(self.print_with_dialog)
        self.save_pdf_button.clicked.connect(self.save_pdf)
        top = QHBoxLayout()
        top.addWidget(self.preview_title, 1)
        top.addWidget(self.print_dialog_button)
        top.addWidget(self.save_pdf_button)
        right_layout.addLayout(top)
        right_layout.addWidget(self.preview, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([420, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._update_buttons()

    # -- case ---------------------------------------------------------------------------
    def set_case(self, detail: CaseDetail) -> None:
        if self.detail is None or self.detail.id != detail.id:
            # nothing of the previous case may stay on screen
            self.current = None
            self.preview.clear()
            self.preview_title.setText(translate("DocumentsPanel", "预览"))
            self.message.hide()
        self.detail = detail
        self.documents = [d for d in detail.documents if not d.superseded]
        self.table.setRowCount(len(self.documents))
        for r, d in enumerate(self.documents):
            for c, text in enumerate(
                (
                    d.title,
                    d.doc_no,
                    f"第{d.version_no}版",
                    d.issued_on.isoformat(),
                    translate("DocumentsPanel", "已送达") if d.served else "",
                )
            ):
                self.table.setItem(r, c, QTableWidgetItem(text))
        for key, b in self.print_buttons.items():
            b.setEnabled(self._printable(key, detail))
        self._update_buttons()

    @staticmethod
    def _printable(key: str, detail: CaseDetail) -> bool:
        if key == "oral_record":
            return detail.channel in ("IN_PERSON_ORAL", "PHONE")
        if key == "poa":
            return bool(detail.registration.agents)
        if key == "acceptance_notice":
            return detail.decision == "ACCEPT"
        if key == "non_acceptance_notice":
            return detail.decision == "NOT_ACCEPT"
        return True

    def selected_document(self) -> DocumentInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.documents[rows[0].row()] if rows else None

    def select_document(self, kind: str) -> DocumentInfo | None:
        for r, d in enumerate(self.documents):
            if d.kind == kind:
                self.table.selectRow(r)
                return d
        return None

    def _update_buttons(self) -> None:
        doc = self.selected_document()
        self.preview_button.setEnabled(doc is not None)
        self.serve_button.setEnabled(doc is not None and doc.kind in SERVABLE)
        self.receipt_button.setEnabled(doc is not None and doc.kind in SERVABLE)
        has_pdf = self.current is not None
        self.print_dialog_button.setEnabled(has_pdf)
        self.save_pdf_button.setEnabled(has_pdf)

    # -- printing -------------------------------------------------------------------------
    def generate(
        self, kind: str, options: dict[str, Any] | None = None, *, subject_id: int | None = None
    ) -> None:
        if self.detail is None:
            return
        case_id, opts = self.detail.id, dict(options or {})
        self.ctx.tasks.write(
            lambda _c: self.ctx.services.documents.generate(
                case_id, kind, subject_id=subject_id, options=opts
            ),
            on_done=self._on_generated,
            on_error=self._fail,
        )

    def show_document(self, doc: GeneratedDocument) -> None:
        """Preview a document produced elsewhere (a decision's notice)."""
        self.current = doc
        self.preview_title.setText(
            f"{doc.title}  {doc.doc_no}  "
            + translate("DocumentsPanel", "共{0}页").format(doc.page_count)
        )
        self.preview.set_pdf(doc.pdf)
        self._update_buttons()

    def _on_generated(self, doc: GeneratedDocument) -> None:
        self._say(
            translate("DocumentsPanel", "已生成《{0}》{1}。可预览、打印或另存。").format(
                doc.title, doc.doc_no
            ),
            ok=True,
        )
        self.show_document(doc)
        self.case_changed.emit()

    def preview_selected(self) -> None:
        doc = self.selected_document()
        if doc is None:
            return
        self.ctx.tasks.write(
            lambda _c: self.ctx.services.documents.reprint(doc.id),
            on_done=self.show_document,
            on_error=self._fail,
        )

    def print_service_receipt(self) -> None:
        doc = self.selected_document()
        if doc is not None:
            self.generate("service_receipt", subject_id=doc.id)

    def print_with_dialog(self) -> None:
        """The system print dialog; pages are re-rendered at print resolution off the GUI thread
        and painted on the chosen printer."""
        if self.current is None:
            self._say(translate("DocumentsPanel", "请先打印或预览一份文书。"), ok=False)
            return
        printer = make_printer()
        dialog = QPrintDialog(printer, self)
        self.active_dialog = dialog
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.send_to_printer(printer)

    def send_to_printer(self, printer: Any) -> None:
        """Render the current document at 300 dpi (background) and print it on ``printer``."""
        if self.current is None:
            return
        pdf = self.current.pdf

        def done(pngs: list[bytes]) -> None:
            images = [QImage.fromData(p, "PNG") for p in pngs]
            try:
                pages = print_page_images(images, printer)
            except PdfRenderError as exc:
                self._say(exc.message, ok=False)
                return
            self._say(translate("DocumentsPanel", "已送打印机：{0}页。").format(pages), ok=True)

        self._say(translate("DocumentsPanel", "正在准备打印……"), ok=True)
        self.ctx.tasks.read(
            lambda _c: render_pdf_pages(pdf, dpi=300), on_done=done, on_error=self._fail
        )

    def save_pdf(self) -> None:
        if self.current is None:
            return
        name = (
            f"{self.current.title}-{self.current.doc_no or self.current.document_id}.pdf".replace(
                "/", "-"
            )
        )
        path, _ = QFileDialog.getSaveFileName(
            self, translate("DocumentsPanel", "另存为 PDF"), name, "PDF (*.pdf)"
        )
        if path:
            Path(path).write_bytes(self.current.pdf)
            self._say(translate("DocumentsPanel", "已保存到 {0}").format(path), ok=True)

    # -- service (送达) -----------------------------------------------------------------
    def open_service_dialog(self, document: DocumentInfo | None = None) -> ServiceDialog | None:
        doc = document or self.selected_document()
        if doc is None or self.detail is None:
            return None
        reg = self.detail.registration
        agents = [
            a.name
            for a in reg.agents
            if a.is_guardian or PoaScope.RECEIVE_DOCUMENTS.value in a.poa_scope
        ]
        dialog = ServiceDialog(
            doc.title,
            self.ctx.clock.today(),
            complainants=[c.name for c in reg.complainants if c.name],
            agents=agents or [a.name for a in reg.agents],
            parent=self,
        )
        dialog.accepted.connect(lambda: self._record_service(doc, dialog))
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def _record_service(self, doc: DocumentInfo, dialog: ServiceDialog) -> None:
        a = dialog.answer()

        def failed(failure: TaskFailure) -> None:
            self._fail(failure)
            dialog.submitted = False
            dialog.show_field_error(failure.field, failure.message)
            dialog.open()  # the refusal is shown in the dialog; nothing typed is lost

        self.ctx.tasks.write(
            lambda _c: self.ctx.services.documents.record_service(
                doc.id,
                recipient_name=a.recipient_name,
                method=a.method,
                served_on=a.served_on,
                recipient_role=a.recipient_role,
                tracking_no=a.tracking_no,
                address=a.address,
                proof_note=a.proof_note,
                undeliverable_reason=a.undeliverable_reason,
            ),
            on_done=lambda _id: (
                self._say(
                    translate("DocumentsPanel", "已登记送达《{0}》。").format(doc.title), ok=True
                ),
                self.case_changed.emit(),
            ),
            on_error=failed,
        )

    # -- feedback ---------------------------------------------------------------------------
    def _fail(self, failure: TaskFailure) -> None:
        self._say(failure.message, ok=False)

    def _say(self, text: str, *, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(
            "padding: 4px; " + ("color: #1d5a2b;" if ok else "color: #861b11;")
        )
        self.message.setVisible(bool(text))

    def message_text(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""
