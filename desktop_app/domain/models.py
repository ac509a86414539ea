"""Entities of the complaint lifecycle (SQLAlchemy 2 typed ORM).

Rules that hold for every table:
- nothing is ever deleted: child rows are *retired* (``retired_at``) instead, and the
  audit log keeps before → after for every change;
- codes are stored as strings (see ``domain.enums`` and the rule sets);
- records edited from several workstations carry a ``version`` column used for
  optimistic locking (a stale save raises ``ConflictError`` in the services).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


def _fk(target: str, *, nullable: bool = False, index: bool = True) -> Any:
    return mapped_column(ForeignKey(target), nullable=nullable, index=index)


# --------------------------------------------------------------------------- office & users


class Office(Base):
    """司法行政机关 (or a registration point acting for it)."""

    __tablename__ = "offices"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(40), default="")
    level: Mapped[str] = mapped_column(String(20), default="county")
    parent_code: Mapped[Optional[str]] = mapped_column(String(32))
    address: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    fax: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    supervision_phone: Mapped[str] = mapped_column(String(60), default="")
    # Remedies paragraph of the 答复书 (Art 17), configurable per office.
    reconsideration_organ: Mapped[str] = mapped_column(String(200), default="")
    reconsideration_days: Mapped[int] = mapped_column(Integer, default=60)
    litigation_court: Mapped[str] = mapped_column(String(200), default="")
    litigation_months: Mapped[int] = mapped_column(Integer, default=6)
    case_number_format: Mapped[str] = mapped_column(
        String(120), default="{short}司援投〔{year}〕第{seq:04d}号")
    is_local: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    institutions: Mapped[list[SupervisedInstitution]] = relationship(
        back_populates="office", order_by="SupervisedInstitution.id")


class SupervisedInstitution(Base):
    """A legal-aid institution the office supervises (主管); drives Art 8(4) jurisdiction."""

    __tablename__ = "supervised_institutions"
    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = _fk("offices.id")
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40), default="LEGAL_AID_INSTITUTION")
    retired_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    office: Mapped[Office] = relationship(back_populates="institutions")


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(60))
    # The unit the staff member belongs to; staff of a respondent unit must recuse (回避).
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    certificate_no: Mapped[str] = mapped_column(String(60), default="")
    password_hash: Mapped[str] = mapped_column(String(300), default="")
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    roles: Mapped[list[UserRole]] = relationship(
        back_populates="user", cascade="save-update, merge", lazy="selectin")

    @property
    def role_codes(self) -> set[str]:
        return {r.role for r in self.roles if r.retired_at is None}

    __mapper_args__ = {"version_id_col": version}


class UserRole(Base):
    __tablename__ = "user_roles"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = _fk("users.id")
    role: Mapped[str] = mapped_column(String(20))
    retired_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    user: Mapped[User] = relationship(back_populates="roles")


class ComplaintStateCount(Base):
    """Cases per state (案件状态计数), kept by database triggers (persistence/state_counts.py):
    the case list's total for a state filter without counting a million index entries."""

    __tablename__ = "complaint_state_counts"
    state: Mapped[str] = mapped_column(String(30), primary_key=True)
    cases: Mapped[int] = mapped_column(Integer, default=0)


class NumberSequence(Base):
    """Per office/year/kind counters for case numbers and 文号.

    Incremented with ``SELECT … FOR UPDATE`` on PostgreSQL (SQLite serialises writers),
    so concurrent registrations never share a number.
    """

    __tablename__ = "number_sequences"
    id: Mapped[int] = mapped_column(primary_key=True)
    office_code: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))
    last_value: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (UniqueConstraint("office_code", "year", "kind"),)


# --------------------------------------------------------------------------- the complaint


class Complaint(Base):
    """One complaint matter = one file (一事一卷)."""

    __tablename__ = "complaints"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_no: Mapped[str] = mapped_column(String(60), unique=True)
    office_id: Mapped[int] = _fk("offices.id")
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    rule_set_id: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(30), index=True)

    # Receipt (immutable; corrections need a reason and are audited).
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)
    received_date: Mapped[dt.date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(30), index=True)
    receiver_name: Mapped[str] = mapped_column(String(60), default="")
    registered_by_id: Mapped[Optional[int]] = _fk("users.id", nullable=True, index=False)
    registered_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    transferred_from: Mapped[str] = mapped_column(String(200), default="")

    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    sensitive_reason: Mapped[str] = mapped_column(String(200), default="")
    priority: Mapped[str] = mapped_column(String(20), default="NORMAL")

    # Oral / phone complaints (Art 6): signature or thumbprint on the printed record.
    writing_difficulty: Mapped[str] = mapped_column(String(100), default="")
    record_signature: Mapped[str] = mapped_column(String(30), default="PENDING")
    record_signature_note: Mapped[str] = mapped_column(String(300), default="")
    record_signed_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)

    # The five items of Art 6 / the content of the complaint.
    request_text: Mapped[str] = mapped_column(Text, default="")
    facts_text: Mapped[str] = mapped_column(Text, default="")
    reasons_text: Mapped[str] = mapped_column(Text, default="")
    event_time_text: Mapped[str] = mapped_column(String(300), default="")
    ground_code: Mapped[str] = mapped_column(String(20), default="", index=True)
    subtype_codes: Mapped[list[Any]] = mapped_column(default=list)

    # 相关法律援助事项 (the underlying aid matter).
    aid_case_no: Mapped[str] = mapped_column(String(60), default="")
    aid_case_cause: Mapped[str] = mapped_column(String(200), default="")
    aid_institution: Mapped[str] = mapped_column(String(200), default="")
    aid_case_type: Mapped[str] = mapped_column(String(20), default="")
    aid_litigation: Mapped[Optional[bool]] = mapped_column(Boolean)
    aid_case_open: Mapped[Optional[bool]] = mapped_column(Boolean)
    aid_applied_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    aid_assigned_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    aid_handler: Mapped[str] = mapped_column(String(60), default="")

    # Acceptance decision (Art 10).
    decision: Mapped[str] = mapped_column(String(20), default="")
    decision_reasons: Mapped[list[Any]] = mapped_column(default=list)
    decision_date: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)  # statistics by period
    decided_by_id: Mapped[Optional[int]] = _fk("users.id", nullable=True, index=False)
    competent_organ: Mapped[str] = mapped_column(String(200), default="")
    decision_note: Mapped[str] = mapped_column(Text, default="")
    accepted_on: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    acceptance_notice_sent_on: Mapped[Optional[dt.date]] = mapped_column(Date)

    # Handling (Art 14–16).
    handling_due: Mapped[Optional[dt.date]] = mapped_column(Date)
    continuing_violation: Mapped[bool] = mapped_column(Boolean, default=False)
    handling_decided_on: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)
    handling_approved_by_id: Mapped[Optional[int]] = _fk("users.id", nullable=True, index=False)
    substantiated: Mapped[Optional[bool]] = mapped_column(Boolean)
    reply_sent_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    closed_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    handler_id: Mapped[Optional[int]] = _fk("users.id", nullable=True)

    merged_into_id: Mapped[Optional[int]] = _fk("complaints.id", nullable=True)
    related_case_ids: Mapped[list[Any]] = mapped_column(default=list)
    new_evidence_note: Mapped[str] = mapped_column(Text, default="")

    # Denormalised for the list: next open deadline (recomputed on every change).
    next_due_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    next_due_clock: Mapped[str] = mapped_column(String(10), default="")
    calendar_unconfirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Denormalised for statistics (persistence/statistics_columns.py): the 受理审查 (C1) and 答复 (C3)
    # due dates as computed when the case last changed, and the number of live complainants (集体投诉).
    acceptance_due: Mapped[Optional[dt.date]] = mapped_column(Date)
    reply_due: Mapped[Optional[dt.date]] = mapped_column(Date)
    complainant_count: Mapped[int] = mapped_column(Integer, default=0)
    # Denormalised search text: names, ID numbers, phones, respondents, case numbers.
    party_text: Mapped[str] = mapped_column(Text, default="")
    first_complainant: Mapped[str] = mapped_column(String(60), default="")
    first_complainant_id_no: Mapped[str] = mapped_column(String(30), default="")
    first_respondent: Mapped[str] = mapped_column(String(200), default="")
    respondent_type: Mapped[str] = mapped_column(String(40), default="", index=True)

    # Imported from another office's exchange package: read-only here.
    source_office_code: Mapped[str] = mapped_column(String(32), default="", index=True)
    imported: Mapped[bool] = mapped_column(Boolean, default=False)

    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    complainants: Mapped[list[Complainant]] = relationship(
        back_populates="complaint", order_by="Complainant.position")
    agents: Mapped[list[Agent]] = relationship(back_populates="complaint", order_by="Agent.id")
    respondents: Mapped[list[Respondent]] = relationship(
        back_populates="complaint", order_by="Respondent.position")
    materials: Mapped[list[MaterialReceived]] = relationship(
        back_populates="complaint", order_by="MaterialReceived.id")
    other_procedures: Mapped[list[OtherProcedure]] = relationship(
        back_populates="complaint", order_by="OtherProcedure.id")
    office: Mapped[Office] = relationship()

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        UniqueConstraint("office_id", "year", "seq"),
        Index("ix_complaints_state_due", "state", "next_due_date"),
        Index("ix_complaints_due", "next_due_date"),
        Index("ix_complaints_received_at", "received_at"),
        # Sorting the case list by party at 1M cases (migration 0002).
        Index("ix_complaints_first_complainant", "first_complainant", "id"),
        Index("ix_complaints_first_respondent", "first_respondent", "id"),
    )


class Complainant(Base):
    """投诉人 (Art 2): 申请人 / 受援人 / 利害关系人."""

    __tablename__ = "complainants"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(60))
    sex: Mapped[str] = mapped_column(String(2), default="U")
    birth_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    id_type: Mapped[str] = mapped_column(String(20), default="RESIDENT_ID")
    id_number: Mapped[str] = mapped_column(String(30), default="", index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    email: Mapped[str] = mapped_column(String(120), default="")
    work_unit: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(30))
    relationship_text: Mapped[str] = mapped_column(String(100), default="")
    special_groups: Mapped[list[Any]] = mapped_column(default=list)
    signature: Mapped[str] = mapped_column(String(30), default="PENDING")
    retired_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    complaint: Mapped[Complaint] = relationship(back_populates="complainants")


class Agent(Base):
    """代理人 (Art 7) with the 授权委托书 and its 委托权限; or a guardian (监护人)."""

    __tablename__ = "agents"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    # Complainant represented; None = all complainants of the case.
    complainant_id: Mapped[Optional[int]] = _fk("complainants.id", nullable=True, index=False)
    name: Mapped[str] = mapped_column(String(60))
    id_number: Mapped[str] = mapped_column(String(30), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    relationship_text: Mapped[str] = mapped_column(String(100), default="")
    is_guardian: Mapped[bool] = mapped_column(Boolean, default=False)
    poa_submitted: Mapped[bool] = mapped_column(Boolean, default=False)
    poa_received_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    poa_scope: Mapped[list[Any]] = mapped_column(default=list)
    poa_scope_other: Mapped[str] = mapped_column(String(200), default="")
    poa_term: Mapped[str] = mapped_column(String(100), default="")
    retired_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    complaint: Mapped[Complaint] = relationship(back_populates="agents")


class Respondent(Base):
    """被投诉人 (Art 2); the type code comes from the case's rule set."""

    __tablename__ = "respondents"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    position: Mapped[int] = mapped_column(Integer, default=0)
    type_code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    licence_no: Mapped[str] = mapped_column(String(60), default="")
    contact: Mapped[str] = mapped_column(String(120), default="")
    retired_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    # Copies of the case's statistics dimensions and of this respondent's live 处理结果 codes
    # ("O1,O4") and whether one is 属实, so per-respondent statistics need no join
    # (persistence/statistics_columns.py).
    case_received_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    case_decided_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    case_office_code: Mapped[str] = mapped_column(String(32), default="")
    outcome_key: Mapped[str] = mapped_column(String(200), default="")
    substantiated: Mapped[Optional[bool]] = mapped_column(Boolean)
    complaint: Mapped[Complaint] = relationship(back_populates="respondents")


class MaterialReceived(Base):
    """提交材料清单: material handed in with the complaint."""

    __tablename__ = "materials_received"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    name: Mapped[str] = mapped_column(String(200))
    pages: Mapped[int] = mapped_column(Integer, default=1)
    is_original: Mapped[bool] = mapped_column(Boolean, default=False)
    received_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    retired_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    complaint: Mapped[Complaint] = relationship(back_populates="materials")


class OtherProcedure(Base):
    """Other procedures on the same matter (诉讼/复议/信访/纪检/此前投诉) for Art 9(1)(2)."""

    __tablename__ = "other_procedures"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    kind: Mapped[str] = mapped_column(String(30))
    organ: Mapped[str] = mapped_column(String(200), default="")
    started_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    reference_no: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(100), default="")
    retired_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    complaint: Mapped[Complaint] = relationship(back_populates="other_procedures")


# --------------------------------------------------------------------------- acceptance stage


class AcceptanceReview(Base):
    """审查意见: the Art 8 / Art 9 checklist filled by the reviewer (each save a new row)."""

    __tablename__ = "acceptance_reviews"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    reviewer_id: Mapped[int] = _fk("users.id", index=False)
    conditions: Mapped[dict[str, Any]] = mapped_column(default=dict)  # A1..A5 -> {"ok": bool|None, "note": str}
    grounds: Mapped[dict[str, Any]] = mapped_column(default=dict)  # R-code -> {"applies": bool, "note": str}
    conduct_alleged: Mapped[Optional[bool]] = mapped_column(Boolean)
    new_evidence: Mapped[bool] = mapped_column(Boolean, default=False)
    recommendation: Mapped[str] = mapped_column(String(20), default="")
    opinion: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SupplementRequest(Base):
    """补正告知 (one-time list of everything missing)."""

    __tablename__ = "supplement_requests"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    items: Mapped[list[Any]] = mapped_column(default=list)
    due_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    requested_by_id: Mapped[int] = _fk("users.id", index=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    fulfilled_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    fulfilled_note: Mapped[str] = mapped_column(Text, default="")


# --------------------------------------------------------------------------- documents & service


class Document(Base):
    """A generated statutory document (文书), frozen as a version with its data snapshot.

    The PDF is reproducible byte for byte from ``data`` (deterministic rendering), so the
    archive can rebuild it; ``version_hash`` is printed in the QR code on every page.
    """

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    doc_no: Mapped[str] = mapped_column(String(80), default="")
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    version_hash: Mapped[str] = mapped_column(String(64), index=True)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # The printed PDF as issued: reprinting a version returns these exact bytes.
    pdf: Mapped[Optional[bytes]] = mapped_column(LargeBinary, deferred=True)
    page_count: Mapped[int] = mapped_column(Integer, default=1)
    issued_on: Mapped[dt.date] = mapped_column(Date)
    subject_type: Mapped[str] = mapped_column(String(30), default="")
    subject_id: Mapped[Optional[int]] = mapped_column(Integer)
    created_by_id: Mapped[Optional[int]] = _fk("users.id", nullable=True, index=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    superseded_by_id: Mapped[Optional[int]] = _fk("documents.id", nullable=True, index=False)


class ServiceRecord(Base):
    """送达记录 (proof of service) of a document."""

    __tablename__ = "service_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    document_id: Mapped[int] = _fk("documents.id")
    recipient_name: Mapped[str] = mapped_column(String(100))
    recipient_role: Mapped[str] = mapped_column(String(30), default="COMPLAINANT")
    method: Mapped[str] = mapped_column(String(20))
    served_on: Mapped[dt.date] = mapped_column(Date)
    tracking_no: Mapped[str] = mapped_column(String(60), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    proof_note: Mapped[str] = mapped_column(Text, default="")
    undeliverable_reason: Mapped[str] = mapped_column(String(300), default="")
    recorded_by_id: Mapped[int] = _fk("users.id", index=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Attachment(Base):
    """A scanned paper (signed transcript, POA, evidence photo …) stored with its hash."""

    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    owner_type: Mapped[str] = mapped_column(String(30))
    owner_id: Mapped[Optional[int]] = mapped_column(Integer)
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    page_count: Mapped[int] = mapped_column(Integer, default=1)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    note: Mapped[str] = mapped_column(String(300), default="")
    created_by_id: Mapped[int] = _fk("users.id", index=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    __table_args__ = (Index("ix_attachments_owner", "owner_type", "owner_id"),)


# --------------------------------------------------------------------------- investigation


class InvestigationAct(Base):
    """An investigative act (Art 12/13) made by ≥ 2 staff."""

    __tablename__ = "investigation_acts"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    kind: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(200), default="")
    occurred_on: Mapped[dt.date] = mapped_column(Date, index=True)  # statistics by period
    place: Mapped[str] = mapped_column(String(200), default="")
    counterpart: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    due_date: Mapped[Optional[dt.date]] = mapped_column(Date, index=True)  # deadline dashboard
    completed_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    created_by_id: Mapped[int] = _fk("users.id", index=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    retired_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    investigators: Mapped[list[ActInvestigator]] = relationship(lazy="selectin")


class ActInvestigator(Base):
    __tablename__ = "act_investigators"
    id: Mapped[int] = mapped_column(primary_key=True)
    act_id: Mapped[int] = _fk("investigation_acts.id")
    user_id: Mapped[int] = _fk("users.id")


class Transcript(Base):
    """调查笔录 / 询问笔录 (Art 12). Frozen once every page is signed/thumbprinted/refused."""

    __tablename__ = "transcripts"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    title: Mapped[str] = mapped_column(String(40), default="调查笔录")
    previous_id: Mapped[Optional[int]] = _fk("transcripts.id", nullable=True)
    correction_reason: Mapped[str] = mapped_column(String(300), default="")
    started_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    ended_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    place: Mapped[str] = mapped_column(String(200), default="")
    recorder_id: Mapped[Optional[int]] = _fk("users.id", nullable=True, index=False)
    interviewee_name: Mapped[str] = mapped_column(String(60), default="")
    interviewee_role: Mapped[str] = mapped_column(String(30), default="")
    interviewee_sex: Mapped[str] = mapped_column(String(2), default="U")
    interviewee_id_number: Mapped[str] = mapped_column(String(30), default="")
    interviewee_unit: Mapped[str] = mapped_column(String(200), default="")
    interviewee_phone: Mapped[str] = mapped_column(String(40), default="")
    opening_text: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="DRAFT")  # DRAFT/PRINTED/FROZEN
    printed_hash: Mapped[str] = mapped_column(String(64), default="")
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    frozen_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    refusal_note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = _fk("users.id", index=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)

    investigators: Mapped[list[TranscriptInvestigator]] = relationship(
        lazy="selectin", order_by="TranscriptInvestigator.id")
    turns: Mapped[list[TranscriptTurn]] = relationship(order_by="TranscriptTurn.seq")
    pages: Mapped[list[TranscriptPage]] = relationship(order_by="TranscriptPage.page_no")

    __mapper_args__ = {"version_id_col": version}


class TranscriptInvestigator(Base):
    __tablename__ = "transcript_investigators"
    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int] = _fk("transcripts.id")
    user_id: Mapped[int] = _fk("users.id")


class TranscriptTurn(Base):
    """One 问/答 pair."""

    __tablename__ = "transcript_turns"
    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int] = _fk("transcripts.id")
    seq: Mapped[int] = mapped_column(Integer)
    question: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[str] = mapped_column(Text, default="")
    retired_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)


class TranscriptPage(Base):
    """Signing status of one printed page (签字 / 捺印 / 拒签 annotated by investigators)."""

    __tablename__ = "transcript_pages"
    id: Mapped[int] = mapped_column(primary_key=True)
    transcript_id: Mapped[int] = _fk("transcripts.id")
    page_no: Mapped[int] = mapped_column(Integer)
    printed_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(30), default="PENDING")
    note: Mapped[str] = mapped_column(String(300), default="")
    recorded_by_id: Mapped[Optional[int]] = _fk("users.id", nullable=True, index=False)
    recorded_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("transcript_id", "printed_hash", "page_no"),)


class EvidenceItem(Base):
    """证据材料清单 entry."""

    __tablename__ = "evidence_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    description: Mapped[str] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(String(200), default="")
    collected_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    pages: Mapped[int] = mapped_column(Integer, default=1)
    is_original: Mapped[bool] = mapped_column(Boolean, default=False)
    act_id: Mapped[Optional[int]] = _fk("investigation_acts.id", nullable=True, index=False)
    transcript_id: Mapped[Optional[int]] = _fk("transcripts.id", nullable=True, index=False)
    created_by_id: Mapped[int] = _fk("users.id", index=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    retired_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)


class Extension(Base):
    """延长办理期限 (Art 15): requested by the handler, approved by the head (another person)."""

    __tablename__ = "extensions"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    requested_by_id: Mapped[int] = _fk("users.id", index=False)
    requested_at: Mapped[dt.datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text)
    previous_due: Mapped[dt.date] = mapped_column(Date)
    new_due: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="REQUESTED")
    approved_by_id: Mapped[Optional[int]] = _fk("users.id", nullable=True, index=False)
    decided_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    after_deadline: Mapped[bool] = mapped_column(Boolean, default=False)
    notice_document_id: Mapped[Optional[int]] = _fk("documents.id", nullable=True, index=False)


class HandlingDecision(Base):
    """处理决定 per respondent (Art 14)."""

    __tablename__ = "handling_decisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    respondent_id: Mapped[int] = _fk("respondents.id")
    outcome_codes: Mapped[list[Any]] = mapped_column(default=list)
    minor: Mapped[bool] = mapped_column(Boolean, default=False)
    promptly_corrected: Mapped[bool] = mapped_column(Boolean, default=False)
    no_harm: Mapped[bool] = mapped_column(Boolean, default=False)
    facts_found: Mapped[str] = mapped_column(Text, default="")
    basis: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    rectification_due: Mapped[Optional[dt.date]] = mapped_column(Date)
    crime_transfer: Mapped[bool] = mapped_column(Boolean, default=False)
    evidence_refs: Mapped[list[Any]] = mapped_column(default=list)
    proposed_by_id: Mapped[int] = _fk("users.id", index=False)
    proposed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    retired_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)


class Transfer(Base):
    """移送 to the competent organ (Art 14(1)) or the judicial organs (suspected crime)."""

    __tablename__ = "transfers"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    decision_id: Mapped[Optional[int]] = _fk("handling_decisions.id", nullable=True, index=False)
    kind: Mapped[str] = mapped_column(String(30))  # PENALTY/INDUSTRY_DISCIPLINE/DISCIPLINE/CRIME
    target_organ: Mapped[str] = mapped_column(String(200))
    target_type: Mapped[str] = mapped_column(String(40), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    sent_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    letter_document_id: Mapped[Optional[int]] = _fk("documents.id", nullable=True, index=False)
    feedback: Mapped[str] = mapped_column(Text, default="")
    feedback_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SupervisionTask(Base):
    """执行监督 (Art 18): rectification with due date, report, verification."""

    __tablename__ = "supervision_tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    decision_id: Mapped[Optional[int]] = _fk("handling_decisions.id", nullable=True, index=False)
    measure: Mapped[str] = mapped_column(Text)
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="OPEN")
    report_received_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    report_note: Mapped[str] = mapped_column(Text, default="")
    verified_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    verified_by_id: Mapped[Optional[int]] = _fk("users.id", nullable=True, index=False)
    verification_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class CaseEvent(Base):
    """Anything that happens to a case and has no table of its own.

    Withdrawal requests, merges, reopenings, reconsideration/litigation results,
    upper-level corrections, internal notes. Appended after archiving as 补充归档.
    """

    __tablename__ = "case_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = _fk("complaints.id")
    kind: Mapped[str] = mapped_column(String(40))
    occurred_on: Mapped[dt.date] = mapped_column(Date)
    organ: Mapped[str] = mapped_column(String(200), default="")
    reference_no: Mapped[str] = mapped_column(String(100), default="")
    result: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_by_id: Mapped[int] = _fk("users.id", index=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


# --------------------------------------------------------------------------- archive


class ArchiveVolume(Base):
    """投诉处理档案 (Art 19), one per complaint (一事一卷)."""

    __tablename__ = "archive_volumes"
    __table_args__ = (Index("ix_archive_volumes_year", "year", "complaint_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id"), unique=True)
    archive_no: Mapped[str] = mapped_column(String(60), unique=True)
    year: Mapped[int] = mapped_column(Integer)  # archive search by year: ix_archive_volumes_year
    retention: Mapped[str] = mapped_column(String(20), default="长期")
    archived_on: Mapped[dt.date] = mapped_column(Date)
    archived_by_id: Mapped[int] = _fk("users.id", index=False)
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    remarks: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    items: Mapped[list[ArchiveItem]] = relationship(order_by="ArchiveItem.seq")


class ArchiveItem(Base):
    __tablename__ = "archive_items"
    id: Mapped[int] = mapped_column(primary_key=True)
    volume_id: Mapped[int] = _fk("archive_volumes.id")
    seq: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    doc_no: Mapped[str] = mapped_column(String(80), default="")
    doc_date: Mapped[Optional[dt.date]] = mapped_column(Date)
    document_id: Mapped[Optional[int]] = _fk("documents.id", nullable=True, index=False)
    attachment_id: Mapped[Optional[int]] = _fk("attachments.id", nullable=True, index=False)
    page_from: Mapped[int] = mapped_column(Integer, default=0)
    page_to: Mapped[int] = mapped_column(Integer, default=0)
    appended: Mapped[bool] = mapped_column(Boolean, default=False)  # 补充归档
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class LendingRecord(Base):
    """借阅登记 of an archive volume."""

    __tablename__ = "lending_records"
    id: Mapped[int] = mapped_column(primary_key=True)
    volume_id: Mapped[int] = _fk("archive_volumes.id")
    borrower: Mapped[str] = mapped_column(String(60))
    purpose: Mapped[str] = mapped_column(String(200), default="")
    lent_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    returned_on: Mapped[Optional[dt.date]] = mapped_column(Date)
    recorded_by_id: Mapped[int] = _fk("users.id", index=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


# --------------------------------------------------------------------------- system


class AuditEvent(Base):
    """Append-only, hash-chained audit log: who, when, what (before → after)."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    user_id: Mapped[Optional[int]] = mapped_column(Integer)
    username: Mapped[str] = mapped_column(String(60), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[Optional[int]] = mapped_column(Integer)
    complaint_id: Mapped[Optional[int]] = mapped_column(Integer, index=True)
    summary: Mapped[str] = mapped_column(String(300), default="")
    before: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    after: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64))


class CalendarOverrideRow(Base):
    """Office-level working-day calendar override (holiday / 调休上班)."""

    __tablename__ = "calendar_overrides"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(String(100), default="")
    created_by_id: Mapped[Optional[int]] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    retired_at: Mapped[Optional[dt.datetime]] = mapped_column(DateTime)


class CalendarConfirmedYear(Base):
    """A year whose holiday schedule an administrator has entered completely."""

    __tablename__ = "calendar_confirmed_years"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    source: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class RuleSetRevision(Base):
    """An administrator's audited adjustment (a patch) of a shipped rule set."""

    __tablename__ = "rule_set_revisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    rule_set_id: Mapped[str] = mapped_column(String(20), index=True)
    patch: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reason: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Setting(Base):
    """Office-wide settings shared by all workstations (JSON values)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Optional[dict[str, Any]]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ExchangeImport(Base):
    """An imported exchange package (idempotent: the same package hash imports once)."""

    __tablename__ = "exchange_imports"
    id: Mapped[int] = mapped_column(primary_key=True)
    package_hash: Mapped[str] = mapped_column(String(64), unique=True)
    office_code: Mapped[str] = mapped_column(String(32))
    period_from: Mapped[Optional[dt.date]] = mapped_column(Date)
    period_to: Mapped[Optional[dt.date]] = mapped_column(Date)
    case_count: Mapped[int] = mapped_column(Integer, default=0)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime)
    imported_by_id: Mapped[Optional[int]] = mapped_column(Integer)
