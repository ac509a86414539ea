"""Dump the rows of a set of cases to plain JSON data and load them into another database.

Generic over the model: every table that hangs off ``complaints`` (directly by
``complaint_id`` or through another exported table) is exported; on import every primary
key is new and every foreign key is remapped. Users named by the rows are exported as
names only and imported as inactive placeholder accounts (they can never sign in).
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from sqlalchemy import Date, DateTime, LargeBinary, Table, insert, select, update
from sqlalchemy.orm import Session

from desktop_app.domain import models as m
from desktop_app.exchange.package import ExchangeError, sha256

# Tables that are office configuration or system data, never case content.
NOT_CASE_DATA = {"users", "user_roles", "offices", "supervised_institutions", "number_sequences", "audit_events",
                 "calendar_overrides", "calendar_confirmed_years", "rule_set_revisions", "settings",
                 "exchange_imports", "complaint_state_counts"}
# subject_type / owner_type values (documents, attachments) -> table of the id they hold.
SUBJECT_TABLES = {"supplement_request": "supplement_requests", "document": "documents", "transcript": "transcripts",
                  "extension": "extensions", "transfer": "transfers", "respondent": "respondents",
                  "complainant": "complainants", "agent": "agents", "handling_decision": "handling_decisions",
                  "decision": "handling_decisions", "supervision_task": "supervision_tasks",
                  "case_event": "case_events", "evidence": "evidence_items", "evidence_item": "evidence_items",
                  "act": "investigation_acts", "investigation_act": "investigation_acts",
                  "service_record": "service_records", "complaint": "complaints", "archive_volume": "archive_volumes"}
AUDIT_ATTACHMENT_TYPE = "exchange_audit"


def case_tables() -> list[Table]:
    """Case tables in insert order (parents first)."""
    return [t for t in m.Base.metadata.sorted_tables if t.name not in NOT_CASE_DATA]


def _fk_targets(t: Table) -> dict[str, str]:
    out = {}
    for c in t.columns:
        for fk in c.foreign_keys:
            out[c.name] = fk.column.table.name
    return out


def _encode(value: Any, column: Any, blobs: dict[str, bytes]) -> Any:
    if value is None:
        return None
    if isinstance(column.type, LargeBinary):
        h = sha256(value)
        blobs[h] = bytes(value)
        return {"blob": h}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):  # pragma: no cover - no other binary columns
        return base64.b64encode(value).decode()
    return value


def dump_cases(s: Session, case_ids: list[int]) -> tuple[dict[str, list[dict[str, Any]]], dict[str, bytes], set[int]]:
    """All rows of the given cases: table -> rows; the blobs; the user ids they mention."""
    ids: dict[str, set[int]] = {"complaints": set(case_ids)}
    tables: dict[str, list[dict[str, Any]]] = {}
    blobs: dict[str, bytes] = {}
    users: set[int] = set()
    for t in case_tables():
        fks = _fk_targets(t)
        if t.name == "complaints":
            cond = t.c.id.in_(case_ids)
        elif "complaint_id" in t.c:
            cond = t.c.complaint_id.in_(case_ids)
        else:
            parents = [(col, target) for col, target in fks.items() if target in ids and target != t.name]
            if not parents:
                continue
            col, target = parents[0]
            cond = t.c[col].in_(ids[target] or {-1})
        rows = s.execute(select(t).where(cond).order_by(t.c.id)).mappings().all() if case_ids else []
        ids[t.name] = {r["id"] for r in rows}
        out = []
        for r in rows:
            out.append({c.name: _encode(r[c.name], c, blobs) for c in t.columns})
            for col, target in fks.items():
                if target == "users" and r[col] is not None:
                    users.add(r[col])
            if t.name == "case_events":
                users.update(int(u) for u in (r["data"] or {}).get("user_ids", []) if isinstance(u, int))
        tables[t.name] = out
    return tables, blobs, users


class _Loader:
    """Insert dumped rows with new ids, remapping foreign keys; any malformed value -> ExchangeError."""

    def __init__(self, s: Session, blobs: dict[str, bytes], user_map: dict[int, int], office_id: int,
                 office_code: str):
        self.s = s
        self.blobs = blobs
        self.maps: dict[str, dict[int, int]] = {"users": user_map}
        self.office_id = office_id
        self.office_code = office_code
        self.deferred: list[tuple[Table, int, str, str, int]] = []

    def _value(self, t: Table, name: str, raw: Any) -> Any:
        if name not in t.c:
            raise ExchangeError(f"交换包中的数据表 {t.name} 含有本程序不认识的字段 {name}，已拒绝导入。")
        col = t.c[name]
        if raw is None:
            return None
        typ = col.type
        if isinstance(typ, LargeBinary):
            if not isinstance(raw, dict) or raw.get("blob") not in self.blobs:
                raise ExchangeError(f"交换包数据不完整：{t.name}.{name} 引用的文件不存在。")
            return self.blobs[raw["blob"]]
        if isinstance(typ, DateTime):
            return dt.datetime.fromisoformat(raw)
        if isinstance(typ, Date):
            return dt.date.fromisoformat(raw)
        py = _python_type(col)
        if py is bool and not isinstance(raw, bool):
            raise TypeError(name)
        if py is int and (not isinstance(raw, int) or isinstance(raw, bool)):
            raise TypeError(name)
        if py is str and not isinstance(raw, str):
            raise TypeError(name)
        if py is str and getattr(typ, "length", None) and len(raw) > typ.length:
            raise ValueError(name)
        return raw

    def load_table(self, t: Table, rows: list[Any]) -> None:
        fks = _fk_targets(t)
        id_map = self.maps.setdefault(t.name, {})
        for row in rows:
            if not isinstance(row, dict) or not isinstance(row.get("id"), int):
                raise ExchangeError(f"交换包数据表 {t.name} 的记录格式有误。")
            values = {k: self._value(t, k, v) for k, v in row.items() if k != "id"}
            later: list[tuple[str, str, int]] = []
            for col, target in fks.items():
                old = values.get(col)
                if old is None:
                    continue
                if target == "offices":  # the source office, created here as a non-local office
                    values[col] = self.office_id
                    continue
                new = self.maps.get(target, {}).get(old)
                if new is None:
                    if target == t.name or target in ("complaints", "documents", "transcripts"):
                        values[col] = None  # self/forward reference or a case outside the package
                        later.append((col, target, old))
                        continue
                    raise ExchangeError(f"交换包数据不一致：{t.name}.{col} 引用的记录不存在。")
                values[col] = new
            self._special(t.name, values)
            new_id = self.s.execute(insert(t).values(**values).returning(t.c.id)).scalar_one()
            id_map[row["id"]] = new_id
            for col, target, old in later:
                self.deferred.append((t, new_id, col, target, old))

    def _special(self, table: str, values: dict[str, Any]) -> None:
        if table == "complaints":
            values.update(office_id=self.office_id, imported=True, source_office_code=self.office_code)
            values["related_case_ids"] = []
            no = values.get("case_no")
            if no and self.s.scalar(select(m.Complaint.id).where(m.Complaint.case_no == no)) is not None:
                values["case_no"] = f"{no}（{self.office_code}）"  # another office already uses the number
        if table == "archive_volumes":
            no = values.get("archive_no")
            if no and self.s.scalar(select(m.ArchiveVolume.id).where(m.ArchiveVolume.archive_no == no)) is not None:
                values["archive_no"] = f"{no}（{self.office_code}）"
        if table == "case_events" and isinstance(values.get("data"), dict) and "user_ids" in values["data"]:
            users = self.maps["users"]
            values["data"] = dict(values["data"], user_ids=[users.get(u) for u in values["data"]["user_ids"]
                                                            if isinstance(u, int) and u in users])

    def finish(self) -> None:
        for t, new_id, col, target, old in self.deferred:
            new = self.maps.get(target, {}).get(old)
            if new is not None:
                self.s.execute(update(t).where(t.c.id == new_id).values(**{col: new}))
        # Polymorphic references (subject_type/owner_type + id) are not foreign keys.
        for table, type_col, id_col in (("documents", "subject_type", "subject_id"),
                                        ("attachments", "owner_type", "owner_id")):
            t = m.Base.metadata.tables[table]
            for new_id in self.maps.get(table, {}).values():
                r = self.s.execute(select(t.c[type_col], t.c[id_col]).where(t.c.id == new_id)).one()
                target = SUBJECT_TABLES.get(r[0] or "")
                if r[1] is not None and target:
                    self.s.execute(update(t).where(t.c.id == new_id).values(
                        **{id_col: self.maps.get(target, {}).get(r[1])}))


def _python_type(col: Any) -> type | None:
    try:
        return col.type.python_type  # type: ignore[no-any-return]
    except NotImplementedError:
        return None


def load_cases(s: Session, tables: dict[str, Any], blobs: dict[str, bytes], user_map: dict[int, int],
               office_id: int, office_code: str) -> dict[int, int]:
    """Insert all rows; returns source complaint id -> new complaint id."""
    known = {t.name for t in case_tables()}
    unknown = set(tables) - known
    if unknown:
        raise ExchangeError(f"交换包含有本程序不认识的数据表：{'、'.join(sorted(unknown))}，已拒绝导入。")
    loader = _Loader(s, blobs, user_map, office_id, office_code)
    for t in case_tables():
        rows = tables.get(t.name, [])
        if not isinstance(rows, list):
            raise ExchangeError(f"交换包数据表 {t.name} 的格式有误。")
        loader.load_table(t, rows)
    loader.finish()
    return dict(loader.maps.get("complaints", {}))
