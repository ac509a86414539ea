"""统计 (requirements §5.2, S1–S35): the statistics report and the case list (台账) for a period.

Every figure is computed by the database from one of the covering indexes of
``persistence.statistics_columns`` — one index per date a statistic is counted by (收到、
受理决定、受理、处理决定、答复送达), holding the columns the statistic groups on — so a year of
a million-case archive costs about twenty index range scans, never a read of the wide
complaint rows. Python only folds the grouped rows.

Working-day deadlines (C1 受理审查 incl. the 2025 补正 pause, C3 答复) are not computed here:
``refresh_derived`` stores them on the case (``acceptance_due``, ``reply_due``) when it
computes the case's clocks, so "on time" is a column comparison. Snapshot figures (open at
the period end) read two index ranges (date empty / date after the snapshot day).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import String, Text, and_, case, cast, exists, func, or_, select, tuple_, type_coerce

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
from desktop_app.rules.ruleset import RuleSet, chinese_number
from desktop_app.services.base import ServiceBase
from desktop_app.services.hub import EXTRA_SERVICES

# Roles allowed to export unmasked personal data (an explicit option must also be chosen).
UNMASK_ROLES = (Role.HEAD, Role.ADMIN)
# The report's ~25 scans run in parallel, each on its own connection (SQLite readers do not
# block each other under WAL; the sqlite3 module releases the GIL while a query runs).
STATISTICS_WORKERS = max(2, min(4, os.cpu_count() or 1))
CASE_ROW_BATCH = 2_000
REPEAT_WINDOW_DAYS = 365  # S27: respondents complained about ≥ 2 times in 12 months
REPEAT_MIN = 2
COLLECTIVE_MIN = 3  # S4: ≥ 3 complainants
MERGED = CaseState.MERGED.value
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
            # "> ''" is a range of the index (skips the local cases); "!= ''" would scan them all.
            codes = s.scalars(select(m.Complaint.source_office_code).where(
                m.Complaint.source_office_code > "").distinct()).all()
        out = [(self.ctx.office_code, local.name if local else LOCAL_OFFICE_LABEL)]
        out += [(c, names.get(c, c)) for c in sorted(codes) if c != self.ctx.office_code]
        return out

    def _office_value(self, office_code: str | None) -> str | None:
        """The ``source_office_code`` to filter on ('' = cases registered here), None for all offices."""
        if not office_code:
            return None
        return "" if office_code == self.ctx.office_code else office_code

    def _office_condition(self, office_code: str | None) -> list[Any]:
        value = self._office_value(office_code)
        return [] if value is None else [m.Complaint.source_office_code == value]

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
        with ThreadPoolExecutor(max_workers=STATISTICS_WORKERS, thread_name_prefix="statistics") as pool:
            q = _Queries(self.ctx, self.read, pool, period_from, period_to, self._office_value(office_code))
            q.start()
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
            if last is not None:  # a row-value comparison: an index range, not an OR the index cannot serve
                stmt = stmt.where(tuple_(m.Complaint.received_date, m.Complaint.id) > tuple_(*last))
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
    """The aggregate queries of one report (one read session).

    Each query reads one covering index of ``persistence.statistics_columns`` and groups by
    that index's leading columns where it can (a streaming aggregate, no sort); Python folds
    the grouped rows. Dates are fetched as the driver gives them (ISO text on SQLite) and
    parsed once per distinct value, not once per row.
    """

    def __init__(self, ctx: Any, read: Callable[[], Any], pool: Executor, period_from: dt.date,
                 period_to: dt.date, office_code: str | None):
        self.ctx, self.read, self.pool = ctx, read, pool
        self.sqlite = ctx.db.is_sqlite
        self.f, self.t = period_from, period_to
        self._c = m.Complaint
        self.office = [] if office_code is None else [m.Complaint.source_office_code == office_code]
        self.resp_office = [] if office_code is None else [m.Respondent.case_office_code == office_code]
        self.today = ctx.clock.today()
        # Snapshot figures (S9, S15, S16) are taken at the period end, or today if the period is not over.
        self.snapshot_day = min(period_to, self.today)
        self.repeat_since = period_to - dt.timedelta(days=REPEAT_WINDOW_DAYS - 1)
        self.notes: list[str] = []
        self._days: dict[Any, dt.date] = {}
        self._futures: dict[str, Future[Any]] = {}
        self._ordinals: dict[Any, int] = {}
        self._months: dict[Any, str] = {}
        self._handled: _HandledFold | None = None
        self._repeat: Breakdown | None = None
        self._scan_table: dict[str, Callable[[], Any]] | None = None

    # -- helpers -----------------------------------------------------------------

    def day(self, value: Any) -> dt.date:
        found = self._days.get(value)
        if found is None:
            found = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
            self._days[value] = found
        return found

    def month(self, value: Any) -> str:
        found = self._months.get(value)
        if found is None:
            d = self.day(value)
            found = self._months[value] = f"{d.year:04d}-{d.month:02d}"
        return found

    def ordinal(self, value: Any) -> int:
        found = self._ordinals.get(value)
        if found is None:
            found = self._ordinals[value] = self.day(value).toordinal()
        return found

    def _in(self, column: Any) -> Any:
        return column.between(self.f, self.t)

    def _json_text(self, column: Any) -> Any:
        """A JSON code list as groupable text: the stored text on SQLite (a CAST would stop the
        index-ordered streaming GROUP BY), a cast on PostgreSQL (``json`` has no equality)."""
        return type_coerce(column, Text) if self.sqlite else cast(column, Text)

    def _all(self, stmt: Any) -> list[Any]:
        # Its own short read (one per scan, so scans can run in parallel); Core execution, because
        # the ORM's result machinery costs more than the scan for 10,000s of grouped rows.
        with self.read() as s:
            return list(s.connection().execute(stmt).all())

    def _once(self, key: str, compute: Callable[[], Any]) -> Any:
        future = self._futures.get(key)
        if future is None:
            future = self._futures[key] = self.pool.submit(compute)
        return future.result()

    def _rows(self, key: str) -> list[Any]:
        return self._once(key, lambda: self._all(self._scans()[key]()))  # type: ignore[no-any-return]

    def _one(self, key: str) -> tuple[int, ...]:
        return tuple(int(x or 0) for x in self._rows(key)[0])

    def start(self) -> None:
        """Submit every scan of the report at once; each runs on its own connection in the pool."""
        for key in self._scans():
            if key not in self._futures:
                self._futures[key] = self.pool.submit(lambda k=key: self._all(self._scans()[k]()))

    # -- the grouped scans (each once per report) ------------------------------------

    def _q_received(self) -> Any:
        """(day, office, channel, n, duplicates, collective) of cases received in the period."""
        c = self._c
        reasons = self._json_text(c.decision_reasons)
        # 重复投诉: merged, or not accepted as a repeat (R9-1/R9-2); the LIKE runs only on NOT_ACCEPT rows.
        duplicate = case((c.merged_into_id.is_not(None), 1), (c.decision != "NOT_ACCEPT", 0),
                         (or_(reasons.like('%"R9-1"%'), reasons.like('%"R9-2%')), 1), else_=0)
        return (select(_raw(c.received_date), c.source_office_code, c.channel, func.count(),
                       func.sum(duplicate), func.sum(_as_int(c.complainant_count >= COLLECTIVE_MIN)))
                .where(self._in(c.received_date), *self.office)
                .group_by(c.received_date, c.source_office_code, c.channel))

    def _q_ground(self) -> Any:
        """(ground, substantiated, subtype codes, n) of cases received in the period."""
        c = self._c
        subtypes = self._json_text(c.subtype_codes)
        return (select(c.ground_code, c.substantiated, subtypes, func.count())
                .where(self._in(c.received_date), *self.office)
                .group_by(c.received_date, c.source_office_code, c.ground_code, c.substantiated, subtypes))

    def _q_decision(self) -> Any:
        """(decision day, received day, decision, office, n, notice served by C1) of acceptance decisions."""
        c = self._c
        served_in_time = and_(c.acceptance_notice_sent_on.is_not(None), c.acceptance_due.is_not(None),
                              c.acceptance_notice_sent_on <= c.acceptance_due)
        return (select(_raw(c.decision_date), _raw(c.received_date), c.decision, c.source_office_code, func.count(),
                       func.sum(_as_int(served_in_time)))
                .where(self._in(c.decision_date), *self.office)
                .group_by(c.decision_date, c.received_date, c.decision, c.source_office_code))

    def _q_handled(self) -> Any:
        """(decided day, accepted day, handler, office, n, decided by C2, substantiated) of handling decisions."""
        c = self._c
        on_time = and_(c.handling_due.is_not(None), c.handling_decided_on <= c.handling_due)
        return (select(_raw(c.handling_decided_on), _raw(c.accepted_on), c.handler_id, c.source_office_code,
                       func.count(), func.sum(_as_int(on_time)), func.sum(_as_int(c.substantiated.is_(True))))
                .where(self._in(c.handling_decided_on), *self.office)
                .group_by(c.handling_decided_on, c.accepted_on, c.handler_id, c.source_office_code))

    def _q_reply(self) -> Any:
        """(reply day, decided day, n, replied by C3) of replies served in the period (S14, D3)."""
        c = self._c
        on_time = and_(c.reply_due.is_not(None), c.reply_sent_on <= c.reply_due)
        return (select(_raw(c.reply_sent_on), _raw(c.handling_decided_on), func.count(), func.sum(_as_int(on_time)))
                .where(self._in(c.reply_sent_on), *self.office)
                .group_by(c.reply_sent_on, c.handling_decided_on))

    def _q_reply_received(self) -> Any:
        """(reply day, received day, n) of replies served in the period (D4, D5)."""
        c = self._c
        return (select(_raw(c.reply_sent_on), _raw(c.received_date), func.count())
                .where(self._in(c.reply_sent_on), *self.office)
                .group_by(c.reply_sent_on, c.received_date))

    def handled(self) -> "_HandledFold":
        """The handling-decision rows folded once for every figure that reads them."""
        if self._handled is None:
            fold = _HandledFold()
            for day, accepted, handler, office, n, ok, subst in self._rows("handled"):
                fold.decided += n
                fold.on_time += ok
                fold.substantiated += subst
                fold.by_handler[handler][0] += n
                fold.by_handler[handler][1] += ok
                fold.by_office[office] += n
                fold.by_month[self.month(day)] += n
                if accepted is not None:
                    fold.duration[self.ordinal(day) - self.ordinal(accepted)] += n
            self._handled = fold
        return self._handled

    def _q_snapshot(self, date_column: Any, after: bool, *where: Any, overdue: Any) -> Any:
        """(count, overdue) of cases with ``date_column`` empty (``after`` False) or after the snapshot day.

        Two index ranges (NULL; > day) summed, instead of one OR that no index serves.
        """
        c, day = self._c, self.snapshot_day
        open_at_day = date_column > day if after else date_column.is_(None)
        # Not closed by that day: a case withdrawn (and perhaps archived) before it is not open,
        # one withdrawn after it was; a merged case lives on in the case it was merged into.
        not_closed = or_(c.closed_on.is_(None), c.closed_on > day)
        return select(func.count(), func.sum(_as_int(overdue))).where(
            open_at_day, *where, not_closed, c.state != MERGED, *self.office)

    def _snapshot(self, key: str) -> tuple[int, int]:
        first, second = self._one(key + "_empty"), self._one(key + "_after")
        return first[0] + second[0], first[1] + second[1]

    def _q_extended(self, notice_served: bool) -> Any:
        """Cases decided in the period with an approved extension (延长), optionally whose notice was served.

        Driven by the (few) extensions, not by the period's cases.
        """
        c, e = self._c, m.Extension
        cond = [e.status == ExtensionStatus.APPROVED.value]
        if notice_served:
            cond += [e.notice_document_id.is_not(None),
                     exists().where(m.ServiceRecord.document_id == e.notice_document_id)]
        return select(func.count(c.id)).where(
            c.id.in_(select(e.complaint_id).where(*cond)), self._in(c.handling_decided_on), *self.office)

    def _q_stop_orders(self) -> Any:
        act = m.InvestigationAct
        stmt = select(func.count(act.id)).where(
            act.kind == InvestigationActKind.STOP_ORDER.value, self._in(act.occurred_on), act.retired_at.is_(None))
        if self.office:
            stmt = stmt.join(self._c, self._c.id == act.complaint_id).where(*self.office)
        return stmt

    def _q_reasons(self) -> Any:
        c = self._c
        reasons = self._json_text(c.decision_reasons)
        return select(reasons, func.count()).where(
            self._in(c.decision_date), c.decision == "NOT_ACCEPT", *self.office).group_by(reasons)

    def _q_respondent_types(self) -> Any:
        r = m.Respondent
        substantiated = and_(r.substantiated.is_(True), r.case_decided_on.is_not(None))
        return (select(r.type_code, func.count(), func.sum(_as_int(substantiated)))
                .where(self._in(r.case_received_date), r.retired_at.is_(None), *self.resp_office)
                .group_by(r.case_received_date, r.type_code))

    def _q_outcomes(self) -> Any:
        r = m.Respondent
        return (select(r.outcome_key, func.count())
                .where(self._in(r.case_decided_on), r.retired_at.is_(None), r.outcome_key != "", *self.resp_office)
                .group_by(r.outcome_key))

    def _q_transfers(self) -> Any:
        tr = m.Transfer
        stmt = select(tr.kind, func.count(tr.id)).where(self._in(tr.sent_on)).group_by(tr.kind)
        if self.office:
            stmt = stmt.join(self._c, self._c.id == tr.complaint_id).where(*self.office)
        return stmt

    def _q_accepted(self) -> Any:
        c = self._c
        return (select(c.handler_id, func.count()).where(self._in(c.accepted_on), *self.office)
                .group_by(c.accepted_on, c.handler_id))

    def _q_repeat(self) -> Any:
        """S27: respondents (name + type) complained about ≥ 2 times in the 12 months ending at the period end."""
        r = m.Respondent
        return (select(r.name, r.type_code, func.count(), func.sum(_as_int(r.substantiated.is_(True))))
                .where(r.case_received_date.between(self.repeat_since, self.t), r.retired_at.is_(None),
                       r.name != "不详", *self.resp_office)
                .group_by(r.name, r.type_code).having(func.count() >= REPEAT_MIN))

    def _scans(self) -> dict[str, Callable[[], Any]]:
        """Every query of the report, by key (each runs once, see :meth:`start`)."""
        if self._scan_table is None:
            self._scan_table = self._build_scans()
        return self._scan_table

    def _build_scans(self) -> dict[str, Callable[[], Any]]:
        c, day = self._c, self.snapshot_day
        scans: dict[str, Callable[[], Any]] = {
            # the slowest first: the pool starts them first
            "repeat": self._q_repeat, "ground": self._q_ground, "received": self._q_received,
            "reply_received": self._q_reply_received, "reply": self._q_reply, "decision": self._q_decision, "handled": self._q_handled,
            "respondent_types": self._q_respondent_types, "outcomes": self._q_outcomes, "reasons": self._q_reasons,
            "accepted": self._q_accepted, "transfers": self._q_transfers, "stop_orders": self._q_stop_orders,
            "extended": lambda: self._q_extended(False), "extension_notified": lambda: self._q_extended(True),
        }
        snapshots = {
            # S9: received by the snapshot day, no acceptance decision at that day; overdue: C1 passed.
            "awaiting_decision": (c.decision_date, c.received_date <= day, c.acceptance_due < day),
            # S15: accepted by the snapshot day, not decided at that day; overdue: C2 passed.
            "open_accepted": (c.handling_decided_on, c.accepted_on <= day, c.handling_due < day),
            # S16: decided by the snapshot day, reply not served at that day; overdue: C3 passed.
            "awaiting_reply": (c.reply_sent_on, c.handling_decided_on <= day, c.reply_due < day),
        }
        for key, (column, where, overdue) in snapshots.items():
            for suffix, after in (("_empty", False), ("_after", True)):
                scans[key + suffix] = (lambda col=column, a=after, w=where, o=overdue:
                                       self._q_snapshot(col, a, w, overdue=o))
        return scans

    # -- S1–S4 -----------------------------------------------------------------

    def intake(self) -> IntakeFigures:
        rows = self._rows("received")
        return IntakeFigures(received=sum(r[3] for r in rows), consultations=0,
                             duplicates=sum(int(r[4] or 0) for r in rows),
                             collective=sum(int(r[5] or 0) for r in rows))

    # -- S5–S9 -----------------------------------------------------------------

    def acceptance(self) -> AcceptanceFigures:
        counts: Counter[str] = Counter()
        on_time = total = 0
        for _day, _received, decision, _office, n, served in self._rows("decision"):
            counts[decision] += n
            if decision in ("ACCEPT", "NOT_ACCEPT"):  # S8: notice SERVED within C1
                total += n
                on_time += int(served or 0)
        _waiting, overdue = self._snapshot("awaiting_decision")
        return AcceptanceFigures(accepted=counts["ACCEPT"], not_accepted=counts["NOT_ACCEPT"],
                                 review_on_time=Ratio(on_time, total), overdue_awaiting_decision=overdue)

    # -- S10–S16 ---------------------------------------------------------------

    def handling(self) -> HandlingFigures:
        decided, on_time = self.handled().decided, self.handled().on_time
        extended, = self._one("extended")
        notified, = self._one("extension_notified")
        # S14 (C3): reply served ≤ decision + 5 working days, for replies served in the period.
        reply_total = reply_on_time = 0
        for _sent, decided_on, n, ok in self._rows("reply"):
            if decided_on is not None:
                reply_total += n
                reply_on_time += int(ok or 0)
        open_accepted, overdue_open = self._snapshot("open_accepted")
        _replies_open, replies_overdue = self._snapshot("awaiting_reply")
        stop_orders, = self._one("stop_orders")
        return HandlingFigures(
            decided=decided, handling_on_time=Ratio(on_time, decided), reply_on_time=Ratio(reply_on_time, reply_total),
            extended=extended, extension_rate=Ratio(extended, decided), extension_notified=Ratio(notified, extended),
            open_accepted=open_accepted, overdue_open=overdue_open, replies_overdue_open=replies_overdue,
            stop_orders=stop_orders)

    # -- S19, S20, S24, S27 ----------------------------------------------------

    def outcome_figures(self, rule_sets: list[RuleSet], received: int) -> OutcomeFigures:
        decided, substantiated = self.handled().decided, self.handled().substantiated
        transferred = sum(n for _kind, n in self._rows("transfers"))
        other_codes = {g.code for r in rule_sets for g in r.grounds.values() if g.label.startswith("其他")}
        other = sum(n for ground, _s, _sub, n in self._rows("ground") if ground in other_codes)
        repeat = self.repeat_respondents()
        return OutcomeFigures(substantiated_rate=Ratio(substantiated, decided), transferred=transferred,
                              other_ground_share=Ratio(other, received),
                              repeat_respondents=len(repeat.rows))

    # -- breakdowns ------------------------------------------------------------

    def by_channel(self, rule_sets: list[RuleSet]) -> Breakdown:
        counts: Counter[str] = Counter()
        for _day, _office, channel, n, _dup, _coll in self._rows("received"):
            counts[channel] += n
        codes = list(dict.fromkeys(code for r in rule_sets for code in r.channels))
        cats = [Category(code, _channel_label(code)) for code in codes]
        return Breakdown.from_counts(
            "by_channel", "按投诉渠道", "投诉渠道", cats, dict(counts), share_of_total="count",
            statistic_ids=("S1",), note="期内收到的投诉（以收到日期计），按投诉渠道分列。", chart=ChartKind.PIE)

    def by_reason(self, rule_sets: list[RuleSet]) -> Breakdown:
        counts: Counter[str] = Counter()
        for raw, n in self._rows("reasons"):
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
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for code, subst, _subtypes, n in self._rows("ground"):
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
        counts: Counter[str] = Counter()
        for _ground, _subst, raw, n in self._rows("ground"):
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
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for code, n, subst in self._rows("respondent_types"):
            counts[code][0] += n
            counts[code][1] += int(subst or 0)
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
        counts: Counter[str] = Counter()
        for key, n in self._rows("outcomes"):
            for code in key.split(","):
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
        cats = [Category(k, v) for k, v in TRANSFER_KIND_LABELS.items()]
        return Breakdown.from_counts("transfers_by_target", "移送情况", "接收机关类型", cats, dict(self._rows("transfers")),
                                     statistic_ids=("S20",), note="期内发出的移送函，按接收机关类型分列。")

    def by_handler(self) -> Breakdown:
        counts: dict[int | None, list[int]] = defaultdict(lambda: [0, 0, 0])
        for hid, n in self._rows("accepted"):
            counts[hid][0] += n
        for hid, (n, ok) in self.handled().by_handler.items():
            counts[hid][1] += n
            counts[hid][2] += ok
        names = dict(self._all(select(m.User.id, m.User.full_name).where(
            m.User.id.in_([h for h in counts if h is not None])))) if counts else {}
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
        cats = month_categories(self.f, self.t)
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for day, _office, _channel, n, _dup, _coll in self._rows("received"):
            counts[self.month(day)][0] += n
        for day, _received, decision, _office, n, _served in self._rows("decision"):
            if decision == "ACCEPT":
                counts[self.month(day)][1] += n
            elif decision == "NOT_ACCEPT":
                counts[self.month(day)][2] += n
        for month, n in self.handled().by_month.items():
            counts[month][3] += n
        return Breakdown.from_counts(
            "monthly_trend", "月度趋势", "月份", cats, {k: tuple(v) for k, v in counts.items()},
            count_columns=(Column("count", "收到"), Column("accepted", "受理"), Column("not_accepted", "不予受理"),
                           Column("decided", "办结")),
            chart=ChartKind.LINE, note="各月收到、受理、不予受理、办结件数（各以相应日期计）。")

    def repeat_respondents(self) -> Breakdown:
        """S27: respondents (name + type) complained about ≥ 2 times in the 12 months ending at the period end."""
        if self._repeat is None:
            self._repeat = self._repeat_respondents()
        return self._repeat

    def _repeat_respondents(self) -> Breakdown:
        since = self.repeat_since
        rows = self._rows("repeat")
        hits = sorted(rows, key=lambda x: (-x[2], x[0]))
        body = tuple(BreakdownRow(f"{name}|{tcode}", name, (n, int(subst or 0)), tcode) for name, tcode, n, subst in hits)
        return Breakdown(
            key="repeat_respondents", title="重复被投诉对象", category_header="被投诉人",
            columns=(Column("count", "12个月内被投诉次数"), Column("substantiated", "其中查实")), rows=body,
            statistic_ids=("S27",), chart=ChartKind.NONE, chart_column=None, show_group=True,
            group_header="类型", note=f"{since.isoformat()}至{self.t.isoformat()}被投诉{REPEAT_MIN}次及以上的被投诉人"
                                    "（其中查实：对该被投诉人的处理结果属实）。")

    def by_office(self, local_code: str, names: dict[str, str]) -> Breakdown:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for _day, code, _channel, n, _dup, _coll in self._rows("received"):
            counts[code or local_code][0] += n
        for _day, _received, decision, code, n, _served in self._rows("decision"):
            if decision == "ACCEPT":
                counts[code or local_code][1] += n
        for code, n in self.handled().by_office.items():
            counts[code or local_code][2] += n
        cats = [Category(code, name) for code, name in names.items()]
        return Breakdown.from_counts(
            "by_office", "按机关", "机关", cats, {k: tuple(v) for k, v in counts.items()},
            count_columns=(Column("count", "收到"), Column("accepted", "受理"), Column("decided", "办结")),
            statistic_ids=("S35",), note="本机关登记的案件与导入的下级机关交换数据分别统计。")

    # -- S13 / S34 -------------------------------------------------------------

    def durations(self) -> tuple[DurationStat, ...]:
        o = self.ordinal
        accept: Counter[int] = Counter()
        for decided, received, _decision, _office, n, _served in self._rows("decision"):
            accept[o(decided) - o(received)] += n
        reply: Counter[int] = Counter()
        for sent, decided, n, _ok in self._rows("reply"):
            if decided is not None:
                reply[o(sent) - o(decided)] += n
        pairs = [(self.day(received), self.day(sent), n) for sent, received, n in self._rows("reply_received")]
        working_days = _WorkdayCounter(self.ctx.calendar(), {d for a, b, _n in pairs for d in (a, b)}).between
        total: Counter[int] = Counter()
        total_working: Counter[int] = Counter()
        for received_day, sent_day, n in pairs:
            total[(sent_day - received_day).days] += n
            total_working[working_days(received_day, sent_day)] += n
        decide = self.handled().duration
        return (
            _weighted_duration("D1", "收到→受理决定", DayUnit.CALENDAR, accept.items()),
            _weighted_duration("D2", "受理→处理决定", DayUnit.CALENDAR, decide.items()),
            _weighted_duration("D3", "处理决定→答复送达", DayUnit.CALENDAR, reply.items()),
            _weighted_duration("D4", "收到→答复送达", DayUnit.CALENDAR, total.items()),
            _weighted_duration("D5", "收到→答复送达（工作日）", DayUnit.WORKING, total_working.items()),
        )


@dataclass
class _HandledFold:
    """Handling decisions of the period (by 处理决定 date), folded once."""

    decided: int = 0
    on_time: int = 0
    substantiated: int = 0
    by_handler: defaultdict[int | None, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    by_office: Counter[str] = field(default_factory=Counter)
    by_month: Counter[str] = field(default_factory=Counter)
    duration: Counter[int] = field(default_factory=Counter)  # D2: days accepted → decided


def _raw(column: Any) -> Any:
    """A date column as the driver returns it (no per-row conversion; see ``_Queries.day``)."""
    return type_coerce(column, String)


def _channel_label(code: str) -> str:
    try:
        return Channel(code).label
    except ValueError:
        return code


def _as_int(condition: Any) -> Any:
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
    """Working days in (a, b] from a cumulative count built once over the dates asked."""

    def __init__(self, calendar: Any, days: Iterable[dt.date]):
        days = list(days)
        self.cumulative: dict[dt.date, int] = {}
        if not days:
            return
        day, last, running = min(days), max(days), 0
        while day <= last:
            running += bool(calendar.is_workday(day))
            self.cumulative[day] = running
            day += dt.timedelta(days=1)

    def between(self, a: dt.date, b: dt.date) -> int:
        return self.cumulative[b] - self.cumulative[a]


EXTRA_SERVICES["statistics"] = StatisticsService
