"""T17, T18, T19 (Art 14 outcomes per respondent, transfers), the reply (Art 16–17), supervision (Art 18),
T21 (collective complaint) and T25 (withdrawal after acceptance)."""

from __future__ import annotations

import datetime as dt

from tests.ui.investigation.conftest import WAIT_MS
from tests.ui.investigation.scenario import LAWYER, Respondent, ready_for_decision

FIRM = Respondent("LAW_FIRM", "铁岭县正义律师事务所", "铁岭县正义律师事务所")


def test_t17_minor_corrected_needs_the_three_ticks_and_creates_a_supervision_task(driver, staff, clock) -> None:
    case_id = ready_for_decision(staff)
    driver.open(case_id)
    section = driver.pane.decision
    [box] = section.boxes
    assert not box.minor.isEnabled() and not box.due.isEnabled()
    box.boxes["O2a"].setChecked(True)
    box.boxes["O2c"].setChecked(True)
    assert box.minor.isEnabled() and box.due.isEnabled()  # the rule set's requires_* flags
    box.due.setText("2025-03-18")
    box.measures.setText("书面检查并退还200元")
    box.minor.setChecked(True)
    message = driver.refused(section.propose_button.click)
    assert "情节轻微、及时纠正、没有造成危害后果" in message and message in section.message.text()
    box.corrected.setChecked(True)
    box.no_harm.setChecked(True)
    section.report.setPlainText("经调查，李明收取交通费200元，经指出后已主动退还，未造成危害后果。")
    ov = driver.ok(section.propose_button.click)
    assert ov.state == "DECISION_DRAFTED" and ov.proposals[0].outcome_codes == ("O2a", "O2c")
    assert section.decide_button.isEnabled() and not section.propose_button.isEnabled()
    # Only the head decides.
    assert "需要机关负责人角色" in driver.refused(section.decide_button.click)
    driver.sign_in("head")
    ov = driver.ok(section.decide_button.click)
    assert ov.state == "DECIDED" and ov.handling_decided_on == clock.today()
    [task] = ov.supervision
    assert task.due_date == dt.date(2025, 3, 18) and task.status == "OPEN"
    reply = driver.pane.reply
    assert reply.tasks.rowCount() == 1 and reply.tasks.item(0, 2).text() == "待整改"
    assert "已按期完成" in driver.pane.banner.clock_label.text()
    assert "答复期限" in driver.pane.banner.clock_label.text()
    # Art 18: report and verification.
    reply.tasks.selectRow(0)
    reply.task_note.setText("李明提交书面检查，已退还200元")
    ov = driver.ok(reply.report_button.click)
    reply.tasks.selectRow(0)
    reply.task_note.setText("经向受援人核实，已收到退款")
    ov = driver.ok(reply.verify_done.click)
    assert ov.supervision[0].status == "VERIFIED_DONE"

    # Art 16: the reply, then its service moves the case on (when the 答复书 kind is available).
    if "reply" not in ov.printable_kinds:
        assert not reply.reply_button.isEnabled() and "尚未就绪" in reply.reply_button.toolTip()
        return
    assert reply.reply_button.isEnabled()
    with driver.qtbot.waitSignal(driver.pane.document_shown, timeout=WAIT_MS) as shown:
        reply.reply_button.click()
    assert shown.args[0].kind == "reply"
    driver.qtbot.waitUntil(lambda: reply.document.currentData() == shown.args[0].document_id, timeout=WAIT_MS)
    reply.method.setCurrentIndex(reply.method.findData("IN_PERSON"))
    ov = driver.ok(reply.serve_button.click)
    assert ov.state in ("REPLIED", "SUPERVISING") and ov.reply_sent_on == clock.today()


def test_t18_cannot_be_verified_excludes_other_outcomes(driver, staff) -> None:
    case_id = ready_for_decision(staff)
    driver.open(case_id)
    section = driver.pane.decision
    [box] = section.boxes
    box.boxes["O3b"].setChecked(True)
    box.boxes["O2a"].setChecked(True)
    box.minor.setChecked(True)
    box.corrected.setChecked(True)
    box.no_harm.setChecked(True)
    assert "不能与其他处理结果并用" in driver.refused(section.propose_button.click)
    box.boxes["O2a"].setChecked(False)
    assert not box.minor.isEnabled()
    ov = driver.ok(section.propose_button.click)
    assert ov.proposals[0].outcome_codes == ("O3b",) and not ov.proposals[0].minor


def test_t19_crime_transfer_combined_with_industry_discipline_per_respondent(driver, staff) -> None:
    case_id = ready_for_decision(staff, respondents=(LAWYER, FIRM))
    driver.open(case_id)
    section = driver.pane.decision
    lawyer, firm = section.boxes
    lawyer.boxes["O1c"].setChecked(True)
    lawyer.boxes["OX"].setChecked(True)
    assert lawyer.targets["INDUSTRY_DISCIPLINE"].isEnabled() and lawyer.targets["CRIME"].isEnabled()
    assert not lawyer.targets["PENALTY"].isEnabled()
    lawyer.targets["INDUSTRY_DISCIPLINE"].setText("铁岭市律师协会")
    firm.boxes["O3a"].setChecked(True)
    message = driver.refused(section.propose_button.click)
    assert "接收移送的机关" in message
    lawyer.targets["CRIME"].setText("铁岭县公安局")
    driver.ok(section.propose_button.click)
    driver.sign_in("head")
    ov = driver.ok(section.decide_button.click)
    assert sorted((t.kind, t.target_organ) for t in ov.transfers) == [
        ("CRIME", "铁岭县公安局"), ("INDUSTRY_DISCIPLINE", "铁岭市律师协会")]
    assert section.transfers.rowCount() == 2
    section.transfers.selectRow(0)
    section.feedback.setText("已立案侦查")
    ov = driver.ok(section.feedback_button.click)
    assert any(t.feedback == "已立案侦查" for t in ov.transfers)


def test_t21_collective_complaint_opens_with_its_team(driver, staff) -> None:
    case_id = ready_for_decision(staff, complainants=12)
    driver.open(case_id)
    assert driver.pane.overview.complainant == "王秀英"
    assert [p.name for p in driver.pane.overview.team] == ["陈杰", "周敏"]


def test_t25_withdrawal_needs_signature_and_the_heads_decision(driver, staff) -> None:
    case_id = ready_for_decision(staff)
    driver.open(case_id)
    reply = driver.pane.reply
    reply.withdraw_reason.setText("律师已道歉并恢复办案，投诉人申请撤回")
    reply.continue_.setChecked(True)
    assert "机关负责人" in driver.refused(reply.withdraw_button.click)  # an investigator cannot decide
    driver.sign_in("head")
    assert "签字或捺印" in driver.refused(reply.withdraw_button.click)
    reply.withdraw_signed.setChecked(True)
    ov = driver.ok(reply.withdraw_button.click)
    assert ov.state == "INVESTIGATING" and ov.withdrawals[-1].result == "CONTINUE"
    reply.terminate.setChecked(True)
    ov = driver.ok(reply.withdraw_button.click)
    assert ov.state == "WITHDRAWN" and not reply.withdraw_button.isEnabled()
