"""Read-query helpers that keep list queries on an index at any table size."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session


def page_nulls_last(session: Session, stmt: Select[Any], column: Any, tiebreak: Any, *, offset: int,
                    limit: int, descending: bool = False) -> list[Any]:
    """One page of ``stmt`` ordered by ``column`` (NULLs last), then ``tiebreak``.

    The same rows as ``ORDER BY column IS NULL, column, tiebreak`` — but that expression can
    only be served by an expression index, so the database sorts every matching row (800,000
    archived cases at 1M). Two queries each walk a plain index in order and stop after one
    page: first the rows that have a value, then (only when the page is not full) those
    without, ordered by ``tiebreak``.
    """
    order = (column.desc(), tiebreak.desc()) if descending else (column.asc(), tiebreak.asc())
    has_value = stmt.where(column.is_not(None))
    rows = list(session.execute(has_value.order_by(*order).offset(offset).limit(limit)).all())
    if len(rows) >= limit:
        return rows
    if rows or offset == 0:
        null_offset = 0
    else:
        with_value = session.scalar(select(func.count()).select_from(
            has_value.with_only_columns(tiebreak).order_by(None).subquery())) or 0
        null_offset = max(0, offset - with_value)
    nulls = (stmt.where(column.is_(None)).order_by(tiebreak.desc() if descending else tiebreak.asc())
             .offset(null_offset).limit(limit - len(rows)))
    return rows + list(session.execute(nulls).all())
