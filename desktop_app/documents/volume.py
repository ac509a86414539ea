"""Parts of a bound archive volume (投诉处理档案, Art. 19): 卷皮, 卷内目录, 备考表, page stamps.

Plain data in, PDF bytes out (no DB). ``services.archive_volume`` merges these with the stored
documents and scans. Page numbering follows the archivists' rule (DA/T 22 practice): the cover,
the table of contents and the 备考表 carry no page number; the documents' pages are numbered
1…N across the whole volume, stamped "卷内第 N 页" at the top right of each page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import Any, Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Spacer

from desktop_app.documents.base import (CONTENT_WIDTH, MARGIN_LEFT, MARGIN_RIGHT, PAGE_HEIGHT,
                                        PRODUCER_NAME, grid, para, styles)
from desktop_app.documents.fonts import SONG
from desktop_app.documents.models import OfficeProfile
from desktop_app.documents.text import chinese_date, numeric_date

STAMP_RIGHT = 10 * mm  # from the right edge of the page
STAMP_TOP = 6 * mm  # baseline below the top edge: above the documents' QR code (8 mm)


@dataclass(frozen=True, kw_only=True)
class TocEntry:
    """One line of the 卷内目录: a document or a scan, with its pages in the volume."""

    seq: int
    title: str
    doc_no: str = ""
    doc_date: date | None = None
    page_from: int
    page_to: int
    appended: bool = False  # 补充归档

    @property
    def pages_text(self) -> str:
        return str(self.page_from) if self.page_from == self.page_to else f"{self.page_from}—{self.page_to}"


@dataclass(frozen=True, kw_only=True)
class VolumeData:
    office: OfficeProfile
    case_no: str
    archive_no: str  # 档号 / 卷号
    title: str  # 案卷题名
    complainant: str
    respondent: str
    received_on: date
    closed_on: date | None
    retention: str  # 保管期限: 永久 / 长期 / 短期
    archived_on: date | None
    archivist: str = ""  # 立卷人
    entries: tuple[TocEntry, ...] = ()
    remarks: str = ""  # 备考: 立卷人说明
    scan_pages: int = 0  # pages of attached scans among the numbered pages

    @property
    def page_count(self) -> int:
        return max((e.page_to for e in self.entries), default=0)


def _doc(buffer: io.BytesIO, title: str) -> BaseDocTemplate:
    doc = BaseDocTemplate(buffer, pagesize=A4, invariant=1, title=title, creator=PRODUCER_NAME,
                          producer=PRODUCER_NAME, initialFontName=SONG,
                          leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                          topMargin=25 * mm, bottomMargin=20 * mm)
    frame = Frame(MARGIN_LEFT, 20 * mm, CONTENT_WIDTH, PAGE_HEIGHT - 45 * mm, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


def _build(title: str, story: list[Flowable], stamp_date: date | None) -> tuple[bytes, int]:
    styles()  # fonts + Chinese line breaking
    buffer = io.BytesIO()
    doc = _doc(buffer, title)
    stamp = (stamp_date or date(2000, 1, 1)).strftime("D:%Y%m%d000000+08'00'")

    class FixedDateCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._doc.setDateFormatter(lambda *_: stamp)  # same data → same bytes

    doc.build(story, canvasmaker=FixedDateCanvas)
    return buffer.getvalue(), doc.page


def render_volume_cover(data: VolumeData) -> bytes:
    """卷皮: 档号, 案卷题名, parties, dates, retention, items and pages, the organ."""
    st = styles()
    big = st.title.clone("cover_title", fontSize=26, leading=40)
    label = st.cell_label.clone("cover_label", fontSize=12, leading=18)
    value = st.cell.clone("cover_value", fontSize=12, leading=18)
    story: list[Flowable] = [
        grid([[para("档号", label), para(data.archive_no, value)]], [20 * mm, 70 * mm],
             extra=[("ALIGN", (0, 0), (-1, -1), "RIGHT")]),
        Spacer(1, 30 * mm),
        para("法律援助投诉处理档案", big),
        Spacer(1, 20 * mm),
    ]
    rows = [
        ("案卷题名", data.title),
        ("案件编号", data.case_no),
        ("投诉人", data.complainant),
        ("被投诉人", data.respondent),
        ("收到日期", numeric_date(data.received_on)),
        ("办结日期", numeric_date(data.closed_on, "")),
        ("归档日期", numeric_date(data.archived_on, "")),
        ("保管期限", data.retention),
        ("本卷", f"共 {len(data.entries)} 件　{data.page_count} 页"),
        ("立卷单位", data.office.organ_name),
    ]
    story.append(grid([[para(k, label), para(v, value)] for k, v in rows], [32 * mm, CONTENT_WIDTH - 32 * mm],
                      extra=[("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)]))
    story += [Spacer(1, 25 * mm), para(data.office.organ_name, st.organ)]
    if data.archived_on:
        story.append(para(chinese_date(data.archived_on), st.title.clone("cover_date", fontSize=14, leading=22)))
    pdf, _ = _build(f"{data.archive_no} 卷皮", story, data.archived_on)
    return pdf


def render_volume_toc(data: VolumeData) -> tuple[bytes, int]:
    """卷内目录: item number, document, 文号, date, page range (volume numbering). Returns (pdf, pages)."""
    st = styles()
    head = st.cell_label
    story: list[Flowable] = [para("卷内目录", st.title),
                             para(f"档号：{data.archive_no}　　案件编号：{data.case_no}", st.body_flush),
                             Spacer(1, 3 * mm)]
    rows: list[list[Any]] = [[para(h, head) for h in ("序号", "文号", "题名", "日期", "页号", "备注")]]
    for e in data.entries:
        rows.append([para(str(e.seq), st.cell_center), para(e.doc_no, st.cell), para(e.title, st.cell),
                     para(numeric_date(e.doc_date, ""), st.cell_center), para(e.pages_text, st.cell_center),
                     para("补充归档" if e.appended else "", st.cell_center)])
    story.append(grid(rows, [11 * mm, 38 * mm, CONTENT_WIDTH - 115 * mm, 30 * mm, 18 * mm, 18 * mm],
                      header_rows=1))
    story.append(Spacer(1, 3 * mm))
    story.append(para(f"本卷共 {len(data.entries)} 件，{data.page_count} 页（卷皮、卷内目录、备考表不编页号）。",
                      st.body_flush))
    return _build(f"{data.archive_no} 卷内目录", story, data.archived_on)


def render_volume_notes(data: VolumeData) -> bytes:
    """卷内备考表: pages, scans, remarks, appended items, who bound it and when."""
    st = styles()
    label = st.cell_label
    appended = [e for e in data.entries if e.appended]
    lines = [f"本卷共 {len(data.entries)} 件，{data.page_count} 页"
             + (f"，其中签字材料扫描件 {data.scan_pages} 页" if data.scan_pages else "") + "。"]
    if data.remarks:
        lines.append(data.remarks)
    appended_text = "\n".join(f"第{e.seq}件 {e.title}（{numeric_date(e.doc_date, '')}，第{e.pages_text}页）"
                              for e in appended) or "无"
    story: list[Flowable] = [
        para("卷内备考表", st.title),
        para(f"档号：{data.archive_no}", st.body_flush), Spacer(1, 3 * mm),
        grid([[para("本卷情况说明", label), para("\n".join(lines), st.cell)],
              [para("补充归档", label), para(appended_text, st.cell)],
              [para("立卷人", label), para(data.archivist, st.cell)],
              [para("检查人", label), para("", st.cell)],
              [para("立卷时间", label), para(numeric_date(data.archived_on, ""), st.cell)]],
             [32 * mm, CONTENT_WIDTH - 32 * mm], min_row_heights={0: 60 * mm, 1: 40 * mm, 3: 12 * mm}),
    ]
    pdf, _ = _build(f"{data.archive_no} 卷内备考表", story, data.archived_on)
    return pdf


def render_page_stamps(boxes: Sequence[tuple[float, float]], first_number: int = 1) -> bytes:
    """One overlay page per numbered page: "卷内第 N 页" at the top right of a page whose
    media box's upper right corner is ``(right, top)`` (user space of that page)."""
    from desktop_app.documents.fonts import register_fonts
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, initialFontName=SONG)
    for offset, (right, top) in enumerate(boxes):
        canvas.setPageSize((right, top))
        canvas.setFont(SONG, 9)
        canvas.setFillColor(colors.black)
        canvas.drawRightString(right - STAMP_RIGHT, top - STAMP_TOP, f"卷内第 {first_number + offset} 页")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_image_pages(images: Sequence[bytes]) -> bytes:
    """Scanned images (PNG/JPEG/TIFF, every frame) one per A4 page, scaled to fit with margins."""
    from PIL import Image, ImageSequence
    from reportlab.lib.utils import ImageReader
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=SONG)
    width, height = A4
    box_w, box_h = width - 20 * mm, height - 24 * mm  # room for the volume page stamp at the top
    for blob in images:
        with Image.open(io.BytesIO(blob)) as img:
            for frame in ImageSequence.Iterator(img):
                page = frame.convert("RGB")
                scale = min(box_w / page.width, box_h / page.height)
                w, h = page.width * scale, page.height * scale
                canvas.drawImage(ImageReader(page), (width - w) / 2, (height - 14 * mm - h) / 2 + 2 * mm, w, h)
                canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def render_placeholder_page(title: str, doc_no: str, doc_date: date | None, note: str) -> bytes:
    """A page standing in for a paper item that has no electronic copy (补充归档 of a paper result)."""
    st = styles()
    story: list[Flowable] = [Spacer(1, 40 * mm), para(title, st.title),
                             para(doc_no, st.body_flush.clone("c", alignment=1)),
                             para(numeric_date(doc_date, ""), st.body_flush.clone("c2", alignment=1)),
                             Spacer(1, 10 * mm), para(note, st.body)]
    pdf, _ = _build(title, story, doc_date)
    return pdf


__all__ = ["TocEntry", "VolumeData", "render_image_pages", "render_page_stamps", "render_placeholder_page",
           "render_volume_cover", "render_volume_notes", "render_volume_toc"]
