"""归档 pane on a real database: checklist with what is missing, binding, 卷内目录, volume PDF, search, lending."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

import desktop_app.services.archive_search  # noqa: F401 - registers hub.archive_search until hub.py imports it
import desktop_app.ui  # noqa: F401 - qt_compat first
from desktop_app.ui.archive_pane import ArchivePane, volume_pdf_available
from tests.services.issue5_cases import build_cases
from tests.ui.fakes import FakeContext

pytestmark = pytest.mark.gui
TODAY = dt.date(2025, 6, 10)


def _click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_checklist_archive_search_and_lending(qtbot: Any, tasks: Any, services: Any, staff: Any, clock: Any,
                                              tmp_path: Path) -> None:
    built = build_cases(services, staff, clock, count=8, today=TODAY)
    incomplete = next(b for b in built if b.fate == "investigating")
    ready = next(b for b in built if b.fate == "not_accepted")
    archivist = staff.user("archivist")
    pane = ArchivePane(FakeContext(tasks=tasks, clock=clock, services=archivist))
    qtbot.addWidget(pane)
    pane.resize(1300, 800)
    pane.show()

    # An investigating case: the checklist says exactly what is missing; archiving is disabled.
    pane.case_no.setText(incomplete.case_no)
    with qtbot.waitSignal(pane.case_loaded, timeout=10_000):
        _click(qtbot, pane.open_button)
    missing = [x for x in archivist.archive.check(incomplete.case_id).missing if x.document != "registration_form"]
    assert missing and pane.missing_label.text().startswith("不能归档，缺少：")
    for line in missing:
        assert line.detail in pane.missing_label.text()
    states = [pane.checklist.item(r, 2).text() for r in range(pane.checklist.rowCount())]
    assert states.count("✘ 缺少") == len(missing)
    assert not pane.archive_button.isEnabled()

    # A complete (not accepted) case: bind it; the volume and its 卷内目录 appear.
    pane.case_no.setText(ready.case_no)
    with qtbot.waitSignal(pane.case_loaded, timeout=10_000):
        _click(qtbot, pane.open_button)
    assert pane.missing_label.text() == "材料齐全，可以归档。" and pane.archive_button.isEnabled()
    with qtbot.waitSignal(pane.archived, timeout=10_000) as archived:
        _click(qtbot, pane.archive_button)
    archive_no = archived.args[0]
    qtbot.waitUntil(lambda: archive_no in pane.volume_info.text(), timeout=10_000)
    volume = archivist.archive.volume(ready.case_id)
    assert pane.toc.rowCount() == len(volume["items"]) > 0
    assert pane.toc.item(0, 1).text() == volume["items"][0]["title"]
    assert not pane.archive_button.isEnabled() and pane.lend_button.isEnabled()

    if volume_pdf_available():
        out = tmp_path / "volume.pdf"
        with qtbot.waitSignal(pane.volume_pdf_saved, timeout=30_000):
            pane.save_volume_pdf(out)
        assert out.read_bytes().startswith(b"%PDF")

    # Search by the complainant's name finds the archived volume.
    pane.search_text.setText(ready.complainant)
    with qtbot.waitSignal(pane.search_done, timeout=10_000) as found:
        _click(qtbot, pane.search_button)
    assert found.args == [1] and pane.results.item(0, 0).text() == archive_no
    pane.archived_only.setChecked(False)
    pane.search_text.setText("一言不发")
    with qtbot.waitSignal(pane.search_done, timeout=10_000) as found:
        _click(qtbot, pane.search_button)
    assert found.args == [sum(1 for i, _ in enumerate(built) if i % 4 == 0)]

    # Lending log: lend, then return.
    pane.borrower.setText("刘强")
    pane.purpose.setText("复查")
    with qtbot.waitSignal(pane.case_loaded, timeout=10_000):
        _click(qtbot, pane.lend_button)
    assert pane.lendings_table.rowCount() == 1 and pane.lendings_table.item(0, 1).text() == "刘强"
    assert pane.lendings_table.item(0, 5).text() == "未还"
    pane.lendings_table.selectRow(0)
    with qtbot.waitSignal(pane.case_loaded, timeout=10_000):
        _click(qtbot, pane.return_button)
    assert pane.lendings_table.item(0, 5).text() == TODAY.isoformat()
    # A failed action shows the service's Chinese message in place.
    pane.borrower.setText("")
    _click(qtbot, pane.lend_button)
    qtbot.waitUntil(lambda: "借阅人" in pane.message.text(), timeout=10_000)
