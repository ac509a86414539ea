"""Shared CLI plumbing: --db, opening services, printing errors in Chinese, exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any

from desktop_app.config import AppConfig
from desktop_app.domain.clock import FixedClock, SystemClock
from desktop_app.domain.errors import DomainError
from desktop_app.services.hub import Services, open_services

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

# name -> function(subparsers) that adds a command group; modules register themselves here.
COMMANDS: dict[str, Callable[[Any], None]] = {}


def command(name: str) -> Callable[[Callable[[Any], None]], Callable[[Any], None]]:
    def register(fn: Callable[[Any], None]) -> Callable[[Any], None]:
        COMMANDS[name] = fn
        return fn
    return register


def add_db_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", help="数据库：SQLite 文件路径或 sqlite:///… / postgresql://… URL（默认：用户数据目录中的数据库）")
    p.add_argument("--today", metavar="YYYY-MM-DD", type=parse_date,
                   help="以指定日期作为“今天”计算期限（用于核对与测试）")


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”格式不对，应为 YYYY-MM-DD，例如 2025-10-08") from None


def open_from_args(args: argparse.Namespace) -> Services:
    config = AppConfig.load(database_url=getattr(args, "db", None))
    today = getattr(args, "today", None)
    clock = FixedClock(dt.datetime.combine(today, dt.time(9, 0))) if today else SystemClock()
    return open_services(config, clock=clock)


def emit(data: Any, as_json: bool) -> None:
    if as_json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(str(data) + ("" if str(data).endswith("\n") else "\n"))


def _default(o: Any) -> Any:
    if isinstance(o, (dt.date, dt.datetime)):
        return o.isoformat()
    return str(o)


def fail(message: str, code: int = EXIT_ERROR) -> int:
    sys.stderr.write(f"错误：{message}\n")
    return code


def run_guarded(fn: Callable[[], int]) -> int:
    try:
        return fn()
    except DomainError as e:
        return fail(e.message, EXIT_USAGE if e.__class__.__name__ in ("FactSheetError", "ValidationError",
                                                                          "CalendarImportError", "RuleFileError")
                    else EXIT_ERROR)
