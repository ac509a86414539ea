"""Building blocks for the statute scenarios (requirements §8): realistic inputs and common steps."""

from __future__ import annotations

import datetime as dt
import subprocess
from typing import Any

from desktop_app.domain.identity import id_check_digit
from desktop_app.services.decisions import RespondentOutcomeInput, TransferInput
from desktop_app.services.dto import (
    AgentInput,
    ComplainantInput,
    OtherProcedureInput,
    RegistrationInput,
    RespondentInput,
)
from desktop_app.services.hub import Services
from desktop_app.services.investigation import TranscriptInput, TurnInput


def id_number(birth: str, seq: str = "123", region: str = "211221") -> str:
    first17 = region + birth + seq
    return first17 + id_check_digit(first17)


WANG = ComplainantInput(name="王秀兰", role="RECIPIENT", sex="F", id_number=id_number("19570312", "042"),
                        phone="13904101234", address="铁岭县凡河镇新华村3组", special_groups=["老年人"])


def complainant(name: str = "张建国", role: str = "RECIPIENT", **kw: Any) -> ComplainantInput:
    kw.setdefault("id_number", id_number("19800506", "031"))
    kw.setdefault("phone", "13841012345")
    kw.setdefault("address", "铁岭县银州区工人街12号")
    return ComplainantInput(name=name, role=role, **kw)


def lawyer(name: str = "李明", unit: str = "辽宁正大律师事务所") -> RespondentInput:
    return RespondentInput(type_code="LAWYER", name=name, unit_name=unit, licence_no="12112201510123456")


def written(**kw: Any) -> RegistrationInput:
    """A complete written complaint (letter) about a lawyer taking money (Art 5(3))."""
    base = dict(
        channel="LETTER", complainants=[complainant()], respondents=[lawyer()],
        request_text="请求查处李明律师收取受援人财物的行为并责令退还。",
        facts_text="2024年12月，李明律师作为指派的援助律师，以“辛苦费”名义向我收取现金1000元。",
        reasons_text="法律援助应当无偿提供，律师不得收取受援人财物。",
        event_time_text="2024年12月中旬", ground_code="M3", subtype_codes=["P5"],
        aid_case_no="铁援〔2024〕第0456号", aid_case_cause="离婚纠纷", aid_institution="铁岭县法律援助中心",
        aid_case_open=True, aid_litigation=True,
    )
    base.update(kw)
    return RegistrationInput(**base)


ALL_OK = {f"A{i}": {"ok": True, "note": ""} for i in range(1, 6)}
NO_GROUNDS = {"R9-1": {"applies": False}, "R9-3": {"applies": False}, "R9-4": {"applies": False}}


def accept(reviewer: Services, case_id: int, **kw: Any) -> Any:
    reviewer.review.save_checklist(case_id, conditions=ALL_OK, grounds=NO_GROUNDS, conduct_alleged=True,
                                   opinion=kw.pop("opinion", "符合第八条规定的受理条件。"))
    return reviewer.review.decide(case_id, "ACCEPT", **kw)


def serve_latest(desk: Services, case_id: int, kind: str, *, on: dt.date, recipient: str = "",
                 method: str = "IN_PERSON", **kw: Any) -> int:
    doc = next(d for d in reversed(desk.documents.list_documents(case_id)) if d.kind == kind and not d.superseded)
    return desk.documents.record_service(doc.id, recipient_name=recipient or "投诉人", method=method, served_on=on, **kw)


def transcript_input(investigators: list[int], *, interviewee: str = "李明", role: str = "RESPONDENT",
                     turns: int = 3, when: dt.datetime | None = None) -> TranscriptInput:
    when = when or dt.datetime(2025, 3, 10, 9, 30)
    return TranscriptInput(
        investigator_ids=investigators, started_at=when, ended_at=when + dt.timedelta(hours=1),
        place="铁岭县司法局第一询问室", interviewee_name=interviewee, interviewee_role=role,
        interviewee_unit="辽宁正大律师事务所", opening_text="我们是铁岭县司法局的工作人员，现依法向你调查。",
        turns=[TurnInput(f"问题{i + 1}：你是否收取过受援人的财物？", f"回答{i + 1}：没有收取。") for i in range(turns)])


def frozen_transcript(inv: Services, case_id: int, team: list[int], **kw: Any) -> int:
    """Create, print and have every page signed: a transcript that can found a decision."""
    tid = inv.investigation.create_transcript(case_id, transcript_input(team, **kw))
    doc = inv.investigation.print_transcript(tid)
    for page in range(1, doc.page_count + 1):
        inv.investigation.record_page_signature(tid, page, "SIGNED_AND_THUMBPRINTED")
    return tid


def investigate_to_decision(staff: Any, case_id: int, outcomes: list[RespondentOutcomeInput] | None = None,
                            *, decided_on: dt.date | None = None) -> None:
    head, inv = staff.user("head"), staff.user("inv1")
    team = [staff.ids["inv1"], staff.ids["inv2"]]
    head.investigation.start_investigation(case_id, team)
    frozen_transcript(inv, case_id, team)
    detail = head.registration.get_case(case_id)
    outcomes = outcomes or [RespondentOutcomeInput(respondent_id=rid, outcome_codes=["O3a"],
                                                   facts_found="经调查，反映的问题查证不实。")
                            for rid in detail.respondent_ids]
    inv.decisions.propose(case_id, outcomes, report="调查终结报告：……")
    head.decisions.decide(case_id, decided_on=decided_on)


def transfer(kind: str, organ: str) -> TransferInput:
    return TransferInput(kind=kind, target_organ=organ)


def procedure(kind: str, organ: str, ref: str = "", on: dt.date | None = None) -> OtherProcedureInput:
    return OtherProcedureInput(kind=kind, organ=organ, reference_no=ref, started_on=on or dt.date(2025, 2, 10))


def agent(**kw: Any) -> AgentInput:
    kw.setdefault("name", "张小军")
    kw.setdefault("phone", "13700001111")
    kw.setdefault("relationship_text", "受援人之子")
    return AgentInput(**kw)


def pdf_text(pdf: bytes, tmp_path: Any, name: str = "doc.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def pdf_fonts_embedded(pdf: bytes, tmp_path: Any) -> list[str]:
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = out.splitlines()[2:]
    return [r for r in rows if r.split()[-5] != "yes"]  # rows whose "emb" column is not yes
