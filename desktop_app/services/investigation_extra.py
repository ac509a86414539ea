"""Read model of one case's investigation (调查 → 处理 → 答复 → 监督) for the investigation pane.

The lead's InvestigationService / DecisionService have the writes but no read of the acts,
evidence, extensions, proposals, transfers and team; this module gathers them in ONE read
so the pane never lazy-loads ORM objects on the GUI thread. Read-only: no audit needed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from desktop_app.domain import models as m
from desktop_app.domain.enums import (
    CaseState,
    ExtensionStatus,
    InvestigationActKind,
    SignatureStatus,
    SupervisionStatus,
)
from desktop_app.services.base import ServiceBase
from desktop_app.services.cases import case_clocks, clock_views, live
from desktop_app.services.decisions import TRANSFER_KINDS, _transfers_of
from desktop_app.services.documents import printable_kinds
from desktop_app.services.dto import ClockView, DocumentInfo


@dataclass(frozen=True)
class PersonRef:
    id: int
    name: str
    unit: str = ""


@dataclass(frozen=True)
class RespondentRef:
    id: int
    name: str
    type_code: str
    type_label: str
    unit_name: str


@dataclass(frozen=True)
class OutcomeOption:
    """One Art 14 outcome of the case's rule set, with what it requires."""

    code: str
    label: str
    group: str
    requires_due_date: bool
    requires_transfer_target: bool
    requires_minor_conditions: bool
    combinable: bool


@dataclass(frozen=True)
class TranscriptRow:
    id: int
    title: str
    interviewee: str
    interviewee_role: str
    status: str
    status_label: str
    page_count: int
    pages_done: int
    previous_id: int | None
    started_at: dt.datetime | None
    scans: int


@dataclass(frozen=True)
class ActRow:
    id: int
    kind: str
    kind_label: str
    title: str
    occurred_on: dt.date
    counterpart: str
    summary: str
    due_date: dt.date | None
    completed_on: dt.date | None
    investigators: tuple[str, ...]
    details: dict[str, Any]


@dataclass(frozen=True)
class EvidenceRow:
    id: int
    description: str
    source: str
    collected_on: dt.date | None
    pages: int
    is_original: bool


@dataclass(frozen=True)
class ExtensionRow:
    id: int
    status: str
    status_label: str
    reason: str
    previous_due: dt.date
    new_due: dt.date
    requested_by: str
    requested_by_id: int
    approved_by: str
    decision_note: str
    after_deadline: bool
    notice_document_id: int | None


@dataclass(frozen=True)
class ProposalRow:
    respondent_id: int
    outcome_codes: tuple[str, ...]
    minor: bool
    promptly_corrected: bool
    no_harm: bool
    facts_found: str
    basis: str
    measures: str
    rectification_due: dt.date | None
    transfers: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class TransferRow:
    id: int
    kind: str
    kind_label: str
    target_organ: str
    sent_on: dt.date | None
    feedback: str
    feedback_on: dt.date | None
    letter_document_id: int | None


@dataclass(frozen=True)
class SupervisionRow:
    id: int
    measure: str
    due_date: dt.date
    status: str
    status_label: str
    report_received_on: dt.date | None
    verified_on: dt.date | None
    note: str


@dataclass(frozen=True)
class WithdrawalRow:
    occurred_on: dt.date
    reason: str
    result: str  # TERMINATE / CONTINUE


@dataclass(frozen=True)
class CaseInvestigation:
    """Everything the investigation pane shows for one case."""

    case_id: int
    case_no: str
    state: str
    state_label: str
    version: int
    rule_set_id: str
    accepted_on: dt.date | None
    handling_decided_on: dt.date | None
    reply_sent_on: dt.date | None
    aid_case_open: bool | None
    continuing_violation: bool
    complainant: str
    office_name: str
    handling_clock: ClockView | None
    handling_warn_days: tuple[int, ...]
    reply_clock: ClockView | None
    team: tuple[PersonRef, ...]
    respondents: tuple[RespondentRef, ...]
    outcomes: tuple[OutcomeOption, ...]
    transcripts: tuple[TranscriptRow, ...]
    acts: tuple[ActRow, ...]
    evidence: tuple[EvidenceRow, ...]
    extensions: tuple[ExtensionRow, ...]
    proposals: tuple[ProposalRow, ...]
    transfers: tuple[TransferRow, ...]
    supervision: tuple[SupervisionRow, ...]
    withdrawals: tuple[WithdrawalRow, ...]
    documents: tuple[DocumentInfo, ...]
    printable_kinds: tuple[str, ...]
    report: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pending_extension(self) -> ExtensionRow | None:
        return next((e for e in self.extensions if e.status == ExtensionStatus.REQUESTED), None)

    def latest_document(self, kind: str) -> DocumentInfo | None:
        docs = [d for d in self.documents if d.kind == kind and not d.superseded]
        return docs[-1] if docs else None


def _name(s: Any, user_id: int | None) -> str:
    if not user_id:
        return ""
    u = s.get(m.User, user_id)
    return u.full_name if u is not None else ""


class InvestigationReadService(ServiceBase):
    """Read side of the investigation pane (one session per call)."""

    def overview(self, case_id: int) -> CaseInvestigation:
        from desktop_app.domain.errors import NotFound
        with self.read() as s:
            c = s.get(m.Complaint, case_id)
            if c is None:
                raise NotFound(f"找不到编号为 {case_id} 的投诉案件。")
            rules = self.ctx.rule_set(c.rule_set_id)
            clocks = case_clocks(self.ctx, s, c)
            views = {v.code: v for v in clock_views(self.ctx, clocks)}
            team_event = s.scalars(select(m.CaseEvent).where(
                m.CaseEvent.complaint_id == c.id, m.CaseEvent.kind == "TEAM_ASSIGNED")
                .order_by(m.CaseEvent.id.desc()).limit(1)).first()
            team: list[PersonRef] = []
            for uid in (team_event.data or {}).get("user_ids", []) if team_event else []:
                u = s.get(m.User, uid)
                if u is not None:
                    team.append(PersonRef(u.id, u.full_name, u.unit_name))
            respondents = tuple(
                RespondentRef(r.id, r.name, r.type_code,
                              rules.respondent_types[r.type_code].label if r.type_code in rules.respondent_types
                              else r.type_code, r.unit_name)
                for r in live(list(c.respondents)))
            outcomes = tuple(OutcomeOption(o.code, o.label, o.group, o.requires_due_date, o.requires_transfer_target,
                                           o.requires_minor_conditions, o.combinable)
                             for o in rules.outcomes.values())
            transcripts = []
            for t in s.scalars(select(m.Transcript).where(m.Transcript.complaint_id == c.id).order_by(m.Transcript.id)):
                pages = [p for p in t.pages if p.printed_hash == t.printed_hash] if t.printed_hash else []
                scans = len(s.scalars(select(m.Attachment.id).where(
                    m.Attachment.owner_type == "transcript", m.Attachment.owner_id == t.id)).all())
                transcripts.append(TranscriptRow(
                    t.id, t.title, t.interviewee_name, t.interviewee_role, t.status,
                    {"DRAFT": "草稿", "PRINTED": "已打印待签", "FROZEN": "已封存"}.get(t.status, t.status),
                    t.page_count, sum(1 for p in pages if p.status != SignatureStatus.PENDING), t.previous_id,
                    t.started_at, scans))
            acts = []
            for a in s.scalars(select(m.InvestigationAct).where(
                    m.InvestigationAct.complaint_id == c.id, m.InvestigationAct.retired_at.is_(None))
                    .order_by(m.InvestigationAct.occurred_on, m.InvestigationAct.id)):
                acts.append(ActRow(a.id, a.kind, InvestigationActKind(a.kind).label, a.title, a.occurred_on,
                                   a.counterpart, a.summary, a.due_date, a.completed_on,
                                   tuple(_name(s, ai.user_id) for ai in a.investigators), dict(a.details or {})))
            evidence = tuple(EvidenceRow(e.id, e.description, e.source, e.collected_on, e.pages, e.is_original)
                             for e in s.scalars(select(m.EvidenceItem).where(
                                 m.EvidenceItem.complaint_id == c.id, m.EvidenceItem.retired_at.is_(None))
                                 .order_by(m.EvidenceItem.id)))
            extensions = tuple(
                ExtensionRow(x.id, x.status, ExtensionStatus(x.status).label, x.reason, x.previous_due, x.new_due,
                             _name(s, x.requested_by_id), x.requested_by_id, _name(s, x.approved_by_id),
                             x.decision_note, x.after_deadline, x.notice_document_id)
                for x in s.scalars(select(m.Extension).where(m.Extension.complaint_id == c.id)
                                   .order_by(m.Extension.id)))
            proposals = tuple(
                ProposalRow(h.respondent_id, tuple(h.outcome_codes or ()), h.minor, h.promptly_corrected, h.no_harm,
                            h.facts_found, h.basis, h.measures, h.rectification_due, tuple(_transfers_of(h)))
                for h in s.scalars(select(m.HandlingDecision).where(
                    m.HandlingDecision.complaint_id == c.id, m.HandlingDecision.retired_at.is_(None))
                    .order_by(m.HandlingDecision.id)))
            transfers = tuple(
                TransferRow(t.id, t.kind, TRANSFER_KINDS.get(t.kind, t.kind), t.target_organ, t.sent_on, t.feedback,
                            t.feedback_on, t.letter_document_id)
                for t in s.scalars(select(m.Transfer).where(m.Transfer.complaint_id == c.id).order_by(m.Transfer.id)))
            supervision = tuple(
                SupervisionRow(t.id, t.measure, t.due_date, t.status, SupervisionStatus(t.status).label,
                               t.report_received_on, t.verified_on, t.verification_note)
                for t in s.scalars(select(m.SupervisionTask).where(m.SupervisionTask.complaint_id == c.id)
                                   .order_by(m.SupervisionTask.id)))
            events = s.scalars(select(m.CaseEvent).where(m.CaseEvent.complaint_id == c.id).order_by(m.CaseEvent.id)).all()
            withdrawals = tuple(WithdrawalRow(e.occurred_on, e.note, e.result) for e in events if e.kind == "WITHDRAWAL")
            report = next((e.note for e in reversed(events) if e.kind == "INVESTIGATION_REPORT"), "")
            served = set(s.scalars(select(m.ServiceRecord.document_id).where(m.ServiceRecord.complaint_id == c.id)))
            documents = tuple(
                DocumentInfo(x.id, x.kind, x.title, x.doc_no, x.version_no, x.version_hash, x.issued_on,
                             x.page_count, x.id in served, x.superseded_by_id is not None)
                for x in s.scalars(select(m.Document).where(m.Document.complaint_id == c.id).order_by(m.Document.id)))
            complainants = live(list(c.complainants))
            c2 = rules.clocks.get("C2")
            return CaseInvestigation(
                case_id=c.id, case_no=c.case_no, state=c.state, state_label=CaseState(c.state).label,
                version=c.version, rule_set_id=c.rule_set_id, accepted_on=c.accepted_on,
                handling_decided_on=c.handling_decided_on, reply_sent_on=c.reply_sent_on,
                aid_case_open=c.aid_case_open, continuing_violation=bool(c.continuing_violation),
                complainant=complainants[0].name if complainants else "",
                office_name=c.office.name if c.office is not None else "",
                handling_clock=views.get("C2"), handling_warn_days=tuple(c2.warn_at_days) if c2 else (),
                reply_clock=views.get("C3"), team=tuple(team), respondents=respondents, outcomes=outcomes,
                transcripts=tuple(transcripts), acts=tuple(acts), evidence=evidence, extensions=extensions,
                proposals=proposals, transfers=transfers, supervision=supervision, withdrawals=withdrawals,
                documents=documents, printable_kinds=tuple(k for k, _ in printable_kinds()), report=report)

    def scans(self, transcript_id: int) -> list[tuple[int, str, str, int]]:
        """(attachment id, filename, sha256, page count) of a transcript's signed scans."""
        with self.read() as s:
            return [(a.id, a.filename, a.sha256, a.page_count) for a in s.scalars(
                select(m.Attachment).where(m.Attachment.owner_type == "transcript", m.Attachment.owner_id == transcript_id)
                .order_by(m.Attachment.id))]


from desktop_app.services.hub import EXTRA_SERVICES  # noqa: E402 - registration at the end of the module

EXTRA_SERVICES["investigation_read"] = InvestigationReadService
