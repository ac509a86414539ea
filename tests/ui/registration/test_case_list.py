"""Case list: paging, server-side sort, filters, search as you type, QR scan, model contract."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.documents.versioning import make_qr_payload
from desktop_app.services.dto import ComplainantInput, RespondentInput
from desktop_app.ui.registration.editors import set_combo_code
from desktop_app.ui.registration_pane import RegistrationPane

from .conftest import LI_ID, letter, until, wait_idle


@pytest.fixture
def three_cases(staff: Any, clock: Any) -> list[Any]:
    desk = staff.user("desk").registration
    refs = [desk.register(letter())]
    clock.advance(days=1)
    refs.append(
        desk.register(
            letter(
                complainants=[
                    ComplainantInput(
                        name="李建国", role="APPLICANT", id_number=LI_ID, phone="13811112222"
                    )
                ],
                respondents=[
                    RespondentInput(type_code="LEGAL_AID_INSTITUTION", name="铁岭县法律援助中心")
                ],
                facts_text="申请法律援助三周未作决定",
                ground_code="M1",
            )
        )
    )
    clock.advance(days=1)
    refs.append(
        desk.register(letter(channel="PHONE", facts_text="律师两个月不回电话", ground_code="M2"))
    )
    return refs


def loaded(pane: RegistrationPane) -> list[str]:
    return [r.case_no for r in pane.case_list.model.loaded_rows()]


def test_list_search_filter_sort(
    qtbot: Any, staff: Any, three_cases: list[Any], desk_ctx: Any
) -> None:
    pane = RegistrationPane(desk_ctx)
    qtbot.addWidget(pane)
    pane.show()
    pane.activated()
    wait_idle(qtbot, desk_ctx.tasks)
    lst = pane.case_list
    until(qtbot, lambda: lst.model.rowCount() == 3)
    newest_first = [r.case_no for r in reversed(three_cases)]
    assert loaded(pane) == newest_first
    assert "共 3 条" in lst.status.text()
    # badges: the list shows the next deadline with its status colour
    index = lst.model.index(0, 6)
    assert index.data() and index.data(Qt.ItemDataRole.BackgroundRole) is not None
    # server-side sort by clicking the header
    lst.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot, desk_ctx.tasks)
    assert loaded(pane) == sorted(newest_first)
    # search as you type (Chinese substring of the facts) — debounced, stale results dropped
    lst.search.setText("三周")
    until(qtbot, lambda: loaded(pane) == [three_cases[1].case_no])
    lst.search.setText("")
    until(qtbot, lambda: len(loaded(pane)) == 3)
    lst.search.setFocus()
    qtbot.keyClicks(lst.search, "1381111")  # phone digits
    until(qtbot, lambda: loaded(pane) == [three_cases[1].case_no])
    lst.search.clear()
    until(qtbot, lambda: len(loaded(pane)) == 3)
    # filters
    set_combo_code(lst.state, "RECEIVED")
    until(qtbot, lambda: loaded(pane) == [three_cases[2].case_no])
    set_combo_code(lst.state, "")
    until(qtbot, lambda: len(loaded(pane)) == 3)
    until(qtbot, lambda: lst.respondent_type.count() > 1)
    set_combo_code(lst.respondent_type, "LEGAL_AID_INSTITUTION")
    until(qtbot, lambda: loaded(pane) == [three_cases[1].case_no])
    set_combo_code(lst.respondent_type, "")
    set_combo_code(lst.ground, "M2")
    until(qtbot, lambda: loaded(pane) == [three_cases[2].case_no])
    set_combo_code(lst.ground, "")
    lst.date_from.set_date(dt.date(2025, 3, 4))
    lst.apply_filter()
    until(qtbot, lambda: len(loaded(pane)) == 2)
    lst.date_from.set_date(None)
    lst.overdue.setChecked(True)
    until(qtbot, lambda: len(loaded(pane)) == 0 and not lst.model.is_loading())


def test_enter_and_double_click_open_the_case(
    qtbot: Any, staff: Any, three_cases: list[Any], desk_ctx: Any
) -> None:
    pane = RegistrationPane(desk_ctx)
    qtbot.addWidget(pane)
    pane.show()
    pane.activated()
    until(qtbot, lambda: pane.case_list.model.rowCount() == 3)
    view = pane.case_list.view
    view.setFocus()
    view.selectRow(1)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    wait_idle(qtbot, desk_ctx.tasks)
    assert pane.is_showing_case() and pane.workspace.detail.case_no == three_cases[1].case_no
    pane.show_list()
    pane.resize(1200, 800)
    view.scrollTo(pane.case_list.model.index(2, 0))
    rect = view.visualRect(pane.case_list.model.index(2, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, desk_ctx.tasks)
    assert pane.workspace.detail.case_no == three_cases[0].case_no


def test_qr_scan_on_the_list_opens_the_case(
    qtbot: Any, staff: Any, three_cases: list[Any], desk_ctx: Any
) -> None:
    pane = RegistrationPane(desk_ctx)
    qtbot.addWidget(pane)
    pane.show()
    pane.activated()
    until(qtbot, lambda: pane.case_list.model.rowCount() == 3)
    view = pane.case_list.view
    view.setFocus()
    view.selectRow(0)
    target = three_cases[1]
    payload = make_qr_payload(target.case_no, "registration_form", "0123456789abcdef")
    qtbot.keyClicks(view, payload)  # what the wedge scanner types …
    qtbot.keyClick(view, Qt.Key.Key_Return)  # … and its Enter
    wait_idle(qtbot, desk_ctx.tasks)
    assert pane.is_showing_case() and pane.workspace.detail.case_no == target.case_no
    # an unknown case number is reported, not crashed on
    pane.show_list()
    qtbot.keyClicks(view, make_qr_payload("XX司援投〔2020〕第9999号", "reply", "0" * 12))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    wait_idle(qtbot, desk_ctx.tasks)
    assert not pane.is_showing_case()
    assert "不存在" in pane.case_list.message.text()


def test_case_list_model_contract(
    qtbot: Any, qtmodeltester: Any, staff: Any, three_cases: list[Any], desk_ctx: Any
) -> None:
    pane = RegistrationPane(desk_ctx)
    qtbot.addWidget(pane)
    pane.activated()
    until(qtbot, lambda: pane.case_list.model.rowCount() == 3)
    qtmodeltester.check(pane.case_list.model, force_py=True)


def test_list_fetches_pages_never_everything(qtbot: Any, staff: Any, desk_ctx: Any) -> None:
    desk = staff.user("desk").registration
    refs = []
    for _ in range(7):
        refs.append(desk.register(letter()))
    pane = RegistrationPane(desk_ctx)
    qtbot.addWidget(pane)
    model = pane.case_list.model
    model._page_size = 3
    pane.activated()
    # The whole list is there at once (true scroll bar), but only the first page was fetched.
    until(qtbot, lambda: model.rowCount() == 7 and not model.is_loading())
    assert model.total() == 7 and not model.canFetchMore()
    assert len(model.loaded_rows()) == 3
    assert "共 7 条" in pane.case_list.status.text()
    assert model.index(6, 0).data() == "…"  # painting the last row asks for its page
    until(qtbot, lambda: model.index(6, 0).data() == refs[0].case_no)
