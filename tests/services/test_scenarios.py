"""The 25 front-desk scenarios of requirements §8 (2013 measures), at service level, on both databases.

The clock stands at Monday 2025-03-03 09:00 unless a test moves it; complaints received then are
handled under the 2013 rule set and their acceptance deadline (C1, 5 working days) is 2025-03-10.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import select

from desktop_app.domain import models as m
from desktop_app.domain.enums import CaseState
from desktop_app.domain.errors import (
    PermissionDenied,
    ReadOnlyError,
    RecusalError,
    TransitionRefused,
    ValidationError,
)
from desktop_app.services.decisions import RespondentOutcomeInput
from desktop_app.services.dto import CaseFilter, RegistrationInput, RespondentInput

from .scenario import (
    ALL_OK,
    NO_GROUNDS,
    WANG,
    accept,
    agent,
    complainant,
    frozen_transcript,
    investigate_to_decision,
    lawyer,
    pdf_fonts_embedded,
    pdf_text,
    procedure,
    serve_latest,
    transcript_input,
    transfer,
    written,
)

D = dt.date


def state(services, case_id: int) -> str:
    return services.registration.get_case(case_id).state


def clock_of(services, case_id: int, code: str):
    return next(c for c in services.registration.get_case(case_id).clocks if c.code == code)


# --------------------------------------------------------------------------- T01


def test_t01_oral_complaint_needs_thumbprint_and_two_investigators(staff, clock, tmp_path):
    desk, reviewer, head, inv = (staff.user(k) for k in ("desk", "reviewer", "head", "inv1"))
    oral = written(channel="IN_PERSON_ORAL", complainants=[WANG], writing_difficulty="不识字，年老",
                   request_text="请求查处李律师要钱的事。", facts_text="李律师说写诉状前要给2000元辛苦费，我给了1000元现金。",
                   reasons_text="法律援助不该收钱。", event_time_text="2025年2月20日上午")
    ref = desk.registration.register(oral)
    assert ref.state == CaseState.RECEIVED  # an oral complaint waits for the thumbprint
    with pytest.raises(TransitionRefused, match="签字或捺印"):
        desk.registration.complete_registration(ref.id)

    record = desk.documents.generate(ref.id, "oral_record")
    text = pdf_text(record.pdf, tmp_path)
    assert "王秀兰" in text and "辛苦费" in text and "捺印" in text
    assert pdf_fonts_embedded(record.pdf, tmp_path) == []

    desk.registration.confirm_record_signature(ref.id, "THUMBPRINTED")
    assert desk.registration.complete_registration(ref.id).state == CaseState.REGISTERED
    detail = desk.registration.get_case(ref.id)
    assert detail.registration.writing_difficulty == "不识字，年老"
    assert clock_of(desk, ref.id, "C1").due == D(2025, 3, 10)

    accept(reviewer, ref.id)
    clock.set(dt.datetime(2025, 3, 4, 10))
    serve_latest(desk, ref.id, "acceptance_notice", on=D(2025, 3, 4), recipient="王秀兰")
    assert clock_of(desk, ref.id, "C1").status == "MET"

    with pytest.raises(ValidationError, match="两名以上"):
        head.investigation.start_investigation(ref.id, [staff.ids["inv1"]])
    head.investigation.start_investigation(ref.id, [staff.ids["inv1"], staff.ids["inv2"]])
    with pytest.raises(ValidationError, match="两名以上"):
        inv.investigation.create_transcript(ref.id, transcript_input([staff.ids["inv1"]]))
    clock.set(dt.datetime(2025, 3, 12, 9))
    frozen_transcript(inv, ref.id, [staff.ids["inv1"], staff.ids["inv2"]], interviewee="王秀兰",
                      role="COMPLAINANT", when=dt.datetime(2025, 3, 11, 9))
    rid = desk.registration.get_case(ref.id).respondent_ids[0]
    inv.decisions.propose(ref.id, [RespondentOutcomeInput(
        respondent_id=rid, outcome_codes=["O1c"], facts_found="李明律师收取受援人现金1000元属实。",
        transfers=[transfer("INDUSTRY_DISCIPLINE", "铁岭市律师协会")])])
    head.decisions.decide(ref.id)
    assert clock_of(head, ref.id, "C3").due == D(2025, 3, 19)
    with pytest.raises(PermissionDenied, match="机关负责人"):
        desk.decisions.decide(ref.id)


# --------------------------------------------------------------------------- T02 / T03


def test_t02_agent_without_poa_cannot_be_accepted_and_clock_runs(staff, clock):
    desk, reviewer = staff.user("desk"), staff.user("reviewer")
    ref = desk.registration.register(written(agents=[agent(poa_submitted=False)]))
    assert ref.state == CaseState.REGISTERED  # register first (先登记后审查), POA may follow
    with pytest.raises(TransitionRefused, match="授权委托书"):
        accept(reviewer, ref.id)
    assert clock_of(desk, ref.id, "C1").due == D(2025, 3, 10)  # not paused
    clock.set(dt.datetime(2025, 3, 10, 15))
    reviewer.review.decide(ref.id, "NOT_ACCEPT", reason_codes=["R8-1"], note="代理人未在期限内提交授权委托书。")
    assert state(desk, ref.id) == CaseState.NOT_ACCEPTED


def test_t03_limited_poa_notices_go_to_the_complainant(staff, clock):
    desk, reviewer = staff.user("desk"), staff.user("reviewer")
    father = complainant("张德福", id_number="211221195001011234"[:17] + "0")
    father = dataclasses.replace(father, id_number=_valid_id("19500101", "013"))
    ref = desk.registration.register(written(
        complainants=[father],
        agents=[agent(poa_submitted=True, poa_scope=["FILE_COMPLAINT", "SUBMIT_MATERIALS"])]))
    accept(reviewer, ref.id)
    clock.set(dt.datetime(2025, 3, 4, 10))
    doc = next(d for d in desk.documents.list_documents(ref.id) if d.kind == "acceptance_notice")
    with pytest.raises(TransitionRefused, match="委托权限不包括接收"):
        desk.documents.record_service(doc.id, recipient_name="张小军", recipient_role="AGENT", method="IN_PERSON",
                                      served_on=D(2025, 3, 4))
    desk.documents.record_service(doc.id, recipient_name="张德福", method="POST", tracking_no="EMS1234567890CN",
                                  served_on=D(2025, 3, 4))
    form = desk.documents.generate(ref.id, "registration_form")
    assert "代为提出投诉" in _text(form.pdf) and "张小军" in _text(form.pdf)


def _valid_id(birth: str, seq: str) -> str:
    from .scenario import id_number
    return id_number(birth, seq)


def _text(pdf: bytes) -> str:
    import subprocess
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


# --------------------------------------------------------------------------- T04 / T05


def test_t04_result_only_not_accepted_citing_article_and_item(staff, clock, tmp_path):
    desk, reviewer, archivist = staff.user("desk"), staff.user("reviewer"), staff.user("archivist")
    ref = desk.registration.register(written(
        request_text="要求追究援助律师责任。", facts_text="我儿子被判了五年，判得太重，援助律师没办好。",
        reasons_text="判决结果不公。", ground_code="M2", subtype_codes=[]))
    reviewer.review.save_checklist(ref.id, conditions=ALL_OK, grounds={"R9-3": {"applies": True}},
                                   conduct_alleged=False)
    assert reviewer.review.recommend(ref.id).recommendation.value == "NOT_ACCEPT"
    notice = reviewer.review.decide(ref.id, "NOT_ACCEPT", reason_codes=["R9-3"])
    text = pdf_text(notice.pdf, tmp_path)
    assert "第九条" in text and "第（三）项" in text and "不予受理" in text
    assert notice.doc_no  # 文号
    with pytest.raises(TransitionRefused, match="送达"):
        archivist.archive.archive(ref.id)  # the notice was not served yet
    clock.set(dt.datetime(2025, 3, 5, 10))
    serve_latest(desk, ref.id, "non_acceptance_notice", on=D(2025, 3, 5), recipient="张建国")
    desk.documents.generate(ref.id, "service_receipt",
                            subject_id=next(d.id for d in desk.documents.list_documents(ref.id)
                                            if d.kind == "non_acceptance_notice"))
    archive_no = archivist.archive.archive(ref.id)
    assert archive_no
    assert state(desk, ref.id) == CaseState.ARCHIVED
    with pytest.raises(ReadOnlyError):
        desk.registration.update_registration(ref.id, written(), expected_version=100)


def test_t05_result_plus_conduct_is_accepted_as_neglect(staff):
    desk, reviewer = staff.user("desk"), staff.user("reviewer")
    ref = desk.registration.register(written(
        facts_text="判决太重；而且援助律师从未到看守所会见我儿子，第二次开庭也没有出庭。", ground_code="M2",
        subtype_codes=["P3", "P11"]))
    reviewer.review.save_checklist(ref.id, conditions=ALL_OK, grounds=NO_GROUNDS, conduct_alleged=True)
    result = reviewer.review.recommend(ref.id)
    assert result.recommendation.value == "ACCEPT"
    accept(reviewer, ref.id)
    assert state(desk, ref.id) == CaseState.ACCEPTED


# --------------------------------------------------------------------------- T06 / T07


@pytest.mark.parametrize("code,kind,organ", [
    ("R9-2e", "DISCIPLINE", "铁岭县纪委监委"),
    ("R9-2a", "LITIGATION", "铁岭县人民法院"),
    ("R9-2d", "PETITION", "铁岭县信访局"),
])
def test_t06_other_procedure_must_be_recorded_and_is_named(staff, tmp_path, code, kind, organ):
    desk, reviewer = staff.user("desk"), staff.user("reviewer")
    ref = desk.registration.register(written())
    with pytest.raises(ValidationError, match="其他程序"):
        reviewer.review.decide(ref.id, "NOT_ACCEPT", reason_codes=[code])
    inp = written(other_procedures=[procedure(kind, organ, "铁纪〔2025〕12号")])
    desk.registration.update_registration(ref.id, inp, expected_version=desk.registration.get_case(ref.id).version)
    notice = reviewer.review.decide(ref.id, "NOT_ACCEPT", reason_codes=[code])
    text = pdf_text(notice.pdf, tmp_path)
    assert "第九条" in text and "第（二）项" in text


def test_t07_repeat_complaint_found_and_new_evidence_overrides(staff, clock):
    desk, reviewer = staff.user("desk"), staff.user("reviewer")
    first = desk.registration.register(written())
    hits = desk.registration.find_duplicates(written(channel="EMAIL"))
    assert [h.case_id for h in hits] == [first.id]
    assert "身份证号" in hits[0].why

    again = desk.registration.register(written(channel="EMAIL", other_procedures=[
        procedure("PREVIOUS_COMPLAINT", "铁岭县司法局", first.case_no)]))
    reviewer.review.save_checklist(again.id, conditions=ALL_OK, grounds={"R9-1": {"applies": True}})
    assert reviewer.review.recommend(again.id).recommendation.value == "NOT_ACCEPT"

    variant = desk.registration.register(written(channel="EMAIL"))
    with pytest.raises(ValidationError, match="新证据"):
        reviewer.review.save_checklist(variant.id, conditions=ALL_OK, grounds={"R9-1": {"applies": True}},
                                       new_evidence=True)
    reviewer.review.save_checklist(variant.id, conditions=ALL_OK, grounds={"R9-1": {"applies": True}},
                                   new_evidence=True, new_evidence_note="新提交的银行转账凭证，此前未提交。",
                                   opinion="有新的证据，不适用第九条第（一）项。")
    with pytest.raises(TransitionRefused, match="新的事实和证据"):
        reviewer.review.decide(variant.id, "NOT_ACCEPT", reason_codes=["R9-1"])
    reviewer.review.decide(variant.id, "ACCEPT")
    assert state(desk, variant.id) == CaseState.ACCEPTED


# --------------------------------------------------------------------------- T08 / T09 / T10


def test_t08_centre_staff_recuse_when_the_centre_is_complained_about(staff):
    desk, reviewer, head = staff.user("desk"), staff.user("reviewer"), staff.user("head")
    ref = desk.registration.register(written(
        respondents=[RespondentInput(type_code="LEGAL_AID_INSTITUTION", name="铁岭县法律援助中心")],
        facts_text="三周前申请工伤案件法律援助，至今未作决定。", ground_code="M1", subtype_codes=["P2"]))
    accept(reviewer, ref.id)
    with pytest.raises(RecusalError, match="回避"):
        head.investigation.start_investigation(ref.id, [staff.ids["inv1"], staff.ids["inv_center"]])
    head.investigation.start_investigation(ref.id, [staff.ids["inv1"], staff.ids["inv2"]])
    assert state(head, ref.id) == CaseState.INVESTIGATING


def test_t09_wrongful_refusal_asks_about_objection(staff):
    desk, reviewer = staff.user("desk"), staff.user("reviewer")
    ref = desk.registration.register(written(
        respondents=[RespondentInput(type_code="LEGAL_AID_INSTITUTION", name="铁岭县法律援助中心")],
        facts_text="我是农民工讨薪，中心以经济不困难为由拒绝援助。", ground_code="M1", subtype_codes=["P1"],
        other_procedures=[procedure("OTHER_STATUTORY", "铁岭县司法局", "异议申请")]))
    reviewer.review.save_checklist(ref.id, conditions=ALL_OK, grounds=NO_GROUNDS)
    result = reviewer.review.recommend(ref.id)
    assert result.recommendation.value == "NOT_ACCEPT"
    assert "R9-2c" in result.reason_codes


def test_t10_interested_party_needs_relationship(staff):
    desk = staff.user("desk")
    husband = complainant("赵志强", role="INTERESTED_PARTY", id_number=_valid_id("19780808", "051"))
    ref = desk.registration.register(written(complainants=[husband], ground_code="M1", subtype_codes=["P1"]))
    assert ref.state == CaseState.RECEIVED  # registered first, but not complete
    with pytest.raises(ValidationError, match="关系"):
        desk.registration.complete_registration(ref.id)
    inp = written(complainants=[dataclasses.replace(husband, relationship_text="受援人的配偶（离婚案对方当事人）")],
                  ground_code="M1", subtype_codes=["P1"])
    desk.registration.update_registration(ref.id, inp, expected_version=desk.registration.get_case(ref.id).version)
    assert desk.registration.complete_registration(ref.id).state == CaseState.REGISTERED


# --------------------------------------------------------------------------- T11 / T12 / T13


def test_t11_wrong_jurisdiction_names_competent_organ(staff, tmp_path):
    desk, reviewer = staff.user("desk"), staff.user("reviewer")
    ref = desk.registration.register(written(aid_institution="开原市法律援助中心"))
    assert reviewer.review.facts(ref.id).in_jurisdiction is False
    with pytest.raises(ValidationError, match="有管辖权的机关"):
        reviewer.review.decide(ref.id, "NOT_ACCEPT", reason_codes=["R8-4"])
    notice = reviewer.review.decide(ref.id, "NOT_ACCEPT", reason_codes=["R8-4"], competent_organ="开原市司法局")
    text = pdf_text(notice.pdf, tmp_path)
    assert "开原市司法局" in text and "第八条" in text


def test_t12_complaint_about_a_judge_is_out_of_scope(staff):
    desk, reviewer = staff.user("desk"), staff.user("reviewer")
    ref = desk.registration.register(written(
        respondents=[RespondentInput(type_code="OUT_OF_SCOPE", name="王法官", unit_name="铁岭县人民法院")],
        facts_text="法官态度恶劣，不让援助律师发言。", ground_code=""))
    result = reviewer.review.recommend(ref.id)
    assert result.recommendation.value == "NOT_ACCEPT"
    assert {"R8-5", "R9-4"} & set(result.reason_codes)


def test_t13_anonymous_email_is_registered_and_archived_without_service(staff):
    desk, reviewer, archivist = staff.user("desk"), staff.user("reviewer"), staff.user("archivist")
    ref = desk.registration.register(RegistrationInput(
        channel="EMAIL", anonymous=True, respondents=[RespondentInput(type_code="GRASSROOTS_WORKER", name="刘某",
                                                                      unit_name="凡河镇法律服务所")],
        request_text="查处收红包。", facts_text="刘某长期收受援助对象红包。", reasons_text="违规", ground_code="M3"))
    assert ref.state == CaseState.REGISTERED
    with pytest.raises(TransitionRefused, match="匿名"):
        accept(reviewer, ref.id)
    notice = reviewer.review.decide(ref.id, "NOT_ACCEPT", reason_codes=["R8-1"])
    with pytest.raises(ValidationError, match="无法送达"):
        desk.documents.record_service(notice.document_id, recipient_name="", method="UNDELIVERABLE",
                                      served_on=D(2025, 3, 3))
    desk.documents.record_service(notice.document_id, recipient_name="", method="UNDELIVERABLE",
                                  served_on=D(2025, 3, 3), undeliverable_reason="匿名投诉，无联系方式")
    archivist.archive.archive(ref.id)
    assert state(desk, ref.id) == CaseState.ARCHIVED


# --------------------------------------------------------------------------- T14 / T15


def test_t14_phone_complaint_waits_for_signature_with_deadline(staff, clock):
    desk = staff.user("desk")
    ref = desk.registration.register(written(channel="PHONE"))
    assert ref.state == CaseState.RECEIVED
    c1 = clock_of(desk, ref.id, "C1")
    assert c1.due == D(2025, 3, 10) and c1.status == "OK"
    rows = desk.registration.list_cases(CaseFilter(states=["RECEIVED"]))
    assert rows[0].next_due_clock == "C1" and rows[0].next_due_date == D(2025, 3, 10)
    with pytest.raises(TransitionRefused, match="签字待补"):
        desk.registration.complete_registration(ref.id)
    clock.set(dt.datetime(2025, 3, 6, 10))
    desk.registration.confirm_record_signature(ref.id, "SIGNED", "投诉人到凡河镇司法所签字")
    assert desk.registration.complete_registration(ref.id).state == CaseState.REGISTERED


def test_t15_illegible_fax_one_time_supplement_clock_keeps_running(staff, clock, tmp_path):
    desk, reviewer = staff.user("desk"), staff.user("reviewer")
    ref = desk.registration.register(written(
        channel="FAX", respondents=[RespondentInput(type_code="LAWYER", name="不详")], request_text="",
        facts_text="第2-3页字迹无法辨认。", reasons_text=""))
    items = ["被投诉律师的姓名及所在律师事务所", "明确的投诉请求", "投诉的具体事实和理由（第2-3页无法辨认，请重新提交）"]
    doc = reviewer.review.request_supplement(ref.id, items, D(2025, 3, 7))
    text = pdf_text(doc.pdf, tmp_path)
    assert all(x[:6] in text for x in items)
    assert state(desk, ref.id) == CaseState.AWAITING_SUPPLEMENT
    assert clock_of(desk, ref.id, "C1").due == D(2025, 3, 10)  # 2013: not suspended
    with pytest.raises(TransitionRefused, match="一次性"):
        reviewer.review.request_supplement(ref.id, ["身份证复印件"], D(2025, 3, 7))
    clock.set(dt.datetime(2025, 3, 10, 16))
    reviewer.review.decide(ref.id, "NOT_ACCEPT", reason_codes=["R8-2", "R8-3"])
    assert state(desk, ref.id) == CaseState.NOT_ACCEPTED


# --------------------------------------------------------------------------- T16 – T20


def _accepted_investigating(staff, **kw):
    desk, reviewer, head = staff.user("desk"), staff.user("reviewer"), staff.user("head")
    ref = desk.registration.register(written(**kw))
    accept(reviewer, ref.id)
    serve_latest(desk, ref.id, "acceptance_notice", on=D(2025, 3, 3), recipient="张建国")
    head.investigation.start_investigation(ref.id, [staff.ids["inv1"], staff.ids["inv2"]])
    return ref


def test_t16_extension_needs_another_approver_and_recomputes_c2(staff, clock):
    ref = _accepted_investigating(staff)
    inv, head, head2 = staff.user("inv1"), staff.user("head"), staff.user("head2")
    assert clock_of(inv, ref.id, "C2").due == D(2025, 4, 17)
    clock.set(dt.datetime(2025, 4, 10, 9))  # day 38
    with pytest.raises(ValidationError, match="理由"):
        inv.investigation.request_extension(ref.id, "", D(2025, 5, 19))
    ext = head2.investigation.request_extension(ref.id, "被投诉律师已迁居外省，需调取法院卷宗并赴外地询问受援人亲属。",
                                                D(2025, 5, 19))
    with pytest.raises(TransitionRefused, match="不能批准自己"):
        head2.investigation.decide_extension(ext, True)
    with pytest.raises(PermissionDenied):
        inv.investigation.decide_extension(ext, True)
    head.investigation.decide_extension(ext, True, "同意延长。")
    c2 = clock_of(inv, ref.id, "C2")
    assert c2.due == D(2025, 5, 19)
    assert any("延长" in line for line in c2.explanation)


def test_t17_minor_corrected_needs_three_ticks_and_creates_supervision(staff, clock):
    ref = _accepted_investigating(staff)
    inv, head, desk = staff.user("inv1"), staff.user("head"), staff.user("desk")
    frozen_transcript(inv, ref.id, [staff.ids["inv1"], staff.ids["inv2"]])
    rid = inv.registration.get_case(ref.id).respondent_ids[0]
    with pytest.raises(ValidationError, match="情节轻微"):
        inv.decisions.propose(ref.id, [RespondentOutcomeInput(respondent_id=rid, outcome_codes=["O2a"])])
    with pytest.raises(ValidationError, match="整改期限"):
        inv.decisions.propose(ref.id, [RespondentOutcomeInput(respondent_id=rid, outcome_codes=["O2a", "O2c"],
                                                              minor=True, promptly_corrected=True, no_harm=True)])
    inv.decisions.propose(ref.id, [RespondentOutcomeInput(
        respondent_id=rid, outcome_codes=["O2a", "O2c"], minor=True, promptly_corrected=True, no_harm=True,
        measures="15日内提交书面检查", rectification_due=D(2025, 3, 25))])
    head.decisions.decide(ref.id)
    tasks = head.decisions.supervision_tasks(ref.id)
    assert [t["due_date"] for t in tasks] == [D(2025, 3, 25)]
    if "reply" in dict(head.documents.kinds()):
        reply = head.decisions.issue_reply(ref.id)
        desk.documents.record_service(reply.document_id, recipient_name="张建国", method="IN_PERSON",
                                      served_on=D(2025, 3, 3))
        assert state(desk, ref.id) == CaseState.SUPERVISING
        rows = desk.registration.list_cases(CaseFilter(states=["SUPERVISING"]))
        assert rows[0].next_due_clock == "C4" and rows[0].next_due_date == D(2025, 3, 25)


def test_t18_unverifiable_then_reconsideration_recorded_and_reopened(staff, clock):
    ref = _accepted_investigating(staff)
    head, desk, inv = staff.user("head"), staff.user("desk"), staff.user("inv1")
    frozen_transcript(inv, ref.id, [staff.ids["inv1"], staff.ids["inv2"]])
    rid = inv.registration.get_case(ref.id).respondent_ids[0]
    inv.decisions.propose(ref.id, [RespondentOutcomeInput(respondent_id=rid, outcome_codes=["O3b"],
                                                          facts_found="双方各执一词，无其他证据，无法查实。")])
    head.decisions.decide(ref.id)
    assert clock_of(head, ref.id, "C3").due == D(2025, 3, 10)
    reply = head.decisions.issue_reply(ref.id)
    text = _text(reply.pdf).replace("\n", "")
    assert "行政复议" in text and "行政诉讼" in text  # Art 17 remedies paragraph
    desk.documents.record_service(reply.document_id, recipient_name="张建国", method="IN_PERSON",
                                  served_on=D(2025, 3, 3))
    assert state(desk, ref.id) == CaseState.REPLIED
    clock.set(dt.datetime(2025, 5, 6, 9))
    head.decisions.record_event(ref.id, "RECONSIDERATION_RESULT", occurred_on=D(2025, 5, 5),
                                organ="铁岭县人民政府", reference_no="铁政复〔2025〕8号", result="撤销")
    with pytest.raises(ValidationError, match="文号"):
        head.decisions.reopen(ref.id, reason="复议决定撤销原答复", authority="铁岭县人民政府", reference_no="")
    head.decisions.reopen(ref.id, reason="复议决定撤销原答复，责令重新处理", authority="铁岭县人民政府",
                          reference_no="铁政复〔2025〕8号")
    assert state(head, ref.id) == CaseState.INVESTIGATING


def test_outcome_exclusivity_is_enforced(staff):
    ref = _accepted_investigating(staff)
    inv = staff.user("inv1")
    frozen_transcript(inv, ref.id, [staff.ids["inv1"], staff.ids["inv2"]])
    rid = inv.registration.get_case(ref.id).respondent_ids[0]
    with pytest.raises(ValidationError, match="不能与其他处理结果并用"):
        inv.decisions.propose(ref.id, [RespondentOutcomeInput(respondent_id=rid, outcome_codes=["O3b", "O2b"])])


def test_t19_crime_transfer_combines_with_industry_discipline(staff):
    ref = _accepted_investigating(staff)
    inv, head = staff.user("inv1"), staff.user("head")
    frozen_transcript(inv, ref.id, [staff.ids["inv1"], staff.ids["inv2"]])
    rid = inv.registration.get_case(ref.id).respondent_ids[0]
    with pytest.raises(ValidationError, match="接收移送"):
        inv.decisions.propose(ref.id, [RespondentOutcomeInput(respondent_id=rid, outcome_codes=["O1c", "OX"])])
    inv.decisions.propose(ref.id, [RespondentOutcomeInput(
        respondent_id=rid, outcome_codes=["O1c", "OX"], facts_found="伪造受援人签名，截留赔偿款。",
        transfers=[transfer("INDUSTRY_DISCIPLINE", "铁岭市律师协会"), transfer("CRIME", "铁岭县公安局")])])
    head.decisions.decide(ref.id)
    with head.ctx.db.session() as s:
        kinds = sorted(t.kind for t in s.scalars(select(m.Transfer).where(m.Transfer.complaint_id == ref.id)))
    assert kinds == ["CRIME", "INDUSTRY_DISCIPLINE"]


def test_t20_stop_order_and_original_file_of_open_case(staff):
    ref = _accepted_investigating(staff, ground_code="M2", subtype_codes=["P3"])
    inv = staff.user("inv1")
    team = [staff.ids["inv1"], staff.ids["inv2"]]
    with pytest.raises(TransitionRefused, match="第十一条"):
        inv.investigation.record_act(ref.id, "FILE_CALLUP", investigator_ids=team, occurred_on=D(2025, 3, 3),
                                     details={"file_ref": "铁援〔2024〕第0456号案卷", "from_whom": "法律援助中心",
                                              "original": True})
    inv.investigation.record_act(ref.id, "FILE_CALLUP", investigator_ids=team, occurred_on=D(2025, 3, 3),
                                 details={"file_ref": "铁援〔2024〕第0456号案卷", "from_whom": "法律援助中心",
                                          "original": False, "copy_note": "复印后当日归还"})
    inv.investigation.record_act(ref.id, "STOP_ORDER", investigator_ids=team, occurred_on=D(2025, 3, 3),
                                 counterpart="李明", summary="责令立即停止以不付费即停止代理相要挟的行为")
    with inv.ctx.db.session() as s:
        assert s.get(m.Complaint, ref.id).continuing_violation is True


# --------------------------------------------------------------------------- T21 – T25


def test_t21_collective_complaint_one_file_twelve_complainants(staff):
    desk, reviewer = staff.user("desk"), staff.user("reviewer")
    workers = [complainant(f"工人{i:02d}", id_number=_valid_id(f"1985{1 + i % 12:02d}15", f"{100 + i:03d}"),
                           phone=f"1390410{i:04d}") for i in range(12)]
    ref = desk.registration.register(written(
        complainants=workers, respondents=[RespondentInput(type_code="GRASSROOTS_WORKER", name="孙立",
                                                           unit_name="凡河镇法律服务所")],
        ground_code="M2", subtype_codes=["P3"], facts_text="首次调解后，承办人员不再履行职责。"))
    detail = desk.registration.get_case(ref.id)
    assert len(detail.registration.complainants) == 12
    accept(reviewer, ref.id)
    assert desk.registration.count_cases() == 1


def test_t22_sensitive_case_masked_for_unassigned_staff(staff):
    desk, reviewer, inv2, head = (staff.user(k) for k in ("desk", "reviewer", "inv2", "head"))
    victim = complainant("刘芳", id_number=_valid_id("19900318", "062"))
    ref = desk.registration.register(written(
        complainants=[victim], sensitive=True, sensitive_reason="家庭暴力受害人，隐私",
        respondents=[RespondentInput(type_code="GRASSROOTS_WORKER", name="周某", unit_name="凡河镇法律服务所")],
        ground_code="M4", subtype_codes=["P6"], facts_text="承办人向村民透露我的案情。"))
    other = inv2.registration.get_case(ref.id)
    assert other.masked and other.registration.complainants[0].name != "刘芳"
    assert "案情" not in other.registration.facts_text
    assert inv2.registration.list_cases()[0].complainant == "（敏感案件）"
    assert head.registration.get_case(ref.id).registration.complainants[0].name == "刘芳"
    assert desk.registration.get_case(ref.id).registration.complainants[0].name == "刘芳"  # registered it


def test_t23_rudeness_needs_the_rule_relied_on(staff):
    desk, reviewer = staff.user("desk"), staff.user("reviewer")
    ref = desk.registration.register(written(ground_code="M4", subtype_codes=["P9"],
                                             facts_text="律师在电话里对我大吼后挂断。"))
    reviewer.review.save_checklist(ref.id, conditions=ALL_OK, grounds=NO_GROUNDS, conduct_alleged=True)
    with pytest.raises(TransitionRefused, match="管理规定"):
        reviewer.review.decide(ref.id, "ACCEPT")
    with pytest.raises(ValidationError, match="管理规定"):
        reviewer.review.decide(ref.id, "NOT_ACCEPT", reason_codes=["R9-4"])
    reviewer.review.decide(ref.id, "NOT_ACCEPT", reason_codes=["R9-4"],
                           note="本省未制定约束援助人员服务态度的管理规定。")
    assert state(desk, ref.id) == CaseState.NOT_ACCEPTED


def test_t24_holiday_arithmetic_national_day_2025(staff, clock):
    clock.set(dt.datetime(2025, 10, 9, 9))
    desk = staff.user("desk")
    ref = desk.registration.register(written(received_at=dt.datetime(2025, 9, 30, 16, 30), ground_code="G3",
                                             subtype_codes=[]))
    c1 = clock_of(desk, ref.id, "C1")
    # 10-01..10-08 holiday; 10-11 (Saturday) is a make-up working day and counts.
    assert c1.due == D(2025, 10, 14)
    assert any("调休上班" in line for line in c1.explanation)
    detail = desk.registration.get_case(ref.id)
    assert detail.rule_set_id == "2025" and detail.rule_set_note  # 2025 time limits unconfirmed, said on screen


def test_t24_2027_dates_never_crash_and_are_flagged(staff, clock):
    clock.set(dt.datetime(2027, 2, 1, 9))
    desk = staff.user("desk")
    ref = desk.registration.register(written(ground_code="G3", subtype_codes=[]))
    c1 = clock_of(desk, ref.id, "C1")
    assert 2027 in c1.unconfirmed_years
    assert desk.registration.list_cases()[0].calendar_unconfirmed


def test_t25_withdrawal_after_acceptance_head_decides(staff):
    ref = _accepted_investigating(staff)
    inv, head = staff.user("inv1"), staff.user("head")
    with pytest.raises(PermissionDenied):
        inv.decisions.withdraw(ref.id, signed=True, reason="律师已道歉并恢复工作", terminate=True)
    with pytest.raises(ValidationError, match="签字"):
        head.decisions.withdraw(ref.id, signed=False, reason="律师已道歉", terminate=True)
    head.decisions.withdraw(ref.id, signed=True, reason="律师已道歉并恢复工作，投诉人申请撤回", terminate=True)
    assert state(head, ref.id) == CaseState.WITHDRAWN
