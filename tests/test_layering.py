"""Layering (DESIGN §7): who may import what, checked on the source with ``ast``.

* Only ``desktop_app/ui/`` and ``desktop_app/app.py`` import PySide6 / shiboken6.
* ``ui/`` never imports ``desktop_app.persistence`` or SQLAlchemy: no SQL in widgets.
* ``rules/``, ``documents/``, ``exports/`` take plain data: no persistence, services or UI.
* Nothing below the UI imports ``ui``, ``cli`` or ``app`` (dependency direction).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = PROJECT_ROOT / "desktop_app"
PACKAGE = "desktop_app"

QT_MODULES = ("PySide6", "shiboken6")
# Everything below the UI and the CLI (packages and the top-level helper modules).
LOWER_LAYERS = ("domain", "rules", "persistence", "services", "documents", "exports", "exchange",
                "config", "resources")


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    module: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: imports {self.module} — {self.rule}"


def module_name(path: Path, package_dir: Path) -> str:
    relative = path.relative_to(package_dir.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(tree: ast.AST, current_module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, absolute module) for every import, relative imports resolved.

    ``from x import y`` yields both ``x`` and ``x.y`` (y may be a submodule).
    ``importlib.import_module("…")`` and ``__import__("…")`` with a literal count too.
    """
    found: list[tuple[int, str]] = []
    package_parts = current_module.split(".") if is_package else current_module.split(".")[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base_parts = package_parts[:len(package_parts) - (node.level - 1)]
                base = ".".join(base_parts + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            found.append((node.lineno, base))
            found.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names
                         if alias.name != "*")
        elif isinstance(node, ast.Call) and node.args \
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else \
                func.id if isinstance(func, ast.Name) else ""
            if name in ("import_module", "__import__"):
                found.append((node.lineno, node.args[0].value))
    return found


def _is(module: str, *prefixes: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in prefixes)


def check_file(path: Path, package_dir: Path = PACKAGE_DIR) -> list[Violation]:
    current = module_name(path, package_dir)
    rel = path.relative_to(package_dir.parent).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
    pkg = package_dir.name
    in_ui = _is(current, f"{pkg}.ui")
    is_app = current == f"{pkg}.app"
    layer = current.split(".")[1] if current.count(".") >= 1 else ""
    violations: list[Violation] = []
    for line, module in imported_modules(tree, current, path.name == "__init__.py"):
        if _is(module, *QT_MODULES) and not (in_ui or is_app):
            violations.append(Violation(rel, line, module,
                                        "only desktop_app/ui/ and desktop_app/app.py may use Qt"))
        if in_ui and _is(module, f"{pkg}.persistence", "sqlalchemy"):
            violations.append(Violation(rel, line, module,
                                        "no SQL in the UI: call services through ctx.tasks"))
        if layer in ("rules", "documents", "exports") and \
                _is(module, f"{pkg}.persistence", f"{pkg}.services", f"{pkg}.exchange"):
            violations.append(Violation(rel, line, module,
                                        f"{layer}/ takes plain data: no database or services"))
        if layer in LOWER_LAYERS and _is(module, f"{pkg}.ui", f"{pkg}.cli", f"{pkg}.app"):
            violations.append(Violation(rel, line, module,
                                        "lower layers must not depend on ui, cli or app"))
        if layer == "cli" and _is(module, f"{pkg}.ui"):
            violations.append(Violation(rel, line, module, "the CLI works without a screen"))
    # ``from a import b`` is checked as ``a`` and ``a.b``: report each rule once per line.
    unique: dict[tuple[int, str], Violation] = {}
    for violation in violations:
        unique.setdefault((violation.line, violation.rule), violation)
    return list(unique.values())


def scan(package_dir: Path = PACKAGE_DIR) -> list[Violation]:
    violations: list[Violation] = []
    for path in sorted(package_dir.rglob("*.py")):
        if "__pycache__" not in path.parts:
            violations.extend(check_file(path, package_dir))
    return violations


def test_package_respects_layering() -> None:
    violations = scan()
    assert not violations, "layering violations:\n" + "\n".join(map(str, violations))


def test_scanner_sees_the_whole_package() -> None:
    scanned = {module_name(p, PACKAGE_DIR) for p in PACKAGE_DIR.rglob("*.py")}
    assert "desktop_app.ui.main_window" in scanned
    assert "desktop_app.domain.enums" in scanned


# -- the scanner itself must be able to fail -------------------------------------

def write_package(root: Path, files: dict[str, str]) -> Path:
    package = root / "desktop_app"
    for relative, source in files.items():
        path = package / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        for parent in [path.parent, *path.parent.parents]:
            if parent == root:
                break
            (parent / "__init__.py").touch()
        path.write_text(source, encoding="utf-8")
    return package


@pytest.mark.parametrize("relative, source, bad_line, module", [
    ("services/cases.py", "import os\nfrom PySide6.QtCore import QObject\n", 2, "PySide6.QtCore"),
    ("rules/clock.py", "\n\nimport shiboken6\n", 3, "shiboken6"),
    ("documents/pdf.py", "import importlib\nm = importlib.import_module('PySide6.QtGui')\n", 2,
     "PySide6.QtGui"),
    ("ui/case_list.py", "from sqlalchemy import select\n", 1, "sqlalchemy"),
    ("ui/case_list.py", "from desktop_app.persistence.queries import cases\n", 1,
     "desktop_app.persistence.queries"),
    ("ui/panes/case_list.py", "from ...persistence import queries\n", 1, "desktop_app.persistence"),
    ("rules/engine.py", "from ..persistence.session import unit_of_work\n", 1,
     "desktop_app.persistence.session"),
    ("exports/xlsx.py", "from desktop_app.services import hub\n", 1, "desktop_app.services"),
    ("services/hub.py", "from desktop_app.ui.tasks import TaskRunner\n", 1, "desktop_app.ui.tasks"),
    ("domain/entities.py", "from .. import app\n", 1, "desktop_app.app"),
    ("cli/main.py", "import desktop_app.ui.main_window\n", 1, "desktop_app.ui.main_window"),
])
def test_scanner_reports_file_and_line(tmp_path: Path, relative: str, source: str,
                                       bad_line: int, module: str) -> None:
    package = write_package(tmp_path, {relative: source})
    violations = scan(package)
    assert [(v.path, v.line, v.module) for v in violations] == \
        [(f"desktop_app/{relative}", bad_line, module)]
    assert f"desktop_app/{relative}:{bad_line}" in str(violations[0])


def test_scanner_accepts_allowed_imports(tmp_path: Path) -> None:
    package = write_package(tmp_path, {
        "app.py": "from PySide6.QtWidgets import QApplication\nfrom desktop_app.ui import x\n",
        "ui/main_window.py": "from PySide6 import QtWidgets\nfrom ..services import hub\n"
                             "from desktop_app.domain.enums import CaseState\n",
        "services/hub.py": "from sqlalchemy.orm import Session\nfrom ..persistence import uow\n",
        "rules/engine.py": "from desktop_app.domain.clock import Clock\nimport chinese_calendar\n",
        "cli/main.py": "from desktop_app.services import hub\n",
    })
    assert scan(package) == []
