"""The bound archive volume as one PDF (一事一卷, Art 19): 卷皮, 卷内目录, documents and scans, 备考表.

Page numbering: the cover, the 卷内目录 and the 备考表 are not numbered (archivists' practice);
the pages of the documents and attached scans are numbered 1…N in volume order and each is
stamped "卷内第 N 页". The TOC page ranges are computed from the real page counts of the
merged files (not from the counts recorded at binding), so they always match the PDF. Physical
PDF page = ``front_pages`` + volume page number.

Item order is the ``ArchiveItem`` order set by ``ArchiveService.archive`` (补充归档 items last).
A case that is not archived yet gets a provisional volume (same order the binding would use),
headed "（未归档）", so the archivist can preview it.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader, PdfWriter
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.documents.volume import (TocEntry, VolumeData, render_image_pages, render_page_stamps,
                                          render_placeholder_page, render_volume_cover, render_volume_notes,
                                          render_volume_toc)
from desktop_app.domain import models as m
from desktop_app.domain.enums import Role
from desktop_app.domain.errors import NotFound
from desktop_app.services.base import ServiceBase
from desktop_app.services.cases import live
from desktop_app.services.document_builders import office_profile, user_name

PROVISIONAL = "（未归档）"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/tiff")

TocRow = tuple[int, str, str, dt.date | None, int, int]  # (seq, title, doc_no, date, page_from, page_to)


# 按办理程序排列: registration → acceptance → investigation (by date) → report → decision →
# reply → supervision → later events. (stage, kind rank within the stage)
_STAGES: dict[str, tuple[int, int]] = {
    "registration_form": (1, 1), "oral_record": (1, 2), "poa": (1, 3), "supplement_notice": (1, 4),
    "acceptance_notice": (2, 1), "non_acceptance_notice": (2, 2),
    "explanation_request": (3, 1), "file_callup": (3, 2), "department_opinion": (3, 3), "stop_order": (3, 4),
    "transcript": (3, 5), "evidence_list": (3, 6), "extension_approval": (3, 7), "extension_notice": (3, 8),
    "investigation_report": (4, 1), "withdrawal_record": (5, 0), "handling_decision": (5, 1),
    "transfer_letter": (5, 2), "reply": (6, 1), "service_receipt": (6, 2), "supervision_record": (7, 1),
    "reconsideration_record": (8, 1),
}
_INVESTIGATION_STAGE = 3


def archive_sort_key(kind: str, issued_on: dt.date, doc_id: int) -> tuple[int, dt.date, int, int]:
    """Order of documents in a volume: by procedure stage; investigation materials by date within it."""
    stage, rank = _STAGES.get(kind, (9, 0))
    return stage, issued_on if stage == _INVESTIGATION_STAGE else dt.date.min, rank, doc_id


@dataclass(frozen=True)
class VolumePdf:
    pdf: bytes
    page_count: int  # physical pages of the PDF (cover, TOC and 备考表 included)
    toc: list[TocRow]  # page numbers in volume numbering (documents only, from 1)
    front_pages: int  # cover + TOC pages before volume page 1
    archive_no: str

    def physical_page(self, volume_page: int) -> int:
        """1-based PDF page index of a volume page number."""
        return self.front_pages + volume_page


@dataclass(frozen=True)
class _Item:
    seq: int
    title: str
    doc_no: str
    doc_date: dt.date | None
    document_id: int | None
    attachment_id: int | None
    appended: bool


def _provisional_items(s: Session, c: m.Complaint) -> list[_Item]:
    """What ``ArchiveService.archive`` would bind now: live documents by date, each transcript's scans after it."""
    docs = sorted(s.scalars(select(m.Document).where(m.Document.complaint_id == c.id,
                                                     m.Document.superseded_by_id.is_(None))),
                  key=lambda d: archive_sort_key(d.kind, d.issued_on, d.id))
    items: list[_Item] = []
    for d in docs:
        items.append(_Item(len(items) + 1, d.title, d.doc_no, d.issued_on, d.id, None, False))
        if d.kind == "transcript":
            for a in s.scalars(select(m.Attachment).where(
                    m.Attachment.complaint_id == c.id, m.Attachment.owner_type == "transcript",
                    m.Attachment.owner_id == d.subject_id).order_by(m.Attachment.id)):
                items.append(_Item(len(items) + 1, f"{d.title}（签字扫描件）", d.doc_no, d.issued_on, None, a.id, False))
    return items


def _content(s: Session, item: _Item) -> tuple[bytes, bool]:
    """PDF bytes of an item, and whether it is a scan."""
    if item.document_id is not None:
        doc = s.get(m.Document, item.document_id)
        if doc is not None and doc.pdf:
            return doc.pdf, False
    if item.attachment_id is not None:
        att = s.get(m.Attachment, item.attachment_id)
        if att is not None:
            if att.mime_type == "application/pdf":
                return att.content, True
            if att.mime_type in IMAGE_TYPES:
                return render_image_pages([att.content]), True
    return render_placeholder_page(item.title, item.doc_no, item.doc_date,
                                   "本件为纸质材料，原件附后。" if item.appended else "本件无电子文本，原件附后。"), False


def _parties(c: m.Complaint) -> tuple[str, str]:
    complainants = "、".join(p.name for p in live(list(c.complainants))) or "匿名投诉人"
    respondents = "、".join(r.name for r in live(list(c.respondents))) or "被投诉人"
    return complainants, respondents


def build_volume_pdf(ctx: Any, session: Session, case_id: int) -> VolumePdf:
    """One PDF of the whole volume; the TOC page ranges are those of the merged PDF."""
    s = session
    c = s.get(m.Complaint, case_id)
    if c is None:
        raise NotFound(f"找不到编号为 {case_id} 的投诉案件。")
    vol = s.scalars(select(m.ArchiveVolume).where(m.ArchiveVolume.complaint_id == c.id)).one_or_none()
    if vol is not None:
        items = [_Item(i.seq, i.title, i.doc_no, i.doc_date, i.document_id, i.attachment_id, i.appended)
                 for i in sorted(vol.items, key=lambda i: i.seq)]
    else:
        items = _provisional_items(s, c)

    readers: list[PdfReader] = []
    entries: list[TocEntry] = []
    next_page = 1
    scan_pages = 0
    for item in items:
        blob, is_scan = _content(s, item)
        reader = PdfReader(io.BytesIO(blob))
        count = len(reader.pages)
        readers.append(reader)
        entries.append(TocEntry(seq=item.seq, title=item.title, doc_no=item.doc_no, doc_date=item.doc_date,
                                page_from=next_page, page_to=next_page + count - 1, appended=item.appended))
        scan_pages += count if is_scan else 0
        next_page += count

    complainant, respondent = _parties(c)
    data = VolumeData(
        office=office_profile(c.office), case_no=c.case_no,
        archive_no=vol.archive_no if vol else PROVISIONAL, title=f"关于{complainant}投诉{respondent}的投诉处理案卷",
        complainant=complainant, respondent=respondent, received_on=c.received_date, closed_on=c.closed_on,
        retention=vol.retention if vol else "长期", archived_on=vol.archived_on if vol else None,
        archivist=user_name(s, vol.archived_by_id) if vol else "", entries=tuple(entries),
        remarks=vol.remarks if vol else "", scan_pages=scan_pages)

    writer = PdfWriter()
    cover = PdfReader(io.BytesIO(render_volume_cover(data)))
    toc_pdf, _ = render_volume_toc(data)
    toc = PdfReader(io.BytesIO(toc_pdf))
    for page in [*cover.pages, *toc.pages]:
        writer.add_page(page)
    front = len(writer.pages)

    pages = [page for reader in readers for page in reader.pages]
    boxes = [(float(p.mediabox.right), float(p.mediabox.top)) for p in pages]
    # One overlay document for all stamps: the font is embedded once for the whole volume.
    stamps = PdfReader(io.BytesIO(render_page_stamps(boxes))).pages
    for page, stamp in zip(pages, stamps):
        added = writer.add_page(page)
        added.merge_page(stamp)
    for page in PdfReader(io.BytesIO(render_volume_notes(data))).pages:
        writer.add_page(page)
    writer.add_metadata({"/Title": f"{data.archive_no} {data.title}", "/Producer": "投诉处理台",
                         "/Creator": "投诉处理台"})
    out = io.BytesIO()
    writer.write(out)
    toc_rows = [(e.seq, e.title, e.doc_no, e.doc_date, e.page_from, e.page_to) for e in entries]
    return VolumePdf(out.getvalue(), len(writer.pages), toc_rows, front, data.archive_no)


class VolumeService(ServiceBase):
    """Printing the archive volume (archivist, head, reviewer); audited like any print."""

    def build(self, case_id: int) -> VolumePdf:
        self.actor.require(Role.ARCHIVIST, Role.HEAD, Role.REVIEWER, action="打印档案卷宗")
        with self.read() as s:
            result = build_volume_pdf(self.ctx, s, case_id)
        with self.uow() as uow:
            uow.audit("archive.print_volume", entity="complaint", entity_id=case_id, complaint_id=case_id,
                      summary=f"打印档案卷宗{result.archive_no}（共{result.page_count}页）")
        return result


from desktop_app.services.hub import EXTRA_SERVICES  # noqa: E402 - registration at the end of the module

EXTRA_SERVICES["volume"] = VolumeService
