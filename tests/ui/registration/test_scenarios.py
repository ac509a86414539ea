"""Scenarios T01–T04, T06, T07, T11, T13–T15 (requirements §8) driven through the real
pane: register, review, decide, print, serve — on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop_app.services.dto import ComplainantInput, OtherProcedureInput, RespondentInput
from desktop_app.ui.registration.dialogs import SignatureDialog
from desktop_app.ui.registration_pane import RegistrationPane

from .conftest import (
    LI_ID,
    WANG_ID,
    agent,
    letter,
    pdf_text,
    register_via_form,
    review_as,
    serve,
    until,
    wait_idle,
)


def clock(detail: Any, code: str) -> Any:
    return next(c for c in detail.clocks if c.code == code)


def accept_all(review: Any) -> None:
    for code in review.condition_widgets:
        review.set_condition(code, True)
    for box in review.ground_widgets.values():
        box.setChecked(False)


def printed(pane: RegistrationPane, qtbot: Any, ctx: Any, key: str, tmp_path: Path) -> str:
    """Click a print button; wait for the preview pages; return the PDF's text (pdftotext)."""
    docs = pane.workspace.documents
    pane.workspace.tabs.setCurrentWidget(docs)
    button = docs.print_buttons[key]
    assert button.isEnabled(), key
    button.click()
    wait_idle(qtbot, ctx.tasks)
    until(qtbot, lambda: docs.preview.page_count() > 0)
    assert docs.preview.page_count() == docs.current.page_count
    return pdf_text(docs.current.pdf, tmp_path)


def test_t01_oral_complaint_thumbprint_then_accept_and_serve(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any, staff: Any, tmp_path: Path
) -> None:
    oral = letter(
        channel="IN_PERSON_ORAL",
        writing_difficulty="不识字/文化程度低",
        request_text="要求查处律师索要辛苦费",
        event_time_text="2025年2月中旬",
    )
    detail = register_via_form(pane, qtbot, desk_ctx, oral)
    ws = pane.workspace
    assert detail.state == "RECEIVED"
    assert ws.banner.isVisibleTo(ws) and clock(detail, "C1").due.isoformat() in ws.banner.text()
    # cannot leave RECEIVED before the thumbprint is confirmed: the service's message is shown
    ws.complete_button.click()
    wait_idle(qtbot, desk_ctx.tasks)
    assert "签字或捺印" in ws.message_text() and ws.detail.state == "RECEIVED"
    text = printed(pane, qtbot, desk_ctx, "oral_record", tmp_path)
    assert "口头投诉" in text and "王秀兰" in text and "捺印" in text
    dialog = ws.open_signature_dialog()
    assert isinstance(dialog, SignatureDialog)
    dialog.try_accept()
    assert "请选择" in dialog.error.text() and not dialog.submitted  # nothing chosen yet
    dialog.radios["THUMBPRINTED"].setChecked(True)
    dialog.try_accept()
    wait_idle(qtbot, desk_ctx.tasks)
    assert ws.detail.state == "REGISTERED" and ws.detail.record_signature == "THUMBPRINTED"
    assert not ws.banner.isVisibleTo(ws)
    # review and decide as 孙红 (head + reviewer)
    review = review_as(pane, qtbot, desk_ctx, staff, "head2")
    assert review.recommendation.text()
    accept_all(review)
    assert review.accept_button.isEnabled()
    review.accept_button.click()
    wait_idle(qtbot, desk_ctx.tasks)
    assert ws.detail.state == "ACCEPTED", review.message_text()
    assert clock(ws.detail, "C1").status != "MET"  # decided, not yet served
    text = pdf_text(ws.documents.current.pdf, tmp_path)
    assert "受理通知书" in text and ws.detail.case_no[:4] in text
    serve(pane, qtbot, desk_ctx, "acceptance_notice", name="王秀兰")
    assert clock(ws.detail, "C1").status == "MET", ws.documents.message_text()
    assert "已送达" in ws.documents.table.item(0, 4).text() or any(
        d.served for d in ws.documents.documents
    )


def test_t02_agent_without_poa_cannot_be_accepted(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any, staff: Any, tmp_path: Path
) -> None:
    inp = letter(agents=[agent(poa_submitted=False)])
    register_via_form(pane, qtbot, desk_ctx, inp)
    text = printed(pane, qtbot, desk_ctx, "poa_blank", tmp_path)
    assert "授权委托书" in text
    review = review_as(pane, qtbot, desk_ctx, staff, "head2")
    assert not review.accept_button.isEnabled()
    # even a reviewer who ticks everything is refused by the service, which says what is missing
    accept_all(review)
    review.decide_accept()
    wait_idle(qtbot, desk_ctx.tasks)
    assert "授权委托书" in review.message_text()
    assert pane.workspace.detail.state in ("UNDER_REVIEW", "REGISTERED")


def test_t03_limited_poa_notice_goes_to_the_complainant(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any, staff: Any, tmp_path: Path
) -> None:
    inp = letter(
        agents=[agent(poa_submitted=True, poa_scope=["FILE_COMPLAINT", "SUBMIT_MATERIALS"])]
    )
    register_via_form(pane, qtbot, desk_ctx, inp)
    assert "代为提出投诉" in printed(pane, qtbot, desk_ctx, "registration_form", tmp_path)
    review = review_as(pane, qtbot, desk_ctx, staff, "head2")
    accept_all(review)
    review.accept_button.click()
    wait_idle(qtbot, desk_ctx.tasks)
    ws = pane.workspace
    assert ws.detail.state == "ACCEPTED", review.message_text()
    dialog = serve(pane, qtbot, desk_ctx, "acceptance_notice", role="AGENT", name="王小明")
    assert (
        "委托权限" in dialog.error.text()
    )  # refused by the service, shown in the dialog, input kept
    assert dialog.recipient_name.currentText() == "王小明"
    assert clock(ws.detail, "C1").status != "MET"
    dialog.reject()
    serve(pane, qtbot, desk_ctx, "acceptance_notice", role="COMPLAINANT", name="王秀兰")
    assert clock(ws.detail, "C1").status == "MET"


def test_t04_only_the_result_disputed_not_accepted_citing_9_3(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any, staff: Any, tmp_path: Path
) -> None:
    inp = letter(
        complainants=[
            ComplainantInput(
                name="李桂芝",
                role="INTERESTED_PARTY",
                id_number=LI_ID,
                relationship_text="被告人母亲",
                phone="13812345678",
            )
        ],
        request_text="判决太重，律师没办好",
        facts_text="儿子被判七年，律师会见、阅卷、出庭均已进行。",
        reasons_text="对判决结果不满",
        ground_code="M2",
    )
    register_via_form(pane, qtbot, desk_ctx, inp)
    review = review_as(pane, qtbot, desk_ctx, staff, "head2")
    review.ground_widgets["R9-3"].setChecked(True)
    assert not review.accept_button.isEnabled()
    dialog = review.open_not_accept_dialog()
    assert dialog.reasons["R9-3"].isChecked()
    dialog.try_accept()
    wait_idle(qtbot, desk_ctx.tasks)
    ws = pane.workspace
    assert ws.detail.state == "NOT_ACCEPTED", review.message_text()
    text = pdf_text(ws.documents.current.pdf, tmp_path)
    assert "不予受理" in text and "第九条第（三）项" in text.replace(" ", "")
    # post without tracking number: the dialog refuses locally and keeps what was typed
    dialog = serve(pane, qtbot, desk_ctx, "non_acceptance_notice", method="POST", name="李桂芝")
    assert "单号" in dialog.error.text() and not dialog.submitted
    dialog.reject()
    serve(
        pane,
        qtbot,
        desk_ctx,
        "non_acceptance_notice",
        method="POST",
        name="李桂芝",
        tracking_no="EA123456789CN",
    )
    assert clock(ws.detail, "C1").status == "MET"
    pane.workspace.documents.print_service_receipt()
    wait_idle(qtbot, desk_ctx.tasks)
    receipt = pdf_text(ws.documents.current.pdf, tmp_path)
    assert "送达回证" in receipt and "EA123456789CN" in receipt


def test_t06_other_procedure_is_required_and_named(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any, staff: Any, tmp_path: Path
) -> None:
    inp = letter(
        other_procedures=[
            OtherProcedureInput(
                kind="DISCIPLINE", organ="铁岭县纪委监委", reference_no="铁纪〔2025〕3号"
            )
        ]
    )
    register_via_form(pane, qtbot, desk_ctx, inp)
    review = review_as(pane, qtbot, desk_ctx, staff, "head2")
    # (b) a lawsuit is claimed but not recorded: refused with what to record
    dialog = review.open_not_accept_dialog()
    for box in dialog.reasons.values():
        box.setChecked(False)
    dialog.reasons["R9-2a"].setChecked(True)
    dialog.try_accept()
    wait_idle(qtbot, desk_ctx.tasks)
    assert "其他程序" in review.message_text()
    # (a) the recorded 纪检监察 procedure
    dialog = review.open_not_accept_dialog()
    for box in dialog.reasons.values():
        box.setChecked(False)
    dialog.reasons["R9-2e"].setChecked(True)
    dialog.try_accept()
    wait_idle(qtbot, desk_ctx.tasks)
    assert pane.workspace.detail.state == "NOT_ACCEPTED", review.message_text()
    text = pdf_text(pane.workspace.documents.current.pdf, tmp_path).replace(" ", "")
    assert "第九条第（二）项" in text


def test_t07_repeat_complaint_found_while_typing(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any, staff: Any
) -> None:
    earlier = staff.user("desk").registration.register(letter())
    pane.start_new_registration()
    wait_idle(qtbot, desk_ctx.tasks)
    ws = pane.workspace
    editor = ws.form.complainants.editors[0]
    editor.name.setText("王秀兰")
    editor.id_number.setFocus()
    qtbot.keyClicks(editor.id_number, WANG_ID)
    until(qtbot, lambda: ws.duplicates.count() == 1)
    item = ws.duplicates.item(0)
    assert earlier.case_no in item.text() and "身份证号" in item.text() and "结果" in item.text()
    ws.duplicates.itemClicked.emit(item)
    wait_idle(qtbot, desk_ctx.tasks)
    assert ws.case_id == earlier.id and ws.detail.case_no == earlier.case_no
    # the abandoned new registration was kept as a draft
    assert (desk_ctx.draft_dir / "new.json").exists()


def test_t11_wrong_jurisdiction_names_the_competent_organ(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any, staff: Any, tmp_path: Path
) -> None:
    register_via_form(pane, qtbot, desk_ctx, letter(aid_institution="开原市法律援助中心"))
    review = review_as(pane, qtbot, desk_ctx, staff, "head2")
    review.set_condition("A4", False, "指派机构为开原市法律援助中心")
    assert not review.accept_button.isEnabled()
    dialog = review.open_not_accept_dialog()
    for box in dialog.reasons.values():
        box.setChecked(False)
    dialog.reasons["R8-4"].setChecked(True)
    dialog.try_accept()
    assert "有管辖权的机关" in dialog.error.text() and not dialog.submitted
    dialog.competent_organ.setText("开原市司法局")
    dialog.try_accept()
    wait_idle(qtbot, desk_ctx.tasks)
    assert pane.workspace.detail.state == "NOT_ACCEPTED", review.message_text()
    text = pdf_text(pane.workspace.documents.current.pdf, tmp_path).replace(" ", "")
    assert "开原市司法局" in text and "第八条第（四）项" in text


def test_t13_anonymous_email_registered_not_accepted_undeliverable(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any, staff: Any
) -> None:
    inp = letter(
        channel="EMAIL",
        anonymous=True,
        complainants=[],
        respondents=[
            RespondentInput(type_code="GRASSROOTS_WORKER", name="刘某", unit_name="某镇法律服务所")
        ],
    )
    detail = register_via_form(pane, qtbot, desk_ctx, inp)
    assert detail.registration.anonymous
    review = review_as(pane, qtbot, desk_ctx, staff, "head2")
    assert not review.accept_button.isEnabled()
    dialog = review.open_not_accept_dialog()
    for box in dialog.reasons.values():
        box.setChecked(False)
    dialog.reasons["R8-1"].setChecked(True)
    dialog.try_accept()
    wait_idle(qtbot, desk_ctx.tasks)
    ws = pane.workspace
    assert ws.detail.state == "NOT_ACCEPTED", review.message_text()
    serve(
        pane,
        qtbot,
        desk_ctx,
        "non_acceptance_notice",
        method="UNDELIVERABLE",
        reason="匿名投诉，无联系地址",
    )
    assert any(d.served for d in ws.detail.documents if d.kind == "non_acceptance_notice"), (
        ws.documents.message_text()
    )


def test_t14_phone_complaint_shows_signature_pending_banner(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any
) -> None:
    detail = register_via_form(pane, qtbot, desk_ctx, letter(channel="PHONE"))
    ws = pane.workspace
    assert detail.state == "RECEIVED"
    assert (
        "签字待补" in ws.banner.text() and clock(detail, "C1").due.isoformat() in ws.banner.text()
    )
    assert ws.sign_button.isVisibleTo(ws)
    assert not ws.review.accept_button.isEnabled()


def test_t15_illegible_fax_one_time_supplement_notice(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any, staff: Any, tmp_path: Path
) -> None:
    inp = letter(
        channel="FAX",
        request_text="",
        reasons_text="",
        respondents=[RespondentInput(type_code="LAWYER", name="不详")],
    )
    register_via_form(pane, qtbot, desk_ctx, inp)
    review = review_as(pane, qtbot, desk_ctx, staff, "head2")
    dialog = review.open_supplement_dialog()
    items = dialog.item_list()
    assert len(items) >= 2, items  # everything missing, at once
    dialog.try_accept()
    wait_idle(qtbot, desk_ctx.tasks)
    ws = pane.workspace
    assert ws.detail.state == "AWAITING_SUPPLEMENT", review.message_text()
    text = pdf_text(ws.documents.current.pdf, tmp_path)
    assert "补正" in text
    assert clock(ws.detail, "C1").due is not None and "C1" not in review.message_text()
    assert ws.clocks.text()  # the clock stays in view
    again = review.open_supplement_dialog()
    again.try_accept()
    wait_idle(qtbot, desk_ctx.tasks)
    assert "一次性" in review.message_text()


def test_print_sends_every_page_to_the_printer(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any, tmp_path: Path
) -> None:
    """The non-dialog half of printing: a PDF printer stands in for the one QPrintDialog returns."""
    import subprocess

    from PySide6.QtPrintSupport import QPrinter

    register_via_form(pane, qtbot, desk_ctx, letter())
    printed(pane, qtbot, desk_ctx, "registration_form", tmp_path)
    docs = pane.workspace.documents
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(out))
    docs.send_to_printer(printer)
    wait_idle(qtbot, desk_ctx.tasks)
    assert "已送打印机" in docs.message_text()
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert f"Pages:           {docs.current.page_count}" in info


def test_front_desk_may_register_but_not_decide(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any
) -> None:
    register_via_form(pane, qtbot, desk_ctx, letter())
    review = pane.workspace.review
    pane.workspace.tabs.setCurrentWidget(review)
    for code in review.condition_widgets:
        review.set_condition(code, True)
    review.decide_accept()
    wait_idle(qtbot, desk_ctx.tasks)
    assert "审查人或机关负责人" in review.message_text(), review.message_text()
    assert pane.workspace.detail.state == "REGISTERED"
