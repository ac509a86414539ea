"""Shared widgets (date edit, field box, PDF preview/printing) and the draft store."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit
from reportlab.pdfgen import canvas

from desktop_app.services.dto import (
    AgentInput,
    ComplainantInput,
    OtherProcedureInput,
    RegistrationInput,
)
from desktop_app.ui.registration.draft import Draft, DraftStore
from desktop_app.ui.widgets import (
    FieldBox,
    OptionalDateEdit,
    PdfPreview,
    PdfRenderError,
    pdf_preview,
    print_page_images,
)
from desktop_app.ui.widgets.date_edit import parse_date


def two_page_pdf() -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for n in (1, 2):
        c.drawString(100, 700, f"page {n}")
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025-03-03", dt.date(2025, 3, 3)),
        ("2025.3.3", dt.date(2025, 3, 3)),
        ("2025年3月3日", dt.date(2025, 3, 3)),
        ("20250303", dt.date(2025, 3, 3)),
        ("", None),
    ],
)
def test_parse_date_accepts_what_clerks_type(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_date_edit_reports_impossible_dates(qtbot: Any) -> None:
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    qtbot.keyClicks(edit, "2025-02-30")
    assert edit.date() is None and "不存在" in edit.problem()
    edit.set_date(dt.date(2025, 2, 28))
    assert edit.date() == dt.date(2025, 2, 28) and edit.problem() == ""


def test_field_box_marks_and_unmarks(qtbot: Any) -> None:
    box = FieldBox(QLineEdit())
    qtbot.addWidget(box)
    box.show()
    box.set_error("请填写姓名")
    assert (
        box.has_error() and box.error_label.isVisible() and box.editor.property("invalid") is True
    )
    box.clear_error()
    assert not box.has_error() and not box.error_label.isVisible()


def test_render_and_print_pages(qtbot: Any, tmp_path: Path) -> None:
    pngs = pdf_preview.render_pdf_pages(two_page_pdf(), dpi=40)
    assert len(pngs) == 2 and all(p.startswith(b"\x89PNG") for p in pngs)
    from PySide6.QtGui import QImage

    images = [QImage.fromData(p, "PNG") for p in pngs]
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert print_page_images(images, printer) == 2
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           2" in info


def test_preview_widget_shows_pages_and_missing_poppler_message(
    qtbot: Any, tasks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    preview = PdfPreview(tasks, dpi=40)
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.rendered) as signal:
        preview.set_pdf(two_page_pdf())
    assert signal.args == [2] and preview.page_count() == 2
    monkeypatch.setattr(pdf_preview.shutil, "which", lambda _name: None)
    with pytest.raises(PdfRenderError, match="poppler-utils"):
        pdf_preview.render_pdf_pages(two_page_pdf())
    with qtbot.waitSignal(preview.failed):
        preview.set_pdf(two_page_pdf())
    assert "pdftoppm" in preview.message.text() and preview.page_count() == 0


def test_draft_round_trip_keeps_every_field(tmp_path: Path) -> None:
    form = RegistrationInput(
        channel="IN_PERSON_ORAL",
        received_at=dt.datetime(2025, 3, 3, 9, 30),
        writing_difficulty="年老",
        complainants=[
            ComplainantInput(
                name="王秀兰",
                id_number="110101195803090020",
                birth_date=dt.date(1958, 3, 9),
                special_groups=["ELDERLY"],
            )
        ],
        agents=[
            AgentInput(
                name="王小明",
                poa_submitted=True,
                poa_received_on=dt.date(2025, 3, 1),
                poa_scope=["FILE_COMPLAINT"],
                represents=0,
            )
        ],
        other_procedures=[OtherProcedureInput(kind="PETITION", started_on=dt.date(2025, 1, 2))],
        aid_litigation=True,
    )
    store = DraftStore(tmp_path / "drafts")
    store.save(Draft(form=form, saved_at=dt.datetime(2025, 3, 3, 10, 0), case_id=None))
    store.save(
        Draft(
            form=RegistrationInput(),
            saved_at=dt.datetime(2025, 3, 3, 11, 0),
            case_id=7,
            case_no="X",
            version=3,
        )
    )
    assert store.load(None).form == form
    assert [d.case_id for d in store.all()] == [7, None]  # newest first
    store.discard(7)
    assert store.load(7) is None and len(store.all()) == 1
    (tmp_path / "drafts" / "case-9.json").write_text("{broken", encoding="utf-8")
    assert len(store.all()) == 1  # a damaged file is ignored, never crashes the start
