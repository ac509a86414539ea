"""Working-day calendar (工作日历): ``chinese_calendar`` data plus office overrides.

Working days are Monday–Friday, minus statutory holidays, plus make-up working days
(调休上班), as published each year by 国务院办公厅. The ``chinese_calendar`` package ships
those schedules for the years it knows (2004–2026 in 1.11); an office adds or corrects days
with :class:`CalendarOverride` entries (typed in by an administrator or imported from a CSV or
JSON file on a USB stick).

A year counts as *confirmed* when the library covers it, or when an override set declares it
complete (``confirmed_years``): a few override entries for 2027 do not make 2027 confirmed
until the administrator says the whole schedule has been entered. A date outside the data never
raises: it is treated as weekends-only and reported as unconfirmed.

Override file formats
---------------------
JSON::

    {"confirmed_years": [2027],
     "days": [{"date": "2027-01-01", "kind": "HOLIDAY", "note": "元旦"},
              {"date": "2027-02-06", "kind": "WORKDAY", "note": "春节调休上班"}]}

CSV (UTF-8, optional BOM; header names in English or Chinese)::

    date,kind,note            （或：日期,类型,说明）
    2027-01-01,HOLIDAY,元旦
    2027-02-06,WORKDAY,春节调休上班
    2027,CONFIRMED_YEAR,2027年安排已全部录入

``kind`` accepts HOLIDAY / WORKDAY / CONFIRMED_YEAR or 休 / 班 / 全年已确认 or the labels of
:class:`~desktop_app.domain.enums.CalendarDayKind`.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import chinese_calendar
from chinese_calendar import constants as _cc_constants

from desktop_app.domain.enums import CalendarDayKind
from desktop_app.domain.errors import ValidationError

_LIBRARY_YEARS: frozenset[int] = frozenset(
    range(min(d.year for d in _cc_constants.holidays), max(d.year for d in _cc_constants.holidays) + 1))
_HOLIDAY_ZH = {h.value: h.chinese for h in _cc_constants.Holiday}

_KIND_ALIASES: dict[str, CalendarDayKind | str] = {
    "HOLIDAY": CalendarDayKind.HOLIDAY, "休": CalendarDayKind.HOLIDAY,
    CalendarDayKind.HOLIDAY.label: CalendarDayKind.HOLIDAY, "节假日": CalendarDayKind.HOLIDAY,
    "WORKDAY": CalendarDayKind.WORKDAY, "班": CalendarDayKind.WORKDAY,
    CalendarDayKind.WORKDAY.label: CalendarDayKind.WORKDAY,
    "CONFIRMED_YEAR": "CONFIRMED_YEAR", "全年已确认": "CONFIRMED_YEAR",
}
_MIN_YEAR, _MAX_YEAR = 1900, 2200


class CalendarImportError(ValidationError):
    """An override file is malformed; ``line``/``key`` locate the problem."""

    def __init__(self, source: str, where: str, problem: str, *, line: int | None = None,
                 key: str | None = None):
        super().__init__(f"日历文件 {source} {where}：{problem}", field=key, code="CALENDAR_IMPORT")
        self.source = source
        self.line = line
        self.key = key


@dataclasses.dataclass(frozen=True)
class CalendarOverride:
    """One office-level correction: this date is a holiday/rest day or a working day."""

    date: dt.date
    kind: CalendarDayKind
    note: str = ""


@dataclasses.dataclass(frozen=True)
class OverrideSet:
    """What an override file holds: the entries and the years declared complete."""

    overrides: tuple[CalendarOverride, ...] = ()
    confirmed_years: frozenset[int] = frozenset()


@dataclasses.dataclass(frozen=True)
class DayInfo:
    day: dt.date
    is_workday: bool
    reason: str
    confirmed: bool
    overridden: bool = False


def _library_day(day: dt.date) -> tuple[bool, str]:
    is_holiday, name = chinese_calendar.get_holiday_detail(day)
    holiday_zh = _HOLIDAY_ZH.get(name, name) if name else None
    weekend = day.weekday() >= 5
    if is_holiday:
        return False, holiday_zh or "周末"
    if weekend:  # a weekend day that is not a holiday is a make-up working day
        return True, f"调休上班（{holiday_zh}）" if holiday_zh else "调休上班"
    return True, "工作日"


def _weekend_day(day: dt.date) -> tuple[bool, str]:
    return (False, "周末") if day.weekday() >= 5 else (True, "工作日")


class WorkingCalendar:
    """Answers "is this a working day, and why" for any date, with a per-year cache."""

    def __init__(self, overrides: Iterable[CalendarOverride] = (),
                 confirmed_years: Iterable[int] = ()):
        by_date: dict[dt.date, CalendarOverride] = {}
        for entry in overrides:
            by_date[entry.date] = entry  # later entries win (a correction of a correction)
        self._overrides = by_date
        self._confirmed_by_office = frozenset(confirmed_years)
        self._cache: dict[int, list[tuple[bool, str]]] = {}

    @classmethod
    def from_override_set(cls, override_set: OverrideSet) -> "WorkingCalendar":
        return cls(override_set.overrides, override_set.confirmed_years)

    @property
    def overrides(self) -> tuple[CalendarOverride, ...]:
        return tuple(sorted(self._overrides.values(), key=lambda o: o.date))

    @property
    def library_years(self) -> frozenset[int]:
        return _LIBRARY_YEARS

    def covered_years(self) -> tuple[int, ...]:
        """Years whose schedule is confirmed (library data or declared complete by the office)."""
        return tuple(sorted(_LIBRARY_YEARS | self._confirmed_by_office))

    def is_year_confirmed(self, year: int) -> bool:
        return year in _LIBRARY_YEARS or year in self._confirmed_by_office

    def unconfirmed_years(self, start: dt.date, end: dt.date) -> tuple[int, ...]:
        low, high = sorted((start.year, end.year))
        return tuple(y for y in range(low, high + 1) if not self.is_year_confirmed(y))

    def _year_table(self, year: int) -> list[tuple[bool, str]]:
        table = self._cache.get(year)
        if table is None:
            first = dt.date(year, 1, 1)
            days = (dt.date(year + 1, 1, 1) - first).days
            source = _library_day if year in _LIBRARY_YEARS else _weekend_day
            table = [source(first + dt.timedelta(days=i)) for i in range(days)]
            self._cache[year] = table
        return table

    def day_info(self, day: dt.date) -> DayInfo:
        confirmed = self.is_year_confirmed(day.year)
        override = self._overrides.get(day)
        if override is not None:
            workday = override.kind is CalendarDayKind.WORKDAY
            return DayInfo(day, workday, override.note or override.kind.label, confirmed, True)
        workday, reason = self._year_table(day.year)[day.timetuple().tm_yday - 1]
        return DayInfo(day, workday, reason, confirmed)

    def is_workday(self, day: dt.date) -> bool:
        override = self._overrides.get(day)
        if override is not None:
            return override.kind is CalendarDayKind.WORKDAY
        return self._year_table(day.year)[day.timetuple().tm_yday - 1][0]

    def next_workday(self, day: dt.date) -> dt.date:
        """The first working day strictly after ``day``."""
        current = day + dt.timedelta(days=1)
        while not self.is_workday(current):
            current += dt.timedelta(days=1)
        return current

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        if end < start:
            return -self.workdays_between(end, start)
        count, current = 0, start
        while current < end:
            current += dt.timedelta(days=1)
            count += self.is_workday(current)
        return count


# --------------------------------------------------------------------------- import

def _parse_date(value: Any, source: str, where: str, key: str, line: int | None) -> dt.date:
    try:
        if not isinstance(value, str):
            raise ValueError
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CalendarImportError(source, where, f"“{value}”不是有效日期，应为 YYYY-MM-DD，例如 2027-01-01",
                                  line=line, key=key) from None


def _parse_kind(value: Any, source: str, where: str, line: int | None) -> CalendarDayKind | str:
    kind = _KIND_ALIASES.get(str(value).strip()) if isinstance(value, str) else None
    if kind is None:
        raise CalendarImportError(source, where, f"类型“{value}”无效，应为 HOLIDAY（休）、WORKDAY（班）"
                                  "或 CONFIRMED_YEAR（全年已确认）", line=line, key="kind")
    return kind


def _parse_year(value: Any, source: str, where: str, key: str, line: int | None) -> int:
    try:
        if isinstance(value, bool):
            raise ValueError
        year = int(str(value).strip())
    except ValueError:
        raise CalendarImportError(source, where, f"“{value}”不是年份，应为四位数字，例如 2027",
                                  line=line, key=key) from None
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise CalendarImportError(source, where, f"年份 {year} 超出范围（{_MIN_YEAR}–{_MAX_YEAR}）", line=line, key=key)
    return year


def _finish(entries: list[tuple[CalendarOverride, str, int | None]], years: set[int], source: str) -> OverrideSet:
    seen: dict[dt.date, str] = {}
    for entry, where, line in entries:
        if entry.date in seen:
            raise CalendarImportError(source, where, f"日期 {entry.date.isoformat()} 与{seen[entry.date]}重复",
                                      line=line, key="date")
        seen[entry.date] = where
    return OverrideSet(tuple(e for e, _, _ in entries), frozenset(years))


def parse_override_json(text: str, source: str = "<json>") -> OverrideSet:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CalendarImportError(source, f"第{exc.lineno}行", f"JSON 格式错误：{exc.msg}", line=exc.lineno) from None
    if not isinstance(data, dict):
        raise CalendarImportError(source, "根", "应为 JSON 对象，含 days 与 confirmed_years")
    unknown = set(data) - {"days", "confirmed_years", "note"}
    if unknown:
        raise CalendarImportError(source, f"键“{sorted(unknown)[0]}”", "未知的键（只允许 days、confirmed_years、note）",
                                  key=sorted(unknown)[0])
    days = data.get("days", [])
    years_raw = data.get("confirmed_years", [])
    if not isinstance(days, list):
        raise CalendarImportError(source, "键“days”", "应为列表", key="days")
    if not isinstance(years_raw, list):
        raise CalendarImportError(source, "键“confirmed_years”", "应为年份列表，例如 [2027]", key="confirmed_years")
    years = {_parse_year(y, source, f"confirmed_years[{i}]", "confirmed_years", None) for i, y in enumerate(years_raw)}
    entries: list[tuple[CalendarOverride, str, int | None]] = []
    for i, row in enumerate(days):
        where = f"days[{i}]"
        if not isinstance(row, dict):
            raise CalendarImportError(source, where, "应为对象，含 date、kind、note", key="days")
        extra = set(row) - {"date", "kind", "note"}
        if extra:
            raise CalendarImportError(source, f"{where}.{sorted(extra)[0]}", "未知的键（只允许 date、kind、note）",
                                      key=sorted(extra)[0])
        for required in ("date", "kind"):
            if required not in row:
                raise CalendarImportError(source, f"{where}.{required}", "缺少此项", key=required)
        kind = _parse_kind(row["kind"], source, f"{where}.kind", None)
        if kind == "CONFIRMED_YEAR":
            raise CalendarImportError(source, f"{where}.kind", "全年已确认请写在 confirmed_years 中", key="kind")
        note = row.get("note") or ""
        if not isinstance(note, str):
            raise CalendarImportError(source, f"{where}.note", "说明应为文本", key="note")
        day = _parse_date(row["date"], source, f"{where}.date", "date", None)
        assert isinstance(kind, CalendarDayKind)
        entries.append((CalendarOverride(day, kind, note.strip()), where, None))
    return _finish(entries, years, source)


_CSV_HEADERS = {"date": "date", "日期": "date", "kind": "kind", "类型": "kind", "note": "note", "说明": "note", "备注": "note"}


def parse_override_csv(text: str, source: str = "<csv>") -> OverrideSet:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))  # newline="": csv handles \r itself
    try:
        rows = [(n, r) for n, r in enumerate(reader, start=1)
                if any(c.strip() for c in r) and not r[0].startswith("#")]
    except csv.Error as exc:  # e.g. a NUL byte or a broken quote (issue 6: bad files give a Chinese error)
        raise CalendarImportError(source, f"第{reader.line_num}行", f"CSV 格式错误：{exc}", line=reader.line_num) from None
    if not rows:
        raise CalendarImportError(source, "第1行", "文件为空，应有表头 date,kind,note（或 日期,类型,说明）", line=1)
    header_line, header = rows[0]
    columns: dict[str, int] = {}
    for index, name in enumerate(header):
        key = _CSV_HEADERS.get(name.strip().lower())
        if key is None:
            raise CalendarImportError(source, f"第{header_line}行", f"未知的列名“{name}”，应为 date,kind,note（或 日期,类型,说明）",
                                      line=header_line, key=name)
        columns[key] = index
    for required in ("date", "kind"):
        if required not in columns:
            raise CalendarImportError(source, f"第{header_line}行", f"缺少“{required}”列", line=header_line, key=required)
    entries: list[tuple[CalendarOverride, str, int | None]] = []
    years: set[int] = set()
    for line, row in rows[1:]:
        where = f"第{line}行"
        if len(row) > len(header):
            raise CalendarImportError(source, where, f"列数（{len(row)}）多于表头（{len(header)}）", line=line)

        def cell(key: str) -> str:
            index = columns.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        kind = _parse_kind(cell("kind"), source, f"{where}“类型”列", line)
        if kind == "CONFIRMED_YEAR":
            years.add(_parse_year(cell("date"), source, f"{where}“日期”列", "date", line))
            continue
        day = _parse_date(cell("date"), source, f"{where}“日期”列", "date", line)
        assert isinstance(kind, CalendarDayKind)
        entries.append((CalendarOverride(day, kind, cell("note")), where, line))
    return _finish(entries, years, source)


def load_override_file(path: Path) -> OverrideSet:
    """Read a CSV or JSON override file (by extension)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CalendarImportError(path.name, "", "文件不是 UTF-8 编码，请另存为 UTF-8 后再导入") from None
    suffix = path.suffix.lower()
    if suffix == ".json":
        return parse_override_json(text, path.name)
    if suffix == ".csv":
        return parse_override_csv(text, path.name)
    raise CalendarImportError(path.name, "", f"不支持的文件类型“{suffix}”，请使用 .csv 或 .json")
