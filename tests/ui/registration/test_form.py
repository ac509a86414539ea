"""Registration form: save, in-place errors, keyboard, autosave/restore, conflicts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop_app.services.dto import ComplainantInput, MaterialInput, OtherProcedureInput
from desktop_app.ui.registration.draft import DraftStore
from desktop_app.ui.registration_pane import RegistrationPane

from .conftest import WANG_ID, fill_form, letter, until, wait_idle


def test_written_complaint_is_registered_and_listed(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any
) -> None:
    pane.start_new_registration()
    wait_idle(qtbot, desk_ctx.tasks)
    fill_form(pane, letter(materials=[MaterialInput("投诉信", 3, True)], other_procedures=[]))
    ws = pane.workspace
    qtbot.mouseClick(ws.save_button, Qt.MouseButton.LeftButton)
    until(qtbot, lambda: ws.detail is not None)
    assert ws.detail.state == "REGISTERED"
    assert ws.detail.case_no in ws.title.text()
    assert "已保存" in ws.message_text()
    assert ws.detail.registration.materials[0].name == "投诉信"
    assert "C1" in ws.clocks.toolTip() or ws.clocks.text()  # the acceptance clock is visible
    assert not (desk_ctx.draft_dir / "new.json").exists(), (
        "a saved registration leaves no draft behind"
    )
    pane.show_list()
    wait_idle(qtbot, desk_ctx.tasks)
    model = pane.case_list.model
    until(qtbot, lambda: model.rowCount() == 1)
    row = model.row_at(0)
    assert row.case_no == ws.detail.case_no
    assert row.complainant_id_no != WANG_ID and row.complainant_id_no.startswith("1101")  # masked


def test_invalid_id_number_marked_in_place_and_nothing_lost(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any
) -> None:
    pane.start_new_registration()
    wait_idle(qtbot, desk_ctx.tasks)
    ws = pane.workspace
    fill_form(pane, letter(complainants=[ComplainantInput(name="王秀兰", role="RECIPIENT")]))
    editor = ws.form.complainants.editors[0]
    editor.id_number.setFocus()
    qtbot.keyClicks(editor.id_number, "110101195803090029")  # wrong check digit
    ws.save()
    errors = ws.form.errors_shown()
    assert "complainants[0].id_number" in errors
    assert (
        "校验" in errors["complainants[0].id_number"]
        or "身份证" in errors["complainants[0].id_number"]
    )
    assert editor.id_number.property("invalid") is True
    assert ws.detail is None and not desk_ctx.tasks.is_busy()  # nothing was sent
    assert ws.form.value().facts_text.startswith("律师索要")  # the rest is kept
    editor.id_number.setText(WANG_ID)
    ws.save()
    until(qtbot, lambda: ws.detail is not None)
    assert not ws.form.errors_shown()


def test_service_validation_errors_shown_at_their_fields(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any
) -> None:
    pane.start_new_registration()
    wait_idle(qtbot, desk_ctx.tasks)
    ws = pane.workspace
    fill_form(
        pane,
        letter(
            other_procedures=[OtherProcedureInput(kind="", organ="县纪委")],
            materials=[MaterialInput("", 0)],
        ),
    )
    ws.save()
    until(qtbot, lambda: not ws.saving)
    errors = ws.form.errors_shown()
    assert "other_procedures[0].kind" in errors
    assert "materials[0].name" in errors and "materials[0].pages" in errors
    assert "未保存" in ws.message_text()
    assert ws.form.other_procedures.editors[0].organ.text() == "县纪委"


def test_enter_moves_to_next_field_and_never_submits(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any
) -> None:
    pane.start_new_registration()
    wait_idle(qtbot, desk_ctx.tasks)
    ws = pane.workspace
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow)
    editor = ws.form.complainants.editors[0]
    editor.name.setFocus()
    qtbot.keyClicks(editor.name, "Li")
    qtbot.keyClick(editor.name, Qt.Key.Key_Return)
    assert not editor.name.hasFocus()
    assert ws.detail is None and not desk_ctx.tasks.is_busy()
    # Ctrl+S is the only way to save from the keyboard
    qtbot.keyClick(ws.form.request_text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    until(qtbot, lambda: not ws.saving)
    wait_idle(qtbot, desk_ctx.tasks)
    assert (
        ws.detail is not None and ws.detail.state == "RECEIVED"
    )  # incomplete: registered, not complete


def test_autosaved_draft_is_offered_on_next_start(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any
) -> None:
    pane.start_new_registration()
    wait_idle(qtbot, desk_ctx.tasks)
    fill_form(pane, letter())
    assert pane.workspace.dirty
    path = pane.workspace.autosave_now()
    assert path is not None and path.exists()
    # the "crash": a new pane over the same data directory
    again = RegistrationPane(desk_ctx)
    qtbot.addWidget(again)
    again.activated()
    wait_idle(qtbot, desk_ctx.tasks)
    assert again.restore_bar.isVisibleTo(again)
    assert "恢复未保存的登记" in again.restore_text.text() and "王秀兰" in again.restore_text.text()
    qtbot.mouseClick(again.restore_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, desk_ctx.tasks)
    assert again.is_showing_case()
    assert again.workspace.form.value().complainants[0].id_number == WANG_ID
    assert again.workspace.form.value().facts_text.startswith("律师索要")


def test_autosave_timer_writes_the_draft(qtbot: Any, pane: RegistrationPane, desk_ctx: Any) -> None:
    pane.start_new_registration()
    wait_idle(qtbot, desk_ctx.tasks)
    pane.workspace.set_autosave_interval(100)
    pane.workspace.form.request_text.setPlainText("要求退还费用")
    store = DraftStore(desk_ctx.draft_dir)
    until(qtbot, lambda: store.load(None) is not None, timeout=10_000)
    assert store.load(None).form.request_text == "要求退还费用"


def test_conflicting_save_keeps_the_input(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any, staff: Any
) -> None:
    ref = staff.user("desk").registration.register(letter())
    pane.open_case(ref.id)
    wait_idle(qtbot, desk_ctx.tasks)
    ws = pane.workspace
    assert ws.detail is not None and ws.form.value().request_text == "要求查处律师收费行为"
    # someone else saves the case meanwhile
    other = staff.user("reviewer").registration
    other.update_registration(
        ref.id, letter(event_time_text="2025年1月"), expected_version=ws.detail.version
    )
    ws.form.request_text.setPlainText("要求查处并退还一千元")
    ws.save()
    until(qtbot, lambda: not ws.saving)
    assert "修改" in ws.message_text() or "版本" in ws.message_text()
    assert ws.form.request_text.toPlainText() == "要求查处并退还一千元"


def test_editing_keeps_the_receipt_time_and_a_change_needs_a_reason(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any, staff: Any, clock: Any
) -> None:
    import datetime as dt

    clock.set(dt.datetime(2025, 3, 3, 9, 0, 37, 500000))  # a real clock has seconds
    ref = staff.user("desk").registration.register(letter())
    pane.open_case(ref.id)
    wait_idle(qtbot, desk_ctx.tasks)
    ws = pane.workspace
    ws.form.facts_text.setPlainText("律师索要辛苦费二千元，已付一千元，有收条。")
    ws.save()
    until(qtbot, lambda: not ws.saving)
    wait_idle(qtbot, desk_ctx.tasks)
    assert "已保存" in ws.message_text(), ws.message_text()
    assert ws.detail.received_at == dt.datetime(2025, 3, 3, 9, 0, 37, 500000)
    ws.form.received_at.setText("2025-03-02 16:30")
    ws.save()
    until(qtbot, lambda: not ws.saving)
    assert "correction_reason" in ws.form.errors_shown()
    ws.form.correction_reason.setText("信件实际于3月2日下午送达")
    ws.save()
    until(qtbot, lambda: not ws.saving)
    wait_idle(qtbot, desk_ctx.tasks)
    assert ws.detail.received_at == dt.datetime(2025, 3, 2, 16, 30)


def test_tab_walks_the_form_in_reading_order_and_alt_keys_work(
    qtbot: Any, pane: RegistrationPane, desk_ctx: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    pane.start_new_registration()
    wait_idle(qtbot, desk_ctx.tasks)
    pane.activateWindow()
    qtbot.waitUntil(pane.isActiveWindow)
    form = pane.workspace.form
    form.channel.setFocus()
    order: list[str] = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        order.append(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    expected = [
        "channel",
        "received_at",
        "name",
        "id_number",
        "type_code",
        "request_text",
        "facts_text",
        "ground_code",
        "subtype_P1",
        "aid_case_no",
    ]
    positions = [order.index(name) for name in expected]
    assert positions == sorted(positions), order
    assert "saveRegistration" not in order[: order.index("aid_case_no")]
    # Alt+R adds a complainant and puts the cursor into the new row
    form.request_text.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: len(form.complainants.editors) == 2)  # a mnemonic "animates" the click
    assert QApplication.focusWidget() is form.complainants.editors[1].name
