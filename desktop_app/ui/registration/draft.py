"""Autosaved registration drafts: JSON files in the user data directory (UI-local, no DB).

Nothing a clerk typed is lost: the form writes its content every few seconds while it
changes, and the pane offers to restore it on the next start. Plain Python (no Qt).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import types
import typing
from pathlib import Path
from typing import Any

from desktop_app.services.dto import RegistrationInput

DRAFT_VERSION = 1


def to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [to_plain(x) for x in value]
    return value


def _from_plain(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _from_plain(inner[0], value) if inner else value
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        return [_from_plain(item, x) for x in value]
    if tp is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if tp is dt.date:
        return dt.date.fromisoformat(value)
    if dataclasses.is_dataclass(tp):
        return from_plain(tp, value)
    return value


def from_plain(cls: type, data: dict[str, Any]) -> Any:
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: _from_plain(hints[k], v) for k, v in data.items() if k in known})


@dataclasses.dataclass
class Draft:
    """One unsaved form: for a new case (``case_id`` None) or edits of an existing one."""

    form: RegistrationInput
    saved_at: dt.datetime
    case_id: int | None = None
    case_no: str = ""
    version: int | None = None


class DraftStore:
    """Draft files under ``directory``: ``new.json`` and ``case-<id>.json``."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def path_for(self, case_id: int | None) -> Path:
        return self.directory / ("new.json" if case_id is None else f"case-{case_id}.json")

    def save(self, draft: Draft) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.path_for(draft.case_id)
        data = {
            "draft_version": DRAFT_VERSION,
            "saved_at": draft.saved_at.isoformat(),
            "case_id": draft.case_id,
            "case_no": draft.case_no,
            "version": draft.version,
            "form": to_plain(draft.form),
        }
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)  # atomic: a crash mid-write never leaves half a draft
        return path

    def load(self, case_id: int | None) -> Draft | None:
        path = self.path_for(case_id)
        return self._read(path)

    def _read(self, path: Path) -> Draft | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return Draft(
                form=from_plain(RegistrationInput, data["form"]),
                saved_at=dt.datetime.fromisoformat(data["saved_at"]),
                case_id=data.get("case_id"),
                case_no=data.get("case_no", ""),
                version=data.get("version"),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def all(self) -> list[Draft]:
        if not self.directory.is_dir():
            return []
        drafts = [self._read(p) for p in sorted(self.directory.glob("*.json"))]
        return sorted((d for d in drafts if d is not None), key=lambda d: d.saved_at, reverse=True)

    def discard(self, case_id: int | None) -> None:
        try:
            self.path_for(case_id).unlink()
        except FileNotFoundError:
            pass
