"""Drive one complaint through the whole lifecycle with the real services (for document and volume tests).

The case: a recipient complains (letter) that the aid lawyer 李明 took 1,000 yuan (Art 5(3)).
Investigation: explanation request, file call-up, department opinion, stop order, evidence, a
signed transcript (with its scanned signed paper attached), an extension; then the decision
(rectification + transfer for industry discipline), the reply served, supervision verified,
and the volume archived.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain.identity import id_check_digit
from desktop_app.services.decisions import RespondentOutcomeInput, TransferInput
from desktop_app.services.dto import ComplainantInput, RegistrationInput, RespondentInput
from desktop_app.services.investigation import TranscriptInput, TurnInput

ALL_OK = {f"A{i}": {"ok": True, "note": ""} for i in range(1, 6)}
NO_GROUNDS = {"R9-1": {"applies": False}, "R9-3": {"applies": False}, "R9-4": {"applies": False}}


def id_number(birth: str, seq: str = "123", region: str = "211221") -> str:
    first17 = region + birth + seq
    return first17 + id_check_digit(first17)


def registration(role: str = "RECIPIENT", **kw: Any) -> RegistrationInput:
    base: dict[str, Any] = dict(
        channel="LETTER",
        complainants=[ComplainantInput(name="张建国", role=role, sex="M", id_number=id_number("19800506", "031"),
                                       phone="13841012345", address="铁岭县银州区工人街12号",
                                       relationship_text="受援人之夫" if role == "INTERESTED_PARTY" else "")],
        respondents=[RespondentInput(type_code="LAWYER", name="李明", unit_name="辽宁正大律师事务所",
                                     licence_no="12112201510123456")],
        request_text="请求查处李明律师收取受援人财物的行为并责令退还。",
        facts_text="2024年12月，李明律师作为指派的援助律师，以“辛苦费”名义向我收取现金1000元。",
        reasons_text="法律援助应当无偿提供，律师不得收取受援人财物。",
        event_time_text="2024年12月中旬", ground_code="M3", subtype_codes=["P5"],
        aid_case_no="铁援〔2024〕第0456号", aid_case_cause="离婚纠纷", aid_institution="铁岭县法律援助中心",
        aid_case_open=True, aid_litigation=True)
    base.update(kw)
    return RegistrationInput(**base)


def scan_png(text_pixels: int = 40) -> bytes:
    """A small PNG (a 'scanned page')."""
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (210, 297), "white")
    ImageDraw.Draw(img).rectangle((20, 20, 20 + text_pixels, 60), outline="black", width=3)
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def scan_pdf(pages: int = 2) -> bytes:
    """A scanned signed transcript as a PDF (image-only pages, no fonts)."""
    from PIL import Image
    frames = [Image.new("RGB", (420, 594), "white") for _ in range(pages)]
    out = io.BytesIO()
    frames[0].save(out, format="PDF", save_all=True, append_images=frames[1:], resolution=50)
    return out.getvalue()


@dataclass
class CaseRun:
    case_id: int
    case_no: str
    ids: dict[str, int] = field(default_factory=dict)  # record ids by name (act, extension, task …)


def run_full_case(staff: Any, clock: Any, *, turns: int = 4, role: str = "RECIPIENT",
                  archive: bool = True, with_scans: bool = True) -> CaseRun:
    desk, reviewer, head, head2 = (staff.user(k) for k in ("desk", "reviewer", "head", "head2"))
    inv = staff.user("inv1")
    team = [staff.ids["inv1"], staff.ids["inv2"]]
    ref = desk.registration.register(registration(role=role))
    run = CaseRun(ref.id, ref.case_no)
    cid = ref.id
    reviewer.review.save_checklist(cid, conditions=ALL_OK, grounds=NO_GROUNDS, conduct_alleged=True,
                                   opinion="符合第八条规定的受理条件。")
    reviewer.review.decide(cid, "ACCEPT")
    _serve(desk, cid, "acceptance_notice", clock.today(), "张建国")
    head.investigation.start_investigation(cid, team)
    clock.advance(days=1)
    today = clock.today()
    run.ids["explanation"] = inv.investigation.record_act(
        cid, "EXPLANATION_REQUEST", investigator_ids=team, occurred_on=today, counterpart="李明",
        summary="是否向受援人收取“辛苦费”", due_date=today + dt.timedelta(days=7),
        details={"materials": ["收费票据", "会见笔录"]})
    run.ids["callup"] = inv.investigation.record_act(
        cid, "FILE_CALLUP", investigator_ids=team, occurred_on=today, counterpart="铁岭县法律援助中心",
        summary="核实指派及收费情况", due_date=today,
        details={"file_ref": "铁援〔2024〕第0456号", "file_title": "离婚纠纷法律援助案卷", "from_whom": "铁岭县法律援助中心",
                 "original": False, "pages": 42, "non_obstruction_note": "复制后当日归还"})
    run.ids["opinion"] = inv.investigation.record_act(
        cid, "DEPARTMENT_OPINION", investigator_ids=team, occurred_on=today, counterpart="铁岭县律师协会",
        place="铁岭县律师协会", summary="收取受援人财物违反律师执业规范，建议行业惩戒。",
        details={"person": "孙某", "subject": "律师收取受援人财物的行业评价"})
    run.ids["stop"] = inv.investigation.record_act(
        cid, "STOP_ORDER", investigator_ids=team, occurred_on=today, counterpart="李明",
        summary="继续以“辛苦费”名义向受援人索要财物。", due_date=today + dt.timedelta(days=5))
    inv.investigation.complete_act(run.ids["explanation"], today + dt.timedelta(days=2),
                                   "李明书面说明：系受援人自愿给付的交通费，已退还。")
    inv.investigation.complete_act(run.ids["callup"], today, "已当日归还")
    inv.investigation.add_evidence(cid, "收条复印件", source="张建国", collected_on=today, pages=1,
                                   act_id=run.ids["callup"])
    tid = inv.investigation.create_transcript(cid, TranscriptInput(
        investigator_ids=team, started_at=dt.datetime.combine(today, dt.time(9, 30)),
        ended_at=dt.datetime.combine(today, dt.time(10, 30)), place="铁岭县司法局第一询问室",
        interviewee_name="李明", interviewee_role="RESPONDENT", interviewee_unit="辽宁正大律师事务所",
        opening_text="我们是铁岭县司法局的工作人员，现依法向你调查。",
        turns=[TurnInput(f"问题{i + 1}：你是否收取过受援人的财物？请详细说明经过。",
                         f"回答{i + 1}：" + "收取过一千元，当时说是交通费，后来已经退还给受援人。" * 3)
               for i in range(turns)]))
    doc = inv.investigation.print_transcript(tid)
    for page in range(1, doc.page_count + 1):
        inv.investigation.record_page_signature(tid, page, "SIGNED_AND_THUMBPRINTED")
    run.ids["transcript"] = tid
    run.ids["transcript_pages"] = doc.page_count
    if with_scans:
        inv.investigation.attach_scan(tid, "signed.pdf", scan_pdf(2), "application/pdf", page_count=2)
        inv.investigation.attach_scan(tid, "page-photo.png", scan_png(), "image/png", page_count=1)
    for kind, subject in (("explanation_request", "explanation"), ("file_callup", "callup"),
                          ("department_opinion", "opinion"), ("stop_order", "stop")):
        inv.documents.generate(cid, kind, subject_id=run.ids[subject])
    _serve(desk, cid, "stop_order", clock.today(), "李明", role="RESPONDENT")
    inv.documents.generate(cid, "evidence_list")
    ext = inv.investigation.request_extension(cid, "需调阅法院卷宗，案情复杂", clock.today() + dt.timedelta(days=60))
    run.ids["extension"] = ext
    notice = head.investigation.decide_extension(ext, True, "同意延长")
    if notice is None:  # until the lead's services issue it themselves
        head.documents.generate(cid, "extension_notice", subject_id=ext)
    head.documents.generate(cid, "extension_approval", subject_id=ext)
    _serve(desk, cid, "extension_notice", clock.today(), "张建国")
    clock.advance(days=5)
    respondent_id = head.registration.get_case(cid).respondent_ids[0]
    inv.decisions.propose(cid, [RespondentOutcomeInput(
        respondent_id=respondent_id, outcome_codes=["O1c"], facts_found="李明律师以“辛苦费”名义收取受援人现金1000元，事后退还。",
        basis="律师办理法律援助案件不得收取受援人财物。", measures="退还所收财物", rectification_due=clock.today() + dt.timedelta(days=20),
        transfers=[TransferInput(kind="INDUSTRY_DISCIPLINE", target_organ="铁岭市律师协会")])],
        report="调查终结。李明律师收取受援人财物属实，建议移送律师协会给予行业惩戒，并责令退还。")
    inv.documents.generate(cid, "investigation_report")
    head.decisions.decide(cid, decided_on=clock.today())
    reply = head.decisions.issue_reply(cid)
    run.ids["reply_doc"] = reply.document_id
    _serve(desk, cid, "reply", clock.today(), "张建国")
    tasks = head.decisions.supervision_tasks(cid)
    if tasks:
        run.ids["task"] = tasks[0]["id"]
        inv.decisions.report_rectification(tasks[0]["id"], clock.today(), "已退还受援人1000元并书面检讨。")
        inv.decisions.verify_rectification(tasks[0]["id"], True, "经回访受援人，确已退还。", clock.today())
        inv.documents.generate(cid, "supervision_record", subject_id=tasks[0]["id"])
    if archive:
        staff.user("archivist").archive.archive(cid)
    return run


def _serve(svc: Any, case_id: int, kind: str, on: dt.date, recipient: str, role: str = "COMPLAINANT") -> None:
    doc = next(x for x in reversed(svc.documents.list_documents(case_id)) if x.kind == kind and not x.superseded)
    svc.documents.record_service(doc.id, recipient_name=recipient, method="IN_PERSON", served_on=on,
                                 recipient_role=role)
