"""TaskRunner: work off the GUI thread, results on it, serial writes, stale results dropped."""

from __future__ import annotations

import logging
import threading

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.domain.errors import TransitionRefused
from desktop_app.ui.tasks import TaskControl, TaskFailure, TaskRunner

WAIT_MS = 5000


def test_read_runs_off_gui_thread_and_delivers_on_it(qtbot: QtBot, tasks: TaskRunner) -> None:
    gui_thread = threading.get_ident()
    seen: dict[str, int] = {}
    delivered: list[object] = []

    def work(_control: TaskControl) -> str:
        seen["worker"] = threading.get_ident()
        return "张伟"

    def done(value: object) -> None:
        seen["delivery"] = threading.get_ident()
        delivered.append(value)

    handle = tasks.read(work, on_done=done)
    with qtbot.waitSignal(handle.finished, timeout=WAIT_MS) as blocker:
        pass
    assert blocker.args == ["张伟"]
    assert delivered == ["张伟"]
    assert seen["worker"] != gui_thread
    assert seen["delivery"] == gui_thread


def test_domain_error_arrives_as_its_chinese_message(qtbot: QtBot, tasks: TaskRunner) -> None:
    def refuse(_control: TaskControl) -> None:
        raise TransitionRefused("口头投诉记录尚未确认签字或按指印，不能进入审查。", field="signature")

    handle = tasks.write(refuse)
    with qtbot.waitSignal(handle.failed, timeout=WAIT_MS) as blocker:
        pass
    failure = blocker.args[0]
    assert isinstance(failure, TaskFailure)
    assert failure.message == "口头投诉记录尚未确认签字或按指印，不能进入审查。"
    assert failure.field == "signature"
    assert failure.is_domain_error


def test_unexpected_error_gives_generic_chinese_message_and_is_logged(
        qtbot: QtBot, tasks: TaskRunner, caplog: pytest.LogCaptureFixture) -> None:
    def crash(_control: TaskControl) -> None:
        raise KeyError("case_no")

    handle = tasks.read(crash)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(handle.failed, timeout=WAIT_MS) as blocker:
        pass
    failure = blocker.args[0]
    assert not failure.is_domain_error
    assert "内部错误" in failure.message and "KeyError" in failure.message
    assert any(record.exc_info for record in caplog.records)


def test_writes_run_one_at_a_time_in_submission_order(qtbot: QtBot, tasks: TaskRunner) -> None:
    first_started = threading.Event()
    release_first = threading.Event()
    second_started = threading.Event()
    order: list[str] = []

    def first(_control: TaskControl) -> None:
        first_started.set()
        release_first.wait(WAIT_MS / 1000)
        order.append("first")

    def second(_control: TaskControl) -> None:
        second_started.set()
        order.append("second")

    tasks.write(first)
    last = tasks.write(second)
    assert first_started.wait(WAIT_MS / 1000)
    # While the first write holds the lane, the second must not start.
    assert not second_started.wait(0.3)
    release_first.set()
    with qtbot.waitSignal(last.finished, timeout=WAIT_MS):
        pass
    assert order == ["first", "second"]


def test_reads_run_concurrently(qtbot: QtBot, tasks: TaskRunner) -> None:
    # The first read only finishes if the second runs while it waits: proves a pool.
    second_started = threading.Event()
    outcome: list[bool] = []

    def first(_control: TaskControl) -> None:
        outcome.append(second_started.wait(WAIT_MS / 1000))

    handle = tasks.read(first)
    tasks.read(lambda _c: second_started.set())
    with qtbot.waitSignal(handle.finished, timeout=WAIT_MS * 2):
        pass
    assert outcome == [True]


def test_newer_search_supersedes_older(qtbot: QtBot, tasks: TaskRunner) -> None:
    release_old = threading.Event()
    old_started = threading.Event()
    results: list[str] = []

    def old_search(control: TaskControl) -> str:
        old_started.set()
        release_old.wait(WAIT_MS / 1000)
        return "张"

    old = tasks.read(old_search, on_done=results.append, key="case-search")
    assert old_started.wait(WAIT_MS / 1000)
    new = tasks.read(lambda _c: "张伟", on_done=results.append, key="case-search")
    assert old.is_cancelled(), "the older task's token is cancelled so it can stop early"
    with qtbot.waitSignal(new.finished, timeout=WAIT_MS):
        pass
    with qtbot.waitSignal(old.cancelled, timeout=WAIT_MS):
        release_old.set()
    assert results == ["张伟"]


def test_cancel_stops_a_long_job_and_discards_its_result(qtbot: QtBot, tasks: TaskRunner) -> None:
    started = threading.Event()
    finished: list[object] = []

    def long_job(control: TaskControl) -> str:
        started.set()
        for _ in range(10_000):
            control.raise_if_cancelled()
            threading.Event().wait(0.001)
        return "done"

    handle = tasks.read(long_job, on_done=finished.append)
    assert started.wait(WAIT_MS / 1000)
    with qtbot.waitSignal(handle.cancelled, timeout=WAIT_MS):
        handle.cancel()
    assert finished == []


def test_progress_reaches_gui_thread_in_order(qtbot: QtBot, tasks: TaskRunner) -> None:
    gui_thread = threading.get_ident()
    progress: list[tuple[int, int, str, bool]] = []

    def export(control: TaskControl) -> int:
        for done in range(1, 4):
            control.report_progress(done, 3, f"第{done}页")
        return 3

    handle = tasks.read(export)
    handle.progress.connect(
        lambda d, t, text: progress.append((d, t, text, threading.get_ident() == gui_thread)))
    with qtbot.waitSignal(handle.finished, timeout=WAIT_MS):
        pass
    assert progress == [(1, 3, "第1页", True), (2, 3, "第2页", True), (3, 3, "第3页", True)]


def test_busy_signal_brackets_the_work(qtbot: QtBot, tasks: TaskRunner) -> None:
    states: list[bool] = []
    tasks.busy_changed.connect(states.append)
    handle = tasks.read(lambda _c: 1)
    assert tasks.is_busy()
    with qtbot.waitSignal(handle.settled, timeout=WAIT_MS):
        pass
    assert states == [True, False]
    assert not tasks.is_busy()


def test_shutdown_lets_queued_writes_finish(qapp: object) -> None:
    runner = TaskRunner()
    saved: list[int] = []
    gate = threading.Event()
    runner.write(lambda _c: gate.wait(WAIT_MS / 1000))
    for n in range(3):
        runner.write(lambda _c, n=n: saved.append(n))
    gate.set()
    assert runner.shutdown(WAIT_MS)
    assert saved == [0, 1, 2]
