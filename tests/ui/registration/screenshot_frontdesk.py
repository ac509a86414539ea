"""Screenshots of the 投诉登记 pane on a real X server (Xvfb) — a script, not a test.

    .venv/bin/python tests/ui/registration/screenshot_frontdesk.py [--out DIR]

Builds a throw-away SQLite database with a few complaints, opens the real main window
and writes ``frontdesk-list.png``, ``frontdesk-form.png``, ``frontdesk-review.png``,
``frontdesk-documents.png`` (``QWidget.grab()``). Look at them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
MARKER = "COMPLAINT_DESK_SCREENSHOT_UNDER_XVFB"


def seed(tmp: Path):  # type: ignore[no-untyped-def]
    from desktop_app.config import AppConfig
    from desktop_app.domain.clock import FixedClock
    from desktop_app.services.context import Actor
    from desktop_app.services.dto import (
        AgentInput,
        ComplainantInput,
        MaterialInput,
        OtherProcedureInput,
        RegistrationInput,
        RespondentInput,
    )
    from desktop_app.services.hub import open_services

    clock = FixedClock(dt.datetime(2025, 3, 3, 9, 0))
    hub = open_services(
        AppConfig(
            database_url=f"sqlite:///{tmp / 'demo.db'}",
            office_code="TL",
            office_name="铁岭县司法局",
            office_short_name="铁司",
        ),
        clock=clock,
    )
    uid = hub.admin.create_user(
        "sunhong",
        "孙红",
        "Passw0rd!",
        ["FRONT_DESK", "REVIEWER", "HEAD"],
        unit_name="铁岭县司法局",
        must_change_password=False,
    )
    user = hub.admin.user(uid)
    me = hub.as_user(
        Actor(user.id, user.username, user.full_name, frozenset(user.roles), user.unit_name)
    )
    people = [
        ("王秀兰", "110101195803090020", "13900000000"),
        ("李建国", "211221197005051232", "13811112222"),
        ("张桂芳", "", "13700001111"),
        ("赵敏", "", ""),
        ("刘德华", "", "13912345678"),
    ]
    channels = ["IN_PERSON_ORAL", "LETTER", "PHONE", "EMAIL", "FAX"]
    facts = [
        "律师索要辛苦费二千元，已付一千元。",
        "申请法律援助三周未作决定。",
        "律师两个月不回电话，开庭在即。",
        "基层法律服务工作者收取红包。",
        "传真第2–3页无法辨认。",
    ]
    refs = []
    for i in range(12):
        name, idn, phone = people[i % 5]
        inp = RegistrationInput(
            channel=channels[i % 5],
            writing_difficulty="年老" if channels[i % 5] == "IN_PERSON_ORAL" else "",
            complainants=[
                ComplainantInput(
                    name=name,
                    role="RECIPIENT",
                    id_number=idn,
                    phone=phone,
                    address="铁岭县城关镇幸福村三组12号",
                )
            ],
            respondents=[
                RespondentInput(
                    type_code="LAWYER",
                    name=["张明", "陈光", "周律师"][i % 3],
                    unit_name="铁岭明正律师事务所",
                )
            ],
            request_text="要求查处",
            facts_text=facts[i % 5],
            reasons_text="违反法律援助规定",
            event_time_text="2025年2月",
            ground_code=["M3", "M1", "M2", "M4"][i % 4],
            aid_institution="铁岭县法律援助中心",
            materials=[MaterialInput("投诉信", 2, True)] if i % 2 else [],
            agents=[
                AgentInput(
                    name="王小明",
                    phone="13700000000",
                    relationship_text="儿子",
                    poa_submitted=True,
                    poa_scope=["FILE_COMPLAINT", "SUBMIT_MATERIALS"],
                )
            ]
            if i == 1
            else [],
            other_procedures=[
                OtherProcedureInput(
                    "PETITION", "铁岭县信访局", dt.date(2025, 2, 1), "铁信〔2025〕8号"
                )
            ]
            if i == 3
            else [],
        )
        refs.append(me.registration.register(inp))
        clock.advance(days=1)
    return me, clock, refs


def take(out: Path) -> int:
    sys.path[:0] = [str(ROOT)]
    from PySide6.QtCore import QSettings

    from desktop_app.ui import bootstrap_qt

    app = bootstrap_qt([sys.argv[0]], "zh_CN")
    from desktop_app.app import AppContext
    from desktop_app.config import AppConfig
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.tasks import TaskRunner

    tmp = Path(tempfile.mkdtemp())
    services, clock, refs = seed(tmp)
    tasks = TaskRunner()
    ctx = AppContext(services=services, tasks=tasks, clock=clock, config=AppConfig())
    ctx.draft_dir = tmp / "drafts"  # type: ignore[attr-defined]
    from desktop_app.ui.main_window import SETTINGS_GROUP

    settings = QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue(f"{SETTINGS_GROUP}/pane", "registration")  # start on our pane
    window = MainWindow(ctx, settings=settings)
    window.resize(1360, 860)
    window.show()
    pane = window.show_pane("registration")
    out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        from PySide6.QtTest import QTest

        for _ in range(200):
            app.processEvents()
            if not tasks.is_busy():
                QTest.qWait(150)
                app.processEvents()
                if not tasks.is_busy():
                    return
            QTest.qWait(20)

    def shot(name: str) -> None:
        settle()
        path = out / name
        window.grab().save(str(path))
        print(path)

    settle()
    pane.case_list.view.selectRow(1)
    shot("frontdesk-list.png")
    pane.start_new_registration()
    from desktop_app.services.dto import ComplainantInput, RegistrationInput, RespondentInput

    pane.workspace.form.set_value(
        RegistrationInput(
            channel="IN_PERSON_ORAL",
            writing_difficulty="不识字/文化程度低",
            complainants=[
                ComplainantInput(
                    name="王秀兰",
                    role="RECIPIENT",
                    id_number="110101195803090029",
                    phone="13900000000",
                    address="铁岭县城关镇幸福村三组12号",
                )
            ],
            respondents=[
                RespondentInput(type_code="LAWYER", name="张明", unit_name="铁岭明正律师事务所")
            ],
            request_text="要求查处律师收费",
            facts_text="律师索要辛苦费二千元。",
            ground_code="M3",
        )
    )
    pane.workspace.form.changed.emit()
    pane.workspace.save()
    shot("frontdesk-form.png")
    pane.open_case(refs[1].id)
    settle()
    pane.workspace.tabs.setCurrentWidget(pane.workspace.review)
    shot("frontdesk-review.png")
    pane.workspace.tabs.setCurrentWidget(pane.workspace.documents)
    pane.workspace.documents.generate("registration_form")
    settle()
    shot("frontdesk-documents.png")
    pane.open_case(refs[2].id)
    shot("frontdesk-phone.png")
    tasks.shutdown()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--out", type=Path, default=Path(tempfile.gettempdir()) / "complaint-desk-frontdesk"
    )
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get(MARKER):
        if shutil.which("xvfb-run") is None:
            print("xvfb-run not found", file=sys.stderr)
            return 2
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", **{MARKER: "1"})
        return subprocess.call(
            [
                "xvfb-run",
                "-a",
                "-s",
                "-screen 0 1400x900x24",
                sys.executable,
                __file__,
                *sys.argv[1:],
            ],
            env=env,
        )
    return take(args.out)


if __name__ == "__main__":
    raise SystemExit(main())
