"""Page framework for official documents: A4, header with QR code, footer "第 x 页 共 y 页",
optional per-page signature + thumbprint block, deterministic bytes.

Every page is decorated in a second pass (the canvas keeps each page until ``save`` so the
total page count is known), so "共 y 页" and the per-page QR payload are exact.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)

from desktop_app.documents.fonts import HEI, SONG, SYMBOL, register_fonts
from desktop_app.documents.text import chinese_date, install_chinese_line_breaking, markup
from desktop_app.documents.versioning import make_qr_payload, version_hash

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
BODY_TOP = PAGE_HEIGHT - 32 * mm  # below the header band with the QR code
BODY_BOTTOM_PLAIN = 22 * mm  # above the footer
BODY_BOTTOM_WITH_SIGNATURE = 50 * mm  # above the per-page signature block
QR_SIZE = 20 * mm
THUMB_BOX = 20 * mm

PRODUCER_NAME = "投诉处理台"


@dataclass(frozen=True)
class RenderedDocument:
    pdf: bytes
    page_count: int
    version_hash: str
    title: str


@dataclass(frozen=True)
class PageSignature:
    """Per-page signature line and thumbprint box (签名/捺印 on every page)."""

    signer_label: str = "被调查人"  # e.g. 投诉人 for the oral record
    thumb_label: str = "捺印"

    @property
    def line_label(self) -> str:
        return f"{self.signer_label}（签名）："


@dataclass(frozen=True)
class PageDecoration:
    kind: str
    title: str
    case_no: str
    organ_name: str
    doc_number: str
    version_hash: str
    signature: PageSignature | None = None


# ---------------------------------------------------------------- styles

@dataclass(frozen=True)
class Styles:
    organ: ParagraphStyle
    title: ParagraphStyle
    doc_number: ParagraphStyle
    body: ParagraphStyle
    body_flush: ParagraphStyle
    heading: ParagraphStyle
    right: ParagraphStyle
    cell: ParagraphStyle
    cell_label: ParagraphStyle
    cell_center: ParagraphStyle
    small: ParagraphStyle


_styles: Styles | None = None


def styles() -> Styles:
    """Paragraph styles (fonts registered and Chinese line breaking installed on first use)."""
    global _styles
    if _styles is None:
        register_fonts()
        install_chinese_line_breaking()
        common: dict[str, Any] = {"wordWrap": "CJK"}
        body = ParagraphStyle("body", fontName=SONG, fontSize=12, leading=22,
                              firstLineIndent=24, alignment=TA_JUSTIFY, **common)
        cell = ParagraphStyle("cell", fontName=SONG, fontSize=10.5, leading=15, **common)
        _styles = Styles(
            organ=ParagraphStyle("organ", fontName=HEI, fontSize=18, leading=28,
                                 alignment=TA_CENTER, **common),
            title=ParagraphStyle("title", fontName=HEI, fontSize=20, leading=30,
                                 alignment=TA_CENTER, spaceAfter=4, **common),
            doc_number=ParagraphStyle("doc_number", fontName=SONG, fontSize=12, leading=20,
                                      alignment=TA_RIGHT, spaceAfter=8, **common),
            body=body,
            body_flush=ParagraphStyle("body_flush", parent=body, firstLineIndent=0),
            heading=ParagraphStyle("heading", fontName=HEI, fontSize=12, leading=22,
                                   alignment=TA_LEFT, **common),
            right=ParagraphStyle("right", parent=body, firstLineIndent=0, alignment=TA_RIGHT),
            cell=cell,
            cell_label=ParagraphStyle("cell_label", parent=cell, fontName=HEI,
                                      alignment=TA_CENTER),
            cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
            small=ParagraphStyle("small", fontName=SONG, fontSize=9, leading=13, **common),
        )
    return _styles


def table_style(*commands: tuple) -> TableStyle:
    """TableStyle whose plain-string cells use the embedded face (the default is Helvetica)."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), SONG), *commands])


def checkbox(checked: bool) -> str:
    """☑ / ☐ as paragraph markup (symbol face: the CJK faces lack these glyphs)."""
    return f'<font name="{SYMBOL}">{"☑" if checked else "☐"}</font>'


def para(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """Paragraph from plain user text (escaped)."""
    return Paragraph(markup(text), style or styles().body)


def rich(markup_text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """Paragraph from trusted markup (already escaped)."""
    return Paragraph(markup_text, style or styles().body)


# ---------------------------------------------------------------- common blocks

def title_block(title: str, organ_name: str = "", doc_number: str = "") -> list[Flowable]:
    st = styles()
    blocks: list[Flowable] = []
    if organ_name:
        blocks.append(para(organ_name, st.organ))
    blocks.append(para(title, st.title))
    if doc_number:
        blocks.append(para(doc_number, st.doc_number))
    else:
        blocks.append(Spacer(1, 10))
    return blocks


def issuer_block(organ_name: str, issued_on: date, with_seal: bool = True) -> Flowable:
    """Organ name, Chinese date and the seal area, right-aligned (落款 + 印章)."""
    st = styles()
    rows = []
    if with_seal:
        rows.append([para("（印章）", st.right)])
    rows.append([para(organ_name, st.right)])
    rows.append([para(chinese_date(issued_on), st.right)])
    table = Table(rows, colWidths=[75 * mm], hAlign="RIGHT")
    table.setStyle(table_style(("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                               ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)))
    return KeepTogether([Spacer(1, 24), table])


def remedies_text(office: Any, document_label: str) -> str:
    """救济途径 paragraph from the office settings (verbatim override wins)."""
    if office.remedies_text_override:
        return office.remedies_text_override
    organ = office.reconsideration_organ or "有权机关"
    court = office.litigation_court or "有管辖权的人民法院"
    return (f"如对本{document_label}不服，可以自收到本{document_label}之日起"
            f"{_days_text(office.reconsideration_days)}内向{organ}申请行政复议，或者自收到本"
            f"{document_label}之日起{_months_text(office.litigation_months)}内向{court}提起行政诉讼。")


def _days_text(days: int) -> str:
    from desktop_app.documents.text import chinese_number
    return f"{chinese_number(days)}日" if 0 < days < 100 else f"{days}日"


def _months_text(months: int) -> str:
    from desktop_app.documents.text import chinese_number
    return f"{chinese_number(months)}个月" if 0 < months < 100 else f"{months}个月"


def contact_line(office: Any, contact: Any | None = None) -> str:
    parts = []
    if contact is not None and contact.person:
        parts.append(f"联系人：{contact.person}")
    phone = contact.phone if contact is not None and contact.phone else office.phone
    if phone:
        parts.append(f"联系电话：{phone}")
    if office.address:
        parts.append(f"地址：{office.address}")
    if office.postcode:
        parts.append(f"邮编：{office.postcode}")
    return "；".join(parts)


def grid(rows: Sequence[Sequence[Any]], col_widths: Sequence[float],
         extra: Sequence[tuple] = (), header_rows: int = 0,
         min_row_heights: dict[int, float] | None = None) -> Table:
    """A ruled form table (one section of a paper form). Cells: Paragraph or plain str."""
    st = styles()
    cooked = [[para(c, st.cell) if isinstance(c, str) else c for c in row] for row in rows]
    row_heights = None
    if min_row_heights:  # fixed height for rows left blank to sign by hand
        row_heights = [min_row_heights.get(i) for i in range(len(cooked))]
    table = Table(cooked, colWidths=list(col_widths), rowHeights=row_heights,
                  repeatRows=header_rows, splitInRow=1, hAlign="CENTER")
    table.setStyle(table_style(
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *extra,
    ))
    return table


# ---------------------------------------------------------------- page decoration

def _qr_modules(payload: str) -> list[list[bool]]:
    """Module matrix from ReportLab's QR encoder (computed once per document: ~40 ms)."""
    widget = QrCodeWidget(payload, barLevel="M", barBorder=0)
    widget.qr.make()
    return [[bool(m) for m in row] for row in widget.qr.modules]


def _draw_qr(canvas: Canvas, modules: list[list[bool]], x: float, y: float, size: float) -> None:
    """Paint the QR code as one filled path.

    (renderPDF would set Helvetica as the drawing's default font, which is not embedded.)
    """
    count = len(modules)
    box = size / count
    path = canvas.beginPath()
    for row_index, row in enumerate(modules):
        top = y + size - (row_index + 1) * box
        column = 0
        for dark, run in itertools.groupby(row):
            length = sum(1 for _ in run)
            if dark:
                path.rect(x + column * box, top, length * box, box)
            column += length
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)


def _draw_decoration(canvas: Canvas, decor: PageDecoration, qr: list[list[bool]], page: int,
                     total: int) -> None:
    canvas.saveState()
    # Header: organ, case number, 文号 at the left; the QR code at the right.
    qr_x = PAGE_WIDTH - MARGIN_RIGHT - QR_SIZE
    qr_y = PAGE_HEIGHT - 8 * mm - QR_SIZE
    if decor.case_no:  # documents about no case (the 公示 poster) carry no case code
        _draw_qr(canvas, qr, qr_x, qr_y, QR_SIZE)
    canvas.setFillColor(colors.black)
    canvas.setFont(SONG, 9)
    header_y = PAGE_HEIGHT - 13 * mm
    lines = [f"{decor.organ_name}　{decor.title}"]
    if decor.case_no:
        lines.append(f"案件编号：{decor.case_no}")
    if decor.doc_number:
        lines.append(f"文号：{decor.doc_number}")
    for index, line in enumerate(lines):
        canvas.drawString(MARGIN_LEFT, header_y - 12 * index, line)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_LEFT, PAGE_HEIGHT - 29 * mm, qr_x - 3 * mm, PAGE_HEIGHT - 29 * mm)

    if decor.signature is not None:
        _draw_signature_block(canvas, decor.signature)

    # Footer: page x of y centred, version check code at the left.
    canvas.setFont(SONG, 10.5)
    canvas.drawCentredString(PAGE_WIDTH / 2, 11 * mm, f"第 {page} 页 共 {total} 页")
    canvas.setFont(SONG, 8)
    canvas.drawString(MARGIN_LEFT, 11 * mm, f"校验码 {decor.version_hash[:12]}")
    canvas.restoreState()


def _draw_signature_block(canvas: Canvas, signature: PageSignature) -> None:
    top = BODY_BOTTOM_WITH_SIGNATURE - 3 * mm
    canvas.setStrokeColor(colors.grey)
    canvas.setLineWidth(0.4)
    canvas.line(MARGIN_LEFT, top, PAGE_WIDTH - MARGIN_RIGHT, top)
    canvas.setStrokeColor(colors.black)
    box_x = PAGE_WIDTH - MARGIN_RIGHT - THUMB_BOX
    box_y = 18 * mm
    canvas.setLineWidth(0.8)
    canvas.rect(box_x, box_y, THUMB_BOX, THUMB_BOX)
    canvas.setFont(SONG, 9)
    canvas.drawCentredString(box_x + THUMB_BOX / 2, box_y + THUMB_BOX + 2 * mm,
                             signature.thumb_label)
    canvas.setFont(SONG, 12)
    label = signature.line_label
    line_y = box_y + 9 * mm
    canvas.drawString(MARGIN_LEFT, line_y, label)
    label_end = MARGIN_LEFT + canvas.stringWidth(label, SONG, 12)
    canvas.setLineWidth(0.6)
    canvas.line(label_end + 2, line_y - 2, label_end + 48 * mm, line_y - 2)
    date_x = label_end + 52 * mm
    canvas.drawString(date_x, line_y, "日期：")
    canvas.line(date_x + 36, line_y - 2, box_x - 6 * mm, line_y - 2)


def _canvas_class(decor: PageDecoration, creation_stamp: str, result: dict[str, int]) -> type:
    class DecoratedCanvas(Canvas):
        """Keeps pages until save() so every page knows the total (第 x 页 共 y 页)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []
            # Deterministic output: the PDF dates come from the document data.
            self._doc.setDateFormatter(lambda *_: creation_stamp)

        def showPage(self) -> None:  # noqa: N802 (ReportLab API)
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            result["pages"] = total
            # Same code on every page: the scanner needs the case and the version, not the page.
            qr = _qr_modules(make_qr_payload(decor.case_no, decor.kind, decor.version_hash)) \
                if decor.case_no else []
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                _draw_decoration(self, decor, qr, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return DecoratedCanvas


def build_document(kind: str, title: str, data: Any, story: list[Flowable],
                   signature: PageSignature | None = None) -> RenderedDocument:
    """Lay out ``story`` on decorated A4 pages; same data → byte-identical PDF."""
    styles()  # fonts + line breaking
    digest = version_hash(kind, data)
    office = data.office
    decor = PageDecoration(kind=kind, title=title, case_no=data.case_no,
                           organ_name=office.organ_name, doc_number=data.doc_number,
                           version_hash=digest, signature=signature)
    bottom = BODY_BOTTOM_WITH_SIGNATURE if signature else BODY_BOTTOM_PLAIN
    frame = Frame(MARGIN_LEFT, bottom, CONTENT_WIDTH, BODY_TOP - bottom, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    buffer = io.BytesIO()
    stamp = data.issued_on.strftime("D:%Y%m%d000000+08'00'")
    doc = BaseDocTemplate(buffer, pagesize=A4, invariant=1, title=title,
                          author=office.organ_name, subject=f"{data.case_no} {title}",
                          keywords=f"{kind} {digest}", creator=PRODUCER_NAME,
                          producer=PRODUCER_NAME,
                          # Without this every page preamble references Helvetica (not embedded).
                          initialFontName=SONG,
                          leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                          topMargin=PAGE_HEIGHT - BODY_TOP, bottomMargin=bottom)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    result: dict[str, int] = {}
    doc.build(story, canvasmaker=_canvas_class(decor, stamp, result))
    return RenderedDocument(pdf=buffer.getvalue(), page_count=result["pages"],
                            version_hash=digest, title=title)
