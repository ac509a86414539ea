"""Screenshots of the investigation pane on a real X server (Xvfb) — a script, not a test.

    .venv/bin/python tests/ui/investigation/screenshot_investigation.py [--out DIR]

Writes ``investigation-transcript.png`` (editor + signing grid while pages are being signed)
and ``investigation-frozen.png`` (after the last page: 已封存 with the content hash).
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


def take(out: Path) -> int:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.config import AppConfig
    from desktop_app.domain.clock import FixedClock
    from desktop_app.services.context import Actor
    from desktop_app.services.hub import open_services
    from desktop_app.services.investigation import TranscriptInput, TurnInput
    from desktop_app.ui import bootstrap_qt
    from desktop_app.ui.investigation_pane import InvestigationPane
    from desktop_app.ui.tasks import TaskRunner
    from tests.conftest import STAFF, TEST_CONFIG, Staff, _office_defaults
    from tests.ui.investigation.conftest import LiveContext
    from tests.ui.investigation.scenario import investigating_case

    app = bootstrap_qt([sys.argv[0]], "zh_CN")
    os.environ["COMPLAINT_DESK_RECOVERY_DIR"] = tempfile.mkdtemp()
    db = Path(tempfile.mkdtemp()) / "shot.db"
    clock = FixedClock(dt.datetime(2025, 3, 3, 9, 0))
    hub = open_services(AppConfig(database_url=f"sqlite:///{db}", **TEST_CONFIG), clock=clock)
    _office_defaults(hub)
    ids = {k: hub.admin.create_user(u, n, "Passw0rd!", r, unit_name=unit, certificate_no=f"辽司执{i:04d}",
                                    must_change_password=False)
           for i, (k, (u, n, r, unit)) in enumerate(STAFF.items(), start=1)}
    staff = Staff(hub, ids)
    case_id = investigating_case(staff)
    inv = staff.user("inv1")
    questions = ["请介绍一下你的基本情况。", "你是什么时候接受指派办理王秀英离婚案的？",
                 "你是否向受援人收取过财物？请具体说明时间、地点、金额和经过。", "这一千元现在在哪里？",
                 "以上所说是否属实？你还有什么需要补充的吗？"]
    answers = ["我叫李明，铁岭县正义律师事务所律师，执业证号12345。", "2025年1月10日接到法律援助中心的指派。",
               "2月5日在律所，她给了我一千元现金，我说是打印复印和交通的辛苦费，没有开收据。",
               "我已经在3月1日退还给她了，有微信聊天记录可以证明。", "属实，没有补充。"]
    from desktop_app.documents.models import standard_transcript_opening
    tid = inv.investigation.create_transcript(case_id, TranscriptInput(
        investigator_ids=[ids["inv1"], ids["inv2"]], started_at=dt.datetime(2025, 3, 3, 9, 0),
        ended_at=dt.datetime(2025, 3, 3, 10, 10), place="铁岭县司法局调查室", interviewee_name="李明",
        interviewee_sex="M", interviewee_unit="铁岭县正义律师事务所", interviewee_phone="13900000000",
        opening_text=standard_transcript_opening("铁岭县司法局", ("陈杰", "周敏"), "王秀英投诉李明律师收费一事"),
        turns=[TurnInput(q, a) for q, a in zip(questions * 6, answers * 6)]))
    doc = inv.investigation.print_transcript(tid)
    for page in range(1, doc.page_count):
        inv.investigation.record_page_signature(tid, page, "SIGNED_AND_THUMBPRINTED")

    tasks = TaskRunner()
    ctx = LiveContext(tasks=tasks, clock=clock, services=inv)
    pane = InvestigationPane(ctx)
    pane.setStyleSheet(__import__("desktop_app.ui.main_window", fromlist=["STYLE_SHEET"]).STYLE_SHEET)
    pane.resize(1360, 860)
    pane.move(10, 10)
    pane.show()
    pane.activated()
    pane.open_case(case_id)
    pane.tabs.setCurrentWidget(pane.transcripts)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []

    def grab(name: str) -> None:
        path = out / name
        pane.grab().save(str(path))
        shots.append(path)

    def sign_last() -> None:
        grab("investigation-transcript.png")
        pane.transcripts.grid.select_pages([doc.page_count])
        pane.transcripts.grid.buttons["THUMBPRINTED"].click()
        QTimer.singleShot(2500, lambda: (grab("investigation-frozen.png"), app.quit()))

    QTimer.singleShot(3000, sign_last)
    app.exec()
    tasks.shutdown()
    for p in shots:
        print(p)
    return 0 if len(shots) == 2 else 1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "complaint-desk")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY") and not os.environ.get(MARKER):
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", **{MARKER: "1"})
        return subprocess.call(["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", sys.executable, __file__,
                                *sys.argv[1:]], env=env)
    return take(args.out)


if __name__ == "__main__":
    raise SystemExit(main())
