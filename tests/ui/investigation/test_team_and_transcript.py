"""T01, T08, T22: the team of two or more, recusal, and the transcript typed fast with autosave."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.investigation.conftest import WAIT_MS
from tests.ui.investigation.scenario import CENTRE, accepted_case, investigating_case


def test_t01_team_needs_two_investigators_and_starts_the_investigation(driver, staff) -> None:
    case_id = accepted_case(staff)
    driver.sign_in("head")
    driver.open(case_id)
    pane = driver.pane
    driver.qtbot.waitUntil(lambda: pane.team.people.count() == 3, timeout=WAIT_MS)
    pane.team.check([staff.ids["inv1"]])
    pane.team.assign_button.click()
    assert "两名以上" in pane.team.message.text() and pane.team.message.kind() == "error"
    pane.team.check([staff.ids["inv1"], staff.ids["inv2"]])
    ov = driver.ok(pane.team.assign_button.click)
    assert ov.state == "INVESTIGATING"
    assert "陈杰" in pane.team.current.text() and "周敏" in pane.team.current.text()
    assert "INVESTIGATING" not in pane.banner.case_label.text() and "调查中" in pane.banner.case_label.text()
    assert not pane.team.assign_button.isEnabled()


def test_t08_centre_staff_must_recuse_with_the_reason_shown(driver, staff) -> None:
    case_id = accepted_case(staff, respondents=(CENTRE,), ground="M1")
    driver.sign_in("head")
    driver.open(case_id)
    pane = driver.pane
    driver.qtbot.waitUntil(lambda: pane.team.people.count() == 3, timeout=WAIT_MS)
    pane.team.check([staff.ids["inv1"], staff.ids["inv_center"]])
    message = driver.refused(pane.team.assign_button.click)
    assert "吴浩" in message and "回避" in message
    assert pane.team.message.text() == message and pane.team.message.isVisible()
    assert pane.overview.state == "ACCEPTED"


def _activate(driver) -> None:
    driver.pane.activateWindow()
    driver.qtbot.waitUntil(lambda: QApplication.activeWindow() is driver.pane, timeout=WAIT_MS)


def test_t01_transcript_typed_with_tab_and_enter_autosaves(driver, staff) -> None:
    case_id = investigating_case(staff)
    driver.open(case_id)
    _activate(driver)
    section = driver.pane.transcripts
    editor = section.editor
    driver.pane.tabs.setCurrentWidget(section)
    section.new_button.click()
    assert editor.investigator_ids() == [staff.ids["inv1"], staff.ids["inv2"]]
    editor.interviewee.setText("李明")
    editor.insert_standard_opening()
    assert "陈杰、周敏" in editor.opening.toPlainText() and "如实" in editor.opening.toPlainText()
    first = editor.turns.rows[0]
    assert QApplication.focusWidget() is first.question
    driver.qtbot.keyClicks(first.question, "Q1")
    driver.qtbot.keyClick(first.question, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.answer
    driver.qtbot.keyClicks(QApplication.focusWidget(), "A1")
    driver.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    driver.qtbot.keyClicks(QApplication.focusWidget(), "line2")
    driver.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert len(editor.turns.rows) == 2 and QApplication.focusWidget() is editor.turns.rows[1].question
    driver.qtbot.keyClicks(QApplication.focusWidget(), "Q2")
    driver.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    driver.qtbot.keyClicks(QApplication.focusWidget(), "A2")
    driver.qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is editor.turns.rows[1].question
    # Chinese goes in with setText (keyClicks with CJK aborts the process).
    editor.turns.rows[1].answer.setPlainText("收过一千元现金。")
    # A common question from the template list lands in the next empty 问.
    editor.turns.rows[1].answer.setFocus()
    row = editor.turns.insert_question("以上所说是否属实？你还有什么需要补充的吗？")
    assert row is editor.turns.rows[2] and QApplication.focusWidget() is row.answer
    row.answer.setPlainText("属实。")
    recovery = editor.recovery_path()
    assert recovery is not None and recovery.exists()  # every keystroke is safe before the DB save
    assert json.loads(recovery.read_text("utf-8"))["input"]["turns"][2]["answer"] == "属实。"
    with driver.qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        pass  # the debounced autosave
    driver.qtbot.waitUntil(lambda: not editor.has_unsaved_changes() and "已保存" in editor.save_label.text(),
                           timeout=WAIT_MS)
    view = driver.ctx.services.investigation.get_transcript(editor.transcript_id)
    assert [(t.question, t.answer) for t in view.data.turns] == [
        ("Q1", "A1\nline2"), ("Q2", "收过一千元现金。"), ("以上所说是否属实？你还有什么需要补充的吗？", "属实。")]
    assert view.data.interviewee_name == "李明" and "如实" in view.data.opening_text
    assert not list(recovery.parent.glob("*.json"))  # saved: the recovery file is gone


def test_t01_transcript_with_one_investigator_is_refused_and_nothing_is_lost(driver, staff) -> None:
    case_id = investigating_case(staff)
    driver.open(case_id)
    editor = driver.pane.transcripts.editor
    driver.pane.transcripts.new_button.click()
    editor.set_investigators([staff.ids["inv1"]])
    editor.interviewee.setText("王秀英")
    with driver.qtbot.waitSignal(editor.save_failed, timeout=WAIT_MS) as blocker:
        editor.save()
    assert "两名以上" in blocker.args[0] and "两名以上" in editor.message.text()
    assert editor.interviewee.text() == "王秀英" and editor.transcript_id is None
    assert editor.recovery_path().exists()


def test_crash_recovery_offers_what_was_typed(driver, staff) -> None:
    case_id = investigating_case(staff)
    driver.open(case_id)
    section = driver.pane.transcripts
    section.new_button.click()
    editor = section.editor
    editor.interviewee.setText("证人张三")
    editor.turns.rows[0].question.setPlainText("你看见了什么？")
    with driver.qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        editor.save()
    tid = editor.transcript_id
    editor.turns.rows[0].answer.setPlainText("看见律师收钱。")  # typed, then the program "crashes"
    editor._timer.stop()
    assert editor.recovery_path().exists()
    driver.idle()
    # A new session (fresh pane) opening the same case offers the unsaved answer back.
    from desktop_app.ui.investigation_pane import InvestigationPane
    pane2 = InvestigationPane(driver.ctx)
    driver.qtbot.addWidget(pane2)
    section2 = pane2.transcripts
    with driver.qtbot.waitSignal(section2.transcript_loaded, timeout=WAIT_MS):
        pane2.open_case(case_id)
    editor = section2.editor
    assert editor.transcript_id == tid and not editor.recovery_bar.isHidden()
    assert editor.turns.rows[0].answer.toPlainText() == ""
    editor.restore_button.click()
    assert editor.turns.rows[0].answer.toPlainText() == "看见律师收钱。"
    with driver.qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        editor.save()
    view = driver.ctx.services.investigation.get_transcript(tid)
    assert view.data.turns[0].answer == "看见律师收钱。"
