"""The case list sorted by next deadline: open deadlines first, stable pages across the boundary."""

from __future__ import annotations

from sqlalchemy import select

from desktop_app.domain import models as m
from desktop_app.services.demo import DemoResult
from desktop_app.services.dto import CaseFilter
from desktop_app.services.hub import Services


def _reference(services: Services, states: list[str] | None, descending: bool) -> list[int]:
    c = m.Complaint
    stmt = select(c.id)
    if states:
        stmt = stmt.where(c.state.in_(states))
    stmt = stmt.order_by(c.next_due_date.is_(None), c.next_due_date.desc() if descending else c.next_due_date,
                         c.id.desc() if descending else c.id)
    with services.ctx.db.session() as s:
        return list(s.scalars(stmt))


def test_pages_by_deadline_equal_one_sorted_list(services: Services, demo: DemoResult) -> None:
    for states, descending in ((None, False), (None, True), (["ARCHIVED", "INVESTIGATING", "SUPERVISING"], False)):
        expected = _reference(services, states, descending)
        flt = CaseFilter(states=states or [])
        paged: list[int] = []
        offset = 0
        while True:
            page = services.registration.list_cases(flt, sort="next_due_date", descending=descending,
                                                    offset=offset, limit=37)
            paged += [r.id for r in page]
            offset += 37
            if len(page) < 37:
                break
        assert paged == expected
        with_due = [r for r in services.registration.list_cases(flt, sort="next_due_date", limit=5)]
        assert with_due[0].next_due_date is not None  # open deadlines come first
