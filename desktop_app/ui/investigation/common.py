"""Shared pieces of the investigation pane: the section base, the PDF preview dialog, helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.tasks import TaskFailure, TaskRunner
from desktop_app.ui.widgets.pdf_preview import PdfPreview, make_printer, print_page_images, render_pdf_pages

if TYPE_CHECKING:
    from desktop_app.services.dto import GeneratedDocument
    from desktop_app.services.investigation_extra import CaseInvestigation
    from desktop_app.ui.investigation_pane import InvestigationPane

ERROR_STYLE = "color: #861b11; background: #fbe3e0; padding: 4px 6px; border-radius: 3px;"
OK_STYLE = "color: #1d5a2b; background: #e3f3e6; padding: 4px 6px; border-radius: 3px;"
WARN_STYLE = "color: #6e4400; background: #ffe7ad; padding: 4px 6px; border-radius: 3px;"

# Kinds whose PDF another part of the project adds; a print button stays disabled until
# DocumentService.kinds() lists its kind.
NOT_READY_TIP = "该文书模板尚未就绪（文书类型“{0}”尚未登记），暂不能打印。"


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class MessageLabel(QLabel):
    """In-place feedback of a section: red for refusals, green for done, amber for warnings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_STYLE, "error")

    def show_ok(self, text: str) -> None:
        self._show(text, OK_STYLE, "ok")

    def show_warning(self, text: str) -> None:
        self._show(text, WARN_STYLE, "warning")

    def clear_message(self) -> None:
        self.setText("")
        self.setProperty("kind", "")
        self.hide()

    def kind(self) -> str:
        return str(self.property("kind") or "")

    def _show(self, text: str, style: str, kind: str) -> None:
        self.setText(text)
        self.setStyleSheet(style)
        self.setProperty("kind", kind)
        self.show()


class Section(QWidget):
    """A tab of the case view. ``host`` is the pane: it runs tasks and reloads the case."""

    def __init__(self, host: "InvestigationPane", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.message = MessageLabel(self)
        self.overview: CaseInvestigation | None = None

    def update_case(self, overview: "CaseInvestigation") -> None:
        self.overview = overview

    def write(self, fn: Callable[[Any], Any], *, done: str = "",
              on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[TaskFailure], None] | None = None) -> None:
        self.host.run_write(fn, section=self, done=done, on_done=on_done, on_error=on_error)

    def case_id(self) -> int:
        assert self.overview is not None
        return self.overview.case_id


def set_print_button(button: QPushButton, kind: str, overview: "CaseInvestigation | None",
                     extra_ok: bool = True) -> None:
    """Enable a print button only when its document kind is printable (and ``extra_ok``)."""
    available = overview is not None and kind in overview.printable_kinds
    button.setEnabled(available and extra_ok)
    button.setToolTip("" if available else NOT_READY_TIP.format(kind))


def fill_table(table: QTableWidget, rows: list[list[Any]], ids: list[Any] | None = None) -> None:
    """Replace a read-only table's rows; ``ids`` go to the first cell's UserRole."""
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(format_cell(value))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            if c == 0 and ids is not None:
                item.setData(Qt.ItemDataRole.UserRole, ids[r])
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def format_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def selected_id(table: QTableWidget) -> Any:
    row = table.currentRow()
    if row < 0 or table.item(row, 0) is None:
        return None
    return table.item(row, 0).data(Qt.ItemDataRole.UserRole)


def make_table(headers: list[str], parent: QWidget | None = None) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


class DocumentPreviewDialog(QDialog):
    """Non-modal preview of a generated PDF with 打印… and 另存为… (never blocks the window)."""

    PRINT_DPI = 200

    def __init__(self, tasks: TaskRunner, document: "GeneratedDocument", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._tasks = tasks
        self.setObjectName("documentPreview")
        self.setWindowTitle(QCoreApplication.translate("DocumentPreviewDialog", "{0} — 预览").format(document.title))
        self.resize(760, 900)
        layout = QVBoxLayout(self)
        info = QLabel(QCoreApplication.translate("DocumentPreviewDialog", "{0} {1}　共 {2} 页　版本 {3}").format(
            document.title, document.doc_no, document.page_count, document.version_hash[:12]), self)
        info.setObjectName("previewInfo")
        layout.addWidget(info)
        self.preview = PdfPreview(tasks, self)
        layout.addWidget(self.preview, 1)
        self.message = MessageLabel(self)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(QCoreApplication.translate("DocumentPreviewDialog", "打印(&P)…"), self)
        self.save_button = QPushButton(QCoreApplication.translate("DocumentPreviewDialog", "另存为 PDF(&S)…"), self)
        self.close_button = QPushButton(QCoreApplication.translate("DocumentPreviewDialog", "关闭"), self)
        for b in (self.print_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self._ask_save)
        self.close_button.clicked.connect(self.close)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.preview.set_pdf(document.pdf)

    def save_to(self, path: Path) -> None:
        path.write_bytes(self.document.pdf)
        self.message.show_ok(QCoreApplication.translate("DocumentPreviewDialog", "已保存到 {0}").format(path))

    def _ask_save(self) -> None:
        name = f"{self.document.title}{self.document.doc_no or ''}.pdf".replace("/", "_")
        path, _ = QFileDialog.getSaveFileName(self, QCoreApplication.translate("DocumentPreviewDialog", "另存为 PDF"), name, "PDF (*.pdf)")
        if path:
            self.save_to(Path(path))

    def print_document(self) -> None:
        """Print on the chosen printer: pages are rendered at print resolution off the GUI thread."""
        printer = make_printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pdf = self.document.pdf
        dpi = self.PRINT_DPI
        self.message.show_warning(QCoreApplication.translate("DocumentPreviewDialog", "正在准备打印……"))

        def done(pngs: list[bytes]) -> None:
            from PySide6.QtGui import QImage
            pages = print_page_images([QImage.fromData(p, "PNG") for p in pngs], printer)
            self.message.show_ok(QCoreApplication.translate("DocumentPreviewDialog", "已送打印机 {0} 页。").format(pages))

        self._tasks.read(lambda _c: render_pdf_pages(pdf, dpi=dpi), on_done=done,
                         on_error=lambda f: self.message.show_error(f.message))
