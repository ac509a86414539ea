"""T05, T20 (call-up of a live aid case's file, order to stop) and T16 (extension by the head)."""

from __future__ import annotations

import datetime as dt

from tests.ui.investigation.conftest import WAIT_MS
from tests.ui.investigation.scenario import investigating_case


def test_t05_t20_callup_of_an_open_case_warns_and_offers_the_return_date_path(driver, staff, clock) -> None:
    case_id = investigating_case(staff, ground="M2", aid_case_open=True)
    driver.open(case_id)
    acts = driver.pane.acts
    driver.pane.tabs.setCurrentWidget(acts)
    acts.kind.setCurrentIndex(acts.kind.findData("FILE_CALLUP"))
    assert acts.file_ref.isVisibleTo(acts) and not acts.due.isVisibleTo(acts)
    acts.counterpart.setText("铁岭县正义律师事务所")
    acts.file_ref.setText("铁援〔2025〕12号案卷")
    acts.original.setChecked(True)
    message = driver.refused(acts.record_button.click)
    assert "第十一条" in message and "仍在办理中" in message
    assert acts.confirm_box.isVisibleTo(acts) and "第十一条" in acts.confirm_text.text()
    acts.confirm_button.click()  # no return date yet: refused in place, nothing recorded
    assert "约定归还日期" in acts.confirm_text.text()
    acts.promised_return.setText("2025-03-03")
    ov = driver.ok(acts.confirm_button.click)
    [act] = ov.acts
    assert act.kind == "FILE_CALLUP" and act.details["obstruction_acknowledged"] is True
    assert act.details["promised_return"] == "2025-03-03" and act.investigators == ("陈杰", "周敏")
    # Returned the same day.
    acts.table.selectRow(0)
    acts.completion_note.setText("已当日归还原件")
    ov = driver.ok(acts.complete_button.click)
    assert ov.acts[0].completed_on == clock.today()

    # Art 12: the respondent is asked to explain, with a deadline; it needs the deadline.
    acts.kind.setCurrentIndex(acts.kind.findData("EXPLANATION_REQUEST"))
    acts.counterpart.setText("李明律师")
    assert "答复期限" in driver.refused(acts.record_button.click)
    acts.due.setText("2025-03-10")
    ov = driver.ok(acts.record_button.click)
    assert ov.acts[-1].due_date == dt.date(2025, 3, 10)
    # Its PDF button follows DocumentService.kinds(): disabled (with the reason) while the kind is missing.
    acts.table.selectRow(1)
    if "explanation_request" in ov.printable_kinds:
        assert acts.print_act_button.isEnabled()
    else:
        assert not acts.print_act_button.isEnabled() and "尚未就绪" in acts.print_act_button.toolTip()

    # T20: the lawyer keeps demanding money: order to stop (Art 13) flags the continuing violation.
    acts.kind.setCurrentIndex(acts.kind.findData("STOP_ORDER"))
    acts.counterpart.setText("李明律师")
    acts.summary.setPlainText("以不付费即停止代理相要挟，责令立即停止。")
    ov = driver.ok(acts.record_button.click)
    assert ov.continuing_violation and acts.art13_label.isVisibleTo(acts) and "第十三条" in acts.art13_label.text()

    # Evidence list.
    acts.ev_description.setText("开庭笔录复印件")
    acts.ev_source.setText("铁岭县人民法院")
    ov = driver.ok(acts.ev_button.click)
    assert [e.description for e in ov.evidence] == ["开庭笔录复印件"]
    assert acts.evidence_table.item(0, 0).text() == "开庭笔录复印件"


def test_t16_extension_requested_then_approved_by_another_head(driver, staff, clock) -> None:
    case_id = investigating_case(staff)
    clock.advance(days=38)
    driver.sign_in("head2")  # 孙红 handles and requests
    driver.open(case_id)
    banner = driver.pane.banner
    assert "第 38 日" in banner.clock_label.text() and "2025-04-17" in banner.clock_label.text()
    assert "第 30 日提醒点" in banner.warning_label.text()
    ext = driver.pane.extension
    ext.new_due.setText("2025-05-20")
    assert "理由" in driver.refused(ext.request_button.click)
    ext.reason.setPlainText("被投诉律师已迁往外省执业，需调取法院卷宗并赴外市询问受援人亲属。")
    ov = driver.ok(ext.request_button.click)
    assert ov.pending_extension is not None and "待负责人批准" in banner.clock_label.text()
    # The requester cannot approve their own extension.
    message = driver.refused(ext.approve_button.click)
    assert "申请人不能批准自己的延期申请" in message and message in ext.message.text()
    driver.sign_in("head")
    clock.advance(days=2)
    ov = driver.ok(ext.approve_button.click)
    assert ov.pending_extension is None and ov.handling_clock.due == dt.date(2025, 5, 20)
    assert "2025-05-20" in banner.clock_label.text() and "刘强批准" in banner.clock_label.text()
    assert not banner.warning_label.isVisibleTo(banner)  # day-40/43 warnings no longer apply
    assert ext.table.item(0, 0).text() == "已批准"
    if "extension_notice" in ov.printable_kinds:
        notice = ov.latest_document("extension_notice")
        assert notice is not None and ext.notice_button.isEnabled()
