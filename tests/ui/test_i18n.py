"""English catalogue: installed on demand, complete for the framework, regenerable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.ui import i18n
from desktop_app.ui.main_window import MainWindow

from .fakes import FakeContext


@pytest.fixture
def english(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = i18n.install_translator(qapp, "en")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[list[QTranslator]]:
    translators = i18n.install_translator(qapp, "zh_CN")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


def test_english_window(qtbot: QtBot, english: list[QTranslator], fake_ctx: FakeContext,
                        settings: QSettings) -> None:
    assert english, "the committed complaint_desk_en.qm must load"
    window = MainWindow(fake_ctx, settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.status_refreshed, timeout=5000):
        pass
    assert window.windowTitle() == "Complaint Desk"
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&View", "&System", "&Help"]
    nav = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert nav == ["Dashboard", "Registration", "Investigation", "Archive", "Statistics"]
    assert window.database_label.text().startswith("Database: SQLite")


def test_chinese_needs_no_catalogue_and_translates_qt_buttons(chinese: list[QTranslator]) -> None:
    assert QCoreApplication.translate("MainWindow", "文件(&F)") == "文件(&F)"
    # Qt's own catalogue makes standard dialog buttons Chinese.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


@pytest.mark.parametrize("given, expected", [
    (None, "zh_CN"), ("", "zh_CN"), ("zh", "zh_CN"), ("zh-CN", "zh_CN"), ("en_US", "en"),
    ("en", "en"), ("fr", "zh_CN"),
])
def test_language_codes(given: str | None, expected: str) -> None:
    assert i18n.normalise_language(given) == expected


def test_framework_strings_are_all_translated() -> None:
    framework = {"MainWindow", "PagedTableModel", "TaskRunner"}
    missing = [(c, s) for c, s in i18n.untranslated(i18n.catalogue_path("en", ".ts"))
               if c in framework]
    assert missing == []


def test_untranslated_finds_unfinished_messages(tmp_path: Path) -> None:
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="en">'
        "<context><name>Pane</name>"
        "<message><source>归档</source><translation>Archive</translation></message>"
        '<message><source>统计</source><translation type="unfinished"></translation></message>'
        "</context></TS>", encoding="utf-8")
    assert i18n.untranslated(ts) == [("Pane", "统计")]


def test_update_regenerates_catalogue_from_sources(tmp_path: Path) -> None:
    shutil_copy = (i18n.catalogue_path("en", ".ts")).read_bytes()
    (tmp_path / "complaint_desk_en.ts").write_bytes(shutil_copy)
    written = i18n.update_catalogues(["en"], output_dir=tmp_path)
    assert {p.name for p in written} == {"complaint_desk_en.ts", "complaint_desk_en.qm"}
    text = (tmp_path / "complaint_desk_en.ts").read_text(encoding="utf-8")
    assert "<name>MainWindow</name>" in text and "<translation>&amp;File</translation>" in text
    translator = QTranslator()
    assert translator.load(str(tmp_path / "complaint_desk_en.qm"))
    assert translator.translate("MainWindow", "视图(&V)") == "&View"
