"""PDF preview without QtPdf (not in PySide6-Essentials): poppler's ``pdftoppm`` renders
the pages to PNG in a background task; the widget shows them; printing paints them.

``render_pdf_pages`` is plain Python (runs on a worker thread); the widget and
``print_page_images`` are Qt.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.domain.errors import DomainError
from desktop_app.ui.tasks import TaskFailure, TaskRunner

translate = QCoreApplication.translate  # literal calls: pyside6-lupdate extracts them


class PdfRenderError(DomainError):
    """The preview could not be rendered (poppler missing or the PDF unreadable)."""


def render_pdf_pages(
    pdf: bytes, *, dpi: int = 96, first: int | None = None, last: int | None = None
) -> list[bytes]:
    """Render ``pdf`` to one PNG per page with ``pdftoppm`` (poppler-utils).

    Thread-safe and Qt-free. Raises :class:`PdfRenderError` with a Chinese message
    that says what to install when ``pdftoppm`` is missing.
    """
    exe = shutil.which("pdftoppm")
    if exe is None:
        raise PdfRenderError(
            "无法预览：本机未安装 pdftoppm（poppler-utils）。文书已生成，可直接打印或另存为 PDF；"
            "如需预览请联系系统管理员安装 poppler-utils。"
        )
    with tempfile.TemporaryDirectory(prefix="cdesk-preview-") as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        args = [exe, "-png", "-r", str(dpi)]
        if first is not None:
            args += ["-f", str(first)]
        if last is not None:
            args += ["-l", str(last)]
        result = subprocess.run(
            [*args, str(source), str(Path(tmp) / "page")],
            capture_output=True,
            timeout=120,
            check=False,
        )
        pages = sorted(Path(tmp).glob("page*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[-1]))
        if result.returncode != 0 or not pages:
            detail = result.stderr.decode("utf-8", "replace").strip()[:200]
            raise PdfRenderError(f"无法预览该 PDF（pdftoppm 返回 {result.returncode}）：{detail}")
        return [p.read_bytes() for p in pages]


def print_page_images(images: Sequence[QImage], printer: QPrinter) -> int:
    """Paint one image per printer page, scaled to the printable area; returns pages painted.

    Works with any ``QPrinter`` (a real printer from ``QPrintDialog`` or PDF output).
    """
    if not images:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise PdfRenderError("无法开始打印：打印机不可用，请检查打印机或选择其他打印机。")
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            target = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            rect = QRect(0, 0, target.width(), target.height())
            rect.moveCenter(QRect(0, 0, area.width(), area.height()).center())
            painter.drawImage(rect, image)
    finally:
        painter.end()
    return len(images)


def make_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


class PdfPreview(QScrollArea):
    """Shows the pages of a PDF, rendered off the GUI thread.

    ``set_pdf(pdf_bytes)`` starts rendering; ``rendered`` fires with the page count;
    a failure shows its Chinese message in place of the pages.
    """

    rendered = Signal(int)
    failed = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None, *, dpi: int = 96) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._dpi = dpi
        self._images: list[QImage] = []
        self._pdf: bytes = b""
        self._key = f"pdf-preview:{id(self)}"
        self.setWidgetResizable(True)
        self.setObjectName("pdfPreview")
        self._inner = QWidget()
        self._inner.setStyleSheet("background: #8a8f96;")
        self._layout = QVBoxLayout(self._inner)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self._layout.setSpacing(12)
        self.message = QLabel(translate("PdfPreview", "尚未打印任何文书。"), self._inner)
        self.message.setStyleSheet("color: white;")
        self.message.setWordWrap(True)
        self._layout.addWidget(self.message)
        self.setWidget(self._inner)

    def pdf(self) -> bytes:
        return self._pdf

    def images(self) -> list[QImage]:
        return list(self._images)

    def page_count(self) -> int:
        return len(self._images)

    def clear(self) -> None:
        self._pdf = b""
        self._images = []
        self._show_pages()
        self.message.setText(translate("PdfPreview", "尚未打印任何文书。"))
        self.message.show()

    def set_pdf(self, pdf: bytes) -> None:
        self._pdf = pdf
        self._images = []
        self._show_pages()
        self.message.setText(translate("PdfPreview", "正在生成预览……"))
        self.message.show()
        dpi = self._dpi
        self._tasks.read(
            lambda _c: render_pdf_pages(pdf, dpi=dpi),
            on_done=self._on_rendered,
            on_error=self._on_failed,
            key=self._key,
        )

    def _on_rendered(self, pngs: list[bytes]) -> None:
        self._images = [QImage.fromData(p, "PNG") for p in pngs]
        self.message.hide()
        self._show_pages()
        self.rendered.emit(len(self._images))

    def _on_failed(self, failure: TaskFailure) -> None:
        self.message.setText(failure.message)
        self.message.show()
        self.failed.emit(failure.message)

    def _show_pages(self) -> None:
        while self._layout.count() > 1:
            item = self._layout.takeAt(1)
            if item.widget() is not None:
                item.widget().deleteLater()
        for _image in self._images:
            label = QLabel(self._inner)
            label.setStyleSheet("border: 1px solid #555; background: white;")
            self._layout.addWidget(label)
        self._fit()

    def _fit(self) -> None:
        """Pages as wide as the view (never wider than rendered): no sideways scrolling."""
        width = max(200, self.viewport().width() - 30)
        for i, image in enumerate(self._images):
            item = self._layout.itemAt(i + 1)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                pixmap = QPixmap.fromImage(image)
                if pixmap.width() > width:
                    pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
                label.setPixmap(pixmap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._images:
            self._fit()
