"""T22 (witnesses, signed 笔录) and the integrity rules: print for signature, sign page by page, freeze,
correct by a linked transcript, attach the scan."""

from __future__ import annotations

from pathlib import Path

from desktop_app.services.investigation import TurnInput
from tests.documents import pdfcheck
from tests.ui.investigation.conftest import WAIT_MS
from tests.ui.investigation.scenario import GRASSROOTS, investigating_case

LONG_ANSWER = "我记得是二〇二五年二月的一天，在村委会门口，他当着好几个人的面说起她家里的事情。" * 5


def _twelve_page_transcript(driver) -> object:
    section = driver.pane.transcripts
    section.new_button.click()
    editor = section.editor
    editor.interviewee.setText("村民刘大爷")
    editor.role.setCurrentIndex(editor.role.findData("WITNESS"))
    editor.place.setText("城关村村委会")
    editor.insert_standard_opening()
    editor.turns.set_turns([TurnInput(f"第{i + 1}问：你听到他说了什么？", LONG_ANSWER) for i in range(37)])
    with driver.qtbot.waitSignal(driver.pane.document_shown, timeout=WAIT_MS) as shown:
        section.print_button.click()
    return shown.args[0]


def test_t22_witness_transcript_printed_signed_page_by_page_and_frozen(driver, staff, tmp_path: Path) -> None:
    case_id = investigating_case(staff, respondents=(GRASSROOTS,), ground="M4", sensitive=True)
    driver.open(case_id)
    section = driver.pane.transcripts
    editor = section.editor
    doc = _twelve_page_transcript(driver)
    assert doc.page_count == 12 and pdfcheck.page_count(doc.pdf) == 12
    pages = pdfcheck.text(doc.pdf).split("\f")[:12]
    for number, text in enumerate(pages, start=1):
        assert text.count("被调查人（签名）") == 1, number
        assert "捺印" in text and f"第{number}页共12页" in text.replace(" ", ""), number
    assert "以上笔录我已看过" in pages[11]
    assert all(f.embedded for f in pdfcheck.fonts(doc.pdf))
    preview = driver.pane.previews[-1]
    driver.qtbot.waitUntil(lambda: preview.preview.page_count() == 12 or "无法" in preview.preview.message.text(),
                           timeout=3 * WAIT_MS)
    assert preview.preview.page_count() == 12, preview.preview.message.text()
    driver.qtbot.waitUntil(lambda: section.grid.table.rowCount() == 12, timeout=WAIT_MS)
    assert "已打印" in editor.state_label.text()

    # A refusal must be annotated by the investigators.
    section.grid.table.selectRow(11)
    message = driver.refused(lambda: section.grid.buttons["REFUSED"].click())
    assert "注明" in message and "注明" in section.message.text()
    section.grid.note.setText("经宣读后被调查人拒绝在末页签名，调查人员陈杰、周敏在场见证。")
    driver.ok(lambda: section.grid.buttons["REFUSED"].click())
    section.grid.select_pages(list(range(1, 12)))
    assert section.grid.selected_pages() == list(range(1, 12))
    driver.ok(lambda: section.grid.buttons["SIGNED_AND_THUMBPRINTED"].click())
    driver.qtbot.waitUntil(lambda: editor.status == "FROZEN", timeout=WAIT_MS)
    view = driver.ctx.services.investigation.get_transcript(editor.transcript_id)
    assert view.status == "FROZEN" and view.content_hash
    assert "已封存" in editor.state_label.text() and view.content_hash in editor.state_label.text()
    assert editor.place.isReadOnly() and editor.turns.rows[0].answer.isReadOnly()
    assert not section.grid.buttons["SIGNED"].isEnabled()
    assert "全部页已签认" in section.message.text()

    # Reprinting gives back the very paper that was signed: same hash, same bytes; the refusal is
    # recorded against page 12 (and written on the paper by hand), never slipped into a new print.
    for _ in range(2):
        with driver.qtbot.waitSignal(driver.pane.document_shown, timeout=WAIT_MS) as again:
            section.print_button.click()
        assert again.args[0].version_hash == doc.version_hash and again.args[0].pdf == doc.pdf
    pages_after = driver.ctx.services.investigation.get_transcript(editor.transcript_id).pages
    assert pages_after[11][1] == "REFUSED" and "拒绝在末页签名" in pages_after[11][2]

    # The scanned signed paper is attached to this transcript.
    scan = tmp_path / "signed-scan.pdf"
    scan.write_bytes(doc.pdf)
    driver.ok(lambda: section.attach_scan(scan))
    driver.qtbot.waitUntil(lambda: "signed-scan.pdf（12页" in section.scans_label.text(), timeout=WAIT_MS)

    # 更正: a new transcript linked to the frozen one; the old one stays frozen.
    old_id = editor.transcript_id
    section.correction_reason.setText("被调查人指出第3问答记录有误")
    driver.ok(section.correct_button.click)
    driver.qtbot.waitUntil(lambda: editor.transcript_id != old_id and editor.status == "DRAFT", timeout=WAIT_MS)
    new = driver.ctx.services.investigation.get_transcript(editor.transcript_id)
    assert new.previous_id == old_id and not editor.place.isReadOnly()
    assert driver.ctx.services.investigation.get_transcript(old_id).status == "FROZEN"
    assert "更正第" in editor.state_label.text()
