"""Case picker: cases at the investigation-to-supervision stages, paged in the background.

Only a window of pages is kept in memory (``PagedTableModel``), whatever the number of cases.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from desktop_app.domain.enums import CaseState, DeadlineStatus
from desktop_app.services.dto import CaseFilter
from desktop_app.services.registration import COUNT_CAP, capped_total
from desktop_app.ui.table_models import Column, DeadlineBadgeDelegate, Page, PageRequest, PagedTableModel
from desktop_app.ui.tasks import TaskRunner

from .common import tr

PICKER_STATES = (CaseState.ACCEPTED, CaseState.INVESTIGATING, CaseState.DECISION_DRAFTED, CaseState.DECIDED,
                 CaseState.REPLIED, CaseState.SUPERVISING, CaseState.REOPENED)


def _status(row: object) -> DeadlineStatus | None:
    value = getattr(row, "deadline_status", "")
    try:
        return DeadlineStatus(value) if value else None
    except ValueError:
        return None


class CaseList(QWidget):
    """Search box + table. ``case_chosen(case_id)`` fires on selection."""

    case_chosen = Signal(int)

    def __init__(self, tasks: TaskRunner, services_of: "callable", parent: QWidget | None = None) -> None:  # type: ignore[valid-type]
        super().__init__(parent)
        self._services_of = services_of
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit(self)
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(QCoreApplication.translate("CaseList", "案号、投诉人、被投诉人（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        columns = [
            Column("case_no", QCoreApplication.translate("CaseList", "案号")),
            Column("complainant", QCoreApplication.translate("CaseList", "投诉人"), sortable=False),
            Column("respondent", QCoreApplication.translate("CaseList", "被投诉人"), sortable=False),
            Column("state", QCoreApplication.translate("CaseList", "状态"), getter=lambda r: r.state_label),
            Column("next_due_date", QCoreApplication.translate("CaseList", "下一时限"), badge=True),
        ]
        self.model = PagedTableModel(columns, self._fetch, tasks, page_size=100, max_pages=8, status_of=_status,
                                     parent=self)
        self._fit_columns = True  # once per new list: refitting on every page would make columns jump
        self.view = QTableView(self)
        self.view.setObjectName("caseTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setItemDelegateForColumn(4, DeadlineBadgeDelegate(self.view))
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view, 1)
        self.total = QLabel(self)
        layout.addWidget(self.total)
        self.model.page_loaded.connect(self._on_page)
        self.model.modelReset.connect(self._on_reset)
        self.model.fetch_failed.connect(self.total.setText)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.search.textChanged.connect(lambda _t: self.reload())

    def _on_reset(self) -> None:
        self._fit_columns = True
        self.view.scrollToTop()  # a new search starts at the top (the scroll bar would keep its place)

    def _on_page(self, _rows: int) -> None:
        self.total.setText(self.model.total_text())
        if self._fit_columns:
            self._fit_columns = False
            self.view.resizeColumnsToContents()

    def _fetch(self, request: PageRequest) -> Page:
        services = self._services_of()
        flt: CaseFilter = request.query
        sort = request.sort_key or "next_due_date"
        rows = services.registration.list_cases(flt, sort=sort, descending=request.descending,
                                                offset=request.offset, limit=request.limit)
        if not request.want_total:
            return Page(rows, None)
        # A search for a common word counts only up to COUNT_CAP ("超过 10000 条"): an exact
        # count of 600,000 matches costs seconds and tells the user nothing more.
        if flt.text:
            total, more = capped_total(services.registration.count_cases(flt, cap=COUNT_CAP), COUNT_CAP)
        else:
            total, more = services.registration.count_cases(flt), False
        return Page(rows, total, total_is_lower_bound=more)

    def reload(self) -> None:
        self.model.set_query(CaseFilter(states=[s.value for s in PICKER_STATES], text=self.search.text().strip()))

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            # A row still showing "…" (End pressed, page on its way) is chosen once it arrives.
            self.model.call_when_loaded(current.row(), lambda case: self.case_chosen.emit(case.id))
