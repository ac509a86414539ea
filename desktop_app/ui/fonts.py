"""Bundled CJK fonts for the Qt UI.

A machine without Chinese fonts (a fresh Debian, a minimal Windows image, the
offscreen platform) shows boxes for every Chinese character. Registering the
TrueType collections shipped in ``resources/fonts/`` with Qt fixes that without any
system package.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from desktop_app.resources import resource_path

log = logging.getLogger(__name__)

# Preferred UI face first (黑体-like, good at small sizes), then the 宋体-like face, then
# whatever the system has: Qt falls back through the list glyph by glyph.
UI_FAMILY_PREFERENCE: tuple[str, ...] = (
    "WenQuanYi Micro Hei",
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "AR PL UMing CN",
    "SimSun",
)
# 宋体-like face for document previews.
SONG_FAMILY_PREFERENCE: tuple[str, ...] = ("AR PL UMing CN", "SimSun", "Noto Serif CJK SC")
DEFAULT_POINT_SIZE = 10


@dataclass
class FontRegistration:
    """Outcome of :func:`register_bundled_fonts`."""

    families: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    failed: list[Path] = field(default_factory=list)


def font_files(directories: Iterable[Path] | None = None) -> list[Path]:
    """TrueType fonts and collections (``*.ttf``/``*.ttc``) in the given directories.

    Default: ``resources/fonts/``. Exact file names do not matter.
    """
    dirs = list(directories) if directories is not None else [resource_path("fonts")]
    found: list[Path] = []
    for directory in dirs:
        if directory.is_dir():
            found.extend(sorted(p for p in directory.glob("*.tt[cf]") if p.is_file()))
    return found


def register_bundled_fonts(directories: Iterable[Path] | None = None) -> FontRegistration:
    """Register every bundled font file with Qt. Needs a ``QGuiApplication``.

    Idempotent per process in effect: Qt returns the same families for a file already
    registered.
    """
    result = FontRegistration()
    for path in font_files(directories):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("无法加载字体文件 %s", path)
            result.failed.append(path)
            continue
        result.files.append(path)
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in result.families:
                result.families.append(family)
    if not result.files:
        log.warning("resources/fonts 中没有可用的中文字体，界面中文可能显示为方框")
    return result


def _available(preference: Iterable[str]) -> list[str]:
    installed = set(QFontDatabase.families())
    return [f for f in preference if f in installed]


def ui_font(point_size: int = DEFAULT_POINT_SIZE) -> QFont:
    """The application font: the preferred CJK families that exist, in order."""
    font = QFont()
    families = _available(UI_FAMILY_PREFERENCE)
    if families:
        font.setFamilies(families)
    font.setPointSize(point_size)
    return font


def song_font(point_size: int = 12) -> QFont:
    """A 宋体-like font for document previews (falls back to the UI font)."""
    families = _available(SONG_FAMILY_PREFERENCE) or _available(UI_FAMILY_PREFERENCE)
    font = QFont()
    if families:
        font.setFamilies(families)
    font.setPointSize(point_size)
    return font


def install_application_font(app: QApplication, directories: Iterable[Path] | None = None,
                             point_size: int = DEFAULT_POINT_SIZE) -> FontRegistration:
    """Register bundled fonts and make the CJK face the application-wide font."""
    registration = register_bundled_fonts(directories)
    app.setFont(ui_font(point_size))
    return registration
