"""Entry point of ``python -m desktop_app``."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from desktop_app.cli.common import COMMANDS


def _load_command_modules() -> None:
    import desktop_app.cli as pkg
    for info in pkgutil.iter_modules(pkg.__path__):
        if info.name.startswith("cmd_"):
            importlib.import_module(f"desktop_app.cli.{info.name}")


def build_parser() -> argparse.ArgumentParser:
    _load_command_modules()
    parser = argparse.ArgumentParser(prog="python -m desktop_app", description="投诉处理台 命令行（与图形界面使用同一套服务）")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    sub.required = True
    for name in sorted(COMMANDS):
        COMMANDS[name](sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv if argv is not None else sys.argv[1:])
    return int(args.handler(args))
