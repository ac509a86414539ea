"""The case list's total for a state filter comes from trigger-kept counts: always exact."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop_app.domain import models as m
from desktop_app.services.dto import CaseFilter
from desktop_app.services.hub import Services
from tests.conftest import Staff
from tests.services.scenario import accept, written


def _counted(services: Services) -> dict[str, int]:
    with services.ctx.db.session() as s:
        return dict(s.execute(select(m.Complaint.state, func.count()).group_by(m.Complaint.state)).all())


def _kept(services: Services) -> dict[str, int]:
    with services.ctx.db.session() as s:
        return {k: v for k, v in s.execute(select(m.ComplaintStateCount.state, m.ComplaintStateCount.cases)) if v}


def test_counts_follow_registration_and_every_state_change(services: Services, staff: Staff) -> None:
    desk, reviewer = staff.user("desk"), staff.user("reviewer")
    assert _kept(services) == {}
    first = desk.registration.register(written())
    second = desk.registration.register(written())
    accept(reviewer, first.id)
    assert _kept(services) == _counted(services)
    assert sum(_kept(services).values()) == 2
    registration = desk.registration
    assert registration.count_cases(CaseFilter()) == 2
    accepted = next(state for state, n in _counted(services).items() if n == 1 and state != "REGISTERED")
    assert registration.count_cases(CaseFilter(states=[accepted])) == 1
    assert registration.count_cases(CaseFilter(include_closed=False)) == 2
    assert registration.count_cases(CaseFilter(states=["ARCHIVED"])) == 0
    # Any other filter counts the cases themselves.
    assert registration.count_cases(CaseFilter(states=[accepted], channel="NO_SUCH_CHANNEL")) == 0
    assert second.id != first.id


def test_counts_match_after_bulk_insert_and_a_state_change_outside_the_services(services: Services) -> None:
    """The demo generator bulk-inserts (as an exchange import would): the triggers count those too."""
    from desktop_app.services.demo import generate_demo

    generate_demo(services, 120, seed=3)
    assert _kept(services) == _counted(services)
    with services.ctx.db.engine.begin() as conn:  # a state change outside the services
        conn.execute(m.Complaint.__table__.update().where(m.Complaint.id == select(func.min(m.Complaint.id))
                                                          .scalar_subquery()).values(state="ARCHIVED"))
    assert _kept(services) == _counted(services)
    assert services.registration.count_cases(CaseFilter(states=["ARCHIVED"])) == _counted(services)["ARCHIVED"]
