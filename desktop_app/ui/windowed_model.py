"""A table model over any number of rows that keeps only the pages near the viewport.

:class:`~desktop_app.ui.table_models.PagedTableModel` appends every fetched page and keeps it:
scrolling through 1,000,000 cases would hold 1,000,000 row objects. This model instead

* asks the fetcher for the total first, so ``rowCount()`` is the full size at once and the
  scroll bar is true (jump to any place: no "load more");
* fetches a page in the background (``TaskRunner.read``) the first time a row of it is
  painted, showing "…" meanwhile, and repaints the rows when it arrives;
* keeps at most ``max_pages`` pages, dropping the least recently used ones.

Memory is therefore bounded by ``page_size × max_pages`` rows whatever the table size. The
fetcher is the same ``FetchPage`` function the paged model uses (``PageRequest`` → ``Page``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from desktop_app.domain.enums import DeadlineStatus
from desktop_app.ui.table_models import Column, FetchPage, ItemRole, Page, PageRequest
from desktop_app.ui.tasks import TaskFailure, TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex
PLACEHOLDER = "…"


class WindowedTableModel(QAbstractTableModel):
    """Read-only table model with a bounded page cache (see module docstring)."""

    total_changed = Signal(int)
    fetch_failed = Signal(str)

    def __init__(self, columns: Sequence[Column], fetch: FetchPage, tasks: TaskRunner, *,
                 page_size: int = 200, max_pages: int = 12,
                 status_of: Callable[[Any], DeadlineStatus | None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if max_pages < 2:
            raise ValueError("keep at least two pages (the viewport can straddle a page boundary)")
        self._columns = list(columns)
        self._fetch = fetch
        self._tasks = tasks
        self._page_size = page_size
        self._max_pages = max_pages
        self._status_of = status_of
        self._query: Any = None
        self._sort_key: str | None = None
        self._descending = False
        self._total = 0
        self._version = 0
        self._pages: OrderedDict[int, Sequence[Any]] = OrderedDict()
        self._requested: set[int] = set()

    # -- querying ---------------------------------------------------------------------
    def set_query(self, query: Any, *, sort_key: str | None = None, descending: bool | None = None) -> None:
        self._query = query
        if sort_key is not None:
            self._sort_key = sort_key
        if descending is not None:
            self._descending = descending
        self.refresh()

    def refresh(self) -> None:
        """Forget every page and ask again for the first one (with the total)."""
        self._version += 1
        self.beginResetModel()
        self._pages.clear()
        self._requested.clear()
        self._total = 0
        self.endResetModel()
        self._request(0, want_total=True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or not self._columns[column].sortable:
            return
        self._sort_key = self._columns[column].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    @property
    def total(self) -> int:
        return self._total

    @property
    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def cached_row_count(self) -> int:
        return sum(len(p) for p in self._pages.values())

    # -- fetching -----------------------------------------------------------------------
    def _request(self, page_no: int, *, want_total: bool = False) -> None:
        if page_no in self._requested:
            return
        self._requested.add(page_no)
        version = self._version
        req = PageRequest(offset=page_no * self._page_size, limit=self._page_size, sort_key=self._sort_key,
                          descending=self._descending, query=self._query, want_total=want_total)
        self._tasks.read(lambda _c: self._fetch(req),
                         on_done=lambda page: self._on_page(version, page_no, req, page),
                         on_error=lambda failure: self._on_failed(version, page_no, failure))

    def _on_page(self, version: int, page_no: int, request: PageRequest, page: Page) -> None:
        if version != self._version:
            return  # an older query's answer
        self._requested.discard(page_no)
        if request.want_total and page.total is not None and page.total != self._total:
            old = self._total
            if page.total > old:
                self.beginInsertRows(QModelIndex(), old, page.total - 1)
                self._total = page.total
                self.endInsertRows()
            else:
                self.beginRemoveRows(QModelIndex(), page.total, old - 1)
                self._total = page.total
                self.endRemoveRows()
            self.total_changed.emit(self._total)
        self._pages[page_no] = list(page.rows)
        self._pages.move_to_end(page_no)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)  # least recently painted page
        first = page_no * self._page_size
        last = min(first + len(page.rows), self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))

    def _on_failed(self, version: int, page_no: int, failure: TaskFailure) -> None:
        if version == self._version:
            self._requested.discard(page_no)
            self.fetch_failed.emit(failure.message)

    def row_at(self, row: int) -> Any | None:
        """The row object if its page is in memory; otherwise ``None`` and the page is requested."""
        page_no, offset = divmod(row, self._page_size)
        page = self._pages.get(page_no)
        if page is None:
            self._request(page_no)
            return None
        self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].title
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._total or not 0 <= index.column() < len(self._columns):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ItemRole.ROW,
                        ItemRole.DEADLINE_STATUS, ItemRole.SORT_KEY):
            return None
        col = self._columns[index.column()]
        if role == ItemRole.SORT_KEY:
            return col.key
        row = self.row_at(index.row())
        if row is None:
            return PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
        if role == ItemRole.ROW:
            return row
        if role == ItemRole.DEADLINE_STATUS:
            return self._status_of(row) if self._status_of else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip(row) if col.tooltip else None
        return col.formatter(col.value(row))
