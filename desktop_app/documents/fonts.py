"""Bundled CJK TrueType fonts (embedded in every PDF; never the non-embedded CID fonts).

* 宋体-style body face: AR PL UMing CN (Arphic Public License), ``resources/fonts/uming.ttc``.
* 黑体-style heading face: WenQuanYi Micro Hei (Apache-2.0), ``resources/fonts/wqy-microhei.ttc``.
* Symbol face for checkboxes (☑ ☐), which neither CJK face has: DejaVu Sans (Bitstream Vera
  licence), ``resources/fonts/DejaVuSans.ttf``.

Licence texts ship beside the font files. The Qt side registers the same files through
``QFontDatabase.addApplicationFont`` using :func:`font_files`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop_app.resources import resource_path

#: ReportLab font name of the 宋体-like body face.
SONG = "CDesk-Song"
#: ReportLab font name of the 黑体-like heavy face (titles, form labels).
HEI = "CDesk-Hei"
#: Symbol face for glyphs the CJK faces lack (checkboxes ☑ ☐, ✓).
SYMBOL = "CDesk-Symbol"


@dataclass(frozen=True)
class BundledFont:
    """One face inside a bundled font file."""

    name: str  # ReportLab registration name
    family: str  # family name as Qt / the OS sees it
    file_name: str  # file under resources/fonts/
    subfont_index: int  # face index inside a TrueType collection (.ttc)
    licence_files: tuple[str, ...]

    @property
    def path(self) -> Path:
        return resource_path("fonts", self.file_name)


BUNDLED_FONTS: tuple[BundledFont, ...] = (
    BundledFont(SONG, "AR PL UMing CN", "uming.ttc", 0,
                ("LICENSE-ARPHICPL.txt", "LICENSE-ARPHICPL.zh_CN.txt", "LICENSE-AR-PL-UMing.txt")),
    BundledFont(HEI, "WenQuanYi Micro Hei", "wqy-microhei.ttc", 0,
                ("LICENSE-WenQuanYi-MicroHei.txt", "LICENSE-Apache-2.0.txt")),
    BundledFont(SYMBOL, "DejaVu Sans", "DejaVuSans.ttf", 0, ("LICENSE-DejaVu.txt",)),
)

_lock = threading.Lock()
_registered = False


def font_files() -> list[Path]:
    """Paths of the bundled font files, for ``QFontDatabase.addApplicationFont``."""
    return [font.path for font in BUNDLED_FONTS]


def font_families() -> dict[str, str]:
    """ReportLab name → family name Qt reports once the file is registered."""
    return {font.name: font.family for font in BUNDLED_FONTS}


def licence_files() -> list[Path]:
    return [resource_path("fonts", name) for font in BUNDLED_FONTS for name in font.licence_files]


def register_fonts() -> tuple[str, str]:
    """Register the bundled faces with ReportLab once (thread-safe, idempotent).

    Returns ``(SONG, HEI)``. Raises ``FileNotFoundError`` naming the missing file when the
    installation lacks ``resources/fonts``.
    """
    global _registered
    if _registered:
        return SONG, HEI
    with _lock:
        if not _registered:
            for font in BUNDLED_FONTS:
                if not font.path.is_file():
                    raise FileNotFoundError(
                        f"缺少字体文件 {font.path}：请重新安装程序或将字体文件复制到 resources/fonts 目录")
                pdfmetrics.registerFont(
                    TTFont(font.name, str(font.path), subfontIndex=font.subfont_index))
            _registered = True
    return SONG, HEI
