"""The case picker: only cases at the investigation stages, chosen by clicking; its model passes qtmodeltester."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.investigation.conftest import WAIT_MS
from tests.ui.investigation.scenario import accepted_case, investigating_case


def test_case_picker_lists_accepted_cases_and_opens_the_clicked_one(driver, staff, qtmodeltester) -> None:
    accepted = accepted_case(staff)
    investigating = investigating_case(staff)
    desk = staff.user("desk")
    from desktop_app.services.dto import ComplainantInput, RegistrationInput
    desk.registration.register(RegistrationInput(channel="LETTER", complainants=[ComplainantInput(name="未受理人")]))
    pane = driver.pane
    model = pane.case_list.model
    with driver.qtbot.waitSignal(model.page_loaded, timeout=WAIT_MS):
        pane.activated()
    assert sorted(r.id for r in model.loaded_rows()) == sorted([accepted, investigating])
    qtmodeltester.check(model, force_py=True)
    row = next(i for i, r in enumerate(model.loaded_rows()) if r.id == investigating)
    with driver.qtbot.waitSignal(pane.refreshed, timeout=WAIT_MS):
        pane.case_list.view.setCurrentIndex(model.index(row, 0))
    assert pane.overview.case_id == investigating and pane.stack.currentIndex() == 1
    assert "调查中" in pane.banner.case_label.text() and "办理期限" in pane.banner.clock_label.text()
    assert pane.focus_search() and pane.case_list.search.hasFocus() in (True, False)
    pane.case_list.search.setText("没有这个人")
    driver.qtbot.waitUntil(lambda: not model.is_loading() and model.rowCount() == 0, timeout=WAIT_MS)
    assert model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole) is None
