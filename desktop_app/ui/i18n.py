"""UI languages: Simplified Chinese (source strings, no catalogue needed) and English.

Source strings in ``desktop_app/ui`` are written in Simplified Chinese and wrapped in
``self.tr()`` / ``QCoreApplication.translate()``. The English catalogue lives in
``resources/i18n/complaint_desk_en.ts`` (edit it with ``pyside6-linguist``) and is
compiled to ``complaint_desk_en.qm``, which is committed so a fresh machine needs no
Qt tools.

Maintenance (after changing UI strings)::

    python -m desktop_app.ui.i18n update   # lupdate over desktop_app/ui/**/*.py, then lrelease
    python -m desktop_app.ui.i18n status   # how many strings still lack an English translation
"""

from __future__ import annotations

import logging
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.resources import resource_path

log = logging.getLogger(__name__)

CATALOGUE_BASENAME = "complaint_desk"
SOURCE_LANGUAGE = "zh_CN"
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}
UI_SOURCE_DIR = Path(__file__).resolve().parent


def normalise_language(language: str | None) -> str:
    """Map ``"zh"``, ``"zh-CN"``, ``"en_US"``, ``None`` … to a supported code (default zh_CN)."""
    if not language:
        return SOURCE_LANGUAGE
    code = language.replace("-", "_")
    if code.lower().startswith("en"):
        return "en"
    if code.lower().startswith("zh"):
        return SOURCE_LANGUAGE
    log.warning("不支持的界面语言 %r，改用简体中文", language)
    return SOURCE_LANGUAGE


def catalogue_path(language: str, suffix: str = ".qm") -> Path:
    return resource_path("i18n", f"{CATALOGUE_BASENAME}_{language}{suffix}")


def install_translator(app: QCoreApplication, language: str | None) -> list[QTranslator]:
    """Install the translators for ``language`` on ``app``; returns them (parented to app).

    Chinese: only Qt's own catalogue (so standard buttons of QMessageBox, QFileDialog
    read 确定/取消). English: our catalogue; Qt's own strings are English already.
    """
    code = normalise_language(language)
    installed: list[QTranslator] = []
    if code == SOURCE_LANGUAGE:
        qt_translator = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China),
                              "qtbase", "_", qt_dir):
            app.installTranslator(qt_translator)
            installed.append(qt_translator)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return installed
    translator = QTranslator(app)
    path = catalogue_path(code)
    if translator.load(str(path)):
        app.installTranslator(translator)
        installed.append(translator)
    else:
        log.warning("找不到界面翻译文件 %s，界面将显示中文", path)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return installed


# -- maintenance ---------------------------------------------------------------

def _qt_tool(name: str) -> Path:
    import PySide6  # the tools ship inside the PySide6(-Essentials) wheel

    exe = Path(PySide6.__file__).resolve().parent / name
    if not exe.exists():
        raise FileNotFoundError(f"找不到 Qt 工具 {exe}：请安装 PySide6-Essentials")
    return exe


def ui_sources(source_dir: Path = UI_SOURCE_DIR) -> list[Path]:
    return sorted(p for p in source_dir.rglob("*.py") if "__pycache__" not in p.parts)


def update_catalogues(languages: list[str] | None = None, *, source_dir: Path = UI_SOURCE_DIR,
                      output_dir: Path | None = None) -> list[Path]:
    """Run lupdate (merge new strings into the .ts) and lrelease (.ts → .qm)."""
    out = output_dir or resource_path("i18n")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    sources = [str(p) for p in ui_sources(source_dir)]
    for language in languages or [c for c in LANGUAGES if c != SOURCE_LANGUAGE]:
        ts = out / f"{CATALOGUE_BASENAME}_{language}.ts"
        qm = ts.with_suffix(".qm")
        subprocess.run([str(_qt_tool("lupdate")), "-silent", "-no-obsolete", "-locations", "none",
                        "-source-language", SOURCE_LANGUAGE, "-target-language", language,
                        *sources, "-ts", str(ts)], check=True)
        subprocess.run([str(_qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)],
                       check=True)
        written += [ts, qm]
    return written


def untranslated(ts_file: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing: list[tuple[str, str]] = []
    root = ET.parse(ts_file).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished",) \
                    or not (translation.text or "").strip():
                if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                    continue
                missing.append((name, message.findtext("source", "")))
    return missing


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else ""
    if command == "update":
        for path in update_catalogues():
            print(path)
        for language in (c for c in LANGUAGES if c != SOURCE_LANGUAGE):
            count = len(untranslated(catalogue_path(language, ".ts")))
            hint = "（用 pyside6-linguist 补译后再运行 update）" if count else ""
            print(f"{language}: {count} 条未翻译{hint}")
        return 0
    if command == "status":
        exit_code = 0
        for language in (c for c in LANGUAGES if c != SOURCE_LANGUAGE):
            missing = untranslated(catalogue_path(language, ".ts"))
            print(f"{language}: {len(missing)} 条未翻译")
            for context, source in missing:
                print(f"  [{context}] {source}")
            exit_code = exit_code or (1 if missing else 0)
        return exit_code
    print("用法: python -m desktop_app.ui.i18n update|status", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
