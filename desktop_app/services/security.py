"""Access control beyond roles: sensitive cases (隐私、家庭暴力、未成年人) are visible in
detail only to the staff assigned to them and to the head (机关负责人).

Every service that hands out case content (documents, transcripts, detail views) calls
:func:`require_case_detail` inside its session; lists use :func:`can_view_case_detail`
to mask rows instead of refusing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.domain import models as m
from desktop_app.domain.enums import Role
from desktop_app.domain.errors import NotFound, PermissionDenied, ValidationError
from desktop_app.services.base import ServiceBase
from desktop_app.services.context import Actor


def assigned_user_ids(session: Session, complaint: m.Complaint) -> set[int]:
    """Staff assigned to a case: registrar, handler, investigation team, act and transcript investigators."""
    ids: set[int] = {x for x in (complaint.registered_by_id, complaint.handler_id) if x}
    for data in session.scalars(select(m.CaseEvent.data).where(
            m.CaseEvent.complaint_id == complaint.id, m.CaseEvent.kind == "TEAM_ASSIGNED")):
        ids.update(int(u) for u in (data or {}).get("user_ids", []))
    ids.update(session.scalars(select(m.ActInvestigator.user_id).join(
        m.InvestigationAct, m.InvestigationAct.id == m.ActInvestigator.act_id).where(
        m.InvestigationAct.complaint_id == complaint.id)))
    ids.update(session.scalars(select(m.TranscriptInvestigator.user_id).join(
        m.Transcript, m.Transcript.id == m.TranscriptInvestigator.transcript_id).where(
        m.Transcript.complaint_id == complaint.id)))
    return ids


def can_view_case_detail(session: Session, actor: Actor, complaint: m.Complaint) -> bool:
    """False only for a sensitive case the actor is not assigned to (and is not the head)."""
    if not complaint.sensitive or actor.user_id is None:  # the system actor (CLI, start-up) sees all
        return True
    if actor.has(Role.HEAD):
        return True
    return actor.user_id in assigned_user_ids(session, complaint)


def require_case_detail(session: Session, actor: Actor, complaint: m.Complaint, action: str) -> None:
    if not can_view_case_detail(session, actor, complaint):
        raise PermissionDenied(
            f"案件 {complaint.case_no} 为敏感案件（{complaint.sensitive_reason or '涉及隐私'}），"
            f"“{action}”仅限承办人员和机关负责人；如需办理，请由机关负责人指派。", code="sensitive")


# --------------------------------------------------------------------------- accounts (beyond AdminService)


@dataclass(frozen=True)
class LoginResult:
    actor: Actor
    must_change_password: bool


class UserAdmin(ServiceBase):
    """Login, first administrator, deactivation and password reset (never delete a user)."""

    def needs_first_admin(self) -> bool:
        """True on first start: no active administrator exists yet."""
        with self.read() as s:
            return not s.scalar(select(m.User.id).join(m.UserRole, m.UserRole.user_id == m.User.id).where(
                m.User.active.is_(True), m.UserRole.role == Role.ADMIN.value, m.UserRole.retired_at.is_(None))
                .limit(1))

    def create_first_admin(self, username: str, full_name: str, password: str) -> int:
        """First start only: the administrator account; it must change its password at first login."""
        if not self.needs_first_admin():
            raise PermissionDenied("系统管理员已存在；新用户请由系统管理员在“用户与角色”中创建。")
        from desktop_app.services.admin import AdminService
        from desktop_app.services.context import SYSTEM_ACTOR
        return AdminService(self.ctx, SYSTEM_ACTOR).create_user(username, full_name, password, [Role.ADMIN.value],
                                                                must_change_password=True)

    def login(self, username: str, password: str) -> LoginResult:
        from desktop_app.services.admin import AdminService
        actor = AdminService(self.ctx, self.actor).authenticate(username, password)
        with self.read() as s:
            must = bool(s.scalar(select(m.User.must_change_password).where(m.User.id == actor.user_id)))
        return LoginResult(actor, must)

    def set_active(self, user_id: int, active: bool) -> None:
        self.actor.require(Role.ADMIN, action="停用或启用用户")
        if not active and user_id == self.actor.user_id:
            raise ValidationError("不能停用自己的账户。", field="active")
        with self.uow() as uow:
            u = uow.session.get(m.User, user_id)
            if u is None:
                raise NotFound("找不到该用户。")
            if u.active == active:
                return
            if not active and Role.ADMIN.value in u.role_codes and self._active_admins(uow.session) <= 1:
                raise ValidationError("这是唯一的系统管理员，停用前请先指定另一位系统管理员。", field="active")
            u.active = active
            uow.audit("user.deactivate" if not active else "user.update", entity="user", entity_id=u.id,
                      summary=f"{'停用' if not active else '启用'}用户{u.full_name}（{u.username}）",
                      before={"active": not active}, after={"active": active})

    def update_user(self, user_id: int, *, full_name: str, unit_name: str, certificate_no: str = "") -> None:
        self.actor.require(Role.ADMIN, action="修改用户信息")
        if not full_name.strip():
            raise ValidationError("请填写姓名。", field="full_name")
        with self.uow() as uow:
            u = uow.session.get(m.User, user_id)
            if u is None:
                raise NotFound("找不到该用户。")
            before = {"full_name": u.full_name, "unit_name": u.unit_name, "certificate_no": u.certificate_no}
            u.full_name, u.unit_name, u.certificate_no = full_name.strip(), unit_name.strip(), certificate_no.strip()
            after = {"full_name": u.full_name, "unit_name": u.unit_name, "certificate_no": u.certificate_no}
            if before != after:
                uow.audit("user.update", entity="user", entity_id=u.id, summary=f"修改用户{u.full_name}的信息",
                          before=before, after=after)

    def reset_password(self, user_id: int, new_password: str) -> None:
        """Administrator sets a temporary password; the user must change it at next login; unlocks."""
        self.actor.require(Role.ADMIN, action="重置密码")
        from desktop_app.services.admin import check_password_strength, hash_password
        check_password_strength(new_password)
        with self.uow() as uow:
            u = uow.session.get(m.User, user_id)
            if u is None:
                raise NotFound("找不到该用户。")
            u.password_hash = hash_password(new_password)
            u.must_change_password = True
            u.failed_logins, u.locked_until = 0, None
            uow.audit("user.password", entity="user", entity_id=u.id, summary=f"重置{u.full_name}的密码")

    @staticmethod
    def _active_admins(s: Session) -> int:
        return len(set(s.scalars(select(m.User.id).join(m.UserRole, m.UserRole.user_id == m.User.id).where(
            m.User.active.is_(True), m.UserRole.role == Role.ADMIN.value, m.UserRole.retired_at.is_(None)))))


def register_services() -> None:
    """Add this issue's services to the hub: ``users``, ``audit``, ``backup``, ``exchange``.

    Called by the CLI, the GUI start-up and the tests. (security.py is imported while hub.py
    is still loading — documents.py uses it — so it cannot register itself at import time.)
    """
    import desktop_app.exchange.service  # noqa: F401 - registers "exchange"
    import desktop_app.services.audit  # noqa: F401 - registers "audit"
    import desktop_app.services.backup  # noqa: F401 - registers "backup"
    from desktop_app.services.hub import EXTRA_SERVICES
    EXTRA_SERVICES["users"] = UserAdmin
