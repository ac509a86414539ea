"""Paged, read-only table model over plain row data, with a bounded window of pages.

Rows are plain tuples, named tuples, dataclasses or mappings produced by a read
query — never ORM objects, which would lazy-load from the database while the view
paints. Pages are fetched through a *fetch function* on the read pool of
:class:`~desktop_app.ui.tasks.TaskRunner`; sorting is done by the fetcher (server side):
:meth:`PagedTableModel.sort` asks it again with the column's key.

Memory stays bounded whatever the table size (1,000,000 cases): the first request asks
for the total too, so ``rowCount()`` is the full size at once (true scroll bar, End jumps
to the last case); a page is fetched the first time one of its rows is painted ("…"
meanwhile) and at most ``max_pages`` pages are kept, the least recently painted dropped.
When the fetcher cannot count (``Page.total`` is ``None``) or only counts up to a cap
(``Page.total_is_lower_bound``), the model grows page by page as the view scrolls to the
bottom (``canFetchMore`` / ``fetchMore``) — still keeping only the window in memory.

Usage::

    columns = [Column("case_no", self.tr("案号")),
               Column("received_on", self.tr("收件日期")),
               Column("next_due", self.tr("下一时限"), badge=True)]
    model = PagedTableModel(columns, services_fetch_page, ctx.tasks,
                            status_of=lambda row: row.deadline_status)
    model.set_query(CaseFilter(state="REGISTERED"))   # opaque to the model

where ``services_fetch_page(request: PageRequest) -> Page`` runs on a worker thread.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop_app.domain.enums import DeadlineStatus, LabeledEnum
from desktop_app.ui.tasks import TaskFailure, TaskHandle, TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    # A fixed context: self.tr() would use a subclass's name, which has no translations.
    return QCoreApplication.translate("PagedTableModel", text)


# The status texts, marked for lupdate (it cannot see through _tr).
TOTAL_TEXT = QT_TRANSLATE_NOOP("PagedTableModel", "共 {0} 条")
MORE_THAN_TEXT = QT_TRANSLATE_NOOP("PagedTableModel", "超过 {0} 条")
LOADING_TEXT = QT_TRANSLATE_NOOP("PagedTableModel", "正在加载…")
LISTED_TEXT = QT_TRANSLATE_NOOP("PagedTableModel", "已列出 {0} 条")


class ItemRole(IntEnum):
    """Custom data roles of every paged model."""

    ROW = int(Qt.ItemDataRole.UserRole) + 1  # the plain row object
    DEADLINE_STATUS = int(Qt.ItemDataRole.UserRole) + 2  # DeadlineStatus | None
    SORT_KEY = int(Qt.ItemDataRole.UserRole) + 3  # the column's key (str)


@dataclass(frozen=True)
class DeadlineColours:
    background: QColor
    foreground: QColor


# Badge colours. Foreground is set too so a dark desktop theme keeps the text readable.
DEADLINE_COLOURS: dict[DeadlineStatus, DeadlineColours] = {
    DeadlineStatus.OK: DeadlineColours(QColor("#d6f0dc"), QColor("#1d5a2b")),
    DeadlineStatus.DUE_SOON: DeadlineColours(QColor("#ffe7ad"), QColor("#6e4400")),
    DeadlineStatus.DUE_TODAY: DeadlineColours(QColor("#ffcf73"), QColor("#5e3500")),
    DeadlineStatus.OVERDUE: DeadlineColours(QColor("#f6c3bf"), QColor("#861b11")),
    DeadlineStatus.UNCONFIRMED: DeadlineColours(QColor("#e0e0e0"), QColor("#3f3f3f")),
}


def format_value(value: Any) -> str:
    """Display text of a cell value: dates ISO, enums by Chinese label, bools 是/否."""
    if value is None:
        return ""
    if isinstance(value, LabeledEnum):
        return value.label
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


@dataclass(frozen=True)
class Column:
    """One column: ``key`` is what the fetcher sorts by and the default accessor.

    Value lookup: ``getter(row)`` if given; else ``row[index]`` if ``index`` is given;
    else ``row[key]`` for mappings, ``getattr(row, key)`` otherwise.
    """

    key: str
    title: str
    getter: Callable[[Any], Any] | None = None
    index: int | None = None
    sortable: bool = True
    badge: bool = False  # paint the row's deadline status colour in this cell
    alignment: Qt.AlignmentFlag | None = None
    formatter: Callable[[Any], str] = format_value
    tooltip: Callable[[Any], str | None] | None = None

    def value(self, row: Any) -> Any:
        if self.getter is not None:
            return self.getter(row)
        if self.index is not None:
            return row[self.index]
        if isinstance(row, Mapping):
            return row.get(self.key)
        return getattr(row, self.key)


@dataclass(frozen=True)
class PageRequest:
    """What the fetcher is asked for. ``query`` is the pane's own filter object."""

    offset: int
    limit: int
    sort_key: str | None = None
    descending: bool = False
    query: Any = None
    want_total: bool = True  # only for the first page: counting again per page is waste


@dataclass(frozen=True)
class Page:
    """A fetcher's answer.

    ``total`` may be ``None`` when ``want_total`` was false or the fetcher cannot count;
    ``total_is_lower_bound`` marks a capped count ("at least ``total`` rows").
    """

    rows: Sequence[Any]
    total: int | None = None
    total_is_lower_bound: bool = False


FetchPage = Callable[[PageRequest], Page]

DEFAULT_MAX_PAGES = 12
PLACEHOLDER = "…"  # shown in a cell whose page is still on its way


class PagedTableModel(QAbstractTableModel):
    """Read-only table model that loads pages in the background and keeps a bounded window."""

    page_loaded = Signal(int)  # number of rows in the page that arrived
    total_changed = Signal(int)
    loading_changed = Signal(bool)
    fetch_failed = Signal(str)  # Chinese message for the pane to show

    def __init__(self, columns: Sequence[Column], fetch: FetchPage, tasks: TaskRunner, *,
                 page_size: int = 200, max_pages: int = DEFAULT_MAX_PAGES,
                 status_of: Callable[[Any], DeadlineStatus | None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not columns:
            raise ValueError("a table model needs at least one column")
        if max_pages < 2:
            raise ValueError("keep at least two pages (the viewport can straddle a page boundary)")
        self._columns = list(columns)
        self._fetch = fetch
        self._tasks = tasks
        self._page_size = page_size
        self._max_pages = max_pages
        # Requests beyond this many are for pages scrolled past (dragging the scroll bar):
        # the oldest is cancelled before it reaches the database.
        self._max_pending = max(2, max_pages // 3)
        self._status_of = status_of
        self._query: Any = None
        self._sort_key: str | None = None
        self._descending = False
        self._started = False
        self._version = 0
        self._row_count = 0
        self._total: int | None = None
        self._total_is_lower_bound = False
        self._exhausted = False  # the last row is known (exact count or a short page)
        self._answered = False  # the first page (with the count) of this query has arrived
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()  # least recently used first
        self._stale: set[int] = set()  # kept on screen after refresh() until fetched again
        self._pending: OrderedDict[int, TaskHandle[Page]] = OrderedDict()
        self._waiting: tuple[int, int, Callable[[Any], None]] | None = None  # version, row, callback
        self._loading = False

    # -- querying ---------------------------------------------------------------
    def set_query(self, query: Any) -> None:
        """Replace the filter and show the list from its top."""
        self._restart(query=query)

    def refresh(self) -> None:
        """Fetch again with the current filter and sort (e.g. after a save).

        The rows on screen stay until their fresh page arrives: no flash of empty rows.
        """
        if not self._started:
            self._restart()
            return
        self._cancel_pending()
        self._version += 1
        self._stale = set(self._pages)
        self._waiting = None
        self._request(0, want_total=True)

    def _restart(self, **changes: Any) -> None:
        self._cancel_pending()
        self.beginResetModel()
        self._query = changes.get("query", self._query)
        self._sort_key = changes.get("sort_key", self._sort_key)
        self._descending = changes.get("descending", self._descending)
        self._version += 1
        self._started = True
        self._row_count = 0
        self._total = None
        self._total_is_lower_bound = False
        self._exhausted = False
        self._answered = False
        self._pages.clear()
        self._stale.clear()
        self._waiting = None
        self.endResetModel()
        self._request(0, want_total=True)

    def sort_key(self) -> str | None:
        return self._sort_key

    def is_descending(self) -> bool:
        return self._descending

    def query(self) -> Any:
        return self._query

    def columns(self) -> list[Column]:
        return list(self._columns)

    def page_size(self) -> int:
        return self._page_size

    def max_pages(self) -> int:
        return self._max_pages

    def total(self) -> int | None:
        """The count the fetcher gave (a lower bound if :meth:`total_is_lower_bound`)."""
        return self._total

    def total_is_lower_bound(self) -> bool:
        return self._total_is_lower_bound

    def is_loading(self) -> bool:
        return self._loading

    def total_text(self) -> str:
        """「共 N 条」 for a status line."""
        if self._total is not None and not self._total_is_lower_bound:
            return _tr(TOTAL_TEXT).format(self._total)
        if self._exhausted:
            return _tr(TOTAL_TEXT).format(self._row_count)
        if self._total is not None:
            return _tr(MORE_THAN_TEXT).format(max(self._total, self._row_count))
        if self._loading and self._row_count == 0:
            return _tr(LOADING_TEXT)
        return _tr(LISTED_TEXT).format(self._row_count)

    # -- rows in memory -------------------------------------------------------------
    def row_at(self, row: int) -> Any | None:
        """The row object if its page is in memory; otherwise ``None`` and the page is requested."""
        if not 0 <= row < self._row_count:
            return None
        page_no, offset = divmod(row, self._page_size)
        page = self._pages.get(page_no)
        if page is None or page_no in self._stale:
            self._request(page_no)
        if page is None:
            return None
        self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def call_when_loaded(self, row: int, callback: Callable[[Any], None]) -> None:
        """Call ``callback(row_object)`` now if the row is in memory, else when its page arrives.

        Only the latest such wish is kept; a new filter or sort forgets it.
        """
        obj = self.row_at(row)
        if obj is not None:
            self._waiting = None
            callback(obj)
        elif 0 <= row < self._row_count:
            self._waiting = (self._version, row, callback)

    def loaded_rows(self) -> list[Any]:
        """The rows held in memory, in list order (at most ``page_size × max_pages``)."""
        return [row for page_no in sorted(self._pages) for row in self._pages[page_no]]

    def cached_pages(self) -> list[int]:
        return sorted(self._pages)

    def cached_row_count(self) -> int:
        return sum(len(page) for page in self._pages.values())

    # -- fetching -------------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        """Only while the end is unknown (no count, or a capped one): grow at the bottom."""
        if parent.isValid() or not self._answered or self._exhausted:
            return False  # (before the first answer the end is not even guessed)
        return self._row_count // self._page_size not in self._pending

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request(self._row_count // self._page_size)

    def _request(self, page_no: int, *, want_total: bool = False) -> None:
        if page_no in self._pending:
            return
        while len(self._pending) >= self._max_pending:
            oldest = next((p for p in self._pending if p != 0), None)
            if oldest is None:
                break
            self._pending.pop(oldest).cancel()
        request = PageRequest(offset=page_no * self._page_size, limit=self._page_size,
                              sort_key=self._sort_key, descending=self._descending,
                              query=self._query, want_total=want_total)
        version = self._version
        fetch = self._fetch
        handle = self._tasks.read(
            lambda control: None if control.is_cancelled() else fetch(request),
            on_done=lambda page: self._on_page(version, page_no, request, page),
            on_error=lambda failure: self._on_failed(version, page_no, failure),
        )
        handle.cancelled.connect(lambda: self._on_cancelled(version, page_no))
        self._pending[page_no] = handle
        self._update_loading()

    def _cancel_pending(self) -> None:
        for handle in self._pending.values():
            handle.cancel()
        self._pending.clear()
        self._update_loading()

    def _on_page(self, version: int, page_no: int, request: PageRequest, page: Page | None) -> None:
        if version != self._version or page is None:
            return  # a newer query, sort or refresh superseded this page
        self._pending.pop(page_no, None)
        rows = list(page.rows)
        first = request.offset
        self._answered = True
        # Stored before the row count grows: views read the new rows while being told of them.
        self._stale.discard(page_no)
        if rows:
            self._pages[page_no] = rows
            self._pages.move_to_end(page_no)
        else:
            self._pages.pop(page_no, None)
        if request.want_total and page.total is not None:
            self._total_is_lower_bound = page.total_is_lower_bound
            self._exhausted = not page.total_is_lower_bound
            if page.total != self._total:
                self._total = page.total
                self.total_changed.emit(page.total)
            self._resize(page.total if self._exhausted else max(page.total, first + len(rows)))
        elif not self._exhausted:
            if len(rows) < request.limit:  # the end of the list
                self._exhausted = True
                self._resize(first + len(rows))
            else:
                self._resize(max(self._row_count, first + len(rows)))
        self._evict(keep=page_no)
        last = min(first + max(len(rows), request.limit), self._row_count) - 1
        if request.want_total and self._stale:
            last = self._row_count - 1  # repaint: visible stale rows ask for their fresh page
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))
        self._update_loading()
        self.page_loaded.emit(len(rows))
        self._deliver_waiting()

    def _resize(self, count: int) -> None:
        old = self._row_count
        if count > old:
            self.beginInsertRows(QModelIndex(), old, count - 1)
            self._row_count = count
            self.endInsertRows()
        elif count < old:
            self.beginRemoveRows(QModelIndex(), count, old - 1)
            self._row_count = count
            for page_no in [p for p in self._pages if p * self._page_size >= count]:
                del self._pages[page_no]
                self._stale.discard(page_no)
            self.endRemoveRows()

    def _evict(self, keep: int) -> None:
        while len(self._pages) > self._max_pages:
            victim = next(p for p in self._pages if p != keep)  # least recently painted
            del self._pages[victim]
            self._stale.discard(victim)

    def _deliver_waiting(self) -> None:
        if self._waiting is None:
            return
        version, row, callback = self._waiting
        if version != self._version:
            self._waiting = None
            return
        page = self._pages.get(row // self._page_size)
        if page is not None and row % self._page_size < len(page):
            self._waiting = None
            callback(page[row % self._page_size])

    def _on_cancelled(self, version: int, page_no: int) -> None:
        if version != self._version or page_no in self._pages:
            return
        # Skipped while the user scrolled past it; if it is on screen again, painting asks anew.
        first = page_no * self._page_size
        last = min(first + self._page_size, self._row_count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))

    def _on_failed(self, version: int, page_no: int, failure: TaskFailure) -> None:
        if version != self._version:
            return
        self._pending.pop(page_no, None)
        self._update_loading()
        self.fetch_failed.emit(failure.message)

    def _update_loading(self) -> None:
        loading = bool(self._pending)
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- sorting ----------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or not self._columns[column].sortable:
            return
        key = self._columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._sort_key and descending == self._descending and self._started:
            return
        self._restart(sort_key=key, descending=descending)

    # -- Qt model API -----------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            column = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == ItemRole.SORT_KEY:
                return column.key
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self._row_count:
            return str(section + 1)
        return None

    def deadline_status(self, row: Any) -> DeadlineStatus | None:
        """Hook: the row's deadline status (override, or pass ``status_of``)."""
        return self._status_of(row) if self._status_of is not None else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._row_count \
                or not 0 <= index.column() < len(self._columns):
            return None
        if role not in _ROW_ROLES:
            return None  # e.g. size hints and fonts: never worth a fetch
        column = self._columns[index.column()]
        row = self.row_at(index.row())
        if row is None:
            return PLACEHOLDER if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.formatter(column.value(row))
        if role == ItemRole.ROW:
            return row
        if role == ItemRole.DEADLINE_STATUS:
            return self.deadline_status(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment) if column.alignment is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(row)
            if column.badge:
                status = self.deadline_status(row)
                return status.label if status is not None else None
            return None
        # Background / foreground of a badge cell
        if not column.badge:
            return None
        status = self.deadline_status(row)
        colours = DEADLINE_COLOURS.get(status) if status is not None else None
        if colours is None:
            return None
        return colours.background if role == Qt.ItemDataRole.BackgroundRole else colours.foreground


_ROW_ROLES = frozenset({
    int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole),
    int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.BackgroundRole),
    int(Qt.ItemDataRole.ForegroundRole), int(ItemRole.ROW), int(ItemRole.DEADLINE_STATUS),
})


class DeadlineBadgeDelegate(QStyledItemDelegate):
    """Paints a badge column's cell as a rounded coloured pill (红/黄/绿/灰)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if not isinstance(background, QColor):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else None
        opt.backgroundBrush = QBrush()  # the pill replaces the flat cell fill
        text = opt.text
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(opt.rect).adjusted(3, 3, -3, -3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        radius = rect.height() / 2
        painter.drawRoundedRect(rect, radius, radius)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(foreground if isinstance(foreground, QColor) else opt.palette.text().color())
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()
