"""Front-desk GUI tests: the real pane on a real database (SQLite and PostgreSQL) with a
real TaskRunner; ``ctx.services`` can be switched to another staff member mid-test."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.clock import FixedClock
from desktop_app.services.dto import (
    AgentInput,
    ComplainantInput,
    RegistrationInput,
    RespondentInput,
)
from desktop_app.ui.registration_pane import RegistrationPane
from desktop_app.ui.tasks import TaskRunner

WANG_ID = "110101195803090020"  # 王秀兰, born 1958-03-09, female
LI_ID = "211221197005051232"


@dataclass
class DeskContext:
    services: Any
    tasks: TaskRunner
    clock: FixedClock
    draft_dir: Path

    def status_info(self) -> dict[str, Any]:
        return {"database": "test", "rule_set": "", "calendar_warning": None, "user": ""}


@pytest.fixture
def desk_ctx(staff: Any, tasks: TaskRunner, clock: FixedClock, tmp_path: Path) -> DeskContext:
    return DeskContext(
        services=staff.user("desk"), tasks=tasks, clock=clock, draft_dir=tmp_path / "drafts"
    )


@pytest.fixture
def pane(qtbot: Any, desk_ctx: DeskContext) -> RegistrationPane:
    widget = RegistrationPane(desk_ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    widget.activated()
    wait_idle(qtbot, desk_ctx.tasks)
    return widget


def wait_idle(qtbot: Any, tasks: TaskRunner, timeout: int = 30_000) -> None:
    """Wait until every background task has delivered its result (no sleeps)."""
    qtbot.waitUntil(lambda: not tasks.is_busy(), timeout=timeout)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def letter(**overrides: Any) -> RegistrationInput:
    """A complete written complaint (for cases created directly through the services)."""
    base = RegistrationInput(
        channel="LETTER",
        complainants=[
            ComplainantInput(
                name="王秀兰",
                role="RECIPIENT",
                id_number=WANG_ID,
                phone="13900000000",
                address="铁岭县城关镇幸福村",
            )
        ],
        respondents=[
            RespondentInput(type_code="LAWYER", name="张明", unit_name="铁岭明正律师事务所")
        ],
        request_text="要求查处律师收费行为",
        facts_text="律师索要辛苦费二千元，已付一千元。",
        reasons_text="法律援助不得收费",
        event_time_text="2025年2月",
        ground_code="M3",
        aid_case_no="铁援〔2025〕12号",
        aid_institution="铁岭县法律援助中心",
    )
    for k, v in overrides.items():
        setattr(base, k, v)
    return base


def fill_form(pane: RegistrationPane, inp: RegistrationInput) -> None:
    """Put a registration into the form through its widgets (Chinese via setText)."""
    form = pane.workspace.form
    form.set_value(inp)
    form.changed.emit()


def agent(**kw: Any) -> AgentInput:
    return AgentInput(
        **({"name": "王小明", "phone": "13700000000", "relationship_text": "儿子"} | kw)
    )


def open_as(pane: RegistrationPane, qtbot: Any, ctx: DeskContext, staff: Any, key: str) -> None:
    """Switch the signed-in user and reload the opened case."""
    ctx.services = staff.user(key)
    pane.workspace.reload()
    wait_idle(qtbot, ctx.tasks)


def until(qtbot: Any, predicate: Callable[[], bool], timeout: int = 30_000) -> None:
    qtbot.waitUntil(predicate, timeout=timeout)


__all__ = [
    "LI_ID",
    "WANG_ID",
    "DeskContext",
    "agent",
    "dt",
    "fill_form",
    "letter",
    "open_as",
    "pdf_text",
    "until",
    "wait_idle",
]


def register_via_form(
    pane: RegistrationPane, qtbot: Any, ctx: DeskContext, inp: RegistrationInput
) -> Any:
    """New registration (F2) → fill → Ctrl+S path; returns the opened CaseDetail."""
    pane.start_new_registration()
    wait_idle(qtbot, ctx.tasks)
    fill_form(pane, inp)
    ws = pane.workspace
    ws.save()
    until(qtbot, lambda: not ws.saving)
    wait_idle(qtbot, ctx.tasks)
    assert ws.detail is not None, ws.message_text() + str(ws.form.errors_shown())
    return ws.detail


def review_as(pane: RegistrationPane, qtbot: Any, ctx: DeskContext, staff: Any, key: str) -> Any:
    """Switch user, reload the case, show the review tab; returns the ReviewPanel."""
    open_as(pane, qtbot, ctx, staff, key)
    ws = pane.workspace
    ws.tabs.setCurrentWidget(ws.review)
    wait_idle(qtbot, ctx.tasks)
    return ws.review


def serve(
    pane: RegistrationPane,
    qtbot: Any,
    ctx: DeskContext,
    kind: str,
    *,
    method: str = "IN_PERSON",
    role: str = "COMPLAINANT",
    name: str | None = None,
    tracking_no: str = "",
    reason: str = "",
) -> Any:
    """Select the document of ``kind`` and record its service through the dialog."""
    from desktop_app.ui.registration.editors import set_combo_code

    docs = pane.workspace.documents
    pane.workspace.tabs.setCurrentWidget(docs)
    assert docs.select_document(kind) is not None, [d.kind for d in docs.documents]
    dialog = docs.open_service_dialog()
    assert dialog is not None
    set_combo_code(dialog.method, method)
    set_combo_code(dialog.recipient_role, role)
    if name is not None:
        dialog.recipient_name.setCurrentText(name)
    dialog.tracking_no.setText(tracking_no)
    dialog.undeliverable_reason.setText(reason)
    dialog.try_accept()
    wait_idle(qtbot, ctx.tasks)
    return dialog
