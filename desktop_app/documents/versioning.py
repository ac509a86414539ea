"""Version hash of a document's data and the QR payload printed on every page.

QR payload format (what a keyboard-wedge scanner types at the window)::

    CDESK:<case_no, percent-encoded UTF-8>:<kind>:<hash12>[:<page>/<pages>]

e.g. ``CDESK:%E9%9D%92%E5%8F%B8...%E5%8F%B7:transcript:3f9a0c12ab45``. Printed documents
carry the same code on every page (no page part; the page number is printed as text).
The optional ``:<page>/<pages>`` suffix is accepted for page-level labels.
The case number is percent-encoded because USB scanners emulate a keyboard and cannot type
Chinese characters; everything in the payload is printable ASCII without spaces.
``hash12`` is the first 12 hex digits of :func:`version_hash`.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, unquote

QR_PREFIX = "CDESK"
HASH_PREFIX_LENGTH = 12


def _to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return _to_plain(value.value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _to_plain(v) for k, v in value.items()}
    return value


def canonical_json(data: Any) -> str:
    """Stable JSON of document data: dataclasses → dicts, dates ISO, sorted keys."""
    return json.dumps(_to_plain(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def version_hash(kind: str, data: Any) -> str:
    """sha256 (hex) over the document kind and the canonical JSON of its data."""
    return hashlib.sha256(f"{kind}\n{canonical_json(data)}".encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class QrPayload:
    case_no: str
    kind: str
    hash12: str
    page: int | None = None
    page_count: int | None = None


def make_qr_payload(case_no: str, kind: str, full_or_short_hash: str,
                    page: int | None = None, page_count: int | None = None) -> str:
    text = f"{QR_PREFIX}:{quote(case_no, safe='')}:{kind}:{full_or_short_hash[:HASH_PREFIX_LENGTH]}"
    if page is not None and page_count is not None:
        text += f":{page}/{page_count}"
    return text


_PAYLOAD_RE = re.compile(
    r"^CDESK:(?P<case>[^:]+):(?P<kind>[A-Za-z_]+):(?P<hash>[0-9A-Fa-f]{12})"
    r"(?::(?P<page>\d+)/(?P<pages>\d+))?$", re.IGNORECASE)


def parse_qr_payload(text: str) -> QrPayload | None:
    """Decode what the scanner typed; ``None`` if it is not one of our codes.

    Tolerates surrounding whitespace / the scanner's trailing Enter, and an inverted
    letter case (Caps Lock on) in the prefix, kind and hash.
    """
    match = _PAYLOAD_RE.match(text.strip())
    if not match:
        return None
    page = match.group("page")
    pages = match.group("pages")
    return QrPayload(
        case_no=unquote(match.group("case")),
        kind=match.group("kind").lower(),
        hash12=match.group("hash").lower(),
        page=int(page) if page else None,
        page_count=int(pages) if pages else None,
    )
