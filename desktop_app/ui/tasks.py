"""The one background-task helper of the UI (cf. Anki's ``QueryOp`` / ``CollectionOp``).

Every database call, PDF rendering or workbook export started from a widget goes
through :class:`TaskRunner`, so the GUI thread never waits on SQL, a PDF or a
workbook:

* **reads** run on a thread pool (several at once);
* **writes** run on one serial lane (a pool of exactly one thread), so SQLite never
  sees two writers from this process and writes happen in the order they were asked;
* results and errors come back **on the GUI thread** through the signals of a
  :class:`TaskHandle`;
* a task submitted with a ``key`` supersedes the earlier task with the same key
  (search as you type): the older one is cancelled and its result is discarded;
* long jobs get a :class:`TaskControl` to poll for cancellation and report progress.

The callable always receives the :class:`TaskControl` as its only argument::

    handle = ctx.tasks.read(lambda control: services.cases.search(text),
                            on_done=self._show_results, on_error=self._show_error,
                            key="case-search")

Services know nothing of Qt: pass them ``control.is_cancelled`` and
``control.report_progress`` as plain callables when they accept such hooks.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThread, QThreadPool, Signal, Slot

from desktop_app.domain.errors import DomainError

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskCancelled(Exception):
    """Raised inside a task by :meth:`TaskControl.raise_if_cancelled` to stop early."""


class Lane(enum.Enum):
    READ = "read"
    WRITE = "write"


@dataclass(frozen=True)
class TaskFailure:
    """What the GUI receives when a task raised.

    ``message`` is always Chinese and fit for the user: a :class:`DomainError`'s own
    message, or a generic notice for an unexpected exception (logged with traceback).
    ``field`` is the form field a :class:`DomainError` blames, if any.
    """

    message: str
    exception: BaseException
    field: str | None = None

    @property
    def is_domain_error(self) -> bool:
        return isinstance(self.exception, DomainError)


def failure_from_exception(exc: BaseException) -> TaskFailure:
    if isinstance(exc, DomainError):
        return TaskFailure(message=exc.message, exception=exc, field=exc.field)
    return TaskFailure(
        message=QCoreApplication.translate(
            "TaskRunner", "操作未能完成，发生内部错误：{0}。请重试；如仍出错，请联系系统管理员。"
        ).format(type(exc).__name__),
        exception=exc,
    )


class TaskControl:
    """Handed to the running callable: cancellation token and progress reporter.

    Thread-safe: the GUI thread cancels, the worker polls.
    """

    def __init__(self, relay: "_Relay") -> None:
        self._cancelled = threading.Event()
        self._relay = relay

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancelled.is_set():
            raise TaskCancelled()

    def report_progress(self, done: int, total: int, text: str = "") -> None:
        """Report ``done`` of ``total`` steps; delivered to the GUI thread as a signal."""
        if not self._cancelled.is_set():
            self._relay.progress.emit(int(done), int(total), str(text))


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits, Qt queues delivery to the GUI thread."""

    succeeded = Signal(object)
    raised = Signal(object)
    progress = Signal(int, int, str)


class TaskHandle(QObject, Generic[T]):
    """One submitted task. Connect to its signals; all are emitted on the GUI thread.

    Exactly one of ``finished``, ``failed`` or ``cancelled`` is emitted, except for a
    superseded task, which emits ``cancelled``.
    """

    finished = Signal(object)  # the callable's return value
    failed = Signal(object)  # TaskFailure
    cancelled = Signal()
    progress = Signal(int, int, str)  # done, total, text
    settled = Signal()  # after any of the three outcomes (for busy indicators)

    def __init__(self, runner: "TaskRunner", lane: Lane, key: str | None, generation: int) -> None:
        super().__init__()  # no Qt parent: Python owns it, the runner keeps it alive until delivery
        self.lane = lane
        self.key = key
        self.generation = generation
        self._runner = runner
        self._relay = _Relay(self)
        self.control = TaskControl(self._relay)
        self.result: Any = None
        self.failure: TaskFailure | None = None
        self._done = False
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.raised.connect(self._on_raised)
        self._relay.progress.connect(self._on_progress)

    # -- public ---------------------------------------------------------------
    @property
    def is_done(self) -> bool:
        return self._done

    def is_cancelled(self) -> bool:
        return self.control.is_cancelled()

    def cancel(self) -> None:
        """Ask the task to stop; its result, if it still arrives, is discarded.

        A write that already started is not interrupted by Qt: the callable decides,
        by polling its control, whether it can stop safely.
        """
        if self._done:
            return
        self.control.cancel()

    # -- delivery (GUI thread) --------------------------------------------------
    def _is_stale(self) -> bool:
        return self.control.is_cancelled() or not self._runner._is_current(self)

    @Slot(object)
    def _on_succeeded(self, value: object) -> None:
        if self._is_stale():
            self._settle_cancelled()
            return
        self.result = value
        self._done = True
        self.finished.emit(value)
        self._settle()

    @Slot(object)
    def _on_raised(self, exc: object) -> None:
        if isinstance(exc, TaskCancelled) or self._is_stale():
            self._settle_cancelled()
            return
        assert isinstance(exc, BaseException)
        self.failure = failure_from_exception(exc)
        if not self.failure.is_domain_error:
            log.error("后台任务出错", exc_info=(type(exc), exc, exc.__traceback__))
        self._done = True
        self.failed.emit(self.failure)
        self._settle()

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if not self._is_stale():
            self.progress.emit(done, total, text)

    def _settle_cancelled(self) -> None:
        self._done = True
        self.cancelled.emit()
        self._settle()

    def _settle(self) -> None:
        self.settled.emit()
        self._runner._forget(self)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskControl], Any], handle: TaskHandle[Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the handle keeps the Python object alive
        self._fn = fn
        self._control = handle.control
        self._relay = handle._relay

    def run(self) -> None:  # worker thread
        if self._control.is_cancelled():
            self._relay.raised.emit(TaskCancelled())
            return
        try:
            value = self._fn(self._control)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI, never swallowed
            self._relay.raised.emit(exc)
        else:
            self._relay.succeeded.emit(value)


class TaskRunner(QObject):
    """Runs callables off the GUI thread; see the module docstring.

    Create it in the GUI thread after the ``QApplication`` exists.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, max_readers: int | None = None) -> None:
        super().__init__(parent)
        self._read_pool = QThreadPool(self)
        ideal = QThread.idealThreadCount()
        self._read_pool.setMaxThreadCount(max_readers or max(2, min(ideal, 4)))
        self._write_pool = QThreadPool(self)
        self._write_pool.setMaxThreadCount(1)  # the single serial write lane
        self._write_pool.setExpiryTimeout(-1)  # keep that one thread for the whole session
        self._generations: dict[str, int] = {}
        self._current_by_key: dict[str, TaskHandle[Any]] = {}
        self._active: dict[int, tuple[TaskHandle[Any], _Job]] = {}

    # -- submitting -------------------------------------------------------------
    def read(self, fn: Callable[[TaskControl], T], *,
             on_done: Callable[[T], None] | None = None,
             on_error: Callable[[TaskFailure], None] | None = None,
             key: str | None = None) -> TaskHandle[T]:
        """Run a read-only callable on the read pool."""
        return self._submit(Lane.READ, fn, on_done, on_error, key)

    def write(self, fn: Callable[[TaskControl], T], *,
              on_done: Callable[[T], None] | None = None,
              on_error: Callable[[TaskFailure], None] | None = None,
              key: str | None = None) -> TaskHandle[T]:
        """Run a callable that changes data on the single serial write lane."""
        return self._submit(Lane.WRITE, fn, on_done, on_error, key)

    def _submit(self, lane: Lane, fn: Callable[[TaskControl], T],
                on_done: Callable[[T], None] | None,
                on_error: Callable[[TaskFailure], None] | None,
                key: str | None) -> TaskHandle[T]:
        generation = 0
        if key is not None:
            generation = self._generations.get(key, 0) + 1
            self._generations[key] = generation
            older = self._current_by_key.get(key)
            if older is not None:
                older.cancel()  # let a long search stop early; its result is discarded anyway
        handle: TaskHandle[T] = TaskHandle(self, lane, key, generation)
        if on_done is not None:
            handle.finished.connect(on_done)
        if on_error is not None:
            handle.failed.connect(on_error)
        job = _Job(fn, handle)
        was_idle = not self._active
        self._active[id(handle)] = (handle, job)
        if key is not None:
            self._current_by_key[key] = handle
        (self._write_pool if lane is Lane.WRITE else self._read_pool).start(job)
        if was_idle:
            self.busy_changed.emit(True)
        return handle

    # -- state ------------------------------------------------------------------
    def is_busy(self) -> bool:
        return bool(self._active)

    def active_count(self) -> int:
        return len(self._active)

    def cancel_all(self) -> None:
        for handle, _job in list(self._active.values()):
            handle.cancel()

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop for application exit: cancel reads, let queued writes finish.

        Writes are not abandoned (a half-done registration must reach the database);
        the callable of a cancelled read still returns but is ignored. Returns whether
        every worker finished within ``timeout_ms``. Blocks: call only on exit.
        """
        for handle, _job in list(self._active.values()):
            if handle.lane is Lane.READ:
                handle.cancel()
        writes_done = self._write_pool.waitForDone(timeout_ms)
        reads_done = self._read_pool.waitForDone(timeout_ms)
        return writes_done and reads_done

    def _is_current(self, handle: TaskHandle[Any]) -> bool:
        if handle.key is None:
            return True
        return self._generations.get(handle.key) == handle.generation

    def _forget(self, handle: TaskHandle[Any]) -> None:
        self._active.pop(id(handle), None)
        if handle.key is not None and self._current_by_key.get(handle.key) is handle:
            del self._current_by_key[handle.key]
        if not self._active:
            self.busy_changed.emit(False)
