"""ExchangeService: export a period's cases as one package; import a package at the bureau.

Import is one transaction: a package that fails any check changes nothing. The same
package (same content hash) imports once; a second import reports that and changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from desktop_app.domain import models as m
from desktop_app.domain.enums import Role
from desktop_app.domain.errors import DomainError, ValidationError
from desktop_app.exchange.package import ExchangeError, build_package, read_package, sha256
from desktop_app.exchange.rows import AUDIT_ATTACHMENT_TYPE, dump_cases, load_cases
from desktop_app.persistence import statistics_columns
from desktop_app.services.audit_chain import jsonable
from desktop_app.services.base import ServiceBase


@dataclass(frozen=True)
class ExportResult:
    path: Path
    package_hash: str
    case_count: int
    document_count: int
    audit_event_count: int


@dataclass(frozen=True)
class ImportResult:
    package_hash: str
    office_code: str
    office_name: str
    case_count: int
    already_imported: bool
    case_numbers: list[str]

    def message(self) -> str:
        if self.already_imported:
            return f"该交换包（{self.office_name}）此前已导入，本次未作任何改动。"
        return f"已导入{self.office_name}的交换包：{self.case_count}件案件（只读）。"


class ExchangeService(ServiceBase):
    def export(self, period_from: dt.date, period_to: dt.date, out: Path) -> ExportResult:
        """The local office's cases received in [period_from, period_to] as one package file."""
        self.actor.require(Role.ADMIN, Role.HEAD, action="导出交换包")
        if period_to < period_from:
            raise ValidationError("导出期间的结束日期早于开始日期。", field="period_to")
        with self.uow() as uow:
            s = uow.session
            office = s.scalars(select(m.Office).where(m.Office.code == self.ctx.office_code)).one()
            case_ids = list(s.scalars(select(m.Complaint.id).where(
                m.Complaint.office_id == office.id, m.Complaint.imported.is_(False),
                m.Complaint.received_date >= period_from, m.Complaint.received_date <= period_to)
                .order_by(m.Complaint.id)))
            tables, blobs, user_ids = dump_cases(s, case_ids)
            users = [{"id": u.id, "username": u.username, "full_name": u.full_name, "unit_name": u.unit_name}
                     for u in s.scalars(select(m.User).where(m.User.id.in_(user_ids or {-1})).order_by(m.User.id))]
            audit: dict[str, list[dict[str, object]]] = {}
            n_audit = 0
            for e in s.scalars(select(m.AuditEvent).where(m.AuditEvent.complaint_id.in_(case_ids or [-1]))
                               .order_by(m.AuditEvent.id)):
                audit.setdefault(str(e.complaint_id), []).append(jsonable({
                    "id": e.id, "at": e.at, "user_id": e.user_id, "username": e.username, "action": e.action,
                    "entity": e.entity, "entity_id": e.entity_id, "summary": e.summary, "before": e.before,
                    "after": e.after, "hash": e.hash}))
                n_audit += 1
            data = {"tables": tables, "users": users, "audit": audit}
            counts = {"cases": len(case_ids), "documents": len(tables.get("documents", [])),
                      "audit_events": n_audit, **{f"rows.{k}": len(v) for k, v in tables.items() if v}}
            raw, package = build_package(
                office_code=office.code, office_name=office.name, office_short_name=office.short_name,
                period_from=period_from, period_to=period_to, exported_at=self.ctx.clock.now(), data=data,
                blobs=blobs, counts=counts)
            out = Path(out)
            out.parent.mkdir(parents=True, exist_ok=True)
            tmp = out.with_name(out.name + ".part")
            tmp.write_bytes(raw)
            tmp.replace(out)
            uow.audit("exchange.export", entity="exchange", summary=(
                f"导出交换包 {period_from}至{period_to}：{len(case_ids)}件案件，文件 {out.name}"),
                after={"package_hash": package, "cases": len(case_ids), "file": out.name})
        return ExportResult(out, package, len(case_ids), counts["documents"], n_audit)

    def import_package(self, path: Path) -> ImportResult:
        self.actor.require(Role.ADMIN, Role.SUPERVISOR, Role.HEAD, action="导入交换包")
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as e:
            raise ExchangeError(f"无法读取交换包文件 {path}：{e.strerror}") from None
        return self.import_bytes(raw, name=f"交换包 {path.name} ")

    def import_bytes(self, raw: bytes, *, name: str = "交换包") -> ImportResult:
        self.actor.require(Role.ADMIN, Role.SUPERVISOR, Role.HEAD, action="导入交换包")
        pkg = read_package(raw, name=name)  # every hash checked before anything is written
        man = pkg.manifest
        code, office_name = str(man["office_code"]), str(man.get("office_name") or man["office_code"])
        if code == self.ctx.office_code:
            raise ExchangeError("这是本机关自己导出的交换包，不能导入本机关的数据库。")
        try:
            period_from = dt.date.fromisoformat(man["period_from"])
            period_to = dt.date.fromisoformat(man["period_to"])
        except ValueError:
            raise ExchangeError(f"{name}清单中的期间格式有误。") from None
        try:
            with self.uow() as uow:
                s = uow.session
                if s.scalar(select(m.ExchangeImport.id).where(
                        m.ExchangeImport.package_hash == pkg.package_hash)) is not None:
                    return ImportResult(pkg.package_hash, code, office_name, 0, True, [])
                self._importing_code = code
                office = self._source_office(s, code, office_name, str(man.get("office_short_name") or ""))
                user_map = self._placeholder_users(s, code, pkg.data.get("users", []))
                case_map = load_cases(s, pkg.data["tables"], pkg.blobs, user_map, office.id, code)
                _refresh_statistics_columns(s, list(case_map.values()))
                self._attach_audit(s, pkg.data.get("audit", {}), case_map)
                s.add(m.ExchangeImport(package_hash=pkg.package_hash, office_code=code, period_from=period_from,
                                       period_to=period_to, case_count=len(case_map),
                                       imported_at=self.ctx.clock.now(), imported_by_id=self.actor.user_id))
                s.flush()
                numbers = list(s.scalars(select(m.Complaint.case_no).where(
                    m.Complaint.id.in_(case_map.values() or [-1])).order_by(m.Complaint.id)))
                for new_id, no in zip(sorted(case_map.values()), numbers):
                    uow.audit("exchange.import", entity="complaint", entity_id=new_id, complaint_id=new_id,
                              summary=f"从{office_name}交换包导入案件 {no}（只读）")
                uow.audit("exchange.import", entity="exchange", summary=(
                    f"导入{office_name}交换包 {period_from}至{period_to}：{len(case_map)}件案件"),
                    after={"package_hash": pkg.package_hash, "cases": len(case_map)})
                return ImportResult(pkg.package_hash, code, office_name, len(case_map), False, numbers)
        except DomainError:
            raise
        except (SQLAlchemyError, KeyError, TypeError, ValueError, AttributeError, OverflowError) as e:
            # The transaction rolled back: nothing of the package is in the database.
            raise ExchangeError(f"{name}的案件数据有误（{type(e).__name__}），已拒绝导入，数据库未作任何改动。") from e

    # -- helpers

    def _source_office(self, s, code: str, name: str, short: str) -> m.Office:  # type: ignore[no-untyped-def]
        office = s.scalars(select(m.Office).where(m.Office.code == code)).one_or_none()
        if office is None:
            office = m.Office(code=code, name=name[:200], short_name=short[:40], is_local=False,
                              parent_code=self.ctx.office_code, created_at=self.ctx.clock.now())
            s.add(office)
            s.flush()
        elif office.is_local:
            raise ExchangeError("交换包的机关代码与本机关相同，不能导入。")
        return office

    def _placeholder_users(self, s, code: str, users: object) -> dict[int, int]:  # type: ignore[no-untyped-def]
        """Source users as inactive accounts "<office>:<username>" (names for the record; no login)."""
        if not isinstance(users, list):
            raise ExchangeError("交换包中的人员名单格式有误。")
        out: dict[int, int] = {}
        for u in users:
            if not isinstance(u, dict) or not isinstance(u.get("id"), int) or not isinstance(u.get("username"), str):
                raise ExchangeError("交换包中的人员名单格式有误。")
            username = f"{code}:{u['username']}"[:60]
            existing = s.scalars(select(m.User).where(m.User.username == username)).one_or_none()
            if existing is None:
                existing = m.User(username=username, full_name=str(u.get("full_name") or u["username"])[:60],
                                  unit_name=str(u.get("unit_name") or "")[:200], password_hash="", active=False,
                                  created_at=self.ctx.clock.now())
                s.add(existing)
                s.flush()
            out[u["id"]] = existing.id
        return out

    def _attach_audit(self, s, audit: object, case_map: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
        """The source office's audit events of each case, kept beside the case as a JSON attachment."""
        if not isinstance(audit, dict):
            raise ExchangeError("交换包中的审计记录格式有误。")
        for key, events in audit.items():
            new_id = case_map.get(int(key))
            if new_id is None or not isinstance(events, list):
                raise ExchangeError("交换包中的审计记录与案件不对应。")
            body = json.dumps(events, ensure_ascii=False).encode("utf-8")
            s.add(m.Attachment(complaint_id=new_id, owner_type=AUDIT_ATTACHMENT_TYPE, owner_id=new_id,
                               filename="source-audit.json", mime_type="application/json", sha256=sha256(body),
                               size=len(body), page_count=0, content=body, note="来源机关的审计记录",
                               created_by_id=self._importer_id(s), created_at=self.ctx.clock.now()))

    def _importer_id(self, s) -> int:  # type: ignore[no-untyped-def]
        if self.actor.user_id is not None:
            return self.actor.user_id
        # The system actor (command line): record the source office's placeholder account instead.
        return self._placeholder_users(s, self._importing_code, [{"id": 0, "username": "system",
                                                                  "full_name": "来源机关系统"}])[0]


def _register() -> None:
    from desktop_app.services.hub import EXTRA_SERVICES
    EXTRA_SERVICES["exchange"] = ExchangeService


_register()


def _refresh_statistics_columns(s, case_ids: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Statistics copies of imported cases; due dates only where the package had none (older exporter)."""
    s.flush()
    statistics_columns.refresh_copies(s.connection(), case_ids)
    missing = list(s.scalars(select(m.Complaint.id).where(m.Complaint.id.in_(case_ids or [-1]),
                                                         m.Complaint.acceptance_due.is_(None))))
    if missing:
        statistics_columns.backfill_due_dates(s.connection(), missing)
