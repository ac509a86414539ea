"""Case list: paged, server-side sorted and filtered, search as you type, QR scan to open.

The model keeps only a window of pages in memory (``PagedTableModel``): the scroll bar covers
the whole archive at once and scrolling through 1,000,000 cases does not grow the program.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.enums import CaseState, DeadlineStatus
from desktop_app.services.dto import CaseFilter, CaseRef, CaseRow
from desktop_app.services.registration import COUNT_CAP, capped_total
from desktop_app.ui.context import UiContext
from desktop_app.ui.registration.editors import fill_combo
from desktop_app.ui.table_models import (
    Column,
    DeadlineBadgeDelegate,
    Page,
    PagedTableModel,
    PageRequest,
)
from desktop_app.ui.widgets.date_edit import OptionalDateEdit

SEARCH_DEBOUNCE_MS = 250
LIST_PAGE_SIZE = 100
LIST_MAX_PAGES = 12  # at most 1,200 rows in memory whatever the archive's size
SCAN_PREFIX = "CDESK:"
# A wedge scanner types a whole code in well under a second; a human typing "CDESK:" does not.
SCAN_MAX_GAP_S = 0.5


translate = QCoreApplication.translate  # literal calls: pyside6-lupdate extracts them


def deadline_text(row: CaseRow, clock_labels: dict[str, str] | None = None) -> str:
    if row.next_due_date is None:
        return ""
    label = (clock_labels or {}).get(row.next_due_clock, row.next_due_clock)
    return f"{label} {row.next_due_date.isoformat()}".strip()


def complainant_text(row: CaseRow) -> str:
    if row.complainant_id_no:
        return f"{row.complainant}（{row.complainant_id_no}）"
    return row.complainant


def make_fetch(ctx: UiContext) -> Any:
    """The page fetcher (runs on a worker thread): one page + the count on the first page."""

    def fetch(request: PageRequest) -> Page:
        services = ctx.services
        flt = request.query if isinstance(request.query, CaseFilter) else CaseFilter()
        sort = request.sort_key or "received_date"
        descending = request.descending if request.sort_key else True
        rows = services.registration.list_cases(
            flt, sort=sort, descending=descending, offset=request.offset, limit=request.limit
        )
        if not request.want_total:
            return Page(rows, None)
        # A search for a common word counts only up to COUNT_CAP ("超过 10000 条"): an exact
        # count of 600,000 matches costs seconds and tells the user nothing more.
        if flt.text:
            total, more = capped_total(services.registration.count_cases(flt, cap=COUNT_CAP), COUNT_CAP)
        else:
            total, more = services.registration.count_cases(flt), False
        return Page(rows, total, total_is_lower_bound=more)

    return fetch


class ScanCatcher(QObject):
    """Event filter on the list: collects fast keystrokes; "CDESK:…" + Enter is a QR scan."""

    scanned = Signal(str)
    enter_pressed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buffer = ""
        self._last = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        now = time.monotonic()
        if now - self._last > SCAN_MAX_GAP_S:
            self.buffer = ""
        self._last = now
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text, self.buffer = self.buffer, ""
            if text.upper().startswith(SCAN_PREFIX):
                self.scanned.emit(text)
            else:
                self.enter_pressed.emit()
            return True
        char = event.text()
        if char and char.isprintable():
            self.buffer += char
            text = self.buffer.upper()
            if text.startswith(SCAN_PREFIX) or SCAN_PREFIX.startswith(text):
                # A scan (or its beginning): keep it from the view's type-ahead search.
                return True
            self.buffer = ""  # ordinary typing: let the view have it
        return False


class CaseList(QWidget):
    """The list of complaints with filters. ``open_case`` fires with a case id."""

    open_case = Signal(int)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("caseList")
        self._clock_labels: dict[str, str] = {}
        self._ground_labels: dict[str, str] = {}
        columns = [
            Column("case_no", translate("CaseList", "案号")),
            Column("received_date", translate("CaseList", "收到日期")),
            Column(
                "complainant", translate("CaseList", "投诉人（证件号）"), getter=complainant_text
            ),
            Column("respondent", translate("CaseList", "被投诉人")),
            Column(
                "ground",
                translate("CaseList", "事项"),
                tooltip=lambda r: self._ground_labels.get(r.ground),
            ),
            Column("state", translate("CaseList", "状态"), getter=lambda r: r.state_label),
            Column(
                "next_due_date",
                translate("CaseList", "下一时限"),
                getter=lambda r: deadline_text(r, self._clock_labels),
                badge=True,
            ),
        ]
        self.model = PagedTableModel(
            columns,
            make_fetch(ctx),
            ctx.tasks,
            page_size=LIST_PAGE_SIZE,
            max_pages=LIST_MAX_PAGES,
            status_of=self._status_of,
            parent=self,
        )

        # -- filters -------------------------------------------------------------
        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(
            translate("CaseList", "搜索：姓名、案号、身份证号、电话、投诉内容（Ctrl+F）")
        )
        self.search.setClearButtonEnabled(True)
        self.state = QComboBox(self)
        fill_combo(self.state, CaseState.choices(), empty=translate("CaseList", "全部状态"))
        self.ground = QComboBox(self)
        fill_combo(self.ground, [], empty=translate("CaseList", "全部事项"))
        self.respondent_type = QComboBox(self)
        fill_combo(self.respondent_type, [], empty=translate("CaseList", "全部被投诉人类型"))
        self.date_from = OptionalDateEdit(self)
        self.date_from.setPlaceholderText(translate("CaseList", "收到日期自"))
        self.date_to = OptionalDateEdit(self)
        self.date_to.setPlaceholderText(translate("CaseList", "至"))
        for w in (self.date_from, self.date_to):
            w.setMaximumWidth(110)
        self.overdue = QCheckBox(translate("CaseList", "仅逾期"), self)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        for w in (
            self.state,
            self.ground,
            self.respondent_type,
            self.date_from,
            self.date_to,
            self.overdue,
        ):
            bar.addWidget(w)

        # -- table ---------------------------------------------------------------
        self.view = QTableView(self)
        self.view.setObjectName("caseTable")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.setItemDelegateForColumn(6, DeadlineBadgeDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((190, 95, 230, 220, 60, 110, 170)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.scan_catcher = ScanCatcher(self)
        self.view.installEventFilter(self.scan_catcher)
        self.scan_catcher.scanned.connect(self.open_scanned)
        self.scan_catcher.enter_pressed.connect(self._open_current)

        self.status = QLabel(self)
        self.status.setObjectName("caseListStatus")
        self.message = QLabel(self)
        self.message.setObjectName("caseListMessage")
        self.message.setStyleSheet("color: #861b11;")
        self.message.setWordWrap(True)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in (self.state, self.ground, self.respondent_type):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.overdue.toggled.connect(lambda _b: self.apply_filter())
        self.date_from.date_changed.connect(lambda _d: self.apply_filter())
        self.date_to.date_changed.connect(lambda _d: self.apply_filter())
        self.model.total_changed.connect(lambda _n: self._update_status())
        self.model.page_loaded.connect(lambda _n: self._update_status())
        self.model.loading_changed.connect(lambda _b: self._update_status())
        self.model.fetch_failed.connect(self.show_message)
        # A new filter or sort starts at the top (the scroll bar would keep its old place).
        self.model.modelReset.connect(self.view.scrollToTop)
        self._started = False

    # -- loading ------------------------------------------------------------------
    def start(self) -> None:
        """First activation: load the code lists and the first page (both off the GUI thread)."""
        if not self._started:
            self._started = True
            today = self.ctx.clock.today()
            self.ctx.tasks.read(
                lambda _c: self.ctx.services.ctx.rule_set_for(today),
                on_done=self._set_codes,
                on_error=lambda f: self.show_message(f.message),
            )
            self.apply_filter()
        else:
            self.model.refresh()

    def _set_codes(self, rules: Any) -> None:
        self._clock_labels = {c: spec.label for c, spec in rules.clocks.items()}
        self._ground_labels = {c: f"{c} {g.label}" for c, g in rules.grounds.items()}
        self.view.viewport().update()
        before = self.current_filter()
        # Filling the combos must not query again (and jump to the top) when the filter stays the same.
        for combo in (self.ground, self.respondent_type):
            combo.blockSignals(True)
        fill_combo(
            self.ground,
            [(c, f"{c} {g.label}") for c, g in rules.grounds.items()],
            empty=translate("CaseList", "全部事项"),
        )
        fill_combo(
            self.respondent_type,
            [(c, t.label) for c, t in rules.respondent_types.items()],
            empty=translate("CaseList", "全部被投诉人类型"),
        )
        for combo in (self.ground, self.respondent_type):
            combo.blockSignals(False)
        if self.current_filter() != before:
            self.apply_filter()

    def current_filter(self) -> CaseFilter:
        state = self.state.currentData()
        return CaseFilter(
            states=[state] if state else [],
            ground_code=self.ground.currentData() or "",
            respondent_type=self.respondent_type.currentData() or "",
            received_from=self.date_from.date(),
            received_to=self.date_to.date(),
            overdue_only=self.overdue.isChecked(),
            text=self.search.text().strip(),
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.message.hide()
        self.model.set_query(self.current_filter())

    def refresh(self) -> None:
        self.model.refresh()

    def _update_status(self) -> None:
        self.status.setText(self.model.total_text())

    @staticmethod
    def _status_of(row: CaseRow) -> DeadlineStatus | None:
        return DeadlineStatus(row.deadline_status) if row.deadline_status else None

    # -- opening --------------------------------------------------------------------
    def _open_row(self, row: int) -> None:
        # A row still showing "…" (End pressed, page on its way) opens once it has arrived.
        self.model.call_when_loaded(row, lambda case: self.open_case.emit(case.id))

    def _open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._open_row(index.row())

    def open_scanned(self, text: str) -> None:
        """A QR code typed by the scanner: find the case off the GUI thread and open it."""
        self.ctx.tasks.read(
            lambda _c: self.ctx.services.documents.case_for_scan(text),
            on_done=self._on_scanned,
            on_error=lambda f: self.show_message(f.message),
            key="case-scan",
        )

    def _on_scanned(self, ref: CaseRef) -> None:
        self.message.hide()
        self.open_case.emit(ref.id)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
