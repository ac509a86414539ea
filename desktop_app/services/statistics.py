"""统计 (requirements §5.2, S1–S35): the statistics report and the case list (台账) for a period.

Every figure is computed by the database with GROUP BY over indexed date columns
(``received_date``, ``decision_date``, ``accepted_on``, ``handling_decided_on``,
``reply_sent_on``); Python only folds the grouped rows. Nothing loads the cases of a
period into memory, so a year of a million cases costs a handful of aggregate scans.

Working-day deadlines (C1 = receipt + 5 working days, C3 = decision + 5 working days)
cannot be computed in portable SQL. They depend only on the start date, so the queries
group by (start date, stop date) — at most a few thousand pairs per year — and the
rules engine computes each start date's due date once. Cases whose C1 was paused by a
supplement request (补正, 2025 rule set) are the exception: they are computed one by one
(few in practice; capped, see ``PER_CASE_CAP``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Text, and_, cast, exists, func, not_, or_, select
from sqlalchemy.orm import Session

from desktop_app.domain import models as m
from desktop_app.domain.enums import CaseState, Channel, ExtensionStatus, InvestigationActKind, Role
from desktop_app.domain.errors import PermissionDenied, ValidationError
from desktop_app.domain.identity import mask_name
from desktop_app.domain.statistics import (
    AcceptanceFigures,
    Breakdown,
    BreakdownRow,
    Category,
    ChartKind,
    Column,
    ColumnKind,
    CaseListRow,
    DayUnit,
    DurationStat,
    HandlingFigures,
    IntakeFigures,
    OutcomeFigures,
    Ratio,
    StatisticsReport,
    month_categories,
)
from desktop_app.rules.clocks import compute_deadline
from desktop_app.rules.ruleset import RuleSet, chinese_number
from desktop_app.services.base import ServiceBase
from desktop_app.services.hub import EXTRA_SERVICES

# Roles allowed to export unmasked personal data (an explicit option must also be chosen).
UNMASK_ROLES = (Role.HEAD, Role.ADMIN)
# Cases whose C1 was paused by a supplement request are computed one by one, at most this many.
PER_CASE_CAP = 20_000
CASE_ROW_BATCH = 2_000
REPEAT_WINDOW_DAYS = 365  # S27: respondents complained about ≥ 2 times in 12 months
REPEAT_MIN = 2
COLLECTIVE_MIN = 3  # S4: ≥ 3 complainants
CLOSED_WITHOUT_HANDLING = (CaseState.WITHDRAWN.value, CaseState.MERGED.value)
TRANSFER_KIND_LABELS = {
    "PENALTY": "移送行政处罚机关", "INDUSTRY_DISCIPLINE": "移送行业协会惩戒（律协等）",
    "DISCIPLINE": "移送纪检监察/任免机关", "CRIME": "涉嫌犯罪移送司法机关",
}
LOCAL_OFFICE_LABEL = "本机关"


@dataclass(frozen=True)
class OfficeStatisticsReport(StatisticsReport):
    """StatisticsReport plus the by-office table (imported cases carry ``source_office_code``).

    Request to the lead: fold ``by_office`` into ``domain.statistics.StatisticsReport``.
    """

    by_office: Breakdown | None = None

    def breakdowns(self) -> tuple[Breakdown, ...]:
        tables = super().breakdowns()
        if self.by_office is None:
            return tables
        return tables[:-1] + (self.by_office, tables[-1])


def period_label(period_from: dt.date, period_to: dt.date) -> str:
    """'2025年度', '2025年第一季度', '2025年3月', or '2025年3月1日至2025年4月15日'."""
    f, t = period_from, period_to
    month_end = (dt.date(t.year + (t.month == 12), t.month % 12 + 1, 1) - dt.timedelta(days=1))
    if f.day == 1 and t == month_end:
        if f.year == t.year and f.month == 1 and t.month == 12:
            return f"{f.year}年度"
        if f.year == t.year and f.month == t.month:
            return f"{f.year}年{f.month}月"
        if f.year == t.year and f.month % 3 == 1 and t.month == f.month + 2:
            return f"{f.year}年第{'一二三四'[f.month // 3]}季度"
    return f"{f.year}年{f.month}月{f.day}日至{t.year}年{t.month}月{t.day}日"


def _codes(raw: Any) -> list[str]:
    """A JSON list column as grouped by ``CAST(col AS TEXT)`` (or already decoded)."""
    if raw is None or raw == "":
        return []
    if isinstance(raw, list):
        return [str(x) for x in raw]
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return []
    return [str(x) for x in value] if isinstance(value, list) else []


def _article_item(article: int | None, item: int | None) -> str:
    if article is None:
        return "条款待核实"
    text = f"第{chinese_number(article)}条"
    return text + (f"第（{chinese_number(item)}）项" if item is not None else "")


class _DueCache:
    """Due dates of a working-day clock per (rule set, start date), computed once each."""

    def __init__(self, ctx: Any, clock_code: str):
        self.ctx = ctx
        self.code = clock_code
        self._cache: dict[tuple[str, dt.date], dt.date] = {}

    def due(self, rule_set_id: str, start: dt.date) -> dt.date:
        key = (rule_set_id, start)
        found = self._cache.get(key)
        if found is None:
            rules = self.ctx.rule_set(rule_set_id)
            found = compute_deadline(rules.clocks[self.code], self.ctx.calendar(), start, rules).due_date
            self._cache[key] = found
        return found


class StatisticsService(ServiceBase):
    """法律援助投诉情况统计 and the case list for the Excel export."""

    # ------------------------------------------------------------------ permissions

    def can_unmask(self) -> bool:
        """Whether this user may choose to export unmasked personal data."""
        return self.actor.has(*UNMASK_ROLES)

    def _check_unmask(self, masked: bool) -> None:
        if not masked and not self.can_unmask():
            raise PermissionDenied(
                f"导出未脱敏的个人信息需要机关负责人或系统管理员角色，当前用户“{self.actor.full_name}”没有该权限；"
                "请勾选“个人信息脱敏”后再导出。", code="permission")

    # ------------------------------------------------------------------ filters

    def offices(self) -> list[tuple[str, str]]:
        """(code, name) of the local office and every office with imported cases."""
        with self.read() as s:
            local = s.scalars(select(m.Office).where(m.Office.code == self.ctx.office_code)).one_or_none()
            names = {o.code: o.name for o in s.scalars(select(m.Office))}
            codes = s.scalars(select(m.Complaint.source_office_code).where(
                m.Complaint.source_office_code != "").distinct()).all()
        out = [(self.ctx.office_code, local.name if local else LOCAL_OFFICE_LABEL)]
        out += [(c, names.get(c, c)) for c in sorted(codes) if c != self.ctx.office_code]
        return out

    def _office_condition(self, office_code: str | None) -> list[Any]:
        if not office_code:
            return []
        if office_code == self.ctx.office_code:
            return [m.Complaint.source_office_code == ""]
        return [m.Complaint.source_office_code == office_code]

    @staticmethod
    def _validate_period(period_from: dt.date, period_to: dt.date) -> None:
        if period_to < period_from:
            raise ValidationError(f"统计期间的结束日期 {period_to} 早于开始日期 {period_from}，请重新选择期间。",
                                  field="period_to")

    # ------------------------------------------------------------------ the report

    def report(self, period_from: dt.date, period_to: dt.date, office_code: str | None = None, *,
               label: str | None = None, masked: bool = True) -> OfficeStatisticsReport:
        """Every statistic of §5.2 for the period (inclusive) and office (None: all offices)."""
        self._validate_period(period_from, period_to)
        self._check_unmask(masked)
        rule_sets = self._rule_sets_in(period_from, period_to)
        office = self._office_filter_label(office_code)
        with self.read() as s:
            q = _Queries(self.ctx, s, period_from, period_to, self._office_condition(office_code))
            intake = q.intake()
            acceptance = q.acceptance()
            handling = q.handling()
            outcome = q.outcome_figures(rule_sets, intake.received)
            report = OfficeStatisticsReport(
                period_from=period_from, period_to=period_to,
                period_label=label or period_label(period_from, period_to),
                office_code=office_code or "", office_name=office,
                generated_at=self.ctx.clock.now(), rule_set_ids=tuple(r.id for r in rule_sets),
                intake=intake, acceptance=acceptance, handling=handling, outcome=outcome,
                durations=q.durations(),
                by_channel=q.by_channel(rule_sets),
                not_accepted_by_reason=q.by_reason(rule_sets),
                by_ground_article5=q.by_ground(rule_sets),
                by_ground_problem_type=q.by_problem_type(rule_sets),
                by_respondent_type=q.by_respondent_type(rule_sets),
                outcomes=q.outcomes(rule_sets),
                transfers_by_target=q.transfers(),
                by_handler=q.by_handler(),
                monthly_trend=q.monthly_trend(),
                repeat_respondents=q.repeat_respondents(),
                by_office=q.by_office(self.ctx.office_code, dict(self.offices())) if not office_code else None,
                generated_by=self.actor.full_name,
                personal_data_masked=masked,
                notes=tuple(q.notes),
            )
        return report

    def _rule_sets_in(self, period_from: dt.date, period_to: dt.date) -> list[RuleSet]:
        """Rule sets in force during the period (both 2013 and 2025 when it spans 2025-06-15)."""
        found = [self.ctx.rule_set(r.id) for r in self.ctx.rules.all()
                 if r.effective_from <= period_to and (r.effective_to is None or r.effective_to >= period_from)]
        return found or [self.ctx.rule_set_for(period_to)]

    def _office_filter_label(self, office_code: str | None) -> str:
        names = dict(self.offices())
        if not office_code:
            return "全部机关（含导入数据）" if len(names) > 1 else names.get(self.ctx.office_code, LOCAL_OFFICE_LABEL)
        return names.get(office_code, office_code)

    # ------------------------------------------------------------------ case list (台账)

    def count_case_rows(self, period_from: dt.date, period_to: dt.date, office_code: str | None = None) -> int:
        self._validate_period(period_from, period_to)
        with self.read() as s:
            return int(s.scalar(select(func.count(m.Complaint.id)).where(
                m.Complaint.received_date.between(period_from, period_to),
                *self._office_condition(office_code))) or 0)

    def case_rows(self, period_from: dt.date, period_to: dt.date, office_code: str | None = None, *,
                  masked: bool = True, batch_size: int = CASE_ROW_BATCH) -> Iterator[CaseListRow]:
        """Cases received in the period, oldest first, streamed in keyset batches.

        Each batch is its own short query (no transaction held open while the caller
        writes a workbook). Names are masked unless ``masked=False`` and the user may
        unmask; sensitive cases show “（敏感案件）” to everyone but the head.
        """
        self._validate_period(period_from, period_to)
        self._check_unmask(masked)
        today = self.ctx.clock.today()
        cond = [m.Complaint.received_date.between(period_from, period_to), *self._office_condition(office_code)]
        rules_cache: dict[str, RuleSet] = {}
        handler = m.User.__table__.alias("handler")
        cols = (m.Complaint.id, m.Complaint.case_no, m.Complaint.received_date, m.Complaint.channel,
                m.Complaint.first_complainant, m.Complaint.first_respondent, m.Complaint.respondent_type,
                m.Complaint.ground_code, m.Complaint.rule_set_id, m.Complaint.state, m.Complaint.decision,
                cast(m.Complaint.decision_reasons, Text).label("reasons"), m.Complaint.decision_date,
                m.Complaint.handling_decided_on, m.Complaint.reply_sent_on, m.Complaint.next_due_date,
                m.Complaint.sensitive, m.Complaint.anonymous, handler.c.full_name.label("handler_name"))
        last: tuple[dt.date, int] | None = None
        while True:
            stmt = (select(*cols).outerjoin(handler, handler.c.id == m.Complaint.handler_id).where(*cond)
                    .order_by(m.Complaint.received_date, m.Complaint.id).limit(batch_size))
            if last is not None:
                stmt = stmt.where(or_(m.Complaint.received_date > last[0],
                                      and_(m.Complaint.received_date == last[0], m.Complaint.id > last[1])))
            with self.read() as s:
                rows = s.execute(stmt).all()
                ids = [r.id for r in rows]
                outcomes: dict[int, set[str]] = defaultdict(set)
                if ids:
                    for cid, raw in s.execute(select(m.HandlingDecision.complaint_id,
                                                     cast(m.HandlingDecision.outcome_codes, Text)).where(
                            m.HandlingDecision.complaint_id.in_(ids), m.HandlingDecision.retired_at.is_(None))):
                        outcomes[cid].update(_codes(raw))
            if not rows:
                return
            for r in rows:
                rules = rules_cache.get(r.rule_set_id) or rules_cache.setdefault(
                    r.rule_set_id, self.ctx.rule_set(r.rule_set_id))
                yield self._case_row(r, rules, outcomes.get(r.id, set()), masked, today)
            last = (rows[-1].received_date, rows[-1].id)
            if len(rows) < batch_size:
                return

    def _case_row(self, r: Any, rules: RuleSet, outcome_codes: set[str], masked: bool,
                  today: dt.date) -> CaseListRow:
        hide_sensitive = r.sensitive and not self.actor.has(Role.HEAD)
        if hide_sensitive:
            complainant = respondent = "（敏感案件）"
        else:
            complainant = r.first_complainant or ("（匿名）" if r.anonymous else "")
            if masked and not r.anonymous:
                complainant = mask_name(complainant)
            respondent = r.first_respondent
        ground = ""
        if r.ground_code:
            g = rules.grounds.get(r.ground_code)
            ground = f"{r.ground_code} {g.label}" if g else r.ground_code
        rtype = rules.respondent_types.get(r.respondent_type)
        if r.decision == "NOT_ACCEPT":
            outcome = "不予受理（" + "、".join(_codes(r.reasons)) + "）"
        elif outcome_codes:
            outcome = "、".join(f"{c} {rules.outcomes[c].label}" if c in rules.outcomes else c
                               for c in sorted(outcome_codes))
        else:
            outcome = ""
        channel = _channel_label(r.channel)
        return CaseListRow(
            case_no=r.case_no, received_on=r.received_date, channel=channel, complainant=complainant,
            respondent=respondent, respondent_type=rtype.label if rtype else r.respondent_type, ground=ground,
            state=CaseState(r.state).label, accepted_on=r.decision_date, decided_on=r.handling_decided_on,
            replied_on=r.reply_sent_on, outcome=outcome, handler=r.handler_name or "",
            next_deadline=r.next_due_date, overdue=bool(r.next_due_date and r.next_due_date < today))

    # ------------------------------------------------------------------ export

    def export_workbook(self, period_from: dt.date, period_to: dt.date, path: str | Path, *,
                        office_code: str | None = None, masked: bool = True,
                        progress: Callable[[int, int], None] | None = None,
                        cancelled: Callable[[], bool] | None = None) -> Any:
        """Report + case list into one .xlsx (exports.export_statistics_workbook); returns its ExportResult."""
        from desktop_app.exports.statistics_xlsx import export_statistics_workbook

        report = self.report(period_from, period_to, office_code, masked=masked)
        total = self.count_case_rows(period_from, period_to, office_code)
        rows = self.case_rows(period_from, period_to, office_code, masked=masked)
        return export_statistics_workbook(report, rows, path, progress=progress, cancelled=cancelled,
                                          total_rows=total)


class _Queries:
    """The aggregate queries of one report (one read session)."""

    def __init__(self, ctx: Any, s: Session, period_from: dt.date, period_to: dt.date, office: list[Any]):
        self.ctx, self.s = ctx, s
        self.f, self.t = period_from, period_to
        self.office = office
        self.today = ctx.clock.today()
        # Snapshot figures (S9, S15) are taken at the period end, or today if the period is not over.
        self.snapshot_day = min(period_to, self.today)
        self.c1 = _DueCache(ctx, "C1")
        self.c3 = _DueCache(ctx, "C3")
        self.notes: list[str] = []
        self._c = m.Complaint

    # -- helpers -----------------------------------------------------------------

    def _in(self, column: Any) -> Any:
        return column.between(self.f, self.t)

    def _received(self) -> list[Any]:
        return [self._in(self._c.received_date), *self.office]

    def _rows(self, *cols: Any, where: Iterable[Any], group: Sequence[Any] | None = None,
              join: Any = None) -> list[Any]:
        stmt = select(*cols)
        if join is not None:
            stmt = stmt.select_from(join)
        stmt = stmt.where(*where)
        if group:
            stmt = stmt.group_by(*group)
        return list(self.s.execute(stmt).all())

    def _count(self, *where: Any) -> int:
        return int(self.s.scalar(select(func.count(self._c.id)).where(*where)) or 0)

    def _paused_c1(self) -> Any:
        """Cases with a supplement request under a rule set whose supplement pauses C1."""
        pausing = [r.id for r in self.ctx.rules.all()
                   if self.ctx.rule_set(r.id).features.supplement_pauses_acceptance_clock]
        if not pausing:
            return None
        return and_(self._c.rule_set_id.in_(pausing),
                    exists().where(m.SupplementRequest.complaint_id == self._c.id))

    def _c1_due_per_case(self, where: list[Any]) -> dict[int, tuple[dt.date, dt.date | None]]:
        """(C1 due, notice served) for the few paused cases, via the full clock computation."""
        from desktop_app.services.cases import case_clocks

        paused = self._paused_c1()
        if paused is None:
            return {}
        ids = self.s.scalars(select(self._c.id).where(*where, paused).limit(PER_CASE_CAP + 1)).all()
        if len(ids) > PER_CASE_CAP:
            self.notes.append(f"补正中止受理期限的案件超过{PER_CASE_CAP}件，受理审查及时率只计算了前{PER_CASE_CAP}件。")
            ids = ids[:PER_CASE_CAP]
        out: dict[int, tuple[dt.date, dt.date | None]] = {}
        for cid in ids:
            c = self.s.get(m.Complaint, cid)
            clocks = case_clocks(self.ctx, self.s, c)
            if "C1" in clocks:
                out[cid] = (clocks["C1"].due_date, c.acceptance_notice_sent_on)
        return out

    def _not_paused(self) -> list[Any]:
        paused = self._paused_c1()
        return [] if paused is None else [not_(paused)]

    # -- S1–S4 -----------------------------------------------------------------

    def intake(self) -> IntakeFigures:
        c = self._c
        received = self._count(*self._received())
        reasons_text = cast(c.decision_reasons, Text)
        duplicates = self._count(*self._received(), or_(
            c.merged_into_id.is_not(None), reasons_text.like('%"R9-1"%'), reasons_text.like('%"R9-2%')))
        collective_ids = (select(m.Complainant.complaint_id).join(c, c.id == m.Complainant.complaint_id)
                          .where(*self._received(), m.Complainant.retired_at.is_(None))
                          .group_by(m.Complainant.complaint_id)
                          .having(func.count(m.Complainant.id) >= COLLECTIVE_MIN))
        collective = int(self.s.scalar(select(func.count()).select_from(collective_ids.subquery())) or 0)
        return IntakeFigures(received=received, consultations=0, duplicates=duplicates, collective=collective)

    # -- S5–S9 -----------------------------------------------------------------

    def acceptance(self) -> AcceptanceFigures:
        c = self._c
        decided = [self._in(c.decision_date), c.decision.in_(["ACCEPT", "NOT_ACCEPT"]), *self.office]
        counts = dict(self._rows(c.decision, func.count(c.id), where=decided, group=[c.decision]))
        # S8 (C1): notice SERVED ≤ receipt + 5 working days, grouped by (rule set, receipt, service date).
        on_time = total = 0
        for rule_set_id, received, served, n in self._rows(
                c.rule_set_id, c.received_date, c.acceptance_notice_sent_on, func.count(c.id),
                where=[*decided, *self._not_paused()],
                group=[c.rule_set_id, c.received_date, c.acceptance_notice_sent_on]):
            total += n
            if served is not None and served <= self.c1.due(rule_set_id, received):
                on_time += n
        for due, served in self._c1_due_per_case(decided).values():
            total += 1
            on_time += served is not None and served <= due
        # S9: open at the snapshot day, no decision yet, C1 passed.
        waiting = [c.received_date <= self.snapshot_day,
                   or_(c.decision_date.is_(None), c.decision_date > self.snapshot_day),
                   c.state.not_in(CLOSED_WITHOUT_HANDLING), *self.office]
        overdue = 0
        for rule_set_id, received, n in self._rows(
                c.rule_set_id, c.received_date, func.count(c.id), where=[*waiting, *self._not_paused()],
                group=[c.rule_set_id, c.received_date]):
            if self.c1.due(rule_set_id, received) < self.snapshot_day:
                overdue += n
        for due, _served in self._c1_due_per_case(waiting).values():
            overdue += due < self.snapshot_day
        return AcceptanceFigures(accepted=counts.get("ACCEPT", 0), not_accepted=counts.get("NOT_ACCEPT", 0),
                                 review_on_time=Ratio(on_time, total), overdue_awaiting_decision=overdue)

    # -- S10–S16 ---------------------------------------------------------------

    def _decided(self) -> list[Any]:
        return [self._in(self._c.handling_decided_on), *self.office]

    def _extended(self) -> Any:
        return exists().where(m.Extension.complaint_id == self._c.id,
                              m.Extension.status == ExtensionStatus.APPROVED.value)

    def handling(self) -> HandlingFigures:
        c = self._c
        decided = self._count(*self._decided())
        on_time = self._count(*self._decided(), c.handling_due.is_not(None),
                              c.handling_decided_on <= c.handling_due)
        extended = self._count(*self._decided(), self._extended())
        notice_served = exists().where(
            m.Extension.complaint_id == c.id, m.Extension.status == ExtensionStatus.APPROVED.value,
            m.Extension.notice_document_id.is_not(None),
            exists().where(m.ServiceRecord.document_id == m.Extension.notice_document_id))
        notified = self._count(*self._decided(), notice_served)
        # S14 (C3): reply served ≤ decision + 5 working days, for replies served in the period.
        reply_total = reply_on_time = 0
        for rule_set_id, decided_on, sent, n in self._rows(
                c.rule_set_id, c.handling_decided_on, c.reply_sent_on, func.count(c.id),
                where=[self._in(c.reply_sent_on), c.handling_decided_on.is_not(None), *self.office],
                group=[c.rule_set_id, c.handling_decided_on, c.reply_sent_on]):
            reply_total += n
            if sent <= self.c3.due(rule_set_id, decided_on):
                reply_on_time += n
        # S15 snapshot: accepted, not decided at the snapshot day.
        day = self.snapshot_day
        open_cond = [c.accepted_on <= day, or_(c.handling_decided_on.is_(None), c.handling_decided_on > day),
                     c.state.not_in(CLOSED_WITHOUT_HANDLING), *self.office]
        open_accepted = self._count(*open_cond)
        overdue_open = self._count(*open_cond, c.handling_due < day)
        replies_overdue = 0
        for rule_set_id, decided_on, n in self._rows(
                c.rule_set_id, c.handling_decided_on, func.count(c.id),
                where=[c.handling_decided_on <= day, or_(c.reply_sent_on.is_(None), c.reply_sent_on > day),
                       c.state.not_in(CLOSED_WITHOUT_HANDLING), *self.office],
                group=[c.rule_set_id, c.handling_decided_on]):
            if self.c3.due(rule_set_id, decided_on) < day:
                replies_overdue += n
        stop_orders = int(self.s.scalar(
            select(func.count(m.InvestigationAct.id)).join(c, c.id == m.InvestigationAct.complaint_id).where(
                m.InvestigationAct.kind == InvestigationActKind.STOP_ORDER.value,
                m.InvestigationAct.retired_at.is_(None), self._in(m.InvestigationAct.occurred_on),
                *self.office)) or 0)
        return HandlingFigures(
            decided=decided, handling_on_time=Ratio(on_time, decided), reply_on_time=Ratio(reply_on_time, reply_total),
            extended=extended, extension_rate=Ratio(extended, decided), extension_notified=Ratio(notified, extended),
            open_accepted=open_accepted, overdue_open=overdue_open, replies_overdue_open=replies_overdue,
            stop_orders=stop_orders)

    # -- S19, S20, S24, S27 ----------------------------------------------------

    def outcome_figures(self, rule_sets: list[RuleSet], received: int) -> OutcomeFigures:
        c = self._c
        decided = self._count(*self._decided())
        substantiated = self._count(*self._decided(), c.substantiated.is_(True))
        transferred = int(self.s.scalar(select(func.count(m.Transfer.id)).join(
            c, c.id == m.Transfer.complaint_id).where(self._in(m.Transfer.sent_on), *self.office)) or 0)
        other_codes = [g.code for r in rule_sets for g in r.grounds.values() if g.label.startswith("其他")]
        other = self._count(*self._received(), c.ground_code.in_(other_codes)) if other_codes else 0
        repeat = self.repeat_respondents()
        return OutcomeFigures(substantiated_rate=Ratio(substantiated, decided), transferred=transferred,
                              other_ground_share=Ratio(other, received),
                              repeat_respondents=len(repeat.rows))

    # -- breakdowns ------------------------------------------------------------

    def by_channel(self, rule_sets: list[RuleSet]) -> Breakdown:
        c = self._c
        counts = dict(self._rows(c.channel, func.count(c.id), where=self._received(), group=[c.channel]))
        codes = list(dict.fromkeys(code for r in rule_sets for code in r.channels))
        cats = [Category(code, _channel_label(code)) for code in codes]
        return Breakdown.from_counts(
            "by_channel", "按投诉渠道", "投诉渠道", cats, counts, share_of_total="count",
            statistic_ids=("S1",), note="期内收到的投诉（以收到日期计），按投诉渠道分列。", chart=ChartKind.PIE)

    def by_reason(self, rule_sets: list[RuleSet]) -> Breakdown:
        c = self._c
        counts: Counter[str] = Counter()
        for raw, n in self._rows(cast(c.decision_reasons, Text), func.count(c.id),
                                 where=[self._in(c.decision_date), c.decision == "NOT_ACCEPT", *self.office],
                                 group=[cast(c.decision_reasons, Text)]):
            for code in _codes(raw) or ["（未注明）"]:
                counts[code] += n
        cats: dict[str, Category] = {}
        for r in rule_sets:
            for reason in r.non_acceptance_reasons.values():
                cats.setdefault(reason.code, Category(reason.code, reason.label,
                                                      _article_item(reason.article, reason.item)))
        return Breakdown.from_counts(
            "not_accepted_by_reason", "不予受理原因", "不予受理理由", list(cats.values()), dict(counts),
            statistic_ids=("S7",), note="期内作出的不予受理决定，按理由（条、项）分列；一件可有多项理由。",
            show_group=True, group_header="依据条款")

    def by_ground(self, rule_sets: list[RuleSet]) -> Breakdown:
        c = self._c
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for code, subst, n in self._rows(c.ground_code, c.substantiated, func.count(c.id),
                                         where=self._received(), group=[c.ground_code, c.substantiated]):
            key = code or "（未分类）"
            counts[key][0] += n
            if subst:
                counts[key][1] += n
        cats: dict[str, Category] = {}
        for r in rule_sets:
            for g in r.grounds.values():
                cats.setdefault(g.code, Category(g.code, g.label, f"{r.id}年办法 {_article_item(g.article, g.item)}"))
        return Breakdown.from_counts(
            "by_ground_article5", "按投诉事项（第五条）", "投诉事项", list(cats.values()),
            {k: tuple(v) for k, v in counts.items()},
            count_columns=(Column("count", "收到件数"), Column("substantiated", "查实件数")),
            statistic_ids=("S24",), show_group=True, group_header="依据",
            note="期内收到的投诉按投诉事项分列，含零件数分类；查实件数为其中处理结果属实的件数。")

    def by_problem_type(self, rule_sets: list[RuleSet]) -> Breakdown:
        c = self._c
        counts: Counter[str] = Counter()
        for raw, n in self._rows(cast(c.subtype_codes, Text), func.count(c.id), where=self._received(),
                                 group=[cast(c.subtype_codes, Text)]):
            for code in _codes(raw):
                counts[code] += n
        cats: dict[str, Category] = {}
        for r in rule_sets:
            for st in r.sub_types.values():
                cats.setdefault(st.code, Category(st.code, st.label, st.ground))
        return Breakdown.from_counts(
            "by_ground_problem_type", "按问题类型（昌图七类及细分）", "问题类型", list(cats.values()), dict(counts),
            share_of_total="count", share_header="占比", statistic_ids=("S24",), show_group=True,
            group_header="对应事项",
            note="期内收到的投诉按问题类型分列（一件可属多类），零件数照列；占比 = 该类件数 ÷ 各类合计。")

    def by_respondent_type(self, rule_sets: list[RuleSet]) -> Breakdown:
        c, r, hd = self._c, m.Respondent, m.HandlingDecision
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for code, n in self._rows(r.type_code, func.count(r.id), join=r.__table__.join(c.__table__, c.id == r.complaint_id),
                                  where=[*self._received(), r.retired_at.is_(None)], group=[r.type_code]):
            counts[code][0] += n
        substantiated_codes = {o.code for rs in rule_sets for o in rs.outcomes.values() if o.substantiated}
        for code, raw, n in self._rows(
                r.type_code, cast(hd.outcome_codes, Text), func.count(hd.id),
                join=hd.__table__.join(r.__table__, r.id == hd.respondent_id).join(c.__table__, c.id == hd.complaint_id),
                where=[*self._received(), hd.retired_at.is_(None), c.handling_decided_on.is_not(None)],
                group=[r.type_code, cast(hd.outcome_codes, Text)]):
            if set(_codes(raw)) & substantiated_codes:
                counts[code][1] += n
        cats: dict[str, Category] = {}
        for rs in rule_sets:
            for t in rs.respondent_types.values():
                cats.setdefault(t.code, Category(t.code, t.label, "机构" if t.kind.value == "institution" else "人员"))
        return Breakdown.from_counts(
            "by_respondent_type", "按被投诉人类型", "被投诉人类型", list(cats.values()),
            {k: tuple(v) for k, v in counts.items()},
            count_columns=(Column("count", "被投诉人次"), Column("substantiated", "查实人次")),
            statistic_ids=("S25",), show_group=True, group_header="类别",
            note="期内收到的投诉的被投诉人（按人次，一案可有多名），查实人次为处理结果属实的人次。")

    def outcomes(self, rule_sets: list[RuleSet]) -> Breakdown:
        c, hd = self._c, m.HandlingDecision
        counts: Counter[str] = Counter()
        for raw, n in self._rows(cast(hd.outcome_codes, Text), func.count(hd.id),
                                 join=hd.__table__.join(c.__table__, c.id == hd.complaint_id),
                                 where=[*self._decided(), hd.retired_at.is_(None)],
                                 group=[cast(hd.outcome_codes, Text)]):
            for code in _codes(raw):
                counts[code] += n
        cats: dict[str, Category] = {}
        for rs in rule_sets:
            for o in rs.outcomes.values():
                cats.setdefault(o.code, Category(o.code, o.label, _article_item(o.article, o.item)))
        return Breakdown.from_counts(
            "outcomes", "处理结果", "处理结果", list(cats.values()), dict(counts), statistic_ids=("S18",),
            show_group=True, group_header="依据条款",
            note="期内作出的处理决定，按被投诉人逐人统计（一人可有多项结果，如移送并处分）。")

    def transfers(self) -> Breakdown:
        c, tr = self._c, m.Transfer
        counts = dict(self._rows(tr.kind, func.count(tr.id), join=tr.__table__.join(c.__table__, c.id == tr.complaint_id),
                                 where=[self._in(tr.sent_on), *self.office], group=[tr.kind]))
        cats = [Category(k, v) for k, v in TRANSFER_KIND_LABELS.items()]
        return Breakdown.from_counts("transfers_by_target", "移送情况", "接收机关类型", cats, counts,
                                     statistic_ids=("S20",), note="期内发出的移送函，按接收机关类型分列。")

    def by_handler(self) -> Breakdown:
        c = self._c
        counts: dict[int | None, list[int]] = defaultdict(lambda: [0, 0, 0])
        for hid, n in self._rows(c.handler_id, func.count(c.id),
                                 where=[self._in(c.accepted_on), *self.office], group=[c.handler_id]):
            counts[hid][0] += n
        on_time = and_(c.handling_due.is_not(None), c.handling_decided_on <= c.handling_due)
        for hid, n, ok in self._rows(c.handler_id, func.count(c.id),
                                     func.sum(_as_int(on_time)),
                                     where=self._decided(), group=[c.handler_id]):
            counts[hid][1] += n
            counts[hid][2] += int(ok or 0)
        names = dict(self.s.execute(select(m.User.id, m.User.full_name).where(
            m.User.id.in_([h for h in counts if h is not None]))).all()) if counts else {}
        cats = [Category(str(h), names.get(h, f"用户{h}")) for h in sorted((h for h in counts if h is not None),
                                                                          key=lambda h: names.get(h, ""))]
        if None in counts:
            cats.append(Category("none", "（未指定承办人）"))
        data = {("none" if h is None else str(h)): tuple(v) for h, v in counts.items()}
        return Breakdown.from_counts(
            "by_handler", "按承办人", "承办人", cats, data,
            count_columns=(Column("count", "期内受理"), Column("decided", "期内办结"), Column("on_time", "按期办结")),
            note="承办人为受理时或开始调查时指定的承办人（调查组第一人）。")

    def monthly_trend(self) -> Breakdown:
        c = self._c
        cats = month_categories(self.f, self.t)
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])

        def fold(column: Any, index: int, *extra: Any) -> None:
            for day, n in self._rows(column, func.count(c.id), where=[self._in(column), *self.office, *extra],
                                     group=[column]):
                counts[f"{day.year:04d}-{day.month:02d}"][index] += n

        fold(c.received_date, 0)
        fold(c.decision_date, 1, c.decision == "ACCEPT")
        fold(c.decision_date, 2, c.decision == "NOT_ACCEPT")
        fold(c.handling_decided_on, 3)
        return Breakdown.from_counts(
            "monthly_trend", "月度趋势", "月份", cats, {k: tuple(v) for k, v in counts.items()},
            count_columns=(Column("count", "收到"), Column("accepted", "受理"), Column("not_accepted", "不予受理"),
                           Column("decided", "办结")),
            chart=ChartKind.LINE, note="各月收到、受理、不予受理、办结件数（各以相应日期计）。")

    def repeat_respondents(self) -> Breakdown:
        """S27: respondents (name + type) complained about ≥ 2 times in the 12 months ending at the period end."""
        c, r = self._c, m.Respondent
        since = self.t - dt.timedelta(days=REPEAT_WINDOW_DAYS - 1)
        rows = self._rows(
            r.name, r.type_code, func.count(func.distinct(c.id)),
            func.count(func.distinct(c.id)).filter(c.substantiated.is_(True)),
            join=r.__table__.join(c.__table__, c.id == r.complaint_id),
            where=[c.received_date.between(since, self.t), r.retired_at.is_(None), r.name != "不详", *self.office],
            group=[r.name, r.type_code])
        hits = sorted((x for x in rows if x[2] >= REPEAT_MIN), key=lambda x: (-x[2], x[0]))
        body = tuple(BreakdownRow(f"{name}|{tcode}", name, (n, subst), tcode) for name, tcode, n, subst in hits)
        return Breakdown(
            key="repeat_respondents", title="重复被投诉对象", category_header="被投诉人",
            columns=(Column("count", "12个月内被投诉次数"), Column("substantiated", "其中查实")), rows=body,
            statistic_ids=("S27",), chart=ChartKind.NONE, chart_column=None, show_group=True,
            group_header="类型", note=f"{since.isoformat()}至{self.t.isoformat()}被投诉{REPEAT_MIN}次及以上的被投诉人。")

    def by_office(self, local_code: str, names: dict[str, str]) -> Breakdown:
        c = self._c
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for code, n in self._rows(c.source_office_code, func.count(c.id), where=self._received(),
                                  group=[c.source_office_code]):
            counts[code or local_code][0] += n
        for code, n in self._rows(c.source_office_code, func.count(c.id),
                                  where=[self._in(c.decision_date), c.decision == "ACCEPT", *self.office],
                                  group=[c.source_office_code]):
            counts[code or local_code][1] += n
        for code, n in self._rows(c.source_office_code, func.count(c.id), where=self._decided(),
                                  group=[c.source_office_code]):
            counts[code or local_code][2] += n
        cats = [Category(code, name) for code, name in names.items()]
        return Breakdown.from_counts(
            "by_office", "按机关", "机关", cats, {k: tuple(v) for k, v in counts.items()},
            count_columns=(Column("count", "收到"), Column("accepted", "受理"), Column("decided", "办结")),
            statistic_ids=("S35",), note="本机关登记的案件与导入的下级机关交换数据分别统计。")

    # -- S13 / S34 -------------------------------------------------------------

    def durations(self) -> tuple[DurationStat, ...]:
        c = self._c
        cal = self.ctx.calendar()

        def pairs(start: Any, end: Any, *where: Any) -> list[tuple[dt.date, dt.date, int]]:
            return [(a, b, n) for a, b, n in self._rows(
                start, end, func.count(c.id), where=[*where, start.is_not(None), end.is_not(None), *self.office],
                group=[start, end])]

        def stat(code: str, label: str, data: list[tuple[dt.date, dt.date, int]],
                 measure: Callable[[dt.date, dt.date], int], unit: DayUnit) -> DurationStat:
            return _weighted_duration(code, label, unit, ((measure(a, b), n) for a, b, n in data))

        calendar_days = lambda a, b: (b - a).days  # noqa: E731
        working_days = _WorkdayCounter(cal).between
        accept = pairs(c.received_date, c.decision_date, self._in(c.decision_date))
        decide = pairs(c.accepted_on, c.handling_decided_on, self._in(c.handling_decided_on))
        reply = pairs(c.handling_decided_on, c.reply_sent_on, self._in(c.reply_sent_on))
        total = pairs(c.received_date, c.reply_sent_on, self._in(c.reply_sent_on))
        return (
            stat("D1", "收到→受理决定", accept, calendar_days, DayUnit.CALENDAR),
            stat("D2", "受理→处理决定", decide, calendar_days, DayUnit.CALENDAR),
            stat("D3", "处理决定→答复送达", reply, calendar_days, DayUnit.CALENDAR),
            stat("D4", "收到→答复送达", total, calendar_days, DayUnit.CALENDAR),
            stat("D5", "收到→答复送达（工作日）", total, working_days, DayUnit.WORKING),
        )


def _channel_label(code: str) -> str:
    try:
        return Channel(code).label
    except ValueError:
        return code


def _as_int(condition: Any) -> Any:
    from sqlalchemy import case

    return case((condition, 1), else_=0)


def _weighted_duration(code: str, label: str, unit: DayUnit, samples: Iterable[tuple[int, int]]) -> DurationStat:
    """Mean and median of a histogram {days: count} without expanding it."""
    histogram: Counter[int] = Counter()
    for days, n in samples:
        histogram[days] += n
    total = sum(histogram.values())
    if total == 0:
        return DurationStat(code, label, unit, 0, None, None)
    mean = sum(d * n for d, n in histogram.items()) / total
    ordered = sorted(histogram.items())

    def nth(k: int) -> int:  # k-th smallest sample, 0-based
        seen = 0
        for days, n in ordered:
            seen += n
            if k < seen:
                return days
        return ordered[-1][0]

    median = float(nth(total // 2)) if total % 2 else (nth(total // 2 - 1) + nth(total // 2)) / 2
    return DurationStat(code, label, unit, total, float(mean), float(median))


class _WorkdayCounter:
    """Working days in (a, b] from a cumulative index built once over the span of dates asked."""

    def __init__(self, calendar: Any):
        self.cal = calendar
        self.origin: dt.date | None = None
        self.index: list[int] = []

    def _ensure(self, low: dt.date, high: dt.date) -> None:
        if self.origin is not None and self.origin <= low and self.origin + dt.timedelta(len(self.index) - 1) >= high:
            return
        start = min(low, self.origin) if self.origin else low
        end = max(high, self.origin + dt.timedelta(len(self.index) - 1)) if self.origin else high
        running, index, day = 0, [], start
        while day <= end:
            running += bool(self.cal.is_workday(day))
            index.append(running)
            day += dt.timedelta(days=1)
        self.origin, self.index = start, index

    def between(self, a: dt.date, b: dt.date) -> int:
        lo, hi = min(a, b), max(a, b)
        self._ensure(lo, hi)
        assert self.origin is not None
        n = self.index[(hi - self.origin).days] - self.index[(lo - self.origin).days]
        return n if b >= a else -n


EXTRA_SERVICES["statistics"] = StatisticsService
