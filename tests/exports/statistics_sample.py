"""A StatisticsReport with known numbers and synthetic case rows (tests and the benchmark)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

from desktop_app.domain.enums import CaseState, Channel
from desktop_app.domain.statistics import (
    AcceptanceFigures,
    Breakdown,
    CaseListRow,
    Category,
    ChartKind,
    Column,
    ColumnKind,
    DayUnit,
    DurationStat,
    HandlingFigures,
    IntakeFigures,
    OutcomeFigures,
    Ratio,
    StatisticsReport,
    month_categories,
)

PERIOD_FROM = date(2025, 1, 1)
PERIOD_TO = date(2025, 3, 31)

CHANNEL_COUNTS = {Channel.LETTER.value: 5, Channel.IN_PERSON_ORAL.value: 3, Channel.PHONE.value: 2}
REASON_CATEGORIES = [
    Category("R9-1", "已经依法处理，且没有新的事实和证据", "第九条第（一）项"),
    Category("R9-2a", "正在通过诉讼解决", "第九条第（二）项"),
    Category("R9-3", "仅对法律援助案件办理结果有异议", "第九条第（三）项"),
    Category("R9-4", "不属于违反法律援助管理规定", "第九条第（四）项"),
    Category("R8-1", "不具有投诉人主体资格", "第八条第（一）项"),
    Category("R8-4", "不属于本机关管辖", "第八条第（四）项"),
]
REASON_COUNTS = {"R9-3": 2, "R8-4": 1}
ARTICLE5 = [
    Category("M1", "违反规定办理受理、审查、指派事项"),
    Category("M2", "懈怠履行或者擅自停止履行法律援助职责"),
    Category("M3", "办理法律援助案件收取财物"),
    Category("M4", "其他违反法律援助管理规定的行为"),
]
ARTICLE5_COUNTS = {"M1": (3, 1), "M2": (4, 2), "M4": (3, 0)}
PROBLEM_TYPES = [Category(f"P{n}", label, parent) for n, (label, parent) in enumerate([
    ("为不符合条件的人员提供法律援助或拒绝符合条件的人员", "M1"),
    ("拖延受理、审批、指派", "M1"),
    ("接受指派后不依法履行或擅自停止履行职责", "M2"),
    ("因重大过失或故意造成受援人损失", "M2"),
    ("索要费用或接受财物", "M3"),
    ("泄露当事人隐私", "M4"),
    ("律师违反《律师法》及配套规章", "M4"),
    ("其他违反法律援助有关规定的行为", "M4"),
], start=1)]
PROBLEM_TYPE_COUNTS = {"P2": 2, "P3": 4, "P8": 1}
RESPONDENT_TYPES = [
    Category("AID_CENTRE", "法律援助机构"), Category("LAW_FIRM", "律师事务所"),
    Category("LAWYER", "律师"), Category("GRASSROOTS_WORKER", "基层法律服务工作者"),
    Category("VOLUNTEER", "法律援助志愿者"),
]
RESPONDENT_COUNTS = {"AID_CENTRE": (2, 1), "LAW_FIRM": (1, 0), "LAWYER": (6, 2),
                     "GRASSROOTS_WORKER": (1, 0)}
OUTCOMES = [Category(code, label) for code, label in [
    ("O1a", "行政处罚"), ("O1c", "移送行业惩戒"), ("O2a", "批评教育"), ("O2c", "责令限期整改"),
    ("O3a", "查证不实，不作处理"), ("O3b", "无法查实，不作处理"), ("OX", "涉嫌犯罪，移送司法机关"),
]]
OUTCOME_COUNTS = {"O2a": 2, "O2c": 1, "O3a": 3}
TRANSFER_TARGETS = [Category("BAR", "律师协会"), Category("DISCIPLINE", "纪检监察机关"),
                    Category("PROCURATORATE", "公安/检察机关"), Category("OTHER", "其他")]
MONTH_COUNTS = {"2025-01": 6, "2025-03": 4}  # February: none received, still listed


def handler_table() -> Breakdown:
    columns = (
        Column("received", "承办件数"),
        Column("decided", "办结数"),
        Column("on_time", "按期办结", ColumnKind.RATIO),
        Column("overdue_open", "超期在办"),
    )
    from desktop_app.domain.statistics import BreakdownRow

    rows = (
        BreakdownRow("u1", "张三", (6, 4, Ratio(4, 4), 0)),
        BreakdownRow("u2", "李四", (4, 2, Ratio(1, 2), 1)),
        BreakdownRow("u3", "王五", (0, 0, Ratio(0, 0), 0)),
    )
    return Breakdown(key="by_handler", title="按承办人统计", category_header="承办人",
                     columns=columns, rows=rows, chart_column="received")


def make_report(*, personal_data_masked: bool = True) -> StatisticsReport:
    two_counts = (Column("received", "投诉数"), Column("substantiated", "查实数"))
    return StatisticsReport(
        period_from=PERIOD_FROM, period_to=PERIOD_TO, period_label="2025年第一季度",
        office_code="HX", office_name="和县司法局",
        generated_at=datetime(2025, 4, 3, 9, 30), rule_set_ids=("2013",),
        intake=IntakeFigures(received=10, consultations=4, duplicates=1, collective=0),
        acceptance=AcceptanceFigures(accepted=7, not_accepted=3, review_on_time=Ratio(9, 10),
                                     overdue_awaiting_decision=1),
        handling=HandlingFigures(decided=6, handling_on_time=Ratio(5, 6),
                                 reply_on_time=Ratio(4, 5), extended=1,
                                 extension_rate=Ratio(1, 6), extension_notified=Ratio(1, 1),
                                 open_accepted=1, overdue_open=1, replies_overdue_open=0,
                                 stop_orders=0),
        outcome=OutcomeFigures(substantiated_rate=Ratio(3, 6), transferred=1,
                               other_ground_share=Ratio(1, 7), repeat_respondents=1),
        durations=(
            DurationStat.from_days("receipt_to_acceptance", "收到至受理决定", DayUnit.WORKING,
                                   [1, 2, 3, 4]),
            DurationStat.from_days("acceptance_to_decision", "受理至处理决定", DayUnit.CALENDAR,
                                   [10, 20, 40]),
            DurationStat.from_days("decision_to_reply", "处理决定至答复", DayUnit.WORKING, []),
        ),
        by_channel=Breakdown.from_counts(
            "by_channel", "按投诉渠道统计", "投诉渠道",
            [Category(m.value, m.label) for m in Channel], CHANNEL_COUNTS,
            share_of_total="count", statistic_ids=("S1",), chart=ChartKind.PIE),
        not_accepted_by_reason=Breakdown.from_counts(
            "not_accepted_by_reason", "不予受理原因", "不予受理原因", REASON_CATEGORIES,
            REASON_COUNTS, statistic_ids=("S7",), show_group=True, group_header="条款"),
        by_ground_article5=Breakdown.from_counts(
            "by_ground_article5", "按投诉事项（第五条）", "投诉事项", ARTICLE5, ARTICLE5_COUNTS,
            count_columns=two_counts, statistic_ids=("S24",), chart_column="received"),
        by_ground_problem_type=Breakdown.from_counts(
            "by_ground_problem_type", "按问题类型（昌图七类）", "问题类型", PROBLEM_TYPES,
            PROBLEM_TYPE_COUNTS, share_of_total="count", statistic_ids=("S24",),
            show_group=True, group_header="对应第五条"),
        by_respondent_type=Breakdown.from_counts(
            "by_respondent_type", "按被投诉人类型", "被投诉人类型", RESPONDENT_TYPES,
            RESPONDENT_COUNTS, count_columns=two_counts, statistic_ids=("S25",),
            chart_column="received"),
        outcomes=Breakdown.from_counts(
            "outcomes", "处理结果分布", "处理结果", OUTCOMES, OUTCOME_COUNTS,
            statistic_ids=("S18",), note="按被投诉人计：一件投诉涉及多个被投诉人的，分别计算。"),
        transfers_by_target=Breakdown.from_counts(
            "transfers_by_target", "移送情况", "接收机关类型", TRANSFER_TARGETS, {"BAR": 1},
            statistic_ids=("S20",)),
        by_handler=handler_table(),
        monthly_trend=Breakdown.from_counts(
            "monthly_trend", "月度收案趋势", "月份", month_categories(PERIOD_FROM, PERIOD_TO),
            MONTH_COUNTS, count_columns=(Column("count", "收到投诉数"),), chart=ChartKind.LINE),
        generated_by="赵六",
        personal_data_masked=personal_data_masked,
    )


_STATES = [CaseState.REGISTERED, CaseState.ACCEPTED, CaseState.DECIDED, CaseState.REPLIED,
           CaseState.NOT_ACCEPTED, CaseState.ARCHIVED]
_CHANNELS = list(Channel)
_SURNAMES = "张王李赵刘陈杨黄周吴"


def synthetic_rows(count: int, *, start: date = PERIOD_FROM) -> Iterator[CaseListRow]:
    """Deterministic, plausible case rows; a generator so nothing is held in memory."""
    for n in range(count):
        received = start + timedelta(days=n % 365)
        state = _STATES[n % len(_STATES)]
        progressed = state in (CaseState.DECIDED, CaseState.REPLIED, CaseState.ARCHIVED)
        accepted = received + timedelta(days=3) if state is not CaseState.REGISTERED else None
        decided = received + timedelta(days=30) if progressed else None
        replied = received + timedelta(days=34) if state in (CaseState.REPLIED,
                                                              CaseState.ARCHIVED) else None
        yield CaseListRow(
            case_no=f"HX司援投〔{received.year}〕第{n + 1:06d}号",
            received_on=received,
            channel=_CHANNELS[n % len(_CHANNELS)].label,
            complainant=f"{_SURNAMES[n % 10]}*",
            respondent=f"第{n % 37 + 1}律师事务所",
            respondent_type="律师事务所",
            ground="M2 懈怠履行或者擅自停止履行法律援助职责",
            state=state.label,
            accepted_on=accepted,
            decided_on=decided,
            replied_on=replied,
            outcome="批评教育" if progressed else "",
            handler=("张三", "李四", "王五")[n % 3],
            next_deadline=None if progressed else received + timedelta(days=7),
            overdue=n % 11 == 0,
        )
