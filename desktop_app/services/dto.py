"""Plain data crossing the service boundary (UI and CLI never see ORM objects)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


# --------------------------------------------------------------------------- registration input


@dataclass
class ComplainantInput:
    name: str = ""
    role: str = "RECIPIENT"
    sex: str = "U"
    id_type: str = "RESIDENT_ID"
    id_number: str = ""
    birth_date: dt.date | None = None
    ethnicity: str = ""
    phone: str = ""
    address: str = ""
    postcode: str = ""
    email: str = ""
    work_unit: str = ""
    relationship_text: str = ""
    special_groups: list[str] = field(default_factory=list)


@dataclass
class AgentInput:
    name: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""
    relationship_text: str = ""
    is_guardian: bool = False
    poa_submitted: bool = False
    poa_received_on: dt.date | None = None
    poa_scope: list[str] = field(default_factory=list)
    poa_scope_other: str = ""
    poa_term: str = ""
    # Index into ``complainants`` of the person represented; None = all of them.
    represents: int | None = None


@dataclass
class RespondentInput:
    type_code: str = ""
    name: str = ""
    unit_name: str = ""
    licence_no: str = ""
    contact: str = ""


@dataclass
class MaterialInput:
    name: str = ""
    pages: int = 1
    is_original: bool = False


@dataclass
class OtherProcedureInput:
    kind: str = ""  # LITIGATION/RECONSIDERATION/OTHER_STATUTORY/PETITION/DISCIPLINE/PREVIOUS_COMPLAINT
    organ: str = ""
    started_on: dt.date | None = None
    reference_no: str = ""
    status: str = ""


@dataclass
class RegistrationInput:
    """Everything the 登记表 holds. ``received_at`` defaults to now (the clock)."""

    channel: str = "LETTER"
    received_at: dt.datetime | None = None
    receiver_name: str = ""
    transferred_from: str = ""
    anonymous: bool = False
    sensitive: bool = False
    sensitive_reason: str = ""
    priority: str = "NORMAL"
    writing_difficulty: str = ""
    complainants: list[ComplainantInput] = field(default_factory=list)
    agents: list[AgentInput] = field(default_factory=list)
    respondents: list[RespondentInput] = field(default_factory=list)
    request_text: str = ""
    facts_text: str = ""
    reasons_text: str = ""
    event_time_text: str = ""
    ground_code: str = ""
    subtype_codes: list[str] = field(default_factory=list)
    aid_case_no: str = ""
    aid_case_cause: str = ""
    aid_institution: str = ""
    aid_case_type: str = ""
    aid_litigation: bool | None = None
    aid_case_open: bool | None = None
    aid_applied_on: dt.date | None = None
    aid_assigned_on: dt.date | None = None
    aid_handler: str = ""
    materials: list[MaterialInput] = field(default_factory=list)
    other_procedures: list[OtherProcedureInput] = field(default_factory=list)


# --------------------------------------------------------------------------- read models


@dataclass(frozen=True)
class CaseRef:
    id: int
    case_no: str
    state: str
    version: int


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list (masked personal data unless allowed)."""

    id: int
    case_no: str
    received_date: dt.date
    complainant: str
    complainant_id_no: str
    respondent: str
    respondent_type: str
    ground: str
    channel: str
    state: str
    state_label: str
    next_due_date: dt.date | None
    next_due_clock: str
    deadline_status: str
    calendar_unconfirmed: bool
    sensitive: bool


@dataclass(frozen=True)
class ClockView:
    code: str
    label: str
    due: dt.date | None
    status: str
    status_label: str
    explanation: list[str]
    unconfirmed_years: list[int]
    met_on: dt.date | None = None
    working_days_left: int | None = None


@dataclass
class CaseDetail:
    id: int
    case_no: str
    version: int
    state: str
    state_label: str
    rule_set_id: str
    rule_set_title: str
    rule_set_note: str
    received_at: dt.datetime
    channel: str
    channel_label: str
    registration: RegistrationInput
    record_signature: str
    record_signature_note: str
    decision: str
    decision_reasons: list[str]
    decision_date: dt.date | None
    accepted_on: dt.date | None
    handling_due: dt.date | None
    handling_decided_on: dt.date | None
    reply_sent_on: dt.date | None
    sensitive: bool
    imported: bool
    read_only: bool
    clocks: list[ClockView]
    available_transitions: list[tuple[str, str]]
    documents: list["DocumentInfo"] = field(default_factory=list)
    complainant_ids: list[int] = field(default_factory=list)
    respondent_ids: list[int] = field(default_factory=list)
    masked: bool = False


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    kind: str
    title: str
    doc_no: str
    version_no: int
    version_hash: str
    issued_on: dt.date
    page_count: int
    served: bool
    superseded: bool


@dataclass(frozen=True)
class GeneratedDocument:
    document_id: int
    kind: str
    title: str
    doc_no: str
    version_hash: str
    page_count: int
    pdf: bytes


@dataclass(frozen=True)
class DuplicateHit:
    case_id: int
    case_no: str
    received_date: dt.date
    why: str
    complainant: str
    respondent: str
    state_label: str
    outcome: str


@dataclass
class CaseFilter:
    states: list[str] = field(default_factory=list)
    ground_code: str = ""
    respondent_type: str = ""
    channel: str = ""
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    overdue_only: bool = False
    text: str = ""
    office_code: str = ""
    include_closed: bool = True
    extra: dict[str, Any] = field(default_factory=dict)
