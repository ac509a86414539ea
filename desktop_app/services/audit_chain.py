"""Hash chain of the audit log (append-only; any edited or deleted row breaks the chain)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any


def _default(o: Any) -> Any:
    if isinstance(o, (dt.date, dt.datetime)):
        return o.isoformat()
    if isinstance(o, set):
        return sorted(o)
    return str(o)


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_default)


def jsonable(value: Any) -> Any:
    """The JSON form stored in the before/after columns (dates as ISO strings)."""
    return json.loads(canonical_json(value))


def event_hash(prev_hash: str, *, event_id: int, at: dt.datetime, user_id: int | None, username: str,
               action: str, entity: str, entity_id: int | None, complaint_id: int | None,
               summary: str, before: Any, after: Any) -> str:
    payload = canonical_json({
        "id": event_id, "at": at.isoformat(timespec="seconds"), "user_id": user_id, "username": username,
        "action": action, "entity": entity, "entity_id": entity_id, "complaint_id": complaint_id,
        "summary": summary, "before": before, "after": after,
    })
    return hashlib.sha256((prev_hash + "|" + payload).encode("utf-8")).hexdigest()
