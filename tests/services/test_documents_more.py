"""Every statutory document printed from a case driven through the lifecycle, read back with poppler."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.documents.registry import DOCUMENT_KINDS
from desktop_app.domain.errors import NotFound, ValidationError
from desktop_app.services.documents import printable_kinds
from tests.documents import pdfcheck
from tests.documents.lifecycle import ALL_OK, NO_GROUNDS, registration, run_full_case

# kind -> phrases a reader must find (besides the case number).
EXPECTED = {
    "registration_form": ["法律援助投诉登记表", "张建国", "李明"],
    "acceptance_notice": ["受理通知书", "第八条"],
    "transcript": ["调查笔录", "以上笔录我已看过"],
    "explanation_request": ["说明情况", "第十二条", "办理法律援助案件收取财物", "收费票据", "李明："],
    "file_callup": ["调阅案卷档案登记表", "铁援〔2024〕第0456号", "☑在办", "复制后当日归还", "陈杰、周敏"],
    "department_opinion": ["听取有关部门意见和建议记录", "铁岭县律师协会", "建议行业惩戒", "孙某"],
    "stop_order": ["责令停止违法违规行为通知书", "第十三条", "辛苦费", "立即停止"],
    "evidence_list": ["证据材料清单", "收条复印件", "调阅案卷档案"],
    "extension_approval": ["延长办理期限审批表", "需调阅法院卷宗，案情复杂", "同意", "刘强", "陈杰"],
    "extension_notice": ["延长办理期限告知书", "第十五条", "需调阅法院卷宗"],
    "investigation_report": ["调查报告", "调查经过", "李明书面说明", "移送行业协会给予行业惩戒", "调查终结",
                             "律师 李明（辽宁正大律师事务所）"],
    "handling_decision": ["处理决定书", "第十四条", "移送行业协会给予行业惩戒", "退还所收财物", "铁岭市律师协会",
                          "整改完毕"],
    "transfer_letter": ["移送函", "铁岭市律师协会", "请将处理结果函告本机关", "复印件"],
    "reply": ["答复书", "铁岭市律师协会", "第十四条第（一）项", "六十日内向铁岭县人民政府申请行政复议"],
    "supervision_record": ["执行监督记录", "整改到位", "已退还受援人1000元", "铁司司援投决字"],
}


def _text(pdf: bytes) -> str:
    return "".join(pdfcheck.text(pdf).split())


def _latest(hub, case_id: int, kind: str):
    docs = [d for d in hub.documents.list_documents(case_id) if d.kind == kind and not d.superseded]
    assert docs, f"no {kind} printed"
    return hub.documents.reprint(docs[-1].id)


def test_every_document_of_a_full_case_prints_readable_with_embedded_fonts(services, staff, clock) -> None:
    run = run_full_case(staff, clock, archive=False, with_scans=False, turns=2)
    inv = staff.user("inv1")
    inv.documents.generate(run.case_id, "registration_form")
    for kind, phrases in EXPECTED.items():
        doc = _latest(inv, run.case_id, kind)
        text = _text(doc.pdf)
        for phrase in [*phrases, run.case_no]:
            assert "".join(phrase.split()) in text, f"{kind}: “{phrase}” missing"
        assert all(row.embedded for row in pdfcheck.fonts(doc.pdf)), kind
    # The explanation request names the allegation, never the complainant (privacy §7.2).
    explanation = _text(_latest(inv, run.case_id, "explanation_request").pdf)
    assert "张建国" not in explanation and "13841012345" not in explanation
    # Every kind the registry knows is printable from a case.
    assert {k for k, _ in printable_kinds()} == set(DOCUMENT_KINDS)


def test_reply_to_an_interested_party_omits_the_findings_and_says_what_was_transferred(services, staff, clock) -> None:
    run = run_full_case(staff, clock, archive=False, with_scans=False, turns=1, role="INTERESTED_PARTY")
    reply = _text(_latest(staff.user("head"), run.case_id, "reply").pdf)
    assert "移送行业协会给予行业惩戒（铁岭市律师协会）" in reply  # T19: the transfer is told
    assert "现金1000元" not in reply  # T10: the facts found stay out of a 利害关系人's reply
    assert "张建国" in reply  # addressed to him


def test_withdrawal_and_reconsideration_records_and_the_public_notice(services, staff, clock) -> None:
    desk, head = staff.user("desk"), staff.user("head")
    ref = desk.registration.register(registration())
    staff.user("reviewer").review.save_checklist(ref.id, conditions=ALL_OK, grounds=NO_GROUNDS, conduct_alleged=True)
    staff.user("reviewer").review.decide(ref.id, "ACCEPT")
    head.decisions.withdraw(ref.id, signed=True, reason="已与律师协商解决，自愿撤回", terminate=True,
                            head_note="未发现需要依职权继续调查的情形")
    withdrawal = _text(_latest(head, ref.id, "withdrawal_record").pdf)
    for phrase in ("撤回投诉记录", "已与律师协商解决，自愿撤回", "☑终止办理", "刘强", "未发现需要依职权继续调查的情形"):
        assert phrase in withdrawal

    event_id = head.decisions.record_event(ref.id, "RECONSIDERATION_RESULT", occurred_on=dt.date(2025, 3, 3),
                                           organ="铁岭县人民政府", reference_no="铁政复〔2025〕5号", result="维持")
    record = head.documents.generate(ref.id, "reconsideration_record", subject_id=event_id)
    text = _text(record.pdf)
    for phrase in ("行政复议结果", "铁岭县人民政府", "铁政复〔2025〕5号", "维持"):
        assert phrase in text

    poster = head.documents.generate(ref.id, "public_notice")
    text = _text(poster.pdf)
    for phrase in ("法律援助投诉事项公示", "铁岭县政府路8号", "024-76661234", "第五条第（三）项", "办理法律援助案件收取财物",
                   "45日内办结", "5个工作日内作出是否受理的决定", "第九条第（三）项"):
        assert phrase in text, phrase
    assert ref.case_no not in text and "张建国" not in text  # office data only
    assert all(row.embedded for row in pdfcheck.fonts(poster.pdf))


def test_builders_refuse_the_wrong_record_with_a_chinese_message(services, staff, clock) -> None:
    ref = staff.user("desk").registration.register(registration())
    staff.user("reviewer").review.save_checklist(ref.id, conditions=ALL_OK, grounds=NO_GROUNDS, conduct_alleged=True)
    staff.user("reviewer").review.decide(ref.id, "ACCEPT")
    team = [staff.ids["inv1"], staff.ids["inv2"]]
    staff.user("head").investigation.start_investigation(ref.id, team)
    inv = staff.user("inv1")
    callup = inv.investigation.record_act(ref.id, "FILE_CALLUP", investigator_ids=team, occurred_on=clock.today(),
                                          details={"file_ref": "铁援〔2024〕第0456号", "from_whom": "铁岭县法律援助中心"})
    with pytest.raises(ValidationError, match="不能生成"):
        inv.documents.generate(ref.id, "stop_order", subject_id=callup)
    with pytest.raises(NotFound, match="请先选择"):
        inv.documents.generate(ref.id, "file_callup")
    with pytest.raises(ValidationError, match="尚未提出拟处理意见"):
        inv.documents.generate(ref.id, "investigation_report")
    # Printing an unchanged record again gives the same version (no new row).
    first = inv.documents.generate(ref.id, "file_callup", subject_id=callup)
    again = inv.documents.generate(ref.id, "file_callup", subject_id=callup)
    assert first.document_id == again.document_id and first.version_hash == again.version_hash
