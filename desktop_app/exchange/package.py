"""交换包 file format (Art 20 supervision): one zip, a manifest, a content hash over everything.

Members:
- ``manifest.json``: format, office code/name, period, counts, the sha256 of every other
  member and ``payload_sha256`` (sha256 over the sorted "name sha256" lines) — the package hash;
- ``data.json``: the cases with all their rows (table -> list of row dicts, ids of the source
  office), the users they name (no passwords) and each case's audit events;
- ``blobs/<sha256>``: PDF bytes of documents and scanned attachments.

Nothing here touches a database: ``build_package`` takes plain data, ``read_package``
checks a file and returns plain data or raises :class:`ExchangeError` in Chinese.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.errors import DomainError

FORMAT = "complaint-desk-exchange"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.json"
BLOB_DIR = "blobs/"
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # a zip bomb must not exhaust memory


class ExchangeError(DomainError):
    """An exchange package was refused (altered, truncated, wrong format); nothing was imported."""


@dataclass
class PackageContent:
    manifest: dict[str, Any]
    data: dict[str, Any]
    blobs: dict[str, bytes]
    package_hash: str


def sha256(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def payload_hash(member_hashes: dict[str, str]) -> str:
    lines = "".join(f"{name} {h}\n" for name, h in sorted(member_hashes.items()))
    return sha256(lines.encode("utf-8"))


def _json_default(o: Any) -> Any:
    if isinstance(o, (dt.date, dt.datetime)):
        return o.isoformat()
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


def build_package(*, office_code: str, office_name: str, office_short_name: str, period_from: dt.date,
                  period_to: dt.date, exported_at: dt.datetime, data: dict[str, Any], blobs: dict[str, bytes],
                  counts: dict[str, int]) -> tuple[bytes, str]:
    """The zip bytes and the package hash. Deterministic for the same data (fixed member times)."""
    members: dict[str, bytes] = {DATA: json.dumps(data, ensure_ascii=False, sort_keys=True, default=_json_default,
                                                  separators=(",", ":")).encode("utf-8")}
    for h, b in blobs.items():
        members[BLOB_DIR + h] = b
    hashes = {name: sha256(b) for name, b in members.items()}
    package = payload_hash(hashes)
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "office_code": office_code,
        "office_name": office_name, "office_short_name": office_short_name,
        "period_from": period_from.isoformat(), "period_to": period_to.isoformat(),
        "exported_at": exported_at.isoformat(timespec="seconds"), "counts": counts,
        "members": hashes, "payload_sha256": package,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo(MANIFEST, date_time=(2000, 1, 1, 0, 0, 0)),
                   json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8"),
                   compress_type=zipfile.ZIP_DEFLATED)
        for name in sorted(members):
            z.writestr(zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0)), members[name],
                       compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue(), package


def read_package(raw: bytes, *, name: str = "交换包") -> PackageContent:
    """Open and verify a package: every member's hash and the payload hash must match."""
    bad = f"{name}已损坏或被修改，已拒绝导入（未导入任何数据）"
    if not raw:
        raise ExchangeError(f"{name}是空文件，不是交换包。")
    try:
        z = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ExchangeError(f"{name}不是有效的交换包（不是完整的 zip 文件，可能被截断）。") from None
    try:
        with z:
            infos = {i.filename: i for i in z.infolist()}
            if MANIFEST not in infos:
                raise ExchangeError(f"{name}缺少清单 manifest.json，不是本程序导出的交换包。")
            for i in infos.values():
                if i.file_size > MAX_MEMBER_BYTES:
                    raise ExchangeError(f"{bad}：成员 {i.filename} 过大。")
            contents = {n: z.read(n) for n in infos}
    except ExchangeError:
        raise
    except Exception:  # zlib.error, BadZipFile (CRC), EOFError, NotImplementedError …: truncated or tampered
        raise ExchangeError(f"{bad}：压缩数据无法读取（文件被截断或改动）。") from None
    try:
        manifest = json.loads(contents.pop(MANIFEST).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ExchangeError(f"{bad}：清单 manifest.json 不是有效的 JSON。") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ExchangeError(f"{name}不是本程序导出的交换包（清单格式不符）。")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ExchangeError(f"{name}的格式版本（{manifest.get('format_version')}）本程序不支持，请升级程序。")
    members = manifest.get("members")
    if not isinstance(members, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                for k, v in members.items()):
        raise ExchangeError(f"{bad}：清单中的成员列表格式有误。")
    missing = sorted(set(members) - set(contents))
    extra = sorted(set(contents) - set(members))
    if missing:
        raise ExchangeError(f"{bad}：缺少成员 {'、'.join(missing[:3])}（文件不完整）。")
    if extra:
        raise ExchangeError(f"{bad}：含有清单之外的成员 {'、'.join(extra[:3])}。")
    for n, expected in sorted(members.items()):
        if sha256(contents[n]) != expected:
            raise ExchangeError(f"{bad}：成员 {n} 的内容与清单中的哈希值不符。")
    package = payload_hash(members)
    if manifest.get("payload_sha256") != package:
        raise ExchangeError(f"{bad}：整体哈希值不符。")
    if DATA not in contents:
        raise ExchangeError(f"{bad}：缺少案件数据 data.json。")
    try:
        data = json.loads(contents.pop(DATA).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ExchangeError(f"{bad}：案件数据不是有效的 JSON。") from None
    if not isinstance(data, dict) or not isinstance(data.get("tables"), dict):
        raise ExchangeError(f"{bad}：案件数据结构有误。")
    for key in ("office_code", "period_from", "period_to"):
        if not isinstance(manifest.get(key), str) or not manifest[key]:
            raise ExchangeError(f"{bad}：清单缺少“{key}”。")
    blobs = {n[len(BLOB_DIR):]: b for n, b in contents.items() if n.startswith(BLOB_DIR)}
    return PackageContent(manifest, data, blobs, package)
