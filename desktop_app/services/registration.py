"""登记: register every complaint first (先登记后审查), the case list, duplicates."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from desktop_app.domain import models as m
from desktop_app.domain.enums import CaseState, Channel, DeadlineStatus, Role, SignatureStatus
from desktop_app.domain.errors import NotFound, TransitionRefused, ValidationError
from desktop_app.domain.identity import mask_id, mask_name
from desktop_app.persistence import search
from desktop_app.persistence.queries import page_nulls_last
from desktop_app.rules import lifecycle
from desktop_app.services.base import ServiceBase
from desktop_app.services.cases import (
    clock_views,
    diff,
    live,
    load_case,
    refresh_derived,
    snapshot,
)
from desktop_app.services.context import next_sequence
from desktop_app.services.dto import (
    AgentInput,
    CaseDetail,
    CaseFilter,
    CaseRef,
    CaseRow,
    ComplainantInput,
    DocumentInfo,
    DuplicateHit,
    MaterialInput,
    OtherProcedureInput,
    RegistrationInput,
    RespondentInput,
)
from desktop_app.services.validation import validate_registration

SORT_COLUMNS = {
    "case_no": m.Complaint.case_no,
    "received_date": m.Complaint.received_at,
    "complainant": m.Complaint.first_complainant,
    "respondent": m.Complaint.first_respondent,
    "ground": m.Complaint.ground_code,
    "state": m.Complaint.state,
    "next_due_date": m.Complaint.next_due_date,
    "channel": m.Complaint.channel,
}

# A list's total stops at this many cases when a search term is frequent ("10,000+ 件").
COUNT_CAP = 10_000
# A frequent term's capped count tests each row when the other filters leave fewer cases than
# this (~5 µs a row at 1M cases on SQLite: ≤ 100 ms); with more, the search index drives it.
WALK_FILTERED_ROWS = 20_000
# Up to this many cases left by the filters, a frequent term's capped count tests its matches
# against the set of their ids (read from an index) instead of reading each match's case row.
INTERSECT_FILTERED_ROWS = 300_000
# States the list calls open (not 已归档, not 已并案).
OPEN_STATES = tuple(s.value for s in CaseState if s not in (CaseState.ARCHIVED, CaseState.MERGED))

FULL_VIEW_ROLES = (Role.REVIEWER, Role.HEAD, Role.INVESTIGATOR, Role.ARCHIVIST, Role.FRONT_DESK)


def local_office(session: Session, code: str) -> m.Office:
    office = session.scalars(select(m.Office).where(m.Office.code == code)).one_or_none()
    if office is None:
        raise NotFound(f"本机关（代码 {code}）尚未设置，请由系统管理员在“机关设置”中填写。")
    return office


class RegistrationService(ServiceBase):
    """Front desk (窗口登记)."""

    # ------------------------------------------------------------------ writes

    def register(self, inp: RegistrationInput) -> CaseRef:
        """Create the case in RECEIVED (T1); a complete written complaint goes on to REGISTERED (T2)."""
        self.actor.require(Role.FRONT_DESK, Role.REVIEWER, Role.HEAD, action="登记投诉")
        now = self.ctx.clock.now()
        received_at = inp.received_at or now
        rules = self.ctx.rule_set_for(received_at.date())
        errors = validate_registration(inp, rules, self.ctx.clock.today(), for_completion=False)
        if errors:
            raise ValidationError.collect(errors)
        with self.uow() as uow:
            s = uow.session
            office = local_office(s, self.ctx.office_code)
            year = received_at.year
            seq = next_sequence(s, self.ctx.db, office.code, year, "case")
            case_no = office.case_number_format.format(short=office.short_name or office.code,
                                                       code=office.code, year=year, seq=seq)
            c = m.Complaint(
                case_no=case_no, office_id=office.id, year=year, seq=seq, rule_set_id=rules.id,
                state=CaseState.RECEIVED.value, received_at=received_at, received_date=received_at.date(),
                channel=inp.channel, registered_by_id=self.actor.user_id, registered_at=now,
                receiver_name=inp.receiver_name or self.actor.full_name, created_at=now, updated_at=now,
                record_signature=SignatureStatus.PENDING.value,
            )
            s.add(c)
            self._apply(s, c, inp, now)
            s.flush()
            refresh_derived(self.ctx, s, c)
            uow.audit("case.register", entity="complaint", entity_id=c.id, complaint_id=c.id,
                      summary=f"登记投诉 {case_no}（{Channel(inp.channel).label}）",
                      after=snapshot(c) | {"case_no": case_no, "rule_set_id": rules.id})
            if not Channel(inp.channel).needs_signature and not validate_registration(
                    inp, rules, self.ctx.clock.today(), for_completion=True):
                self._complete(uow, c)
            return CaseRef(c.id, c.case_no, c.state, c.version)

    def update_registration(self, case_id: int, inp: RegistrationInput, *, expected_version: int,
                            correction_reason: str = "") -> CaseRef:
        """Save edits to the 登记表. Changing the receipt time needs a reason (it starts C1)."""
        self.actor.require(Role.FRONT_DESK, Role.REVIEWER, Role.HEAD, action="修改登记信息")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id, expected_version=expected_version)
            if CaseState(c.state) not in lifecycle.TRANSITIONS["T4_accept"].sources | {CaseState.RECEIVED}:
                raise TransitionRefused(f"案件已{CaseState(c.state).label}，登记信息不能再修改；"
                                        "如需更正请由机关负责人重新办理。")
            rules = self.ctx.rule_set(c.rule_set_id)
            errors = validate_registration(inp, rules, self.ctx.clock.today(),
                                           for_completion=c.state != CaseState.RECEIVED)
            if errors:
                raise ValidationError.collect(errors)
            before = snapshot(c) | {"parties": self._parties(c)}
            if inp.received_at is not None and inp.received_at != c.received_at:
                if not correction_reason.strip():
                    raise ValidationError("更正收到时间必须填写更正理由（收到时间决定受理期限）。",
                                          field="correction_reason")
                new_rules = self.ctx.rule_set_for(inp.received_at.date())
                c.received_at = inp.received_at
                c.received_date = inp.received_at.date()
                c.rule_set_id = new_rules.id
            now = self.ctx.clock.now()
            self._apply(s, c, inp, now)
            s.flush()
            refresh_derived(self.ctx, s, c)
            b, a = diff(before, snapshot(c) | {"parties": self._parties(c)})
            uow.audit("case.update", entity="complaint", entity_id=c.id, complaint_id=c.id,
                      summary=f"修改登记信息{('（更正理由：' + correction_reason + '）') if correction_reason else ''}",
                      before=b, after=a)
            s.flush()
            return CaseRef(c.id, c.case_no, c.state, c.version)

    def confirm_record_signature(self, case_id: int, status: str, note: str = "", *,
                                 complainant_index: int | None = None) -> CaseRef:
        """Confirm the complainant signed / thumbprinted the printed oral record (Art 6)."""
        self.actor.require(Role.FRONT_DESK, Role.REVIEWER, Role.HEAD, action="确认签字捺印")
        st = SignatureStatus(status)
        if st is SignatureStatus.PENDING:
            raise ValidationError("请选择已签字、已捺印或拒签/无法签字。", field="record_signature")
        if st in (SignatureStatus.REFUSED, SignatureStatus.NOT_POSSIBLE) and not note.strip():
            raise ValidationError("投诉人拒签或无法签字时，须注明情况（由两名工作人员见证）。",
                                  field="record_signature_note")
        with self.uow() as uow:
            s = uow.session
            c = load_case(s, case_id)
            if not Channel(c.channel).needs_signature:
                raise TransitionRefused("书面投诉无需确认口头投诉记录的签字捺印。")
            before = snapshot(c)
            c.record_signature = st.value
            c.record_signature_note = note
            c.record_signed_at = self.ctx.clock.now()
            for p in live(list(c.complainants)):
                if complainant_index is None or p.position == complainant_index:
                    p.signature = st.value
            refresh_derived(self.ctx, s, c)
            b, a = diff(before, snapshot(c))
            uow.audit("case.record_signature", entity="complaint", entity_id=c.id, complaint_id=c.id,
                      summary=f"确认口头投诉记录：{st.label}", before=b, after=a)
            return CaseRef(c.id, c.case_no, c.state, c.version)

    def complete_registration(self, case_id: int) -> CaseRef:
        """T2 RECEIVED → REGISTERED: mandatory fields; oral/phone ⇒ signature or thumbprint confirmed."""
        self.actor.require(Role.FRONT_DESK, Role.REVIEWER, Role.HEAD, action="完成登记")
        with self.uow() as uow:
            c = load_case(uow.session, case_id)
            self._complete(uow, c)
            return CaseRef(c.id, c.case_no, c.state, c.version)

    def _complete(self, uow: Any, c: m.Complaint) -> None:
        lifecycle.transition("T2_complete_registration", c.state)
        rules = self.ctx.rule_set(c.rule_set_id)
        inp = registration_input(c)
        errors = validate_registration(inp, rules, self.ctx.clock.today(), for_completion=True)
        if errors:
            raise ValidationError.collect(errors)
        ch = Channel(c.channel)
        if ch.needs_signature and c.record_signature == SignatureStatus.PENDING:
            what = "口头投诉记录" if ch.is_oral else "电话投诉（签字待补）"
            raise TransitionRefused(
                f"{what}尚未确认投诉人签字或捺印，不能完成登记（第六条）。请打印记录交投诉人签字或捺印后确认。",
                field="record_signature", code="signature")
        before = c.state
        c.state = CaseState.REGISTERED.value
        refresh_derived(self.ctx, uow.session, c)
        uow.audit("case.transition", entity="complaint", entity_id=c.id, complaint_id=c.id,
                  summary="完成登记", before={"state": before}, after={"state": c.state})

    def _parties(self, c: m.Complaint) -> dict[str, Any]:
        return {
            "complainants": [(p.name, p.role, p.id_number, p.phone) for p in live(list(c.complainants))],
            "agents": [(a.name, a.poa_submitted, sorted(a.poa_scope)) for a in live(list(c.agents))],
            "respondents": [(r.type_code, r.name, r.unit_name) for r in live(list(c.respondents))],
        }

    def _apply(self, s: Session, c: m.Complaint, inp: RegistrationInput, now: dt.datetime) -> None:
        for f in ("anonymous", "sensitive", "sensitive_reason", "priority", "writing_difficulty",
                  "request_text", "facts_text", "reasons_text", "event_time_text", "ground_code",
                  "aid_case_no", "aid_case_cause", "aid_institution", "aid_case_type", "aid_litigation",
                  "aid_case_open", "aid_applied_on", "aid_assigned_on", "aid_handler", "transferred_from"):
            setattr(c, f, getattr(inp, f))
        c.subtype_codes = list(inp.subtype_codes)
        if inp.channel != c.channel:
            c.channel = inp.channel
        if inp.receiver_name:
            c.receiver_name = inp.receiver_name
        complainants = _sync(s, c, list(c.complainants), inp.complainants, m.Complainant, now,
                             lambda row, x, i: _set_complainant(row, x, i))
        _sync(s, c, list(c.agents), inp.agents, m.Agent, now,
              lambda row, x, i: _set_agent(row, x, complainants))
        _sync(s, c, list(c.respondents), inp.respondents, m.Respondent, now,
              lambda row, x, i: _set_fields(row, dataclasses.asdict(x), position=i))
        _sync(s, c, list(c.materials), inp.materials, m.MaterialReceived, now,
              lambda row, x, i: _set_fields(row, dataclasses.asdict(x), received_on=c.received_date))
        _sync(s, c, list(c.other_procedures), inp.other_procedures, m.OtherProcedure, now,
              lambda row, x, i: _set_fields(row, dataclasses.asdict(x)))

    # ------------------------------------------------------------------ reads

    def get_case(self, case_id: int) -> CaseDetail:
        with self.read() as s:
            c = s.get(m.Complaint, case_id)
            if c is None:
                raise NotFound(f"找不到编号为 {case_id} 的投诉案件。")
            return case_detail(self.ctx, s, c, masked=self._masked(c))

    def find_case(self, case_no: str) -> CaseRef:
        with self.read() as s:
            c = s.scalars(select(m.Complaint).where(m.Complaint.case_no == case_no.strip())).one_or_none()
            if c is None:
                raise NotFound(f"找不到案号为“{case_no}”的投诉案件，请核对案号。")
            return CaseRef(c.id, c.case_no, c.state, c.version)

    def _masked(self, c: m.Complaint) -> bool:
        if c.sensitive:
            return not (self.actor.has(Role.HEAD) or c.handler_id == self.actor.user_id
                        or c.registered_by_id == self.actor.user_id)
        return not self.actor.has(*FULL_VIEW_ROLES)

    def list_cases(self, flt: CaseFilter | None = None, *, sort: str = "received_date",
                   descending: bool = True, offset: int = 0, limit: int = 100) -> list[CaseRow]:
        flt = flt or CaseFilter()
        col = SORT_COLUMNS.get(sort, m.Complaint.received_at)
        order = [col.desc() if descending else col.asc(), m.Complaint.id.desc() if descending else m.Complaint.id]
        today = self.ctx.clock.today()
        soon = self._due_soon_limit(today)
        with self.read() as s:
            base = (select(m.Complaint.id, m.Complaint.case_no, m.Complaint.received_date,
                           m.Complaint.first_complainant, m.Complaint.first_complainant_id_no,
                           m.Complaint.first_respondent, m.Complaint.respondent_type, m.Complaint.ground_code,
                           m.Complaint.channel, m.Complaint.state, m.Complaint.next_due_date,
                           m.Complaint.next_due_clock, m.Complaint.calendar_unconfirmed, m.Complaint.sensitive,
                           m.Complaint.handler_id, m.Complaint.registered_by_id)
                    .where(*self._conditions(flt, frequent=self._is_frequent(s, flt))))
            if sort == "next_due_date":  # open deadlines first, each part read in index order
                rows = page_nulls_last(s, base, m.Complaint.next_due_date, m.Complaint.id, offset=offset,
                                       limit=limit, descending=descending)
            else:
                rows = s.execute(base.order_by(*order).offset(offset).limit(limit)).all()
        out = []
        for r in rows:
            hidden = r.sensitive and not (self.actor.has(Role.HEAD) or self.actor.user_id in
                                          (r.handler_id, r.registered_by_id))
            out.append(CaseRow(
                id=r.id, case_no=r.case_no, received_date=r.received_date,
                complainant="（敏感案件）" if hidden else r.first_complainant,
                complainant_id_no="" if hidden else mask_id(r.first_complainant_id_no),
                respondent="（敏感案件）" if hidden else r.first_respondent, respondent_type=r.respondent_type,
                ground=r.ground_code, channel=r.channel, state=r.state, state_label=CaseState(r.state).label,
                next_due_date=r.next_due_date, next_due_clock=r.next_due_clock,
                deadline_status=_badge(r.next_due_date, r.calendar_unconfirmed, today, soon),
                calendar_unconfirmed=r.calendar_unconfirmed, sensitive=r.sensitive))
        return out

    def count_cases(self, flt: CaseFilter | None = None, *, cap: int | None = None) -> int:
        """How many cases the filter finds.

        With ``cap``: counting stops after ``cap`` cases and ``cap + 1`` means "more than
        ``cap``" — what a list shows as "10,000+" (:data:`COUNT_CAP`, :func:`capped_total`)
        when a search term is in a large part of the archive and an exact count would read
        every match. Without ``cap`` the count is exact, whatever it costs.
        """
        flt = flt or CaseFilter()
        dialect = self.ctx.db.engine.dialect.name
        with self.read() as s:
            if cap is not None and self._is_frequent(s, flt):
                filters = self._conditions(flt, with_text=False)
                table = m.Complaint.__table__
                # Few cases left by the filters: test those rows; a middling number (the open
                # cases): intersect their ids with the matches; most cases: let the matches drive.
                left = (s.scalar(search.capped_row_count(filters, INTERSECT_FILTERED_ROWS, complaints=table)) or 0
                        ) if filters else 0
                stmt = search.capped_match_count(
                    dialect, flt.text, filters, cap + 1, complaints=table,
                    walk_filtered=bool(filters) and left < WALK_FILTERED_ROWS,
                    intersect=bool(filters) and WALK_FILTERED_ROWS <= left < INTERSECT_FILTERED_ROWS)
            elif (states := self._states_only(flt)) is not None:
                # All cases / open cases / some states: the trigger-kept counts (persistence/state_counts.py).
                counts = m.ComplaintStateCount
                stmt = select(func.coalesce(func.sum(counts.cases), 0))
                if states:
                    stmt = stmt.where(counts.state.in_(states))
            else:  # exact: through the index whatever the term (a walk would test every row)
                stmt = select(func.count(m.Complaint.id)).where(*self._conditions(flt))
            return int(s.scalar(stmt) or 0)

    @staticmethod
    def _states_only(flt: CaseFilter) -> list[str] | None:
        """The states a filter selects when it selects by state alone ([] = every case), else None."""
        if dataclasses.replace(flt, states=[], include_closed=True) != CaseFilter():
            return None
        if flt.states:
            return list(flt.states)
        if not flt.include_closed:
            return list(OPEN_STATES)
        return []

    def _is_frequent(self, s: Session, flt: CaseFilter) -> bool:
        """Whether a search term is in so many cases that lists walk their index (search.py)."""
        return bool(flt.text.strip()) and search.is_frequent(s, self.ctx.db.engine.dialect.name, flt.text)

    def _due_soon_limit(self, today: dt.date) -> dt.date:
        cal = self.ctx.calendar()
        d = today
        for _ in range(2):
            d = cal.next_workday(d)
        return d

    def _conditions(self, flt: CaseFilter, *, frequent: bool = False, with_text: bool = True) -> list[Any]:
        cond: list[Any] = []
        if flt.states:
            cond.append(m.Complaint.state.in_(flt.states))
        elif not flt.include_closed:
            # IN (open states), not NOT IN (closed): an index seek per state instead of reading
            # every entry of the state index (77 ms → a few ms for the count at 1M cases).
            cond.append(m.Complaint.state.in_(OPEN_STATES))
        if flt.ground_code:
            cond.append(m.Complaint.ground_code == flt.ground_code)
        if flt.respondent_type:
            cond.append(m.Complaint.respondent_type == flt.respondent_type)
        if flt.channel:
            cond.append(m.Complaint.channel == flt.channel)
        if flt.received_from:
            cond.append(m.Complaint.received_date >= flt.received_from)
        if flt.received_to:
            cond.append(m.Complaint.received_date <= flt.received_to)
        if flt.office_code:
            cond.append(m.Complaint.source_office_code == flt.office_code)
        if flt.overdue_only:
            cond.append(and_(m.Complaint.next_due_date.is_not(None),
                             m.Complaint.next_due_date < self.ctx.clock.today()))
        # Substring search through the FTS5 trigram / pg_trgm indexes (persistence/search.py).
        found = (search.text_condition(self.ctx.db.engine.dialect.name, flt.text, id_column=m.Complaint.id,
                                       frequent=frequent) if with_text else None)
        if found is not None:
            cond.append(found)
        return cond

    def find_duplicates(self, inp: RegistrationInput, *, exclude_case_id: int | None = None,
                        limit: int = 20) -> list[DuplicateHit]:
        """Earlier cases with the same complainant (ID, or name + phone) or same respondent and ground."""
        hits: dict[int, DuplicateHit] = {}
        with self.read() as s:
            def add(rows: list[Any], why: str) -> None:
                for c in rows:
                    if c.id == exclude_case_id or c.id in hits:
                        continue
                    hits[c.id] = DuplicateHit(
                        case_id=c.id, case_no=c.case_no, received_date=c.received_date, why=why,
                        complainant=c.first_complainant, respondent=c.first_respondent,
                        state_label=CaseState(c.state).label, outcome=_outcome_text(s, c))

            base = select(m.Complaint).order_by(m.Complaint.received_at.desc()).limit(limit)
            ids = [x.id_number.strip().upper() for x in inp.complainants if x.id_number.strip()]
            if ids:
                sub = select(m.Complainant.complaint_id).where(m.Complainant.id_number.in_(ids),
                                                               m.Complainant.retired_at.is_(None))
                add(list(s.scalars(base.where(m.Complaint.id.in_(sub)))), "同一投诉人（身份证号相同）")
            for x in inp.complainants:
                if x.name.strip() and x.phone.strip():
                    sub = select(m.Complainant.complaint_id).where(
                        m.Complainant.name == x.name.strip(), m.Complainant.phone == x.phone.strip())
                    add(list(s.scalars(base.where(m.Complaint.id.in_(sub)))), "同名且电话相同的投诉人")
            for r in inp.respondents:
                if r.name.strip() and r.name.strip() != "不详":
                    sub = select(m.Respondent.complaint_id).where(m.Respondent.name == r.name.strip())
                    stmt = base.where(m.Complaint.id.in_(sub))
                    if inp.ground_code:
                        stmt = stmt.where(m.Complaint.ground_code == inp.ground_code)
                        why = "同一被投诉人、同一投诉事项"
                    else:
                        why = "同一被投诉人"
                    add(list(s.scalars(stmt)), why)
        return sorted(hits.values(), key=lambda h: h.received_date, reverse=True)[:limit]


# ---------------------------------------------------------------------- helpers


def capped_total(counted: int, cap: int = COUNT_CAP) -> tuple[int, bool]:
    """``(n, is_lower_bound)`` of a ``count_cases(…, cap=cap)`` result: ``(cap, True)`` means "cap+"."""
    return (cap, True) if counted > cap else (counted, False)


def _badge(due: dt.date | None, unconfirmed: bool, today: dt.date, soon: dt.date) -> str:
    if due is None:
        return ""
    if due < today:
        return DeadlineStatus.OVERDUE.value
    if due == today:
        return DeadlineStatus.DUE_TODAY.value
    if unconfirmed:
        return DeadlineStatus.UNCONFIRMED.value
    if due <= soon:
        return DeadlineStatus.DUE_SOON.value
    return DeadlineStatus.OK.value


def _outcome_text(s: Session, c: m.Complaint) -> str:
    if c.decision == "NOT_ACCEPT":
        return "不予受理（" + "、".join(c.decision_reasons or []) + "）"
    rows = s.scalars(select(m.HandlingDecision).where(
        m.HandlingDecision.complaint_id == c.id, m.HandlingDecision.retired_at.is_(None))).all()
    codes = sorted({code for r in rows for code in r.outcome_codes})
    if codes and c.handling_decided_on:
        return "处理结果：" + "、".join(codes) + f"（{c.handling_decided_on.isoformat()}）"
    return CaseState(c.state).label


def _set_fields(row: Any, values: dict[str, Any], **extra: Any) -> None:
    for k, v in {**values, **extra}.items():
        if hasattr(row, k):
            setattr(row, k, v)


def _set_complainant(row: m.Complainant, x: ComplainantInput, i: int) -> None:
    values = dataclasses.asdict(x)
    values["id_number"] = x.id_number.strip().upper()
    values["special_groups"] = list(x.special_groups)
    if x.id_number.strip() and x.id_type == "RESIDENT_ID" and len(x.id_number.strip()) == 18:
        from desktop_app.domain.identity import validate_id_number
        try:
            info = validate_id_number(x.id_number.strip(), dt.date.max)  # already validated against the clock
            values.setdefault("birth_date", None)
            values["birth_date"] = x.birth_date or info.birth_date
            if x.sex == "U":
                values["sex"] = info.sex.value
        except ValidationError:
            pass
    _set_fields(row, values, position=i)


def _set_agent(row: m.Agent, x: AgentInput, complainants: list[Any]) -> None:
    values = dataclasses.asdict(x)
    represents = values.pop("represents")
    values["poa_scope"] = list(x.poa_scope)
    _set_fields(row, values)
    row.complainant_id = complainants[represents].id if represents is not None and represents < len(
        complainants) else None


def _sync(s: Session, c: m.Complaint, existing: list[Any], inputs: list[Any], model: type, now: dt.datetime,
          setter: Any) -> list[Any]:
    """Update child rows in place by position; retire surplus rows (never delete)."""
    current = live(existing)
    rows = []
    for i, x in enumerate(inputs):
        if i < len(current):
            row = current[i]
        else:
            row = model()
            row.complaint = c  # back-populates the collection
            s.add(row)  # SQLAlchemy 2 does not cascade along backrefs
        setter(row, x, i)
        rows.append(row)
    for row in current[len(inputs):]:
        row.retired_at = now
    s.flush()
    return rows


def registration_input(c: m.Complaint) -> RegistrationInput:
    """The registration form as stored (for editing, printing and validation)."""
    complainants = live(list(c.complainants))
    index = {p.id: i for i, p in enumerate(complainants)}
    return RegistrationInput(
        channel=c.channel, received_at=c.received_at, receiver_name=c.receiver_name,
        transferred_from=c.transferred_from, anonymous=c.anonymous, sensitive=c.sensitive,
        sensitive_reason=c.sensitive_reason, priority=c.priority, writing_difficulty=c.writing_difficulty,
        complainants=[ComplainantInput(
            name=p.name, role=p.role, sex=p.sex, id_type=p.id_type, id_number=p.id_number,
            birth_date=p.birth_date, ethnicity=p.ethnicity, phone=p.phone, address=p.address,
            postcode=p.postcode, email=p.email, work_unit=p.work_unit, relationship_text=p.relationship_text,
            special_groups=list(p.special_groups or [])) for p in complainants],
        agents=[AgentInput(
            name=a.name, id_number=a.id_number, phone=a.phone, address=a.address,
            relationship_text=a.relationship_text, is_guardian=a.is_guardian, poa_submitted=a.poa_submitted,
            poa_received_on=a.poa_received_on, poa_scope=list(a.poa_scope or []),
            poa_scope_other=a.poa_scope_other, poa_term=a.poa_term,
            represents=index.get(a.complainant_id) if a.complainant_id else None) for a in live(list(c.agents))],
        respondents=[RespondentInput(type_code=r.type_code, name=r.name, unit_name=r.unit_name,
                                     licence_no=r.licence_no, contact=r.contact) for r in live(list(c.respondents))],
        request_text=c.request_text, facts_text=c.facts_text, reasons_text=c.reasons_text,
        event_time_text=c.event_time_text, ground_code=c.ground_code, subtype_codes=list(c.subtype_codes or []),
        aid_case_no=c.aid_case_no, aid_case_cause=c.aid_case_cause, aid_institution=c.aid_institution,
        aid_case_type=c.aid_case_type, aid_litigation=c.aid_litigation, aid_case_open=c.aid_case_open,
        aid_applied_on=c.aid_applied_on, aid_assigned_on=c.aid_assigned_on, aid_handler=c.aid_handler,
        materials=[MaterialInput(name=x.name, pages=x.pages, is_original=x.is_original) for x in live(list(c.materials))],
        other_procedures=[OtherProcedureInput(kind=x.kind, organ=x.organ, started_on=x.started_on,
                                              reference_no=x.reference_no, status=x.status)
                          for x in live(list(c.other_procedures))],
    )


def _mask_input(inp: RegistrationInput) -> RegistrationInput:
    for p in inp.complainants:
        p.name = mask_name(p.name)
        p.id_number = mask_id(p.id_number)
        p.phone = p.phone[:3] + "****" + p.phone[-4:] if len(p.phone) >= 7 else "****"
        p.address = p.address[:6] + "……" if p.address else ""
    for a in inp.agents:
        a.name = mask_name(a.name)
        a.id_number = mask_id(a.id_number)
        a.phone = "****"
    inp.facts_text = "（敏感案件，仅承办人员和机关负责人可见）" if inp.facts_text else ""
    inp.request_text = "（敏感案件）" if inp.request_text else ""
    inp.reasons_text = ""
    return inp


def case_detail(ctx: Any, s: Session, c: m.Complaint, *, masked: bool = False) -> CaseDetail:
    from desktop_app.services.cases import case_clocks

    rules = ctx.rule_set(c.rule_set_id)
    clocks = case_clocks(ctx, s, c)
    docs = s.scalars(select(m.Document).where(m.Document.complaint_id == c.id).order_by(m.Document.id)).all()
    served = set(s.scalars(select(m.ServiceRecord.document_id).where(m.ServiceRecord.complaint_id == c.id)))
    inp = registration_input(c)
    if masked:
        inp = _mask_input(inp)
    return CaseDetail(
        id=c.id, case_no=c.case_no, version=c.version, state=c.state, state_label=CaseState(c.state).label,
        rule_set_id=rules.id, rule_set_title=rules.title,
        rule_set_note=(rules.time_limits_note or "") if not rules.time_limits_confirmed else "",
        received_at=c.received_at, channel=c.channel, channel_label=Channel(c.channel).label,
        registration=inp, record_signature=c.record_signature, record_signature_note=c.record_signature_note,
        decision=c.decision, decision_reasons=list(c.decision_reasons or []), decision_date=c.decision_date,
        accepted_on=c.accepted_on, handling_due=c.handling_due, handling_decided_on=c.handling_decided_on,
        reply_sent_on=c.reply_sent_on, sensitive=c.sensitive, imported=c.imported,
        read_only=c.imported or c.state == CaseState.ARCHIVED,
        clocks=clock_views(ctx, clocks),
        available_transitions=[(t.code, t.label) for t in lifecycle.available(c.state)],
        documents=[DocumentInfo(id=d.id, kind=d.kind, title=d.title, doc_no=d.doc_no, version_no=d.version_no,
                                version_hash=d.version_hash, issued_on=d.issued_on, page_count=d.page_count,
                                served=d.id in served, superseded=d.superseded_by_id is not None) for d in docs],
        complainant_ids=[p.id for p in live(list(c.complainants))],
        respondent_ids=[r.id for r in live(list(c.respondents))],
        masked=masked,
    )
