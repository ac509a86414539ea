"""系统管理: office profile, users and roles, calendar overrides, rule-set adjustments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from desktop_app.domain import models as m
from desktop_app.domain.enums import CalendarDayKind, Role
from desktop_app.domain.errors import NotFound, PermissionDenied, ValidationError
from desktop_app.rules.calendar import OverrideSet, load_override_file
from desktop_app.services.base import ServiceBase
from desktop_app.services.context import Actor

_hasher = PasswordHasher()
MAX_FAILED_LOGINS = 5
LOCKOUT_MINUTES = 15
MIN_PASSWORD_LENGTH = 8
SYSTEM_USERNAME = "system"


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    unit_name: str
    certificate_no: str
    roles: list[str]
    active: bool
    must_change_password: bool


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH or password.isdigit() or password.isalpha():
        raise ValidationError(f"密码至少{MIN_PASSWORD_LENGTH}位，且须同时包含字母和数字。", field="password")


def actor_of(u: m.User) -> Actor:
    return Actor(u.id, u.username, u.full_name, frozenset(u.role_codes), u.unit_name)


def _info(u: m.User) -> UserInfo:
    return UserInfo(u.id, u.username, u.full_name, u.unit_name, u.certificate_no, sorted(u.role_codes), u.active,
                    u.must_change_password)


class AdminService(ServiceBase):
    # ------------------------------------------------------------------ office

    def ensure_office(self, *, code: str, name: str, short_name: str, **fields: Any) -> int:
        """Create the local office on first start (idempotent)."""
        with self.uow() as uow:
            s = uow.session
            office = s.scalars(select(m.Office).where(m.Office.code == code)).one_or_none()
            if office is not None:
                return office.id
            office = m.Office(code=code, name=name, short_name=short_name, created_at=self.ctx.clock.now(), **fields)
            s.add(office)
            s.flush()
            uow.audit("office.create", entity="office", entity_id=office.id, summary=f"设置本机关：{name}",
                      after={"code": code, "name": name})
            return office.id

    def update_office(self, **fields: Any) -> None:
        self.actor.require(Role.ADMIN, action="修改机关设置")
        with self.uow() as uow:
            office = uow.session.scalars(select(m.Office).where(m.Office.code == self.ctx.office_code)).one()
            before = {k: getattr(office, k) for k in fields}
            for k, v in fields.items():
                if not hasattr(office, k) or k in ("id", "code"):
                    raise ValidationError(f"未知的机关设置项“{k}”。", field=k)
                setattr(office, k, v)
            uow.audit("office.update", entity="office", entity_id=office.id, summary="修改机关设置",
                      before=before, after=fields)

    def add_institution(self, name: str) -> int:
        """A legal-aid institution this office supervises (Art 8(4) jurisdiction)."""
        self.actor.require(Role.ADMIN, action="维护主管的法律援助机构")
        with self.uow() as uow:
            office = uow.session.scalars(select(m.Office).where(m.Office.code == self.ctx.office_code)).one()
            inst = m.SupervisedInstitution(office_id=office.id, name=name.strip())
            uow.session.add(inst)
            uow.session.flush()
            uow.audit("office.institution", entity="supervised_institution", entity_id=inst.id,
                      summary=f"主管法律援助机构：{name}", after={"name": name})
            return inst.id

    # ------------------------------------------------------------------ users

    def ensure_system_user(self) -> int:
        """The row that automated work (CLI, demo, imports) is recorded under; it cannot sign in."""
        self.actor.require(Role.ADMIN, action="设置系统账户")
        with self.uow() as uow:
            s = uow.session
            u = s.scalars(select(m.User).where(m.User.username == SYSTEM_USERNAME)).one_or_none()
            if u is not None:
                return u.id
            u = m.User(username=SYSTEM_USERNAME, full_name="系统", active=False, password_hash="",
                       created_at=self.ctx.clock.now())
            s.add(u)
            s.flush()
            return u.id

    def create_user(self, username: str, full_name: str, password: str, roles: list[str], *, unit_name: str = "",
                    certificate_no: str = "", must_change_password: bool = True) -> int:
        if self.actor.user_id is not None:  # the system actor creates the first administrator
            self.actor.require(Role.ADMIN, action="创建用户")
        username = username.strip()
        if not username or not full_name.strip():
            raise ValidationError("请填写用户名和姓名。", field="username")
        check_password_strength(password)
        for r in roles:
            try:
                Role(r)
            except ValueError:
                raise ValidationError(f"角色“{r}”无效。", field="roles") from None
        if not roles:
            raise ValidationError("请至少选择一个角色。", field="roles")
        with self.uow() as uow:
            s = uow.session
            if s.scalars(select(m.User).where(m.User.username == username)).first() is not None:
                raise ValidationError(f"用户名“{username}”已存在。", field="username")
            u = m.User(username=username, full_name=full_name.strip(), unit_name=unit_name, certificate_no=certificate_no,
                       password_hash=hash_password(password), must_change_password=must_change_password,
                       created_at=self.ctx.clock.now())
            s.add(u)
            s.flush()
            for r in dict.fromkeys(roles):
                s.add(m.UserRole(user_id=u.id, role=r))
            uow.audit("user.create", entity="user", entity_id=u.id, summary=f"创建用户{full_name}（{username}）",
                      after={"username": username, "roles": roles, "unit_name": unit_name})
            return u.id

    def set_roles(self, user_id: int, roles: list[str]) -> None:
        self.actor.require(Role.ADMIN, action="分配角色")
        with self.uow() as uow:
            s = uow.session
            u = s.get(m.User, user_id)
            if u is None:
                raise NotFound("找不到该用户。")
            before = sorted(u.role_codes)
            now = self.ctx.clock.now()
            for ur in u.roles:
                if ur.retired_at is None and ur.role not in roles:
                    ur.retired_at = now
            for r in roles:
                Role(r)
                if r not in u.role_codes:
                    s.add(m.UserRole(user_id=u.id, role=r))
            uow.audit("user.roles", entity="user", entity_id=u.id, summary=f"调整{u.full_name}的角色",
                      before={"roles": before}, after={"roles": sorted(roles)})

    def list_users(self) -> list[UserInfo]:
        with self.read() as s:
            return [_info(u) for u in s.scalars(select(m.User).where(m.User.username != SYSTEM_USERNAME)
                                                 .order_by(m.User.id))]

    def users_with_role(self, role: Role) -> list[UserInfo]:
        return [u for u in self.list_users() if role.value in u.roles and u.active]

    def authenticate(self, username: str, password: str) -> Actor:
        """Check a password (argon2); lock the account after repeated failures."""
        now = self.ctx.clock.now()
        with self.uow() as uow:
            s = uow.session
            u = s.scalars(select(m.User).where(m.User.username == username.strip())).one_or_none()
            if u is None or not u.active:
                raise PermissionDenied("用户名或密码错误。", code="login")
            if u.locked_until and u.locked_until > now:
                raise PermissionDenied(f"密码错误次数过多，账户已锁定至{u.locked_until:%H:%M}，请稍后再试或联系系统管理员。",
                                       code="locked")
            try:
                _hasher.verify(u.password_hash, password)
            except (VerificationError, InvalidHashError):
                u.failed_logins += 1
                if u.failed_logins >= MAX_FAILED_LOGINS:
                    u.locked_until = now + dt.timedelta(minutes=LOCKOUT_MINUTES)
                    u.failed_logins = 0
                uow.audit("user.login_failed", entity="user", entity_id=u.id, summary=f"{u.username}登录失败")
                uow.session.commit()
                raise PermissionDenied("用户名或密码错误。", code="login") from None
            u.failed_logins = 0
            u.locked_until = None
            if _hasher.check_needs_rehash(u.password_hash):
                u.password_hash = hash_password(password)
            actor = actor_of(u)
            uow.audit("user.login", entity="user", entity_id=u.id, summary=f"{u.full_name}登录")
            return actor

    def change_password(self, user_id: int, old_password: str, new_password: str) -> None:
        check_password_strength(new_password)
        if old_password == new_password:
            raise ValidationError("新密码不能与原密码相同。", field="new_password")
        with self.uow() as uow:
            u = uow.session.get(m.User, user_id)
            if u is None:
                raise NotFound("找不到该用户。")
            try:
                _hasher.verify(u.password_hash, old_password)
            except (VerificationError, InvalidHashError):
                raise PermissionDenied("原密码不正确。", code="login") from None
            u.password_hash = hash_password(new_password)
            u.must_change_password = False
            uow.audit("user.password", entity="user", entity_id=u.id, summary=f"{u.full_name}修改密码")

    def user(self, user_id: int) -> UserInfo:
        with self.read() as s:
            u = s.get(m.User, user_id)
            if u is None:
                raise NotFound("找不到该用户。")
            return _info(u)

    # ------------------------------------------------------------------ calendar

    def add_calendar_override(self, day: dt.date, kind: str, note: str = "") -> int:
        self.actor.require(Role.ADMIN, action="维护工作日历")
        k = CalendarDayKind(kind)
        with self.uow() as uow:
            row = m.CalendarOverrideRow(day=day, kind=k.value, note=note, created_by_id=self.actor.user_id,
                                        created_at=self.ctx.clock.now())
            uow.session.add(row)
            uow.session.flush()
            uow.audit("calendar.override", entity="calendar_override", entity_id=row.id,
                      summary=f"{day.isoformat()}设为{k.label}{('：' + note) if note else ''}",
                      after={"day": day, "kind": k.value, "note": note})
            uow.after_commit(self.ctx.invalidate_calendar)
            return row.id

    def import_calendar(self, path: str) -> OverrideSet:
        """Import holiday / make-up workday entries from a CSV or JSON file (USB stick)."""
        self.actor.require(Role.ADMIN, action="导入工作日历")
        from pathlib import Path
        parsed = load_override_file(Path(path))  # raises CalendarImportError before anything is written
        with self.uow() as uow:
            s = uow.session
            now = self.ctx.clock.now()
            for o in parsed.overrides:
                s.add(m.CalendarOverrideRow(day=o.date, kind=o.kind.value, note=o.note,
                                            created_by_id=self.actor.user_id, created_at=now))
            existing = set(s.scalars(select(m.CalendarConfirmedYear.year)))
            for y in sorted(parsed.confirmed_years - existing):
                s.add(m.CalendarConfirmedYear(year=y, source=Path(path).name, created_at=now))
            uow.audit("calendar.import", entity="calendar", summary=f"导入工作日历 {Path(path).name}："
                      f"{len(parsed.overrides)}条，确认年份{sorted(parsed.confirmed_years)}",
                      after={"entries": len(parsed.overrides), "confirmed_years": sorted(parsed.confirmed_years)})
            uow.after_commit(self.ctx.invalidate_calendar)
        return parsed

    # ------------------------------------------------------------------ rule sets

    def adjust_rule_set(self, rule_set_id: str, patch: dict[str, Any], reason: str) -> None:
        """An audited adjustment (e.g. confirming the 2025 time limits)."""
        self.actor.require(Role.ADMIN, action="调整规则版本")
        if not reason.strip():
            raise ValidationError("调整规则须填写理由和依据。", field="reason")
        current = self.ctx.rule_set(rule_set_id)
        current.apply_patch(patch)  # validates; raises RuleFileError naming the key
        with self.uow() as uow:
            rev = m.RuleSetRevision(rule_set_id=rule_set_id, patch=patch, reason=reason,
                                    created_by_id=self.actor.user_id, created_at=self.ctx.clock.now())
            uow.session.add(rev)
            uow.session.flush()
            uow.audit("rules.adjust", entity="rule_set_revision", entity_id=rev.id,
                      summary=f"调整规则版本{rule_set_id}：{reason}", after={"patch": patch})
            uow.after_commit(self.ctx.invalidate_rules)
