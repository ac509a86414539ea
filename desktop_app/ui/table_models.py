"""Paged, read-only table models over plain row data.

Rows are plain tuples, named tuples, dataclasses or mappings produced by a read
query — never ORM objects, which would lazy-load from the database while the view
paints. Pages are fetched through a *fetch function* on the read pool of
:class:`~desktop_app.ui.tasks.TaskRunner` (``canFetchMore`` / ``fetchMore``); sorting
is done by the fetcher (server side): :meth:`PagedTableModel.sort` asks it again with
the column's key.

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
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
from desktop_app.ui.tasks import TaskFailure, TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    # A fixed context: self.tr() would use a subclass's name, which has no translations.
    return QCoreApplication.translate("PagedTableModel", text)


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
    """A fetcher's answer. ``total`` may be ``None`` when ``want_total`` was false."""

    rows: Sequence[Any]
    total: int | None = None


FetchPage = Callable[[PageRequest], Page]


@dataclass
class _QueryState:
    query: Any = None
    sort_key: str | None = None
    descending: bool = False
    version: int = 0
    total: int | None = None
    exhausted: bool = False
    started: bool = False
    rows: list[Any] = field(default_factory=list)


class PagedTableModel(QAbstractTableModel):
    """Read-only table model that loads pages in the background."""

    page_loaded = Signal(int)  # number of rows appended
    total_changed = Signal(int)
    loading_changed = Signal(bool)
    fetch_failed = Signal(str)  # Chinese message for the pane to show

    def __init__(self, columns: Sequence[Column], fetch: FetchPage, tasks: TaskRunner, *,
                 page_size: int = 200,
                 status_of: Callable[[Any], DeadlineStatus | None] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not columns:
            raise ValueError("a table model needs at least one column")
        self._columns = list(columns)
        self._fetch = fetch
        self._tasks = tasks
        self._page_size = page_size
        self._status_of = status_of
        self._state = _QueryState()
        self._loading = False
        self._task_key = f"paged-model:{id(self)}"

    # -- querying ---------------------------------------------------------------
    def set_query(self, query: Any) -> None:
        """Replace the filter and reload from the first page."""
        self._restart(query=query)

    def refresh(self) -> None:
        """Reload with the current filter and sort (e.g. after a save)."""
        self._restart()

    def _restart(self, **changes: Any) -> None:
        old = self._state
        self.beginResetModel()
        self._state = _QueryState(
            query=changes.get("query", old.query),
            sort_key=changes.get("sort_key", old.sort_key),
            descending=changes.get("descending", old.descending),
            version=old.version + 1,
        )
        self.endResetModel()
        self._request_next_page()

    def sort_key(self) -> str | None:
        return self._state.sort_key

    def query(self) -> Any:
        return self._state.query

    def columns(self) -> list[Column]:
        return list(self._columns)

    def row_at(self, row: int) -> Any:
        return self._state.rows[row]

    def loaded_rows(self) -> list[Any]:
        return list(self._state.rows)

    def total(self) -> int | None:
        return self._state.total

    def is_loading(self) -> bool:
        return self._loading

    def total_text(self) -> str:
        """「共 N 条」 for a status line; says how many are loaded while paging."""
        total = self._state.total
        loaded = len(self._state.rows)
        if total is None:
            return _tr("已显示 {0} 条").format(loaded)
        if loaded < total:
            return _tr("共 {0} 条，已显示 {1} 条").format(total, loaded)
        return _tr("共 {0} 条").format(total)

    # -- paging -------------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._loading:
            return False
        return not self._state.exhausted

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request_next_page()

    def _request_next_page(self) -> None:
        state = self._state
        request = PageRequest(
            offset=len(state.rows), limit=self._page_size, sort_key=state.sort_key,
            descending=state.descending, query=state.query, want_total=not state.started,
        )
        state.started = True
        version = state.version
        fetch = self._fetch
        self._set_loading(True)
        self._tasks.read(
            lambda _control: fetch(request),
            on_done=lambda page: self._on_page(version, request, page),
            on_error=lambda failure: self._on_failed(version, failure),
            key=self._task_key,
        )

    def _on_page(self, version: int, request: PageRequest, page: Page) -> None:
        state = self._state
        if version != state.version:
            return  # a newer query or sort superseded this page
        rows = list(page.rows)
        if page.total is not None and page.total != state.total:
            state.total = page.total
            self.total_changed.emit(page.total)
        if rows:
            first = len(state.rows)
            # Views and testers may call fetchMore from inside the insert notifications:
            # ``loading`` stays set until the rows and the exhausted flag are in place.
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            state.rows.extend(rows)
            state.exhausted = self._is_exhausted(len(rows), request.limit)
            self.endInsertRows()
        else:
            state.exhausted = True
        self._set_loading(False)
        self.page_loaded.emit(len(rows))

    def _is_exhausted(self, received: int, limit: int) -> bool:
        total = self._state.total
        return received < limit or (total is not None and len(self._state.rows) >= total)

    def _on_failed(self, version: int, failure: TaskFailure) -> None:
        if version != self._state.version:
            return
        self._set_loading(False)
        self.fetch_failed.emit(failure.message)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- sorting ----------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or not self._columns[column].sortable:
            return
        key = self._columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._state.sort_key and descending == self._state.descending \
                and self._state.started:
            return
        self._restart(sort_key=key, descending=descending)

    # -- Qt model API -----------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._state.rows)

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
                and 0 <= section < len(self._state.rows):
            return str(section + 1)
        return None

    def deadline_status(self, row: Any) -> DeadlineStatus | None:
        """Hook: the row's deadline status (override, or pass ``status_of``)."""
        return self._status_of(row) if self._status_of is not None else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._state.rows) \
                or index.column() >= len(self._columns):
            return None
        row = self._state.rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.formatter(column.value(row))
        if role == ItemRole.ROW:
            return row
        if role == ItemRole.DEADLINE_STATUS:
            return self.deadline_status(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.alignment is not None:
                return int(column.alignment)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(row)
            if column.badge:
                status = self.deadline_status(row)
                return status.label if status is not None else None
            return None
        if column.badge and role in (Qt.ItemDataRole.BackgroundRole,
                                     Qt.ItemDataRole.ForegroundRole):
            status = self.deadline_status(row)
            colours = DEADLINE_COLOURS.get(status) if status is not None else None
            if colours is None:
                return None
            return colours.background if role == Qt.ItemDataRole.BackgroundRole \
                else colours.foreground
        return None


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
