"""Statistics value objects (统计报表): plain data the statistics service fills and
the UI / Excel export present. No database, no Qt.

Definitions follow requirements §5.2 (S1–S35). Two rules shape every class here:

* Every breakdown lists **every category, including zero counts** (the 昌图 report
  lists all seven problem types even when they are all zero). Build categorical
  tables with :meth:`Breakdown.from_counts`, which fills the missing categories with 0.
* Every ratio carries its numerator and denominator (:class:`Ratio`); its value is
  ``None`` when the denominator is 0, never a made-up 0 % or 100 %.
"""

from __future__ import annotations

import statistics as _stats
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


# ---------------------------------------------------------------------------
# Scalar figures
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Ratio:
    """A rate (率) kept as numerator ÷ denominator, e.g. 受理率 = 受理数 ÷ (受理数 + 不予受理数)."""

    numerator: int
    denominator: int

    def __post_init__(self) -> None:
        if self.numerator < 0 or self.denominator < 0:
            raise ValueError(f"比率的分子、分母不能为负数：{self.numerator}/{self.denominator}")
        if self.numerator > self.denominator:
            raise ValueError(
                f"比率的分子（{self.numerator}）不能大于分母（{self.denominator}），请检查统计口径"
            )

    @property
    def value(self) -> float | None:
        """The rate as a fraction (0.25 = 25 %); ``None`` when nothing was counted."""
        if self.denominator == 0:
            return None
        return self.numerator / self.denominator

    def percent_text(self, digits: int = 1) -> str:
        """'25.0%'; '—' when the denominator is 0."""
        value = self.value
        return "—" if value is None else f"{value * 100:.{digits}f}%"


class DayUnit(StrEnum):
    CALENDAR = "CALENDAR"
    WORKING = "WORKING"

    @property
    def label(self) -> str:
        return "自然日" if self is DayUnit.CALENDAR else "工作日"


@dataclass(frozen=True, slots=True)
class DurationStat:
    """平均/中位天数 of one interval (S13, S34), e.g. 受理→处理决定."""

    code: str
    label: str
    unit: DayUnit
    count: int
    mean_days: float | None
    median_days: float | None

    @classmethod
    def from_days(
        cls, code: str, label: str, unit: DayUnit, days: Iterable[float]
    ) -> "DurationStat":
        samples = list(days)
        if not samples:
            return cls(code, label, unit, 0, None, None)
        return cls(
            code, label, unit, len(samples),
            float(_stats.fmean(samples)), float(_stats.median(samples)),
        )


# ---------------------------------------------------------------------------
# Tables (breakdowns)
# ---------------------------------------------------------------------------


class ColumnKind(StrEnum):
    COUNT = "COUNT"  # integer, summed in the total row
    RATIO = "RATIO"  # Ratio: exported as numerator, denominator and rate
    DAYS = "DAYS"  # float days (may be None)
    TEXT = "TEXT"


class ChartKind(StrEnum):
    BAR = "BAR"
    PIE = "PIE"
    LINE = "LINE"
    NONE = "NONE"


CellValue = int | float | str | Ratio | None


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    header: str  # Chinese column header
    kind: ColumnKind = ColumnKind.COUNT


@dataclass(frozen=True, slots=True)
class Category:
    """One category of a code list (channel, R-code, M/P ground, outcome, month …).

    ``group`` is the parent shown beside it, e.g. '第九条第（二）项' for R9-2a or 'M1' for P1.
    """

    code: str
    label: str
    group: str = ""


@dataclass(frozen=True, slots=True)
class BreakdownRow:
    code: str
    label: str
    values: tuple[CellValue, ...]  # aligned with Breakdown.columns
    group: str = ""

    def value(self, breakdown: "Breakdown", key: str) -> CellValue:
        return self.values[breakdown.column_index(key)]


COUNT_COLUMN = Column("count", "件数")


@dataclass(frozen=True)
class Breakdown:
    """A named table of rows, one per category, zero rows included.

    ``chart_column`` names the COUNT column drawn in the native chart (None: no chart).
    ``statistic_ids`` cite requirements §5.2 (e.g. ("S7",)); ``note`` states the definition (口径).
    """

    key: str
    title: str
    category_header: str
    columns: tuple[Column, ...]
    rows: tuple[BreakdownRow, ...]
    statistic_ids: tuple[str, ...] = ()
    note: str = ""
    chart: ChartKind = ChartKind.BAR
    chart_column: str | None = "count"
    show_group: bool = False
    group_header: str = "分组"
    show_total: bool = True

    def __post_init__(self) -> None:
        width = len(self.columns)
        keys = [c.key for c in self.columns]
        if len(set(keys)) != width:
            raise ValueError(f"统计表“{self.title}”的列键重复：{keys}")
        seen: set[str] = set()
        for row in self.rows:
            if len(row.values) != width:
                raise ValueError(
                    f"统计表“{self.title}”的行“{row.label}”有 {len(row.values)} 个值，应为 {width} 个"
                )
            if row.code in seen:
                raise ValueError(f"统计表“{self.title}”的分类代码重复：{row.code}")
            seen.add(row.code)
        if self.chart is not ChartKind.NONE and self.chart_column is not None:
            kind = self.columns[self.column_index(self.chart_column)].kind
            if kind is not ColumnKind.COUNT:
                raise ValueError(f"统计表“{self.title}”的图表列“{self.chart_column}”必须是计数列")

    def column_index(self, key: str) -> int:
        for index, column in enumerate(self.columns):
            if column.key == key:
                return index
        raise KeyError(f"统计表“{self.title}”没有列“{key}”")

    @property
    def has_chart(self) -> bool:
        return self.chart is not ChartKind.NONE and self.chart_column is not None and bool(self.rows)

    def row(self, code: str) -> BreakdownRow:
        for row in self.rows:
            if row.code == code:
                return row
        raise KeyError(f"统计表“{self.title}”没有分类“{code}”")

    def column_total(self, key: str) -> int:
        index = self.column_index(key)
        return sum(int(row.values[index] or 0) for row in self.rows)  # type: ignore[arg-type]

    @classmethod
    def from_counts(
        cls,
        key: str,
        title: str,
        category_header: str,
        categories: Sequence[Category],
        counts: Mapping[str, int | Sequence[int]],
        *,
        count_columns: Sequence[Column] = (COUNT_COLUMN,),
        share_of_total: str | None = None,
        share_header: str = "占比",
        **options: object,
    ) -> "Breakdown":
        """A count table over a full code list: categories missing from ``counts`` get 0.

        ``counts`` maps a code to one int (single count column) or one int per count column.
        Codes not in ``categories`` (e.g. from an older rule set) are kept, appended at the end
        with the code as label, so no case silently disappears from the report.
        ``share_of_total`` adds a Ratio column: that count column ÷ its total (昌图 “占投诉总数的比例”).
        """
        width = len(count_columns)

        def as_tuple(raw: int | Sequence[int]) -> tuple[int, ...]:
            values = (raw,) if isinstance(raw, int) else tuple(raw)
            if len(values) != width:
                raise ValueError(f"统计表“{title}”每个分类应有 {width} 个计数，得到 {values!r}")
            return values

        ordered: list[tuple[Category, tuple[int, ...]]] = [
            (category, as_tuple(counts.get(category.code, (0,) * width))) for category in categories
        ]
        known = {category.code for category in categories}
        ordered += [
            (Category(code, code), as_tuple(raw)) for code, raw in counts.items() if code not in known
        ]
        columns = tuple(count_columns)
        if share_of_total is not None:
            share_index = [c.key for c in columns].index(share_of_total)
            total = sum(values[share_index] for _, values in ordered)
            columns += (Column(f"{share_of_total}_share", share_header, ColumnKind.RATIO),)
            rows = tuple(
                BreakdownRow(c.code, c.label, values + (Ratio(values[share_index], total),), c.group)
                for c, values in ordered
            )
        else:
            rows = tuple(BreakdownRow(c.code, c.label, values, c.group) for c, values in ordered)
        return cls(key=key, title=title, category_header=category_header, columns=columns,
                   rows=rows, **options)  # type: ignore[arg-type]


def month_categories(period_from: date, period_to: date) -> list[Category]:
    """Every month touched by the period, code 'YYYY-MM', label 'YYYY年M月' (for the trend)."""
    if period_to < period_from:
        raise ValueError(f"统计期间的结束日期 {period_to} 早于开始日期 {period_from}")
    months: list[Category] = []
    year, month = period_from.year, period_from.month
    while (year, month) <= (period_to.year, period_to.month):
        months.append(Category(f"{year:04d}-{month:02d}", f"{year}年{month}月"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


# ---------------------------------------------------------------------------
# Typed headline figures
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IntakeFigures:
    """收案情况 (S1–S4)."""

    received: int  # S1
    consultations: int = 0  # S2, kept apart from S1
    duplicates: int = 0  # S3 重复/多头投诉
    collective: int = 0  # S4 集体投诉


@dataclass(frozen=True, slots=True)
class AcceptanceFigures:
    """受理情况 (S5–S9). ``review_on_time`` is clock C1: notice sent ≤ receipt + 5 working days."""

    accepted: int
    not_accepted: int
    review_on_time: Ratio  # S8
    overdue_awaiting_decision: int = 0  # S9 snapshot at period end

    @property
    def acceptance_rate(self) -> Ratio:  # S6
        return Ratio(self.accepted, self.accepted + self.not_accepted)


@dataclass(frozen=True, slots=True)
class HandlingFigures:
    """办理情况 (S10–S16). C2 = handling ≤ 45 days (+ extension); C3 = reply ≤ decision + 5 working days."""

    decided: int  # S10
    handling_on_time: Ratio  # S11 (C2)
    reply_on_time: Ratio  # S14 (C3)
    extended: int = 0  # S12 cases with ≥1 approved extension
    extension_rate: Ratio = Ratio(0, 0)  # S12 extended ÷ accepted cases concluded
    extension_notified: Ratio = Ratio(0, 0)  # S12 with written notice sent (must be 100 %)
    open_accepted: int = 0  # S15 在办数 at period end
    overdue_open: int = 0  # S15 超期在办数 (past the possibly extended C2 deadline)
    replies_overdue_open: int = 0  # decided, reply not sent, C3 passed
    stop_orders: int = 0  # S16 责令停止 (Art. 13)


@dataclass(frozen=True, slots=True)
class OutcomeFigures:
    """处理结果 (S19, S20, S24, S27)."""

    substantiated_rate: Ratio  # S19 cases with ≥1 O1/O2 outcome ÷ decided cases
    transferred: int = 0  # S20 total transfers
    other_ground_share: Ratio = Ratio(0, 0)  # S24 “其他” share of the total (昌图)
    repeat_respondents: int = 0  # S27 respondents with ≥2 complaints in 12 months


KeyValue = int | float | Ratio | None


@dataclass(frozen=True, slots=True)
class KeyFigure:
    """One line of the summary (统计项目): what the county report form lists."""

    section: str  # '一、收案情况'
    statistic_id: str  # 'S6'
    label: str
    value: KeyValue
    unit: str = "件"  # '件', '%', '天', '个'
    note: str = ""


# ---------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class StatisticsReport:
    """Statistics of one office (or several) for one period: 法律援助投诉情况统计.

    The categorical breakdowns are built by the service with :meth:`Breakdown.from_counts`
    over the category lists of the rule sets in ``rule_set_ids``; the clock table and the
    duration table are derived from the typed figures so the two can never disagree.
    """

    period_from: date
    period_to: date
    period_label: str  # '2025年度', '2025年第一季度', '2025年3月', custom
    office_code: str
    office_name: str
    generated_at: datetime
    rule_set_ids: tuple[str, ...]
    intake: IntakeFigures
    acceptance: AcceptanceFigures
    handling: HandlingFigures
    outcome: OutcomeFigures
    durations: tuple[DurationStat, ...]  # S13/S34: receipt→acceptance, acceptance→decision, …
    by_channel: Breakdown  # S1 by C-code
    not_accepted_by_reason: Breakdown  # S7 by R-code (article + item in group)
    by_ground_article5: Breakdown  # S24 M1–M4, received and substantiated
    by_ground_problem_type: Breakdown  # S24 昌图 P-types with the share of the total
    by_respondent_type: Breakdown  # S25 received vs substantiated
    outcomes: Breakdown  # S18 per outcome code, counted per respondent
    transfers_by_target: Breakdown  # S20 by receiving organ type
    by_handler: Breakdown  # by 承办人
    monthly_trend: Breakdown  # received (and more) per month, all months listed
    repeat_respondents: Breakdown | None = None  # S27 list (no fixed category list)
    generated_by: str = ""
    personal_data_masked: bool = True  # whether the case list shows masked personal data
    notes: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.period_to < self.period_from:
            raise ValueError(
                f"统计期间的结束日期 {self.period_to} 早于开始日期 {self.period_from}，请重新选择期间"
            )

    # -- derived tables -----------------------------------------------------

    @property
    def on_time_by_clock(self) -> Breakdown:
        """按期率 per statutory clock (S8, S11, S14) with the overdue open count."""
        columns = (
            Column("on_time", "按期完成", ColumnKind.RATIO),
            Column("overdue_open", "超期未完成（在办）"),
        )
        rows = (
            BreakdownRow("C1", "受理审查（收到后5个工作日内作出决定并告知）",
                         (self.acceptance.review_on_time, self.acceptance.overdue_awaiting_decision),
                         "第十条"),
            BreakdownRow("C2", "调查处理（受理后45日内办结，经批准可延长）",
                         (self.handling.handling_on_time, self.handling.overdue_open), "第十五条"),
            BreakdownRow("C3", "书面答复（处理决定后5个工作日内答复）",
                         (self.handling.reply_on_time, self.handling.replies_overdue_open),
                         "第十六条"),
        )
        return Breakdown(
            key="on_time_by_clock", title="各环节按期完成情况", category_header="时限环节",
            columns=columns, rows=rows, statistic_ids=("S8", "S11", "S14", "S9", "S15"),
            note="按期率 = 按期完成数 ÷ 应完成数；分母为 0 时显示“—”。",
            chart=ChartKind.BAR, chart_column="overdue_open", show_group=True,
            group_header="依据", show_total=False,
        )

    @property
    def duration_table(self) -> Breakdown:
        columns = (
            Column("count", "样本数"),
            Column("mean", "平均天数", ColumnKind.DAYS),
            Column("median", "中位天数", ColumnKind.DAYS),
            Column("unit", "计算单位", ColumnKind.TEXT),
        )
        rows = tuple(
            BreakdownRow(d.code, d.label, (d.count, d.mean_days, d.median_days, d.unit.label))
            for d in self.durations
        )
        return Breakdown(
            key="durations", title="办理用时", category_header="区间", columns=columns, rows=rows,
            statistic_ids=("S13", "S34"), note="平均数与中位数；无样本时显示为空。",
            chart=ChartKind.NONE, chart_column=None, show_total=False,
        )

    def breakdowns(self) -> tuple[Breakdown, ...]:
        """Every table in presentation order (one sheet each in the Excel export)."""
        tables: list[Breakdown] = [
            self.by_channel, self.not_accepted_by_reason, self.by_ground_article5,
            self.by_ground_problem_type, self.by_respondent_type, self.outcomes,
            self.transfers_by_target, self.on_time_by_clock, self.duration_table,
            self.by_handler,
        ]
        if self.repeat_respondents is not None:
            tables.append(self.repeat_respondents)
        tables.append(self.monthly_trend)
        return tuple(tables)

    def key_figures(self) -> tuple[KeyFigure, ...]:
        """The summary lines in the order of a county report form."""
        i, a, h, o = self.intake, self.acceptance, self.handling, self.outcome
        s1, s2, s3, s4 = "一、收案情况", "二、受理情况", "三、办理情况", "四、处理结果"
        figures = [
            KeyFigure(s1, "S1", "收到投诉数", i.received),
            KeyFigure(s1, "S2", "咨询数（不计入投诉）", i.consultations),
            KeyFigure(s1, "S3", "重复/多头投诉数", i.duplicates),
            KeyFigure(s1, "S4", "集体投诉数", i.collective),
            KeyFigure(s2, "S5", "受理数", a.accepted),
            KeyFigure(s2, "S5", "不予受理数", a.not_accepted),
            KeyFigure(s2, "S6", "受理率", a.acceptance_rate, "%", "受理数 ÷ (受理数 + 不予受理数)"),
            KeyFigure(s2, "S8", "受理审查及时率", a.review_on_time, "%",
                      "5个工作日内作出决定并发出告知 ÷ 作出决定数"),
            KeyFigure(s2, "S9", "待审查超期数", a.overdue_awaiting_decision, "件", "期末时点数"),
            KeyFigure(s3, "S10", "办结数", h.decided),
            KeyFigure(s3, "S11", "按期办结率", h.handling_on_time, "%", "45日（含批准延长）内办结 ÷ 办结数"),
            KeyFigure(s3, "S12", "延期数", h.extended),
            KeyFigure(s3, "S12", "延期率", h.extension_rate, "%", "延期案件 ÷ 期内办结的受理案件"),
            KeyFigure(s3, "S12", "延期书面告知率", h.extension_notified, "%", "应为100%"),
            KeyFigure(s3, "S14", "答复及时率", h.reply_on_time, "%", "处理决定后5个工作日内答复 ÷ 答复数"),
            KeyFigure(s3, "S15", "在办数", h.open_accepted, "件", "期末时点数"),
            KeyFigure(s3, "S15", "超期在办数", h.overdue_open, "件", "期末时点数"),
            KeyFigure(s3, "S16", "责令停止数", h.stop_orders),
        ]
        for d in self.durations:
            figures.append(KeyFigure(s3, "S13", f"{d.label}平均天数", d.mean_days, "天",
                                     f"{d.unit.label}，样本 {d.count} 件"))
            figures.append(KeyFigure(s3, "S13", f"{d.label}中位天数", d.median_days, "天",
                                     f"{d.unit.label}，样本 {d.count} 件"))
        figures += [
            KeyFigure(s4, "S19", "查实率", o.substantiated_rate, "%", "有属实处理结果的案件 ÷ 办结数"),
            KeyFigure(s4, "S20", "移送数", o.transferred),
            KeyFigure(s4, "S24", "“其他”类投诉占投诉总数的比例", o.other_ground_share, "%"),
            KeyFigure(s4, "S27", "重复被投诉对象数", o.repeat_respondents, "个", "12个月内被投诉2次及以上"),
        ]
        return tuple(figures)


# ---------------------------------------------------------------------------
# Case list (台账)
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CaseListRow:
    """One line of the case list (投诉案件台账). Strings arrive ready to print:
    ``complainant`` is already masked (or not) by the service according to the user's
    permission; exporters write it as given and never unmask anything.
    """

    case_no: str
    received_on: date
    channel: str  # label, e.g. '书信'
    complainant: str
    respondent: str
    respondent_type: str
    ground: str  # e.g. 'M2 懈怠履行…' or several joined with '；'
    state: str  # CaseState label
    accepted_on: date | None  # 受理决定日期 (acceptance or non-acceptance decision)
    decided_on: date | None  # 处理决定日期
    replied_on: date | None  # 答复日期
    outcome: str
    handler: str
    next_deadline: date | None
    overdue: bool
