"""Bring a case to the investigation stage through the real services (no shortcuts in the DB)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.services.dto import ComplainantInput, RegistrationInput, RespondentInput
from desktop_app.services.hub import Services

ALL_CONDITIONS = {code: {"ok": True, "note": ""} for code in ("A1", "A2", "A3", "A4", "A5")}


@dataclass(frozen=True)
class Respondent:
    type_code: str
    name: str
    unit_name: str = ""


LAWYER = Respondent("LAWYER", "李明", "铁岭县正义律师事务所")
CENTRE = Respondent("LEGAL_AID_INSTITUTION", "铁岭县法律援助中心", "铁岭县法律援助中心")
GRASSROOTS = Respondent("GRASSROOTS_WORKER", "赵四", "铁岭县城关基层法律服务所")


def accepted_case(staff, *, respondents: tuple[Respondent, ...] = (LAWYER,), ground: str = "M3",
                  aid_case_open: bool | None = False, complainants: int = 1,
                  sensitive: bool = False) -> int:  # type: ignore[no-untyped-def]
    """A written complaint registered, reviewed and accepted: returns the case id."""
    desk: Services = staff.user("desk")
    inp = RegistrationInput(
        channel="LETTER",
        complainants=[ComplainantInput(name=f"王秀英{i or ''}", role="RECIPIENT", phone="13800000000")
                      for i in range(complainants)],
        respondents=[RespondentInput(type_code=r.type_code, name=r.name, unit_name=r.unit_name)
                     for r in respondents],
        request_text="请依法处理", facts_text="援助律师索要辛苦费两千元", reasons_text="违反规定",
        event_time_text="2025年2月", ground_code=ground, aid_case_no="铁援〔2025〕12号",
        aid_case_open=aid_case_open, aid_institution="铁岭县法律援助中心", sensitive=sensitive,
        sensitive_reason="家庭暴力受害人" if sensitive else "")
    ref = desk.registration.register(inp)
    if ref.state == "RECEIVED":
        desk.registration.complete_registration(ref.id)
    reviewer = staff.user("reviewer")
    reviewer.review.save_checklist(ref.id, conditions=ALL_CONDITIONS, grounds={}, conduct_alleged=True,
                                   opinion="符合受理条件；依据《法律援助条例》及省法律援助服务规范。")
    reviewer.review.decide(ref.id, "ACCEPT")
    return ref.id


def investigating_case(staff, **kwargs) -> int:  # type: ignore[no-untyped-def]
    case_id = accepted_case(staff, **kwargs)
    staff.user("head").investigation.start_investigation(case_id, [staff.ids["inv1"], staff.ids["inv2"]])
    return case_id


def at(clock, days: int) -> dt.date:  # type: ignore[no-untyped-def]
    clock.advance(days=days)
    return clock.today()


def ready_for_decision(staff, **kwargs) -> int:  # type: ignore[no-untyped-def]
    """Investigating, with the respondent asked to explain and evidence collected by two staff."""
    case_id = investigating_case(staff, **kwargs)
    inv = staff.user("inv1")
    today = inv.ctx.clock.today()
    team = [staff.ids["inv1"], staff.ids["inv2"]]
    inv.investigation.record_act(case_id, "EXPLANATION_REQUEST", investigator_ids=team, occurred_on=today,
                                 counterpart="被投诉人", due_date=today + dt.timedelta(days=7))
    inv.investigation.add_evidence(case_id, "受援人提供的收款收据", source="受援人", collected_on=today)
    return case_id
