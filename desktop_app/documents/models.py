"""Plain data for every printable document (no ORM objects, no Qt).

Services build these frozen dataclasses from the database and hand them to
:func:`desktop_app.documents.render_document`. Every field is a simple type (str, int,
bool, date, datetime, tuples of other document dataclasses) so that the canonical JSON
behind the version hash is stable. Code values are already turned into their Chinese labels
by the caller (e.g. ``Channel.PHONE.label``): documents print what they are given.
All document classes are keyword-only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# ---------------------------------------------------------------- office

@dataclass(frozen=True, kw_only=True)
class OfficeProfile:
    """The organ that issues documents (作出文书的司法行政机关) and its remedies settings."""

    organ_name: str  # e.g. "某某县司法局"
    short_name: str = ""  # e.g. "某县司法局", used in headers
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    postcode: str = ""
    # 救济途径 (Art. 17): 行政复议 organ + period, 行政诉讼 court + period.
    reconsideration_organ: str = ""  # e.g. "某某市司法局" or "某某县人民政府"
    reconsideration_days: int = 60
    litigation_court: str = ""  # e.g. "某某县人民法院"
    litigation_months: int = 6
    remedies_text_override: str = ""  # verbatim paragraph replacing the generated one

    @property
    def header_name(self) -> str:
        return self.short_name or self.organ_name


@dataclass(frozen=True, kw_only=True)
class DocumentData:
    """Fields every document carries: issuing office, case number, 文号, date of the document."""

    office: OfficeProfile
    case_no: str  # 投诉案件编号, printed on every page and in the QR code
    issued_on: date  # 成文日期 / 制作日期; also the PDF creation date (deterministic output)
    doc_number: str = ""  # 文号, e.g. "某司援投受〔2026〕7号"; empty when the document has none


# ---------------------------------------------------------------- people

@dataclass(frozen=True, kw_only=True)
class Person:
    """Particulars of a natural person (身份事项)."""

    name: str
    sex: str = ""  # label: 男 / 女
    birth_date: date | None = None
    age: int | None = None
    ethnicity: str = ""
    id_type: str = "居民身份证"
    id_number: str = ""
    address: str = ""
    postcode: str = ""
    phone: str = ""
    email: str = ""
    employer: str = ""  # 工作单位及职务


@dataclass(frozen=True, kw_only=True)
class Complainant(Person):
    """投诉人 (Art. 2): role is 法律援助申请人 / 受援人 / 利害关系人."""

    role: str = ""
    relation_to_matter: str = ""
    special_groups: tuple[str, ...] = ()  # e.g. ("老年人", "残疾人")


@dataclass(frozen=True, kw_only=True)
class Agent(Person):
    """代理人 (Art. 7) with the power of attorney and its scope (委托权限)."""

    relation: str = ""  # 与投诉人关系
    poa_submitted: bool = False
    poa_scope: tuple[str, ...] = ()  # labels of PoaScope members
    poa_scope_other: str = ""


@dataclass(frozen=True, kw_only=True)
class Respondent:
    """被投诉人 (Art. 2): type label from the rule set, name, unit, licence number."""

    kind: str  # e.g. "律师", "法律援助机构"
    name: str
    unit: str = ""
    licence_no: str = ""  # 执业证号/工作证号
    phone: str = ""


@dataclass(frozen=True, kw_only=True)
class AidCase:
    """相关法律援助事项."""

    aid_case_no: str = ""
    cause: str = ""  # 案由
    recipient: str = ""  # 受援人
    applied_on: date | None = None
    decided_on: date | None = None
    assigned_on: date | None = None
    institution: str = ""  # 指派/承办机构
    handler: str = ""  # 承办人
    stage: str = ""  # 在办 / 已结
    proceeding: str = ""  # 诉讼 / 非诉讼
    branch: str = ""  # 刑事 / 民事 / 行政


@dataclass(frozen=True, kw_only=True)
class MaterialItem:
    """提交材料清单 row."""

    name: str
    pages: int | None = None
    original: bool = False  # 原件 (True) or 复印件 (False)
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class OtherProcedure:
    """Other procedure on the same matter (Art. 9(1)(2)): 诉讼/复议/信访/纪检/此前投诉."""

    kind: str
    organ: str = ""
    on: date | None = None
    reference: str = ""
    status: str = ""


@dataclass(frozen=True, kw_only=True)
class ChecklistItem:
    """One review item, e.g. code "A1", Art. 8 item (一), or "R3", Art. 9 item (三)."""

    code: str
    text: str
    article: str = ""  # e.g. "第八条第（一）项"
    result: bool | None = None  # True 符合/是, False 不符合/否, None 未审查
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class ContactInfo:
    person: str = ""
    phone: str = ""


# ---------------------------------------------------------------- A1 登记表

@dataclass(frozen=True, kw_only=True)
class RegistrationFormData(DocumentData):
    """法律援助投诉登记表 (A1, Art. 10)."""

    received_at: datetime
    channel: str  # label, e.g. "当面/口头"
    receiver: str = ""
    registrar: str = ""
    registered_on: date | None = None
    rule_version: str = ""
    complainants: tuple[Complainant, ...] = ()
    agent: Agent | None = None
    respondents: tuple[Respondent, ...] = ()
    aid_case: AidCase | None = None
    request: str = ""  # 投诉请求
    facts: str = ""  # 主要事实
    reasons: str = ""  # 理由
    event_time: str = ""  # 事件发生时间 (free text)
    ground: str = ""  # 投诉事项分类 label
    materials: tuple[MaterialItem, ...] = ()
    other_procedures: tuple[OtherProcedure, ...] = ()
    oral_difficulty_reason: str = ""  # 口头投诉: 书写有困难的原因
    review_items: tuple[ChecklistItem, ...] = ()
    proposed_decision: str = ""
    review_opinion: str = ""
    reviewer: str = ""
    reviewed_on: date | None = None
    head_opinion: str = ""
    head: str = ""
    head_signed_on: date | None = None
    decided_on: date | None = None
    notice_number: str = ""
    notice_sent_on: date | None = None


# ---------------------------------------------------------------- A2 口头投诉记录

ORAL_TRUTHFULNESS_STATEMENT = "投诉人应当如实反映情况，对投诉内容的真实性负责；捏造、歪曲事实的，依法承担相应责任。"
ORAL_READBACK_STATEMENT = "以上记录已向我宣读（或我已阅读），与我所述相符，内容属实。"


@dataclass(frozen=True, kw_only=True)
class OralRecordData(DocumentData):
    """口头投诉记录 (A2, Art. 6): complainant signs or thumbprints every page."""

    recorded_at: datetime
    place: str
    recorders: tuple[str, ...]
    complainant: Complainant
    agent: Agent | None = None
    respondents: tuple[Respondent, ...] = ()
    request: str = ""
    facts: str = ""
    reasons: str = ""
    event_time: str = ""
    difficulty_reason: str = ""  # why the complainant could not write
    truthfulness_statement: str = ORAL_TRUTHFULNESS_STATEMENT
    readback_statement: str = ORAL_READBACK_STATEMENT


# ---------------------------------------------------------------- A3 授权委托书

@dataclass(frozen=True, kw_only=True)
class PoaData(DocumentData):
    """授权委托书 (A3, Art. 7). ``blank=True`` prints an empty template to fill by hand."""

    blank: bool = False
    principal: Person | None = None  # 委托人
    agent: Person | None = None  # 受托人
    relation: str = ""  # 受托人与委托人关系
    matter: str = ""  # 委托事项; default text generated from the office name
    scope: tuple[str, ...] = ()  # ticked PoaScope labels
    scope_other: str = ""
    term: str = ""  # 委托期限
    signed_on: date | None = None


# ---------------------------------------------------------------- notices

@dataclass(frozen=True, kw_only=True)
class SupplementNoticeData(DocumentData):
    """补正告知书 (A24): one-time list of everything missing, deadline, consequence."""

    addressee: str
    received_on: date
    missing_items: tuple[str, ...]
    deadline: date
    consequence: str = "逾期不补正又无正当理由的，视为放弃投诉；补正后符合条件的，将依法审查处理。"
    contact: ContactInfo = field(default_factory=ContactInfo)


@dataclass(frozen=True, kw_only=True)
class AcceptanceNoticeData(DocumentData):
    """法律援助投诉受理通知书 (A4, Art. 8/10)."""

    addressee: str
    received_on: date
    accepted_on: date
    summary: str  # respondent + matter, no excess detail about the aid case
    handling_days: int = 45
    partial_not_accepted: str = ""  # items outside scope, if any
    contact: ContactInfo = field(default_factory=ContactInfo)


@dataclass(frozen=True, kw_only=True)
class NonAcceptanceReason:
    """A reason citing the exact article and item, e.g. 第九条 第（三）项."""

    article: str  # "第九条"
    item: str  # "第（三）项"; "" when the article has no items
    text: str  # the situation, e.g. "仅对法律援助案件办理结果有异议"


@dataclass(frozen=True, kw_only=True)
class NonAcceptanceNoticeData(DocumentData):
    """法律援助投诉不予受理通知书 (A5, Art. 9/10)."""

    addressee: str
    received_on: date
    summary: str
    reasons: tuple[NonAcceptanceReason, ...]
    statute: str = "《法律援助投诉处理办法》"
    pointer: str = ""  # competent organ / procedure, e.g. "可向某某市司法局投诉"
    contact: ContactInfo = field(default_factory=ContactInfo)


@dataclass(frozen=True, kw_only=True)
class ServiceReceiptData(DocumentData):
    """送达回证 (A18)."""

    document_title: str
    document_number: str
    recipient: str
    address: str = ""
    method: str = ""  # label, e.g. "邮寄"
    tracking_number: str = ""
    served_on: date | None = None
    servers: tuple[str, ...] = ()
    receiver_name: str = ""  # who signed for it, if not the recipient
    note: str = ""


# ---------------------------------------------------------------- A6 调查笔录

TRANSCRIPT_CLOSING_STATEMENT = "以上笔录我已看过（或已向我宣读），与我说的相符。"


@dataclass(frozen=True, kw_only=True)
class Investigator:
    name: str
    unit: str = ""
    certificate_no: str = ""  # 执法证/工作证号


@dataclass(frozen=True, kw_only=True)
class Interviewee(Person):
    role: str = ""  # label: 被投诉人/投诉人/证人/有关单位人员


@dataclass(frozen=True, kw_only=True)
class QaTurn:
    question: str
    answer: str


def standard_transcript_opening(organ_name: str, investigator_names: tuple[str, ...],
                                purpose: str) -> str:
    """告知事项 (credentials, purpose, duty of truthfulness, right to read and correct)."""
    names = "、".join(investigator_names)
    return (f"我们是{organ_name}的工作人员{names}，这是我们的执法证件（出示证件）。"
            f"现就{purpose}依法向你进行调查。根据《法律援助投诉处理办法》的规定，你应当如实"
            "回答询问、提供材料，不得隐瞒或者提供虚假情况；对与本案无关的问题，你有拒绝回答的权利。"
            "调查结束后，你有权阅看笔录（或者由我们向你宣读），记录有遗漏或者差错的，你可以提出补充或者更正。"
            "你听清楚了吗？")


@dataclass(frozen=True, kw_only=True)
class TranscriptData(DocumentData):
    """调查笔录 / 询问笔录 (A6, Art. 12)."""

    title: str = "调查笔录"  # or "询问笔录"
    sequence: int = 1  # 第 n 次
    started_at: datetime
    ended_at: datetime
    place: str
    investigators: tuple[Investigator, ...]
    recorder: str
    interviewee: Interviewee
    opening_notice: str = ""  # 告知事项; use standard_transcript_opening()
    opening_reply: str = "听清楚了。"
    turns: tuple[QaTurn, ...] = ()
    closing_statement: str = TRANSCRIPT_CLOSING_STATEMENT
    refusal_annotation: str = ""  # e.g. "被调查人拒绝签名，经宣读后拒签。" signed by investigators


# ---------------------------------------------------------------- investigation and outcome letters

@dataclass(frozen=True, kw_only=True)
class ExplanationRequestData(DocumentData):
    """说明情况、提交材料通知 (A7, Art. 12): quotes only the allegations (privacy, retaliation)."""

    addressee: str  # respondent
    allegations: tuple[str, ...]
    questions: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()
    reply_deadline: date
    contact: ContactInfo = field(default_factory=ContactInfo)


@dataclass(frozen=True, kw_only=True)
class StopOrderData(DocumentData):
    """责令停止违法违规行为通知书 (A11, Art. 13)."""

    addressee: str
    conduct: str  # the continuing conduct found
    legal_basis: str
    check_on: date | None = None  # compliance check date
    contact: ContactInfo = field(default_factory=ContactInfo)


@dataclass(frozen=True, kw_only=True)
class ExtensionNoticeData(DocumentData):
    """延长办理期限告知书 (A13, Art. 15): reasons in writing to the complainant."""

    addressee: str
    accepted_on: date
    original_deadline: date
    new_deadline: date
    reason: str
    contact: ContactInfo = field(default_factory=ContactInfo)


@dataclass(frozen=True, kw_only=True)
class HandlingDecisionData(DocumentData):
    """处理决定 / 处理意见 (A15, Art. 14)."""

    addressee: str  # respondent
    facts: str
    evidence: tuple[str, ...] = ()
    basis: str = ""
    outcome: str = ""  # closed-list label of Art. 14
    measures: tuple[str, ...] = ()  # e.g. rectification with due date
    transfers: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class TransferLetterData(DocumentData):
    """移送函 (A16, Art. 14)."""

    receiving_organ: str
    summary: str
    reason: str
    evidence: tuple[str, ...] = ()
    contact: ContactInfo = field(default_factory=ContactInfo)


@dataclass(frozen=True, kw_only=True)
class ReplyData(DocumentData):
    """法律援助投诉处理答复书 (A17, Art. 16–17) with the configurable remedies paragraph."""

    addressee: str
    received_on: date
    accepted_on: date
    complaint_summary: str
    investigation_summary: str
    outcome: str
    basis: str = ""
    contact: ContactInfo = field(default_factory=ContactInfo)


# ---------------------------------------------------------------- investigation records (A8–A10, A12, A14)

@dataclass(frozen=True, kw_only=True)
class ExtensionApprovalData(DocumentData):
    """延长办理期限审批表 (A12, Art. 15): the head approves; the requester may not approve."""

    complainant: str
    respondents: str
    accepted_on: date
    original_deadline: date
    requested_deadline: date
    reason: str  # 投诉事项复杂的理由
    requester: str
    requested_on: date
    after_deadline: bool = False  # 逾期后延期
    decision: str = ""  # "同意" / "不同意" / "" (pending)
    approver: str = ""
    decision_note: str = ""
    decided_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class RespondentFinding:
    """调查报告 section for one respondent: facts, evidence, explanation, proposed outcome."""

    respondent: str  # "律师 李明（辽宁正大律师事务所）"
    facts: str
    evidence: tuple[str, ...] = ()
    explanation: str = ""  # 被投诉人的说明及采纳情况
    basis: str = ""
    proposed_outcome: str = ""
    measures: tuple[str, ...] = ()
    transfers: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class InvestigationReportData(DocumentData):
    """调查报告 / 拟处理意见 (A14)."""

    complainant: str
    accepted_on: date | None
    allegations: tuple[str, ...]  # what was complained of (ground + request), no personal data
    investigators: tuple[str, ...]
    process: tuple[str, ...] = ()  # 调查经过: acts, transcripts, in date order
    findings: tuple[RespondentFinding, ...] = ()
    report: str = ""  # the team's narrative (CaseEvent INVESTIGATION_REPORT)
    proposed_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class CalledFile:
    reference: str  # 案卷编号
    title: str = ""
    original: bool = False  # 原件 / 复印件
    pages: int | None = None


@dataclass(frozen=True, kw_only=True)
class FileCallupData(DocumentData):
    """调阅案卷档案登记表 (A8, Art. 11–12)."""

    from_whom: str
    files: tuple[CalledFile, ...]
    investigators: tuple[str, ...]
    out_on: date
    due_on: date | None = None
    returned_on: date | None = None
    aid_case_open: bool | None = None
    non_obstruction_note: str = ""  # Art 11: how the respondent's live aid case is protected
    purpose: str = ""


@dataclass(frozen=True, kw_only=True)
class EvidenceRow:
    description: str
    source: str = ""
    method: str = ""  # e.g. 调阅复制 / 当事人提交 / 调查笔录
    collected_on: date | None = None
    pages: int | None = None
    original: bool = False
    collectors: str = ""


@dataclass(frozen=True, kw_only=True)
class EvidenceListData(DocumentData):
    """证据材料清单 (A9, Art. 12)."""

    items: tuple[EvidenceRow, ...]


@dataclass(frozen=True, kw_only=True)
class DepartmentOpinionData(DocumentData):
    """听取有关部门意见和建议记录 (A10, Art. 12)."""

    department: str
    person: str = ""
    heard_on: date
    place: str = ""
    investigators: tuple[str, ...] = ()
    subject: str = ""  # 征询事项
    opinion: str = ""
    attachments: tuple[str, ...] = ()


# ---------------------------------------------------------------- after the decision (A19, A22, A23)

@dataclass(frozen=True, kw_only=True)
class SupervisionRecordData(DocumentData):
    """处理决定执行监督记录 (A19, Art. 18)."""

    respondent: str
    decision_ref: str  # 处理决定书文号 or date
    measure: str
    due_on: date
    report_received_on: date | None = None
    report_note: str = ""
    verified_on: date | None = None
    verifier: str = ""
    result: str = ""  # label, e.g. 整改到位
    verification_note: str = ""
    corrective_action: str = ""


@dataclass(frozen=True, kw_only=True)
class WithdrawalRecordData(DocumentData):
    """撤回投诉记录 (A22): the complainant's signed withdrawal and the head's decision."""

    complainant: str
    withdrawn_on: date
    reason: str
    signed: bool
    decision: str  # 终止办理 / 继续办理
    head: str = ""
    head_note: str = ""
    decided_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class ReconsiderationRecordData(DocumentData):
    """复议/诉讼/上级纠正结果记录 (A23, Art. 17, 20)."""

    event: str  # label, e.g. 行政复议结果
    organ: str
    reference_no: str = ""
    occurred_on: date
    result: str = ""
    instruction: str = ""  # 要求 / 纠正意见
    action_taken: str = ""


# ---------------------------------------------------------------- A21 公示

@dataclass(frozen=True, kw_only=True)
class NoticeItem:
    text: str
    citation: str = ""  # e.g. "第五条第（三）项"


@dataclass(frozen=True, kw_only=True)
class PublicNoticeData(DocumentData):
    """法律援助投诉公示 (A21, Art. 4): channels, scope, procedure, time limits. No case data."""

    statute: str  # 《法律援助投诉处理办法》
    supervision_phone: str = ""
    reception_hours: str = ""
    complainants: tuple[str, ...] = ()  # who may complain (Art 2)
    respondents: tuple[str, ...] = ()  # against whom
    scope: tuple[NoticeItem, ...] = ()  # Art 5
    channels: tuple[str, ...] = ()  # how (Art 6)
    procedure: tuple[str, ...] = ()  # steps (Art 6–17)
    time_limits: tuple[str, ...] = ()
    not_accepted: tuple[NoticeItem, ...] = ()  # Art 9
