"""Deadlines (期限计算) per 《民法典》 第二百零一条–第二百零三条.

- The day of the starting event is not counted; counting starts the next day (第二百零一条).
- A period in working days counts only working days, so a complaint received on a rest day has
  its first working day after receipt as day 1. (``chinese_calendar.find_workday`` counts one day
  later in that case, so it is not used.)
- A period in calendar days whose last day is a statutory holiday or rest day ends on the next
  working day (第二百零三条). The raw last day is kept as the "conservative" date.

Every :class:`Deadline` carries an explanation trail in Chinese. Nothing here reads the system
clock: :func:`deadline_status` takes ``today``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop_app.domain.enums import DeadlineStatus
from desktop_app.domain.errors import ValidationError
from desktop_app.rules.calendar import WorkingCalendar
from desktop_app.rules.ruleset import ClockEvent, ClockSpec, PeriodUnit, RuleSet

_WEEKDAYS = "一二三四五六日"


def _fmt(day: dt.date) -> str:
    return f"{day.isoformat()}（星期{_WEEKDAYS[day.weekday()]}）"


@dataclasses.dataclass(frozen=True)
class Deadline:
    """One computed clock of a case."""

    clock: str
    label: str
    ruleset_id: str
    start_event: ClockEvent
    start_date: dt.date
    stop_event: ClockEvent
    length: int
    unit: PeriodUnit
    due_date: dt.date
    raw_due_date: dt.date  # conservative date: no roll-forward
    rolled_forward: bool
    explanation: tuple[str, ...]
    unconfirmed_years: tuple[int, ...]
    time_limits_confirmed: bool
    due_soon_working_days: int = 2
    warning_dates: tuple[tuple[int, dt.date], ...] = ()
    extended: bool = False
    original_due_date: dt.date | None = None
    stopped_on: dt.date | None = None

    @property
    def calendar_confirmed(self) -> bool:
        return not self.unconfirmed_years

    @property
    def length_text(self) -> str:
        return f"{self.length}{self.unit.label}"

    def to_dict(self) -> dict[str, object]:
        return {
            "clock": self.clock, "label": self.label, "ruleset": self.ruleset_id,
            "start_event": self.start_event.value, "start_event_label": self.start_event.label,
            "start_date": self.start_date.isoformat(), "stop_event": self.stop_event.value,
            "length": self.length, "unit": self.unit.value, "due_date": self.due_date.isoformat(),
            "raw_due_date": self.raw_due_date.isoformat(), "rolled_forward": self.rolled_forward,
            "extended": self.extended,
            "original_due_date": self.original_due_date.isoformat() if self.original_due_date else None,
            "stopped_on": self.stopped_on.isoformat() if self.stopped_on else None,
            "warning_dates": [[n, d.isoformat()] for n, d in self.warning_dates],
            "unconfirmed_years": list(self.unconfirmed_years),
            "time_limits_confirmed": self.time_limits_confirmed,
            "explanation": list(self.explanation),
        }


@dataclasses.dataclass(frozen=True)
class DeadlineState:
    status: DeadlineStatus
    working_days_remaining: int  # negative when overdue
    calendar_days_remaining: int
    warnings_reached: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        return self.status.label


def _describe_run(run: list[tuple[dt.date, str]]) -> list[str]:
    if not run:
        return []
    reasons = "、".join(dict.fromkeys(r for _, r in run))
    if len(run) == 1:
        return [f"跳过 {run[0][0].isoformat()}（{reasons}）"]
    return [f"跳过 {run[0][0].isoformat()} 至 {run[-1][0].isoformat()}（{reasons}，共{len(run)}天）"]


def _skipped_runs(calendar: WorkingCalendar, start: dt.date, end: dt.date) -> list[str]:
    """Explanation lines for the rest days in (start, end), grouped into runs."""
    lines: list[str] = []
    run: list[tuple[dt.date, str]] = []

    def flush() -> None:
        if not run:
            return
        reasons = "、".join(dict.fromkeys(r for _, r in run))
        if len(run) == 1:
            lines.append(f"跳过 {run[0][0].isoformat()}（{reasons}）")
        else:
            lines.append(f"跳过 {run[0][0].isoformat()} 至 {run[-1][0].isoformat()}（{reasons}，共{len(run)}天）")
        run.clear()

    current = start + dt.timedelta(days=1)
    while current < end:
        info = calendar.day_info(current)
        if info.is_workday:
            flush()
        else:
            run.append((current, info.reason))
        current += dt.timedelta(days=1)
    flush()
    return lines


def add_working_days(calendar: WorkingCalendar, start: dt.date, count: int) -> tuple[dt.date, list[str]]:
    """The ``count``-th working day after ``start`` (start not counted) and its trail, in date order."""
    lines: list[str] = []
    skipped: list[tuple[dt.date, str]] = []
    current, counted = start, 0
    while counted < count:
        current += dt.timedelta(days=1)
        info = calendar.day_info(current)
        if not info.is_workday:
            skipped.append((current, info.reason))
            continue
        lines.extend(_describe_run(skipped))
        skipped.clear()
        counted += 1
        note = "" if info.reason == "工作日" else f"，{info.reason}，计入"
        lines.append(f"第{counted}个工作日：{_fmt(current)}{note}")
    return current, lines


def _basis(spec: ClockSpec, ruleset: RuleSet) -> str:
    if spec.article is not None:
        return ruleset.citation(spec.article, spec.item)
    if not ruleset.articles_confirmed:
        return ruleset.citation(None)
    return "法无明文，本机关设定"


def compute_deadline(spec: ClockSpec, calendar: WorkingCalendar, start: dt.date, ruleset: RuleSet,
                     *, length: int | None = None, stopped_on: dt.date | None = None) -> Deadline:
    """One clock from its start date, per the rule set's spec (length may be given per case)."""
    length = spec.length if length is None else length
    if length is None or length <= 0:
        raise ValidationError(f"时限“{spec.label}”（{spec.code}）没有设定天数，请在决定中填写期限", field=spec.code)
    lines = [f"起算事件：{spec.start_event.label}，{_fmt(start)}；当日不计入，自次日起算（《民法典》第二百零一条）",
             f"期限：{length}{spec.unit.label}（{_basis(spec, ruleset)}）"]
    warnings: list[tuple[int, dt.date]] = []
    if spec.unit is PeriodUnit.WORKING_DAYS:
        due, counted = add_working_days(calendar, start, length)
        if not calendar.is_workday(start):
            lines.append(f"起算日 {start.isoformat()} 为{calendar.day_info(start).reason}，其后第一个工作日为第1日")
        lines.extend(counted)
        raw, rolled = due, False
        lines.append(f"期满日：{_fmt(due)}")
    else:
        raw = start + dt.timedelta(days=length)
        due, rolled = raw, False
        lines.append(f"自然日计算：{start.isoformat()} 后第{length}日为 {_fmt(raw)}（节假日照常计入）")
        if spec.roll_forward and not calendar.is_workday(raw):
            due = calendar.next_workday(raw)
            rolled = True
            lines.append(f"{raw.isoformat()} 为{calendar.day_info(raw).reason}，期满日顺延至其后第一个工作日 "
                         f"{_fmt(due)}（《民法典》第二百零三条）；保守提醒日期仍为 {raw.isoformat()}")
            lines.extend(_skipped_runs(calendar, raw - dt.timedelta(days=1), due))
        else:
            lines.append(f"期满日：{_fmt(due)}")
        warnings = [(n, start + dt.timedelta(days=n)) for n in spec.warn_at_days]
    unconfirmed = calendar.unconfirmed_years(start, due)
    for year in unconfirmed:
        lines.append(f"注意：{year}年工作日历未确认（缺少国务院办公厅放假安排），按仅周末休息计算，请导入该年日历")
    if not ruleset.time_limits_confirmed and ruleset.time_limits_note:
        lines.append(ruleset.time_limits_note)
    if stopped_on is not None:
        lines.append(f"已于 {stopped_on.isoformat()} {spec.stop_event.label}"
                     + ("（按期）" if stopped_on <= due else "（逾期）"))
    return Deadline(
        clock=spec.code, label=spec.label, ruleset_id=ruleset.id, start_event=spec.start_event,
        start_date=start, stop_event=spec.stop_event, length=length, unit=spec.unit,
        due_date=due, raw_due_date=raw, rolled_forward=rolled, explanation=tuple(lines),
        unconfirmed_years=unconfirmed, time_limits_confirmed=ruleset.time_limits_confirmed,
        due_soon_working_days=spec.due_soon_working_days, warning_dates=tuple(warnings),
        stopped_on=stopped_on)


def _extend(deadline: Deadline, extended_to: dt.date, calendar: WorkingCalendar) -> Deadline:
    if extended_to <= deadline.due_date:
        raise ValidationError(f"延长后的期限 {extended_to.isoformat()} 应晚于原期满日 {deadline.due_date.isoformat()}",
                              field="extended_to")
    lines = list(deadline.explanation)
    lines.append(f"经机关负责人批准延长办理期限至 {_fmt(extended_to)}（原期满日 {deadline.due_date.isoformat()}）")
    if not calendar.is_workday(extended_to):
        lines.append(f"注意：延长后的期满日 {extended_to.isoformat()} 为{calendar.day_info(extended_to).reason}")
    unconfirmed = calendar.unconfirmed_years(deadline.start_date, extended_to)
    return dataclasses.replace(deadline, due_date=extended_to, raw_due_date=extended_to, rolled_forward=False,
                               extended=True, original_due_date=deadline.due_date,
                               explanation=tuple(lines), unconfirmed_years=unconfirmed)


def compute_case_clocks(
    ruleset: RuleSet, calendar: WorkingCalendar, received: dt.date, *,
    accepted: dt.date | None = None, decided: dt.date | None = None,
    extended_to: dt.date | None = None, supplement_sent: dt.date | None = None,
    supplement_days: int | None = None, acceptance_notice_sent: dt.date | None = None,
    reply_sent: dt.date | None = None, investigation_started: dt.date | None = None,
    explanation_requested: dt.date | None = None, explanation_days: int | None = None,
    explanation_received: dt.date | None = None, supplement_received: dt.date | None = None,
    rectification_ordered: dt.date | None = None, rectification_days: int | None = None,
    rectification_verified: dt.date | None = None,
) -> dict[str, Deadline]:
    """Every clock that has started for a case, keyed by clock code (C1, C2, …)."""
    for name, value in (("accepted", accepted), ("decided", decided)):
        if value is not None and value < received:
            raise ValidationError(f"{'受理' if name == 'accepted' else '处理决定'}日期 {value.isoformat()} "
                                  f"早于收到投诉日期 {received.isoformat()}", field=name)
    if decided is not None and accepted is not None and decided < accepted:
        raise ValidationError(f"处理决定日期 {decided.isoformat()} 早于受理日期 {accepted.isoformat()}", field="decided")
    if extended_to is not None and accepted is None:
        raise ValidationError("未受理的投诉不能延长办理期限（缺少受理日期）", field="extended_to")
    result: dict[str, Deadline] = {}

    def add(code: str, start: dt.date | None, stopped: dt.date | None, length: int | None = None) -> None:
        if start is None or code not in ruleset.clocks:
            return
        spec = ruleset.clocks[code]
        if spec.length is None and length is None:
            return
        result[code] = compute_deadline(spec, calendar, start, ruleset, length=length, stopped_on=stopped)

    add("C1", received, acceptance_notice_sent)
    add("C5", supplement_sent, supplement_received, supplement_days)
    if "C5" in result and "C1" in result and not ruleset.features.supplement_pauses_acceptance_clock:
        c5, c1 = result["C5"], result["C1"]
        note = f"补正期间不中止受理审查期限（{c1.label}期满日 {c1.due_date.isoformat()}）"
        if c5.due_date > c1.due_date:
            note += "；补正期满晚于受理期满，须在受理期满前作出决定"
        result["C5"] = dataclasses.replace(c5, explanation=c5.explanation + (note,))
    add("C2", accepted, decided)
    if extended_to is not None and "C2" in result:
        result["C2"] = _extend(result["C2"], extended_to, calendar)
    add("C6", accepted, investigation_started)
    add("C7", explanation_requested, explanation_received, explanation_days)
    add("C3", decided, reply_sent)
    add("C4", rectification_ordered, rectification_verified, rectification_days)
    return result


def deadline_status(deadline: Deadline, today: dt.date, calendar: WorkingCalendar) -> DeadlineState:
    """Status on ``today`` (injected; never the system clock).

    Order: MET / MET_LATE once stopped; OVERDUE; DUE_TODAY; then UNCONFIRMED when the calendar of
    a year in the period is missing; then DUE_SOON (≤ ``due_soon_working_days`` working days
    left); else OK.
    """
    calendar_days = (deadline.due_date - today).days
    working = calendar.workdays_between(today, deadline.due_date)
    reached = tuple(n for n, day in deadline.warning_dates if today >= day)
    if deadline.stopped_on is not None:
        status = DeadlineStatus.MET if deadline.stopped_on <= deadline.due_date else DeadlineStatus.MET_LATE
    elif today > deadline.due_date:
        status = DeadlineStatus.OVERDUE
    elif today == deadline.due_date:
        status = DeadlineStatus.DUE_TODAY
    elif deadline.unconfirmed_years:
        status = DeadlineStatus.UNCONFIRMED
    elif working <= deadline.due_soon_working_days:
        status = DeadlineStatus.DUE_SOON
    else:
        status = DeadlineStatus.OK
    return DeadlineState(status, working, calendar_days, reached)
