"""Helpers shared by the lifecycle services: loading, read-only guards, clocks, snapshots."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain import models as m
from desktop_app.domain.enums import (
    CaseState,
    ExtensionStatus,
    InvestigationActKind,
    SupervisionStatus,
)
from desktop_app.domain.errors import ConflictError, NotFound, ReadOnlyError
from desktop_app.persistence.statistics_columns import outcome_key, substantiated
from desktop_app.rules.clocks import Deadline, compute_case_clocks, deadline_status
from desktop_app.services.context import ServiceContext
from desktop_app.services.dto import ClockView

# Snapshot fields recorded in the audit log for the complaint itself.
AUDITED_FIELDS = (
    "state", "channel", "received_at", "receiver_name", "anonymous", "sensitive", "priority",
    "writing_difficulty", "record_signature", "record_signature_note", "request_text", "facts_text",
    "reasons_text", "event_time_text", "ground_code", "subtype_codes", "aid_case_no", "aid_case_cause",
    "aid_institution", "aid_case_open", "decision", "decision_reasons", "decision_date", "accepted_on",
    "acceptance_notice_sent_on", "handling_due", "handling_decided_on", "reply_sent_on", "closed_on",
    "merged_into_id", "continuing_violation", "competent_organ",
)


def snapshot(obj: Any, fields: tuple[str, ...] = AUDITED_FIELDS) -> dict[str, Any]:
    return {f: getattr(obj, f) for f in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that changed, as (before, after)."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def load_case(session: Session, case_id: int, *, write: bool = True,
              expected_version: int | None = None) -> m.Complaint:
    c = session.get(m.Complaint, case_id)
    if c is None:
        raise NotFound(f"找不到编号为 {case_id} 的投诉案件。")
    if write:
        if c.imported:
            raise ReadOnlyError(f"案件 {c.case_no} 是从{c.source_office_code}导入的交换数据，在本机关只读。")
        if c.state == CaseState.ARCHIVED:
            raise ReadOnlyError(f"案件 {c.case_no} 已归档，案卷只读；后续材料请以“补充归档”方式追加。")
        if expected_version is not None and c.version != expected_version:
            raise ConflictError(
                f"案件 {c.case_no} 已被其他人修改（您打开的是第{expected_version}版，当前为第{c.version}版）。"
                "您填写的内容已保留，请重新打开案件核对后再保存。", code="conflict")
    return c


def live(rows: list[Any]) -> list[Any]:
    return [r for r in rows if getattr(r, "retired_at", None) is None]


def _first_act_date(session: Session, case_id: int) -> dt.date | None:
    return session.scalar(select(func.min(m.InvestigationAct.occurred_on)).where(
        m.InvestigationAct.complaint_id == case_id, m.InvestigationAct.retired_at.is_(None)))


def clock_facts(session: Session, c: m.Complaint) -> dict[str, Any]:
    """The dates the rules engine needs, read from the case's records."""
    sup = session.scalars(select(m.SupplementRequest).where(m.SupplementRequest.complaint_id == c.id)
                          .order_by(m.SupplementRequest.id.desc()).limit(1)).first()
    ext = session.scalars(select(m.Extension).where(
        m.Extension.complaint_id == c.id, m.Extension.status == ExtensionStatus.APPROVED)
        .order_by(m.Extension.new_due.desc()).limit(1)).first()
    expl = session.scalars(select(m.InvestigationAct).where(
        m.InvestigationAct.complaint_id == c.id,
        m.InvestigationAct.kind == InvestigationActKind.EXPLANATION_REQUEST,
        m.InvestigationAct.retired_at.is_(None)).order_by(m.InvestigationAct.id.desc()).limit(1)).first()
    first_act = _first_act_date(session, c.id)
    first_transcript = session.scalar(select(func.min(m.Transcript.created_at)).where(
        m.Transcript.complaint_id == c.id))
    started = min([d for d in (first_act, first_transcript.date() if first_transcript else None) if d],
                  default=None)
    facts: dict[str, Any] = dict(
        accepted=c.accepted_on, decided=c.handling_decided_on,
        extended_to=ext.new_due if ext else None,
        acceptance_notice_sent=c.acceptance_notice_sent_on, reply_sent=c.reply_sent_on,
        investigation_started=started,
    )
    if sup is not None and sup.due_date is not None:
        facts.update(supplement_sent=sup.created_at.date(),
                     supplement_days=max(1, (sup.due_date - sup.created_at.date()).days),
                     supplement_received=sup.fulfilled_on)
    if expl is not None and expl.due_date is not None:
        facts.update(explanation_requested=expl.occurred_on,
                     explanation_days=max(1, (expl.due_date - expl.occurred_on).days),
                     explanation_received=expl.completed_on)
    return facts


def case_clocks(ctx: ServiceContext, session: Session, c: m.Complaint) -> dict[str, Deadline]:
    rules = ctx.rule_set(c.rule_set_id)
    facts = clock_facts(session, c)
    if c.state in (CaseState.WITHDRAWN, CaseState.MERGED) or c.decision == "NOT_ACCEPT":
        # The handling clocks never start for these; C1 still shows whether the notice was in time.
        facts.update(accepted=None, decided=None, extended_to=None)
    return compute_case_clocks(rules, ctx.calendar(), c.received_date, **facts)


def clock_views(ctx: ServiceContext, clocks: dict[str, Deadline]) -> list[ClockView]:
    today = ctx.clock.today()
    cal = ctx.calendar()
    out = []
    for code in sorted(clocks):
        d = clocks[code]
        st = deadline_status(d, today, cal)
        out.append(ClockView(code=code, label=d.label, due=d.due_date, status=st.status.value,
                             status_label=st.status.label, explanation=list(d.explanation),
                             unconfirmed_years=list(d.unconfirmed_years), met_on=d.stopped_on,
                             working_days_left=st.working_days_remaining))
    return out


OPEN_CLOCK_STATES = {
    "C1": {CaseState.RECEIVED, CaseState.REGISTERED, CaseState.AWAITING_SUPPLEMENT, CaseState.UNDER_REVIEW,
           CaseState.ACCEPTED, CaseState.NOT_ACCEPTED},
    "C5": {CaseState.AWAITING_SUPPLEMENT},
    "C2": {CaseState.ACCEPTED, CaseState.INVESTIGATING, CaseState.DECISION_DRAFTED, CaseState.REOPENED},
    "C6": {CaseState.ACCEPTED},
    "C7": {CaseState.INVESTIGATING, CaseState.DECISION_DRAFTED},
    "C3": {CaseState.DECIDED},
}


def refresh_derived(ctx: ServiceContext, session: Session, c: m.Complaint) -> dict[str, Deadline]:
    """Recompute the denormalised columns used by the list, search, dashboard and statistics."""
    session.flush()
    complainants = live(list(c.complainants))
    respondents = live(list(c.respondents))
    agents = live(list(c.agents))
    c.first_complainant = complainants[0].name if complainants else ("（匿名）" if c.anonymous else "")
    c.first_complainant_id_no = complainants[0].id_number if complainants else ""
    c.first_respondent = respondents[0].name if respondents else ""
    c.respondent_type = respondents[0].type_code if respondents else ""
    parts = [c.case_no, c.aid_case_no]
    for p in complainants:
        parts += [p.name, p.id_number, p.phone]
    for a in agents:
        parts += [a.name, a.id_number, a.phone]
    for r in respondents:
        parts += [r.name, r.unit_name, r.licence_no]
    # The archive number too: the archive search finds a volume by any fragment of it (档号).
    parts += session.scalars(select(m.ArchiveVolume.archive_no).where(m.ArchiveVolume.complaint_id == c.id)).all()
    c.party_text = " ".join(x for x in parts if x)

    clocks = case_clocks(ctx, session, c)
    if "C2" in clocks:
        c.handling_due = clocks["C2"].due_date
    _refresh_statistics_columns(ctx, session, c, clocks, len(complainants))
    state = CaseState(c.state)
    due: list[tuple[dt.date, str]] = []
    for code, d in clocks.items():
        if d.stopped_on is None and state in OPEN_CLOCK_STATES.get(code, set()):
            due.append((d.due_date, code))
    if state in (CaseState.SUPERVISING, CaseState.REPLIED, CaseState.DECIDED):
        task_due = session.scalar(select(func.min(m.SupervisionTask.due_date)).where(
            m.SupervisionTask.complaint_id == c.id,
            m.SupervisionTask.status.in_([SupervisionStatus.OPEN, SupervisionStatus.REPORTED])))
        if task_due:
            due.append((task_due, "C4"))
    if due:
        c.next_due_date, c.next_due_clock = min(due)
    else:
        c.next_due_date, c.next_due_clock = None, ""
    c.calendar_unconfirmed = any(d.unconfirmed_years for d in clocks.values())
    c.updated_at = ctx.clock.now()
    return clocks


def _refresh_statistics_columns(ctx: ServiceContext, session: Session, c: m.Complaint, clocks: dict[str, Deadline],
                                complainants: int) -> None:
    """The copies the statistics read from covering indexes (persistence/statistics_columns.py)."""
    c.acceptance_due = clocks["C1"].due_date if "C1" in clocks else None
    c.reply_due = clocks["C3"].due_date if "C3" in clocks else None
    c.complainant_count = complainants
    codes: dict[int, list[Any]] = {}
    for respondent_id, outcome_codes in session.execute(select(
            m.HandlingDecision.respondent_id, m.HandlingDecision.outcome_codes).where(
            m.HandlingDecision.complaint_id == c.id, m.HandlingDecision.retired_at.is_(None))):
        codes.setdefault(respondent_id, []).extend(outcome_codes or [])
    rules = ctx.rule_set(c.rule_set_id)
    for r in c.respondents:
        r.case_received_date = c.received_date
        r.case_decided_on = c.handling_decided_on
        r.case_office_code = c.source_office_code
        r.outcome_key = outcome_key(codes.get(r.id, []))
        r.substantiated = substantiated(rules, codes[r.id]) if r.id in codes else None
