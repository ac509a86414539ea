"""工作台 (dashboard): overdue, due today and due within 3 working days, per clock.

Index-driven: each source is one range query on an indexed due-date column
(``complaints.next_due_date`` via ``ix_complaints_due``, ``supervision_tasks.due_date``,
``supplement_requests`` / ``investigation_acts`` through their complaint index), limited
to the horizon (today + 3 working days), so the cost does not grow with the archive.

Sources per clock:
- C1 受理审查, C2 办理, C3 答复, C6 调查启动: the case's denormalised ``next_due_date`` /
  ``next_due_clock`` (the earliest open clock, maintained by ``refresh_derived``);
- C4 整改 (执行监督): open supervision tasks;
- C5 补正: open supplement requests of cases awaiting supplement;
- C7 被投诉人说明情况: explanation requests not yet answered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import and_, func, select

from desktop_app.domain import models as m
from desktop_app.domain.enums import CaseState, InvestigationActKind, Role, SupervisionStatus
from desktop_app.domain.identity import mask_name
from desktop_app.services.base import ServiceBase
from desktop_app.services.hub import EXTRA_SERVICES

HORIZON_WORKING_DAYS = 3
ROW_LIMIT = 500  # per bucket; the counts are always exact
CASE_CLOCKS = ("C1", "C2", "C3", "C6")
CLOCK_LABELS = {
    "C1": "受理审查", "C2": "调查处理", "C3": "书面答复", "C4": "整改监督", "C5": "补正材料",
    "C6": "启动调查", "C7": "被投诉人说明情况",
}
CLOSED_STATES = (CaseState.ARCHIVED.value, CaseState.MERGED.value, CaseState.WITHDRAWN.value)
FULL_VIEW_ROLES = (Role.REVIEWER, Role.HEAD, Role.INVESTIGATOR, Role.ARCHIVIST, Role.FRONT_DESK)


class Bucket:
    OVERDUE = "OVERDUE"
    TODAY = "DUE_TODAY"
    SOON = "DUE_SOON"
    LABELS = {OVERDUE: "已逾期", TODAY: "今日到期", SOON: "3个工作日内到期"}
    ORDER = (OVERDUE, TODAY, SOON)


@dataclass(frozen=True)
class DeadlineItem:
    """One line of the dashboard; ``case_id`` opens the case."""

    case_id: int
    case_no: str
    clock: str
    clock_label: str
    due_date: dt.date
    bucket: str
    what: str  # e.g. '整改：限期退还所收费用'
    complainant: str
    respondent: str
    state_label: str
    days_overdue: int  # calendar days past due (0 when not overdue)
    calendar_unconfirmed: bool = False


@dataclass
class Dashboard:
    today: dt.date
    horizon: dt.date  # last day counted as "due soon"
    items: dict[str, list[DeadlineItem]] = field(default_factory=dict)  # bucket -> rows (capped)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # bucket -> clock -> exact count
    calendar_warning: str = ""
    truncated: bool = False

    def total(self, bucket: str) -> int:
        return sum(self.counts.get(bucket, {}).values())


class DeadlinesService(ServiceBase):
    def horizon(self, today: dt.date) -> dt.date:
        """The third working day after today (due within 3 working days)."""
        cal = self.ctx.calendar()
        day = today
        for _ in range(HORIZON_WORKING_DAYS):
            day = cal.next_workday(day)
        return day

    def calendar_warning(self, today: dt.date | None = None) -> str:
        today = today or self.ctx.clock.today()
        cal = self.ctx.calendar()
        missing = [y for y in (today.year, today.year + 1) if not cal.is_year_confirmed(y)]
        if not missing:
            return ""
        years = "、".join(f"{y}年" for y in missing)
        return (f"{years}工作日历未确认：相关期限按周末推算，可能不准确。"
                "请系统管理员导入国务院办公厅公布的放假安排。")

    def dashboard(self, limit: int = ROW_LIMIT) -> Dashboard:
        today = self.ctx.clock.today()
        horizon = self.horizon(today)
        board = Dashboard(today=today, horizon=horizon, calendar_warning=self.calendar_warning(today))
        rows: list[DeadlineItem] = []
        c = m.Complaint
        local = [c.imported.is_(False), c.state.not_in(CLOSED_STATES)]
        with self.read() as s:
            # Case clocks from the denormalised columns (index ix_complaints_due).
            q = (select(c.id, c.case_no, c.next_due_clock, c.next_due_date, c.first_complainant, c.first_respondent,
                        c.state, c.sensitive, c.handler_id, c.registered_by_id, c.calendar_unconfirmed)
                 .where(c.next_due_date <= horizon, c.next_due_clock.in_(CASE_CLOCKS), *local)
                 .order_by(c.next_due_date, c.id).limit(limit * 3))
            for r in s.execute(q):
                rows.append(self._item(r, r.next_due_clock, r.next_due_date, CLOCK_LABELS[r.next_due_clock],
                                       today, horizon, r.calendar_unconfirmed))
            # C4 supervision tasks.
            t = m.SupervisionTask
            q = (select(c.id, c.case_no, c.first_complainant, c.first_respondent, c.state, c.sensitive,
                        c.handler_id, c.registered_by_id, t.due_date, t.measure)
                 .join(c, c.id == t.complaint_id)
                 .where(t.due_date <= horizon, t.status.in_([SupervisionStatus.OPEN.value,
                                                             SupervisionStatus.REPORTED.value]), *local)
                 .order_by(t.due_date, t.id).limit(limit * 3))
            for r in s.execute(q):
                rows.append(self._item(r, "C4", r.due_date, f"整改：{r.measure[:40]}", today, horizon))
            # C5 supplements awaited.
            sr = m.SupplementRequest
            q = (select(c.id, c.case_no, c.first_complainant, c.first_respondent, c.state, c.sensitive,
                        c.handler_id, c.registered_by_id, sr.due_date)
                 .join(c, c.id == sr.complaint_id)
                 .where(sr.due_date <= horizon, sr.fulfilled_on.is_(None),
                        c.state == CaseState.AWAITING_SUPPLEMENT.value, *local)
                 .order_by(sr.due_date, sr.id).limit(limit * 3))
            for r in s.execute(q):
                rows.append(self._item(r, "C5", r.due_date, "补正材料期限", today, horizon))
            # C7 respondent explanations awaited.
            a = m.InvestigationAct
            q = (select(c.id, c.case_no, c.first_complainant, c.first_respondent, c.state, c.sensitive,
                        c.handler_id, c.registered_by_id, a.due_date, a.counterpart)
                 .join(c, c.id == a.complaint_id)
                 .where(a.kind == InvestigationActKind.EXPLANATION_REQUEST.value, a.due_date <= horizon,
                        a.completed_on.is_(None), a.retired_at.is_(None), *local)
                 .order_by(a.due_date, a.id).limit(limit * 3))
            for r in s.execute(q):
                rows.append(self._item(r, "C7", r.due_date, f"{r.counterpart or '被投诉人'}说明情况", today, horizon))
        rows.sort(key=lambda x: (Bucket.ORDER.index(x.bucket), x.due_date, x.case_no))
        for bucket in Bucket.ORDER:
            in_bucket = [x for x in rows if x.bucket == bucket]
            board.counts[bucket] = {code: sum(1 for x in in_bucket if x.clock == code) for code in CLOCK_LABELS}
            board.items[bucket] = in_bucket[:limit]
            board.truncated = board.truncated or len(in_bucket) > limit
        board.truncated = board.truncated or self._more_than(limit * 3, horizon)
        return board

    def _more_than(self, n: int, horizon: dt.date) -> bool:
        """Whether a source hit its row cap (the counts are then lower bounds; says so on screen)."""
        c = m.Complaint
        with self.read() as s:
            total = s.scalar(select(func.count(c.id)).where(and_(
                c.next_due_date <= horizon, c.next_due_clock.in_(CASE_CLOCKS), c.imported.is_(False),
                c.state.not_in(CLOSED_STATES))))
        return int(total or 0) > n

    def _item(self, r: object, clock: str, due: dt.date, what: str, today: dt.date, horizon: dt.date,
              unconfirmed: bool = False) -> DeadlineItem:
        bucket = Bucket.OVERDUE if due < today else Bucket.TODAY if due == today else Bucket.SOON
        hidden = r.sensitive and not (self.actor.has(Role.HEAD)  # type: ignore[attr-defined]
                                      or self.actor.user_id in (r.handler_id, r.registered_by_id))  # type: ignore[attr-defined]
        name = r.first_complainant  # type: ignore[attr-defined]
        if not self.actor.has(*FULL_VIEW_ROLES):
            name = mask_name(name)
        return DeadlineItem(
            case_id=r.id, case_no=r.case_no, clock=clock, clock_label=CLOCK_LABELS.get(clock, clock),  # type: ignore[attr-defined]
            due_date=due, bucket=bucket, what=what,
            complainant="（敏感案件）" if hidden else name,
            respondent="（敏感案件）" if hidden else r.first_respondent,  # type: ignore[attr-defined]
            state_label=CaseState(r.state).label,  # type: ignore[attr-defined]
            days_overdue=max(0, (today - due).days), calendar_unconfirmed=unconfirmed)


EXTRA_SERVICES["deadlines"] = DeadlinesService
