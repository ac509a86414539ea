"""ReportLab documents: plain data in (``models``), PDF bytes out. No DB, no Qt.

Public API::

    render_document(kind, data) -> RenderedDocument(pdf, page_count, version_hash, title)
    DOCUMENT_KINDS            code -> DocumentKind(code, title, data_type, render, signed_per_page)
    version_hash(kind, data)  sha256 of the canonical JSON of the data
    parse_qr_payload(text)    decode what a keyboard-wedge scanner typed (None if foreign)
    font_files()              bundled font files for QFontDatabase.addApplicationFont
    chinese_date(date)        二〇二六年十一月二十四日
"""

from desktop_app.documents.base import RenderedDocument
from desktop_app.documents.fonts import HEI, SONG, font_families, font_files, register_fonts
from desktop_app.documents.registry import DOCUMENT_KINDS, DocumentKind, render_document
from desktop_app.documents.text import chinese_date
from desktop_app.documents.versioning import (QrPayload, canonical_json, make_qr_payload,
                                              parse_qr_payload, version_hash)

__all__ = [
    "DOCUMENT_KINDS", "DocumentKind", "HEI", "QrPayload", "RenderedDocument", "SONG",
    "canonical_json", "chinese_date", "font_families", "font_files", "make_qr_payload",
    "parse_qr_payload", "register_fonts", "render_document", "version_hash",
]
