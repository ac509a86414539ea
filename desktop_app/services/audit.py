"""审计日志: verify the hash chain, read a case's history (who, when, what before → after)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from desktop_app.domain import models as m
from desktop_app.domain.enums import Role
from desktop_app.domain.errors import NotFound
from desktop_app.services.audit_chain import event_hash
from desktop_app.services.base import ServiceBase

# Chinese names of audit actions for the GUI view (unknown actions show their code).
ACTION_LABELS: dict[str, str] = {
    "case.register": "登记投诉", "case.update": "修改登记信息", "case.transition": "状态变更",
    "case.record_signature": "确认签字捺印", "document.print": "打印文书", "document.service": "登记送达",
    "transcript.print": "打印笔录", "transcript.page_signature": "笔录签字捺印", "user.login": "登录",
    "user.login_failed": "登录失败", "user.create": "创建用户", "user.roles": "调整角色",
    "user.password": "修改密码", "user.deactivate": "停用用户", "user.update": "修改用户",
    "exchange.export": "导出交换包", "exchange.import": "导入交换包", "backup.create": "备份数据库",
    "backup.restore": "从备份恢复", "audit.view": "查看审计日志", "office.create": "设置本机关",
    "office.update": "修改机关设置", "calendar.import": "导入工作日历", "calendar.override": "维护工作日历",
    "rules.adjust": "调整规则版本",
}

AUDIT_READ_ROLES = (Role.HEAD, Role.ADMIN, Role.SUPERVISOR, Role.ARCHIVIST)


@dataclass(frozen=True)
class ChainProblem:
    """One broken link of the audit chain."""

    kind: str  # "edited" | "deleted" | "relinked"
    event_id: int
    at: dt.datetime | None
    action: str
    message: str


@dataclass
class VerifyReport:
    checked: int = 0
    first_id: int | None = None
    last_id: int | None = None
    problems: list[ChainProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        if self.ok:
            return [f"审计日志完整：共{self.checked}条记录（第{self.first_id or 0}至{self.last_id or 0}条），"
                    "哈希链校验通过。"]
        return [f"审计日志已被篡改：发现{len(self.problems)}处问题（共检查{self.checked}条记录）。",
                *[f"  - {p.message}" for p in self.problems]]


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    username: str
    user_name: str
    action: str
    action_label: str
    entity: str
    entity_id: int | None
    summary: str
    before: Any
    after: Any

    def changes(self) -> list[tuple[str, str, str]]:
        """(field, before, after) for display; one row per changed key."""
        b = self.before if isinstance(self.before, dict) else ({} if self.before is None else {"值": self.before})
        a = self.after if isinstance(self.after, dict) else ({} if self.after is None else {"值": self.after})
        keys = list(dict.fromkeys([*b.keys(), *a.keys()]))
        return [(k, _show(b.get(k)), _show(a.get(k))) for k in keys]


def _show(v: Any) -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, (list, tuple)):
        return "、".join(_show(x) for x in v) or "（空）"
    if isinstance(v, dict):
        return "；".join(f"{k}：{_show(x)}" for k, x in v.items())
    return str(v)


def _describe(ev: Any) -> str:
    label = ACTION_LABELS.get(ev.action, ev.action)
    return f"第{ev.id}条（{ev.at:%Y-%m-%d %H:%M:%S}，{label}）"


def verify_chain(rows: list[Any]) -> VerifyReport:
    """Recompute the chain over rows ordered by id.

    A gap in ids means rows were deleted; a hash that does not match the row's own content
    means the row was edited; a prev_hash that does not match the previous row means rows
    were removed or re-linked.
    """
    report = VerifyReport(checked=len(rows))
    if not rows:
        return report
    report.first_id, report.last_id = rows[0].id, rows[-1].id
    prev_id, prev_hash, prev_row = 0, "", None
    for ev in rows:
        if ev.id != prev_id + 1:
            missing = (f"第{prev_id + 1}条" if ev.id == prev_id + 2
                       else f"第{prev_id + 1}至{ev.id - 1}条")
            after_txt = f"{_describe(prev_row)}之后、" if prev_row is not None else ""
            report.problems.append(ChainProblem(
                "deleted", prev_id + 1, None, "",
                f"{missing}审计记录已被删除（位于{after_txt}{_describe(ev)}之前）。"))
        elif ev.prev_hash != prev_hash:
            report.problems.append(ChainProblem(
                "relinked", ev.id, ev.at, ev.action,
                f"{_describe(ev)}与前一条记录的链接不符（前一条被修改或删除后重新链接）。"))
        expected = event_hash(ev.prev_hash, event_id=ev.id, at=ev.at, user_id=ev.user_id, username=ev.username,
                              action=ev.action, entity=ev.entity, entity_id=ev.entity_id,
                              complaint_id=ev.complaint_id, summary=ev.summary, before=ev.before, after=ev.after)
        if expected != ev.hash:
            report.problems.append(ChainProblem(
                "edited", ev.id, ev.at, ev.action,
                f"{_describe(ev)}内容已被修改（哈希不符；操作人 {ev.username}，摘要“{ev.summary}”）。"))
        prev_id, prev_hash, prev_row = ev.id, ev.hash, ev
    return report


class AuditService(ServiceBase):
    """Read and check the append-only, hash-chained audit log."""

    def verify(self) -> VerifyReport:
        """Recompute the whole chain; the report names every edited or deleted row."""
        self.actor.require(Role.ADMIN, Role.HEAD, Role.SUPERVISOR, action="校验审计日志")
        with self.read() as s:
            rows = s.execute(select(
                m.AuditEvent.id, m.AuditEvent.at, m.AuditEvent.user_id, m.AuditEvent.username,
                m.AuditEvent.action, m.AuditEvent.entity, m.AuditEvent.entity_id, m.AuditEvent.complaint_id,
                m.AuditEvent.summary, m.AuditEvent.before, m.AuditEvent.after, m.AuditEvent.prev_hash,
                m.AuditEvent.hash).order_by(m.AuditEvent.id)).all()
        return verify_chain(list(rows))

    def events_for_case(self, case_id: int) -> list[AuditEntry]:
        """The history of one case, oldest first (viewing it is itself audited)."""
        self.actor.require(*AUDIT_READ_ROLES, action="查看案件审计日志")
        with self.uow() as uow:
            s = uow.session
            c = s.get(m.Complaint, case_id)
            if c is None:
                raise NotFound(f"找不到编号为 {case_id} 的投诉案件。")
            names = {r[0]: r[1] for r in s.execute(select(m.User.id, m.User.full_name))}
            rows = s.scalars(select(m.AuditEvent).where(m.AuditEvent.complaint_id == case_id)
                             .order_by(m.AuditEvent.id)).all()
            out = [AuditEntry(id=e.id, at=e.at, username=e.username,
                              user_name=names.get(e.user_id, "系统" if e.user_id is None else e.username),
                              action=e.action, action_label=ACTION_LABELS.get(e.action, e.action),
                              entity=e.entity, entity_id=e.entity_id, summary=e.summary,
                              before=e.before, after=e.after) for e in rows]
            if c.imported:
                out = self._source_events(s, c) + out
            uow.audit("audit.view", entity="complaint", entity_id=c.id, complaint_id=None,
                      summary=f"查看案件 {c.case_no} 的审计日志")
            return out

    @staticmethod
    def _source_events(s: Any, c: m.Complaint) -> list[AuditEntry]:
        """For an imported case: the source office's own audit events (kept with the case at import)."""
        import json

        from desktop_app.exchange.rows import AUDIT_ATTACHMENT_TYPE
        out: list[AuditEntry] = []
        for body in s.scalars(select(m.Attachment.content).where(
                m.Attachment.complaint_id == c.id, m.Attachment.owner_type == AUDIT_ATTACHMENT_TYPE)):
            for e in json.loads(body):
                out.append(AuditEntry(
                    id=int(e["id"]), at=dt.datetime.fromisoformat(e["at"]), username=e["username"],
                    user_name=f"{e['username']}（{c.source_office_code}）", action=e["action"],
                    action_label=ACTION_LABELS.get(e["action"], e["action"]) + "（来源机关）",
                    entity=e.get("entity") or "", entity_id=e.get("entity_id"), summary=e.get("summary") or "",
                    before=e.get("before"), after=e.get("after")))
        return out

    def recent(self, limit: int = 200) -> list[AuditEntry]:
        self.actor.require(Role.ADMIN, Role.HEAD, Role.SUPERVISOR, action="查看审计日志")
        with self.read() as s:
            names = {r[0]: r[1] for r in s.execute(select(m.User.id, m.User.full_name))}
            rows = s.scalars(select(m.AuditEvent).order_by(m.AuditEvent.id.desc()).limit(limit)).all()
            return [AuditEntry(e.id, e.at, e.username, names.get(e.user_id, e.username), e.action,
                               ACTION_LABELS.get(e.action, e.action), e.entity, e.entity_id, e.summary,
                               e.before, e.after) for e in rows]


def _register() -> None:
    from desktop_app.services.hub import EXTRA_SERVICES
    EXTRA_SERVICES["audit"] = AuditService


_register()
