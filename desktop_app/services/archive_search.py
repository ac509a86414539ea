"""档案检索 and 借阅登记 (Art 19): find volumes years later; who borrowed which volume.

Search fields: number (case number or archive number), names / ID numbers / phones
(denormalised ``party_text``, which also holds the archive number), respondent, year,
ground, outcome, and the full text of the complaint (Chinese substring). Every text field
goes through the search index of ``persistence.search`` (FTS5 trigram / pg_trgm, 1–2
characters through the term table), as the case list does: a rare term drives the query
by its matches, a frequent one walks the list's sort index and tests the rows, and the
count of a frequent term stops at a cap ("超过 N 件"). The field's own column is then
checked on the candidate rows (a name typed as a party must be in ``party_text``, not in
the complaint text). Newest cases first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Text, and_, cast, exists, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.domain import models as m
from desktop_app.domain.enums import CaseState, Role
from desktop_app.domain.identity import mask_id, mask_name
from desktop_app.persistence import search
from desktop_app.services.base import ServiceBase
from desktop_app.services.hub import EXTRA_SERVICES

FULL_VIEW_ROLES = (Role.ARCHIVIST, Role.HEAD, Role.REVIEWER, Role.INVESTIGATOR, Role.FRONT_DESK)
SUBSTANTIATED = "SUBSTANTIATED"
UNFOUNDED = "UNFOUNDED"
NOT_ACCEPTED = "NOT_ACCEPTED"
OUTCOME_FILTERS = {SUBSTANTIATED: "查实", UNFOUNDED: "未查实", NOT_ACCEPTED: "不予受理"}
# The archive pane counts up to this many hits ("超过 1000 件"): enough to say "narrow the search",
# and a frequent word's count then reads 1,000 matches, not 10,000 (≤ 200 ms at 1,000,000 cases).
COUNT_CAP = 1_000


@dataclass
class ArchiveQuery:
    text: str = ""  # number, name, ID, phone, respondent or complaint text
    number: str = ""
    party: str = ""  # complainant / agent name, ID number or phone
    respondent: str = ""
    full_text: str = ""  # words of the complaint itself
    year: int | None = None  # archive year (or receipt year for unarchived cases)
    ground_code: str = ""
    outcome: str = ""  # an outcome code (O2a …) or SUBSTANTIATED / UNFOUNDED / NOT_ACCEPTED
    archived_only: bool = True


@dataclass(frozen=True)
class ArchiveHit:
    case_id: int
    case_no: str
    archive_no: str
    archive_year: int | None
    archived_on: dt.date | None
    received_date: dt.date
    complainant: str
    complainant_id_no: str
    respondent: str
    ground_code: str
    state_label: str
    outcome: str
    on_loan_to: str  # borrower of an open loan, '' when in the archive room


@dataclass(frozen=True)
class LendingRow:
    id: int
    case_id: int
    case_no: str
    archive_no: str
    borrower: str
    purpose: str
    lent_on: dt.date
    due_on: dt.date | None
    returned_on: dt.date | None
    overdue: bool


def _party_value(value: str) -> str:
    party = value.strip()
    return party.upper() if party[:-1].isdigit() else party  # an ID number typed with a lower-case x


# What each text field must also match in its own column (beyond the search index's document).
def _field_checks(q: "ArchiveQuery") -> list[tuple[str, object | None]]:
    c = m.Complaint
    out: list[tuple[str, object | None]] = []
    if q.text.strip():
        out.append((q.text, None))  # anywhere: numbers, parties, complaint text
    if q.number.strip():
        out.append((q.number, search.contains(c.party_text, q.number)))
    if q.party.strip():
        out.append((_party_value(q.party), search.contains(c.party_text, _party_value(q.party))))
    if q.respondent.strip():
        out.append((q.respondent, or_(search.contains(c.first_respondent, q.respondent), exists().where(
            m.Respondent.complaint_id == c.id, m.Respondent.retired_at.is_(None),
            or_(search.contains(m.Respondent.name, q.respondent), search.contains(m.Respondent.unit_name, q.respondent))))))
    if q.full_text.strip():
        out.append((q.full_text, or_(search.contains(c.request_text, q.full_text), search.contains(c.facts_text, q.full_text),
                                     search.contains(c.reasons_text, q.full_text))))
    return out


class ArchiveSearchService(ServiceBase):
    @staticmethod
    def _by_volume(q: ArchiveQuery) -> bool:
        """Volumes only: listed from the volumes, newest archived first (their primary key, or
        ix_archive_volumes_year for a year) — the newest cases are mostly not archived yet, so
        walking the cases newest first would pass over thousands before the first volume."""
        return q.archived_only

    @staticmethod
    def _volume_year(q: ArchiveQuery) -> list[object]:
        return [m.ArchiveVolume.year == q.year] if q.year else []

    def _conditions(self, s: Session, q: ArchiveQuery, *, with_text: bool = True,
                    with_volume: bool = True) -> list[object]:
        """WHERE conditions on ``complaints``; ``with_volume=False``: the query joins the volumes itself."""
        c, v = m.Complaint, m.ArchiveVolume
        dialect = self.ctx.db.engine.dialect.name
        cond: list[object] = []
        if q.archived_only and with_volume:  # probed per case (the list walks its index or the matches)
            cond.append(exists().where(v.complaint_id == c.id))
        if with_text:
            for value, check in _field_checks(q):
                found = search.text_condition(dialect, value, id_column=c.id,
                                              frequent=search.is_frequent(s, dialect, value))
                cond += [x for x in (found, check) if x is not None]
        if q.year and with_volume:
            in_year = c.id.in_(select(v.complaint_id).where(v.year == q.year))  # ix_archive_volumes_year
            cond.append(in_year if q.archived_only else or_(in_year, and_(
                c.year == q.year, ~exists().where(v.complaint_id == c.id))))
        if q.ground_code:
            cond.append(c.ground_code == q.ground_code)
        if q.outcome == SUBSTANTIATED:
            cond.append(c.substantiated.is_(True))
        elif q.outcome == UNFOUNDED:
            cond.append(and_(c.handling_decided_on.is_not(None), c.substantiated.is_not(True)))
        elif q.outcome == NOT_ACCEPTED:
            cond.append(c.decision == "NOT_ACCEPT")
        elif q.outcome:
            cond.append(exists().where(m.HandlingDecision.complaint_id == c.id,
                                       m.HandlingDecision.retired_at.is_(None),
                                       search.contains(cast(m.HandlingDecision.outcome_codes, Text), f'"{q.outcome}"')))
        return cond

    def count(self, q: ArchiveQuery, *, cap: int | None = None) -> int:
        """How many volumes (cases) the query finds; with ``cap``, ``cap + 1`` means "more than cap"."""
        c = m.Complaint
        with self.read() as s:
            if self._by_volume(q):
                v = m.ArchiveVolume
                inner = (select(v.id).join(c, c.id == v.complaint_id)
                         .where(*self._volume_year(q), *self._conditions(s, q, with_volume=False)))
                if cap is not None:  # newest volumes first, as the list: a frequent word stops the walk early
                    inner = inner.order_by(v.id.desc()).limit(cap + 1)
                return int(s.scalar(select(func.count()).select_from(inner.subquery())) or 0)
            if cap is None:
                return int(s.scalar(select(func.count(c.id)).where(*self._conditions(s, q))) or 0)
            fields = _field_checks(q)
            dialect = self.ctx.db.engine.dialect.name
            if fields and search.is_frequent(s, dialect, fields[0][0]):
                # A frequent term: its matches drive the count, stopping after cap + 1 hits.
                filters = self._conditions(s, q, with_text=False) + [check for _v, check in fields if check is not None]
                filters += [search.row_condition(dialect, value) for value, _check in fields[1:]]
                return int(s.scalar(search.capped_match_count(dialect, fields[0][0], filters, cap + 1,
                                                              complaints=c.__table__)) or 0)
            inner = select(c.id).where(*self._conditions(s, q)).limit(cap + 1).subquery()
            return int(s.scalar(select(func.count()).select_from(inner)) or 0)

    def search(self, q: ArchiveQuery, *, offset: int = 0, limit: int = 100) -> list[ArchiveHit]:
        """A page of hits: volumes newest archived first; with unarchived cases, newest case first."""
        c, v, loan = m.Complaint, m.ArchiveVolume, m.LendingRecord
        open_loan = (select(loan.borrower).where(loan.volume_id == v.id, loan.returned_on.is_(None))
                     .limit(1).scalar_subquery())
        with self.read() as s:
            if self._by_volume(q):
                page = (select(c.id.label("id")).select_from(v).join(c, c.id == v.complaint_id)
                        .where(*self._volume_year(q), *self._conditions(s, q, with_volume=False))
                        .order_by(v.id.desc()).offset(offset).limit(limit).subquery())
                order = [v.id.desc()]
            else:
                page = (select(c.id).where(*self._conditions(s, q))
                        .order_by(c.received_at.desc(), c.id.desc()).offset(offset).limit(limit).subquery())
                order = [c.received_at.desc(), c.id.desc()]
            stmt = (select(c.id, c.case_no, c.received_date, c.first_complainant, c.first_complainant_id_no,
                           c.first_respondent, c.ground_code, c.state, c.decision, c.substantiated, c.sensitive,
                           c.handler_id, c.registered_by_id, c.handling_decided_on,
                           v.archive_no, v.year.label("archive_year"), v.archived_on, open_loan.label("borrower"))
                    .select_from(page).join(c, c.id == page.c.id).outerjoin(v, v.complaint_id == c.id)
                    .order_by(*order))
            rows = s.execute(stmt).all()
        full = self.actor.has(*FULL_VIEW_ROLES)
        out: list[ArchiveHit] = []
        for r in rows:
            hidden = r.sensitive and not (self.actor.has(Role.HEAD)
                                          or self.actor.user_id in (r.handler_id, r.registered_by_id))
            if r.decision == "NOT_ACCEPT":
                outcome = "不予受理"
            elif r.handling_decided_on is not None:
                outcome = "查实" if r.substantiated else "未查实"
            else:
                outcome = ""
            out.append(ArchiveHit(
                case_id=r.id, case_no=r.case_no, archive_no=r.archive_no or "", archive_year=r.archive_year,
                archived_on=r.archived_on, received_date=r.received_date,
                complainant="（敏感案件）" if hidden else (r.first_complainant if full else mask_name(r.first_complainant)),
                complainant_id_no="" if hidden else mask_id(r.first_complainant_id_no),
                respondent="（敏感案件）" if hidden else r.first_respondent, ground_code=r.ground_code,
                state_label=CaseState(r.state).label, outcome=outcome, on_loan_to=r.borrower or ""))
        return out

    # ------------------------------------------------------------------ lending log

    def lendings(self, case_id: int | None = None, *, open_only: bool = False, limit: int = 500) -> list[LendingRow]:
        """借阅登记 of one volume (case_id) or of the whole archive, newest first."""
        loan, v, c = m.LendingRecord, m.ArchiveVolume, m.Complaint
        stmt = (select(loan.id, c.id.label("case_id"), c.case_no, v.archive_no, loan.borrower, loan.purpose,
                       loan.lent_on, loan.due_on, loan.returned_on)
                .join(v, v.id == loan.volume_id).join(c, c.id == v.complaint_id)
                .order_by(loan.lent_on.desc(), loan.id.desc()).limit(limit))
        if case_id is not None:
            stmt = stmt.where(c.id == case_id)
        if open_only:
            stmt = stmt.where(loan.returned_on.is_(None))
        today = self.ctx.clock.today()
        with self.read() as s:
            return [LendingRow(r.id, r.case_id, r.case_no, r.archive_no, r.borrower, r.purpose, r.lent_on, r.due_on,
                               r.returned_on, bool(r.returned_on is None and r.due_on and r.due_on < today))
                    for r in s.execute(stmt)]


EXTRA_SERVICES["archive_search"] = ArchiveSearchService
