"""Bundled CJK fonts: found by glob, registered with Qt, used as the application font."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from desktop_app.resources import resource_path
from desktop_app.ui import fonts

SYSTEM_CJK_DIRS = [Path("/usr/share/fonts/truetype/wqy"), Path("/usr/share/fonts/truetype/arphic")]
SAMPLE = "投诉处理台调查笔录〔2026〕第号"


@pytest.fixture
def restore_app_font(qapp: QApplication) -> Iterator[None]:
    before = QFont(qapp.font())
    yield
    qapp.setFont(before)


def covers(font: QFont, text: str) -> bool:
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in text)


def test_font_files_globs_ttf_and_ttc(tmp_path: Path) -> None:
    for name in ("uming.ttc", "wqy-microhei.ttc", "extra.ttf", "LICENSE.txt", "x.otf"):
        (tmp_path / name).write_bytes(b"")
    assert [p.name for p in fonts.font_files([tmp_path])] == \
        ["extra.ttf", "uming.ttc", "wqy-microhei.ttc"]


@pytest.mark.skipif(not all(d.is_dir() for d in SYSTEM_CJK_DIRS),
                    reason="needs Debian fonts-wqy-microhei and fonts-arphic-uming")
def test_registered_fonts_become_the_application_font(qapp: QApplication,
                                                      restore_app_font: None) -> None:
    registration = fonts.install_application_font(qapp, SYSTEM_CJK_DIRS)
    assert "WenQuanYi Micro Hei" in registration.families
    assert "AR PL UMing CN" in registration.families
    assert qapp.font().families()[0] == "WenQuanYi Micro Hei"
    assert covers(qapp.font(), SAMPLE)
    assert covers(fonts.song_font(), SAMPLE)
    assert fonts.song_font().families()[0] == "AR PL UMing CN"


def test_bundled_fonts_cover_chinese(qapp: QApplication, restore_app_font: None) -> None:
    bundled = fonts.font_files()
    if not bundled:
        pytest.fail(f"no *.ttf/*.ttc in {resource_path('fonts')}: the UI would show boxes")
    registration = fonts.install_application_font(qapp)
    assert registration.files and not registration.failed
    assert covers(qapp.font(), SAMPLE)


def test_unreadable_font_file_is_reported_not_fatal(tmp_path: Path, qapp: QApplication,
                                                    caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "broken.ttf").write_bytes(b"not a font")
    with caplog.at_level(logging.WARNING):
        registration = fonts.register_bundled_fonts([tmp_path])
    assert registration.failed == [tmp_path / "broken.ttf"]
    assert registration.families == []
    assert "中文可能显示为方框" in caplog.text
