"""~30 varied complaints driven through the real services (issue 5: statistics, dashboard, archive search).

Every case moves along the lifecycle with the clock set to the day of each step, so
documents, service records and decisions carry realistic dates. Tests then count the
raw rows themselves and compare with the services' figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import update

from desktop_app.domain import models as m
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identity import id_check_digit
from desktop_app.services.decisions import RespondentOutcomeInput, TransferInput
from desktop_app.services.dto import ComplainantInput, RegistrationInput, RespondentInput

ALL_OK = {f"A{i}": {"ok": True, "note": ""} for i in range(1, 6)}
NO_GROUNDS = {"R9-1": {"applies": False}, "R9-3": {"applies": False}, "R9-4": {"applies": False}}

CHANNELS = ["LETTER", "EMAIL", "FAX", "ONLINE", "TRANSFERRED", "IN_PERSON_WRITTEN", "LETTER"]
GROUNDS = [("M3", ["P5"]), ("M2", ["P3", "P11"]), ("M1", ["P2"]), ("M4", ["P8"]), ("M4", ["P6", "P9"]),
           ("M2", ["P4"]), ("M1", [])]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹"
RESPONDENTS = [
    ("LAWYER", "李明", "辽宁正大律师事务所"),
    ("LAW_FIRM", "辽宁正大律师事务所", ""),
    ("GRASSROOTS_WORKER", "赵法服", "凡河镇法律服务所"),
    ("LAWYER", "钱进", "铁岭信达律师事务所"),
    ("LEGAL_AID_INSTITUTION", "铁岭县法律援助中心", ""),
    ("VOLUNTEER", "孙志愿", ""),
]
BASE = dt.date(2025, 1, 6)
FATES = ["open", "not_accepted", "investigating", "substantiated", "unfounded", "transfer_extended"]
COMPLAINT_TEXT = "援助律师开庭前从未会见我，也没有阅卷，庭审中一言不发。"


def id_number(i: int) -> str:
    first17 = f"211221{1960 + i:04d}0{(i % 9) + 1}1{i % 10}{i:03d}"[:17]
    return first17 + id_check_digit(first17)


@dataclass
class BuiltCase:
    case_id: int
    case_no: str
    fate: str
    received: dt.date
    complainant: str
    id_number: str
    respondents: list[str] = field(default_factory=list)


def _at(clock: FixedClock, day: dt.date) -> None:
    clock.set(dt.datetime.combine(day, dt.time(10, 0)))


def _serve_latest(svc: Any, case_id: int, kind: str, on: dt.date) -> None:
    doc = next(d for d in reversed(svc.documents.list_documents(case_id)) if d.kind == kind and not d.superseded)
    svc.documents.record_service(doc.id, recipient_name="投诉人", method="IN_PERSON", served_on=on)


def _reply_without_document(services: Any, case_id: int, day: dt.date) -> None:
    """Stand-in until the 答复书 document kind exists: record the reply as served, as record_service would."""
    with services.ctx.db.write_session_factory() as s, s.begin():
        s.execute(update(m.Complaint).where(m.Complaint.id == case_id).values(reply_sent_on=day, state="REPLIED"))


def build_cases(services: Any, staff: Any, clock: FixedClock, count: int = 30,
                today: dt.date = dt.date(2025, 6, 10)) -> list[BuiltCase]:
    """Register ``count`` complaints (received 2025-01-06 …) and move each to its fate; clock ends at ``today``."""
    desk, reviewer, head, inv = (staff.user(k) for k in ("desk", "reviewer", "head", "inv1"))
    team = [staff.ids["inv1"], staff.ids["inv2"]]
    built: list[BuiltCase] = []
    for i in range(count):
        received = BASE + dt.timedelta(days=4 * i + (i % 3))
        fate = FATES[i % len(FATES)]
        ground, subtypes = GROUNDS[i % len(GROUNDS)]
        name = SURNAMES[i] + ("秀兰" if i % 2 else "建国")
        idno = id_number(i)
        resp = [RESPONDENTS[(i // 2) % len(RESPONDENTS)]]
        if i % 5 == 0:
            resp.append(RESPONDENTS[(i + 1) % len(RESPONDENTS)])
        complainants = [ComplainantInput(name=name, id_number=idno, phone=f"139{i:08d}", address="铁岭县银州区")]
        if i % 7 == 3:  # a collective complaint (S4)
            complainants += [ComplainantInput(name=SURNAMES[-1 - k] + "集体", phone=f"137{i:04d}{k:04d}")
                             for k in range(2)]
        _at(clock, received)
        ref = desk.registration.register(RegistrationInput(
            channel=CHANNELS[i % len(CHANNELS)], received_at=dt.datetime.combine(received, dt.time(9, 30)),
            complainants=complainants,
            respondents=[RespondentInput(type_code=t, name=n, unit_name=u) for t, n, u in resp],
            request_text=f"请求查处被投诉人的违规行为（第{i + 1}件）。",
            facts_text=COMPLAINT_TEXT if i % 4 == 0 else f"被投诉人在办理援助案件时拖延{i + 2}个月未立案。",
            reasons_text="法律援助人员应当依法履行职责。", event_time_text="2024年",
            ground_code=ground, subtype_codes=subtypes, aid_case_no=f"铁援〔2024〕第{100 + i:04d}号",
            aid_institution="铁岭县法律援助中心"))
        if desk.registration.get_case(ref.id).state == "RECEIVED":
            desk.registration.complete_registration(ref.id)
        case = BuiltCase(ref.id, ref.case_no, fate, received, name, idno, [n for _, n, _ in resp])
        built.append(case)
        if fate == "open":
            continue
        decided_on = received + dt.timedelta(days=2 + i % 6)
        _at(clock, decided_on)
        if fate == "not_accepted":
            reasons = [["R9-3"], ["R9-4", "R8-5"], ["R8-3"]][(i // 6) % 3]
            reviewer.review.decide(ref.id, "NOT_ACCEPT", reason_codes=reasons, decided_on=decided_on,
                                   note="依据《法律援助条例》及本省法律援助管理规定审查。")
            served = decided_on + dt.timedelta(days=1 if i % 4 else 9)  # some notices served late
            _at(clock, served)
            _serve_latest(desk, ref.id, "non_acceptance_notice", served)
            continue
        reviewer.review.save_checklist(ref.id, conditions=ALL_OK, grounds=NO_GROUNDS, conduct_alleged=True,
                                       opinion="符合受理条件。")
        reviewer.review.decide(ref.id, "ACCEPT", decided_on=decided_on)
        served = decided_on + dt.timedelta(days=1 if i % 4 else 10)
        _at(clock, served)
        _serve_latest(desk, ref.id, "acceptance_notice", served)
        head.investigation.start_investigation(ref.id, team)
        if fate == "investigating":
            continue
        act_day = served + dt.timedelta(days=3)
        _at(clock, act_day)
        inv.investigation.record_act(ref.id, "VERIFICATION", investigator_ids=team, occurred_on=act_day,
                                     title="核实情况", counterpart=resp[0][1], summary="调取援助案卷，核实办理经过。")
        inv.investigation.add_evidence(ref.id, "法律援助案卷复印件", source="铁岭县法律援助中心",
                                       collected_on=act_day, pages=12)
        accepted = decided_on
        detail = head.registration.get_case(ref.id)
        late = i % 4 == 1
        if fate == "transfer_extended":
            ext = inv.investigation.request_extension(ref.id, "案情复杂，需调取外地证据。",
                                                      accepted + dt.timedelta(days=75))
            notice = head.investigation.decide_extension(ext, True, "同意延期")
            if notice is not None and i % 12 == 5:  # the extension notice is served for some of them only
                _serve_latest(desk, ref.id, "extension_notice", act_day)
            outcomes = [RespondentOutcomeInput(
                respondent_id=rid, outcome_codes=["O1c", "O2c"] if k == 0 else ["O2a"],
                minor=True, promptly_corrected=True, no_harm=True,
                facts_found="经调查，反映的问题属实。", measures="限期退还所收费用",
                rectification_due=accepted + dt.timedelta(days=80),
                transfers=[TransferInput(kind="INDUSTRY_DISCIPLINE", target_organ="铁岭市律师协会")] if k == 0 else [])
                for k, rid in enumerate(detail.respondent_ids)]
            handling_day = accepted + dt.timedelta(days=60)
        elif fate == "substantiated":
            outcomes = [RespondentOutcomeInput(respondent_id=rid, outcome_codes=["O2a"], minor=True,
                                               promptly_corrected=True, no_harm=True,
                                               facts_found="经调查，反映的问题属实。") for rid in detail.respondent_ids]
            handling_day = accepted + dt.timedelta(days=50 if late else 30)
        else:
            outcomes = [RespondentOutcomeInput(respondent_id=rid, outcome_codes=["O3a" if i % 2 else "O3b"],
                                               facts_found="经调查，反映的问题查证不实。") for rid in detail.respondent_ids]
            handling_day = accepted + dt.timedelta(days=25)
        if handling_day > today:
            handling_day = today
        _at(clock, handling_day)
        inv.decisions.propose(ref.id, outcomes, report="调查终结报告。")
        head.decisions.decide(ref.id, decided_on=handling_day)
        if i >= count - 3:
            continue  # decided, reply not yet served (C3 running)
        reply_day = handling_day + dt.timedelta(days=2 if i % 3 else 12)
        if reply_day > today:
            reply_day = today
        try:
            head.decisions.issue_reply(ref.id)
        except ValidationError as e:
            if e.field != "kind":
                raise
            _reply_without_document(services, ref.id, reply_day)  # 答复书 template not delivered yet
            continue
        _at(clock, reply_day)
        _serve_latest(desk, ref.id, "reply", reply_day)
    _at(clock, today)
    return built
