"""What every service needs: database, clock, rule sets, calendar, acting user."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.domain import models as m
from desktop_app.domain.clock import Clock
from desktop_app.domain.enums import CalendarDayKind, Role
from desktop_app.domain.errors import ConflictError, PermissionDenied
from desktop_app.persistence.database import Database
from desktop_app.rules.calendar import CalendarOverride, WorkingCalendar
from desktop_app.rules.ruleset import RuleRegistry, RuleSet
from desktop_app.services.audit_chain import event_hash, jsonable


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service acts."""

    user_id: int | None
    username: str
    full_name: str
    roles: frozenset[str] = frozenset()
    unit_name: str = ""

    def has(self, *roles: Role | str) -> bool:
        return bool(self.roles & {str(r) for r in roles})

    def require(self, *roles: Role, action: str) -> None:
        """Refuse unless the actor holds one of ``roles`` (administrators are not exempt)."""
        if not self.has(*roles):
            need = "或".join(Role(r).label for r in roles)
            raise PermissionDenied(f"“{action}”需要{need}角色，当前用户“{self.full_name}”没有该角色。",
                                   code="permission")


SYSTEM_ACTOR = Actor(None, "system", "系统", frozenset(r.value for r in Role))


@dataclass
class ServiceContext:
    db: Database
    clock: Clock
    rules: RuleRegistry
    office_code: str
    _calendar: WorkingCalendar | None = None
    _calendar_lock: threading.Lock = field(default_factory=threading.Lock)
    _rules_cache: dict[str, RuleSet] = field(default_factory=dict)

    # -- calendar (shipped data + office overrides), cached until overrides change

    def calendar(self) -> WorkingCalendar:
        with self._calendar_lock:
            if self._calendar is None:
                with self.db.session() as s:
                    rows = s.scalars(select(m.CalendarOverrideRow).where(
                        m.CalendarOverrideRow.retired_at.is_(None)).order_by(m.CalendarOverrideRow.id)).all()
                    years = s.scalars(select(m.CalendarConfirmedYear.year)).all()
                overrides = [CalendarOverride(r.day, CalendarDayKind(r.kind), r.note) for r in rows]
                self._calendar = WorkingCalendar(overrides=overrides, confirmed_years=set(years))
            return self._calendar

    def invalidate_calendar(self) -> None:
        with self._calendar_lock:
            self._calendar = None

    # -- rule sets, with administrators' audited patches applied

    def rule_set(self, rule_set_id: str) -> RuleSet:
        cached = self._rules_cache.get(rule_set_id)
        if cached is not None:
            return cached
        base = self.rules.get(rule_set_id)
        with self.db.session() as s:
            patches = s.scalars(select(m.RuleSetRevision).where(
                m.RuleSetRevision.rule_set_id == rule_set_id).order_by(m.RuleSetRevision.id)).all()
            for p in patches:
                base = base.apply_patch(p.patch)
        self._rules_cache[rule_set_id] = base
        return base

    def rule_set_for(self, received: dt.date) -> RuleSet:
        return self.rule_set(self.rules.for_date(received).id)

    def invalidate_rules(self) -> None:
        self._rules_cache.clear()


class UnitOfWork:
    """One transaction: commit on success, roll back on any error; audit in the same transaction."""

    def __init__(self, ctx: ServiceContext, actor: Actor):
        self.ctx = ctx
        self.actor = actor
        self.session: Session = ctx.db.write_session_factory()
        self._audit_locked = False
        self._after_commit: list[Any] = []

    def __enter__(self) -> "UnitOfWork":
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:  # type: ignore[no-untyped-def]
        try:
            if exc_type is None:
                try:
                    self.session.commit()
                except StaleDataError:
                    # Two saves passed the version check at the same instant: the later one loses.
                    self.session.rollback()
                    raise ConflictError("该记录刚被其他工作站修改，本次保存未生效；您填写的内容已保留，"
                                        "请重新打开后核对再保存。", code="conflict") from None
                for fn in self._after_commit:
                    fn()
            else:
                self.session.rollback()
                if isinstance(exc, StaleDataError):
                    raise ConflictError("该记录刚被其他工作站修改，本次保存未生效；您填写的内容已保留，"
                                        "请重新打开后核对再保存。", code="conflict") from exc
        finally:
            self.session.close()
        return False

    def after_commit(self, fn: Any) -> None:
        self._after_commit.append(fn)

    def now(self) -> dt.datetime:
        return self.ctx.clock.now()

    def audit(self, action: str, *, entity: str = "", entity_id: int | None = None,
              complaint_id: int | None = None, summary: str = "", before: Any = None,
              after: Any = None) -> m.AuditEvent:
        """Append one hash-chained audit event in this transaction."""
        s = self.session
        if not self._audit_locked:
            # Serialise chain extension between concurrent writers (SQLite already is, by BEGIN IMMEDIATE).
            if self.ctx.db.is_postgres:
                s.execute(text("SELECT pg_advisory_xact_lock(7723001)"))
            self._audit_locked = True
        s.flush()
        last = s.execute(select(m.AuditEvent.id, m.AuditEvent.hash).order_by(m.AuditEvent.id.desc()).limit(1)).first()
        prev_hash = last.hash if last else ""
        next_id = (last.id if last else 0) + 1
        at = self.now()
        before_j = jsonable(before) if before is not None else None
        after_j = jsonable(after) if after is not None else None
        h = event_hash(prev_hash, event_id=next_id, at=at, user_id=self.actor.user_id,
                       username=self.actor.username, action=action, entity=entity, entity_id=entity_id,
                       complaint_id=complaint_id, summary=summary, before=before_j, after=after_j)
        ev = m.AuditEvent(id=next_id, at=at, user_id=self.actor.user_id, username=self.actor.username,
                          action=action, entity=entity, entity_id=entity_id, complaint_id=complaint_id,
                          summary=summary[:300], before=before_j, after=after_j, prev_hash=prev_hash, hash=h)
        s.add(ev)
        s.flush()
        return ev


def next_sequence(session: Session, db: Database, office_code: str, year: int, kind: str) -> int:
    """Next value of a per-office/year/kind counter, safe under concurrent writers."""
    q = select(m.NumberSequence).where(
        m.NumberSequence.office_code == office_code, m.NumberSequence.year == year,
        m.NumberSequence.kind == kind)
    if db.is_postgres:
        # Create the row if missing without racing, then lock it.
        session.execute(text(
            "INSERT INTO number_sequences (office_code, year, kind, last_value) "
            "VALUES (:o, :y, :k, 0) ON CONFLICT (office_code, year, kind) DO NOTHING"),
            {"o": office_code, "y": year, "k": kind})
        row = session.scalars(q.with_for_update()).one()
    else:
        row = session.scalars(q).one_or_none()
        if row is None:
            row = m.NumberSequence(office_code=office_code, year=year, kind=kind, last_value=0)
            session.add(row)
    row.last_value += 1
    session.flush()
    return row.last_value


def count(session: Session, stmt: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
