"""Stable codes used across layers, each with its Chinese label.

Codes are stored in the database as strings (never as integers), so a label can
change without a migration. Lists whose *content* depends on the statute version
(complaint grounds, respondent types, non-acceptance reasons, outcomes) live in
the rule sets under ``resources/rules/``; only codes the program's logic branches
on are enums here.
"""

from __future__ import annotations

from enum import StrEnum


class LabeledEnum(StrEnum):
    """A ``StrEnum`` whose members carry a Chinese label: ``Member = ("CODE", "标签")``."""

    label: str

    def __new__(cls, value: str, label: str = ""):
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label or value
        return obj

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def parse(cls, value: str) -> "LabeledEnum":
        """Accept the code or the Chinese label."""
        for m in cls:
            if value == m.value or value == m.label:
                return m
        raise ValueError(value)


class CaseState(LabeledEnum):
    """投诉案件状态 (requirements §2.2)."""

    RECEIVED = ("RECEIVED", "已收到/登记中")
    REGISTERED = ("REGISTERED", "已登记待审查")
    AWAITING_SUPPLEMENT = ("AWAITING_SUPPLEMENT", "待补正")
    UNDER_REVIEW = ("UNDER_REVIEW", "受理审查中")
    ACCEPTED = ("ACCEPTED", "已受理")
    NOT_ACCEPTED = ("NOT_ACCEPTED", "不予受理")
    INVESTIGATING = ("INVESTIGATING", "调查中")
    DECISION_DRAFTED = ("DECISION_DRAFTED", "拟处理")
    DECIDED = ("DECIDED", "已作出处理决定")
    REPLIED = ("REPLIED", "已答复")
    SUPERVISING = ("SUPERVISING", "执行监督")
    ARCHIVED = ("ARCHIVED", "已归档")
    WITHDRAWN = ("WITHDRAWN", "已撤回")
    MERGED = ("MERGED", "已并案")
    REOPENED = ("REOPENED", "重新办理")


# States before the acceptance decision: the C1 clock is running.
PRE_ACCEPTANCE_STATES = frozenset({
    CaseState.RECEIVED, CaseState.REGISTERED, CaseState.AWAITING_SUPPLEMENT,
    CaseState.UNDER_REVIEW,
})
# States before the handling decision (withdrawal is possible, C2 runs once accepted).
PRE_DECISION_STATES = PRE_ACCEPTANCE_STATES | {
    CaseState.ACCEPTED, CaseState.INVESTIGATING, CaseState.DECISION_DRAFTED, CaseState.REOPENED,
}
CLOSED_STATES = frozenset({CaseState.ARCHIVED, CaseState.MERGED})


class Channel(LabeledEnum):
    """投诉渠道 (requirements §4.5)."""

    IN_PERSON_ORAL = ("IN_PERSON_ORAL", "当面/口头")
    IN_PERSON_WRITTEN = ("IN_PERSON_WRITTEN", "当面递交书面材料")
    LETTER = ("LETTER", "书信")
    FAX = ("FAX", "传真")
    EMAIL = ("EMAIL", "电子邮件")
    PHONE = ("PHONE", "电话")
    ONLINE = ("ONLINE", "网络平台")
    TRANSFERRED = ("TRANSFERRED", "转来")
    OFFICE_POINT = ("OFFICE_POINT", "基层站/代理点转来")
    OTHER = ("OTHER", "其他")

    @property
    def is_oral(self) -> bool:
        return self is Channel.IN_PERSON_ORAL

    @property
    def needs_signature(self) -> bool:
        """Oral and phone complaints need a signed record before leaving RECEIVED."""
        return self in (Channel.IN_PERSON_ORAL, Channel.PHONE)


class ComplainantRole(LabeledEnum):
    """投诉人身份 (Art. 2)."""

    APPLICANT = ("APPLICANT", "法律援助申请人")
    RECIPIENT = ("RECIPIENT", "受援人")
    INTERESTED_PARTY = ("INTERESTED_PARTY", "利害关系人")


class IdType(LabeledEnum):
    RESIDENT_ID = ("RESIDENT_ID", "居民身份证")
    PASSPORT = ("PASSPORT", "护照")
    OTHER = ("OTHER", "其他证件")
    NONE = ("NONE", "未提供")


class Sex(LabeledEnum):
    MALE = ("M", "男")
    FEMALE = ("F", "女")
    UNKNOWN = ("U", "未说明")


class SignatureStatus(LabeledEnum):
    """签字/捺印状态 of a page or a record."""

    PENDING = ("PENDING", "未签")
    SIGNED = ("SIGNED", "已签字")
    THUMBPRINTED = ("THUMBPRINTED", "已捺印")
    SIGNED_AND_THUMBPRINTED = ("SIGNED_AND_THUMBPRINTED", "已签字并捺印")
    REFUSED = ("REFUSED", "拒签(调查人员注明)")
    NOT_POSSIBLE = ("NOT_POSSIBLE", "无法签字(已注明原因)")

    @property
    def is_done(self) -> bool:
        return self is not SignatureStatus.PENDING


class PoaScope(LabeledEnum):
    """委托权限 items (Art. 7)."""

    FILE_COMPLAINT = ("FILE_COMPLAINT", "代为提出投诉")
    STATE_FACTS = ("STATE_FACTS", "陈述事实")
    SUBMIT_MATERIALS = ("SUBMIT_MATERIALS", "提交、补充材料")
    RECEIVE_DOCUMENTS = ("RECEIVE_DOCUMENTS", "接收通知和法律文书")
    WITHDRAW = ("WITHDRAW", "撤回投诉")
    OTHER = ("OTHER", "其他")


class Decision(LabeledEnum):
    """Acceptance decision (受理决定)."""

    ACCEPT = ("ACCEPT", "受理")
    NOT_ACCEPT = ("NOT_ACCEPT", "不予受理")
    NEEDS_SUPPLEMENT = ("NEEDS_SUPPLEMENT", "需补正")


class ServiceMethod(LabeledEnum):
    """送达方式."""

    IN_PERSON = ("IN_PERSON", "当面送达")
    POST = ("POST", "邮寄")
    EMAIL = ("EMAIL", "电子邮件")
    FAX = ("FAX", "传真")
    UNDELIVERABLE = ("UNDELIVERABLE", "无法送达(已注明原因)")


class IntervieweeRole(LabeledEnum):
    RESPONDENT = ("RESPONDENT", "被投诉人")
    COMPLAINANT = ("COMPLAINANT", "投诉人")
    WITNESS = ("WITNESS", "证人")
    UNIT_STAFF = ("UNIT_STAFF", "有关单位人员")


class InvestigationActKind(LabeledEnum):
    """Investigative acts of Art. 12/13."""

    EXPLANATION_REQUEST = ("EXPLANATION_REQUEST", "要求说明情况、提交材料")
    FILE_CALLUP = ("FILE_CALLUP", "调阅案卷档案")
    VERIFICATION = ("VERIFICATION", "核实情况、收集证据")
    DEPARTMENT_OPINION = ("DEPARTMENT_OPINION", "听取有关部门意见")
    STOP_ORDER = ("STOP_ORDER", "责令停止违法违规行为")
    OTHER = ("OTHER", "其他")


class ExtensionStatus(LabeledEnum):
    REQUESTED = ("REQUESTED", "待批准")
    APPROVED = ("APPROVED", "已批准")
    REJECTED = ("REJECTED", "未批准")


class SupervisionStatus(LabeledEnum):
    OPEN = ("OPEN", "待整改")
    REPORTED = ("REPORTED", "已报告整改情况")
    VERIFIED_DONE = ("VERIFIED_DONE", "整改到位")
    VERIFIED_NOT_DONE = ("VERIFIED_NOT_DONE", "整改不到位")


class Role(LabeledEnum):
    """系统角色 (DESIGN §2). A user may hold several."""

    FRONT_DESK = ("FRONT_DESK", "窗口登记员")
    REVIEWER = ("REVIEWER", "审查人")
    INVESTIGATOR = ("INVESTIGATOR", "调查人员")
    HEAD = ("HEAD", "机关负责人")
    ARCHIVIST = ("ARCHIVIST", "档案管理员")
    SUPERVISOR = ("SUPERVISOR", "上级督查")
    ADMIN = ("ADMIN", "系统管理员")


class CalendarDayKind(LabeledEnum):
    """Office-level override of the working-day calendar."""

    HOLIDAY = ("HOLIDAY", "法定节假日/休息日")
    WORKDAY = ("WORKDAY", "调休上班")


class DeadlineStatus(LabeledEnum):
    OK = ("OK", "正常")
    DUE_SOON = ("DUE_SOON", "即将到期")
    DUE_TODAY = ("DUE_TODAY", "今日到期")
    OVERDUE = ("OVERDUE", "已逾期")
    MET = ("MET", "已按期完成")
    MET_LATE = ("MET_LATE", "逾期完成")
    UNCONFIRMED = ("UNCONFIRMED", "日历未确认")
