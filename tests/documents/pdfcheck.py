"""Real-reader helpers (poppler) for document tests."""

from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


def _with_file(pdf: bytes, args: list[str]) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        return subprocess.run([*args, handle.name, *(["-"] if args[0] == "pdftotext" else [])],
                              check=True, capture_output=True, text=True).stdout


def text(pdf: bytes, page: int | None = None, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return _with_file(pdf, args)


def page_count(pdf: bytes) -> int:
    info = _with_file(pdf, ["pdfinfo"])
    return int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))


@dataclass(frozen=True)
class FontRow:
    name: str
    type: str
    embedded: bool


def fonts(pdf: bytes) -> list[FontRow]:
    rows = []
    for line in _with_file(pdf, ["pdffonts"]).splitlines()[2:]:
        # columns: name type... encoding emb sub uni object ID
        parts = line.split()
        rows.append(FontRow(name=parts[0], type=" ".join(parts[1:-6]), embedded=parts[-5] == "yes"))
    return rows


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x_min: float
    y_min: float  # from the top of the page
    x_max: float
    y_max: float


def words(pdf: bytes) -> tuple[list[Word], tuple[float, float]]:
    out = _with_file(pdf, ["pdftotext", "-bbox"])
    result: list[Word] = []
    page = 0
    size = (0.0, 0.0)
    for line in out.splitlines():
        page_match = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', line)
        if page_match:
            page += 1
            size = (float(page_match.group(1)), float(page_match.group(2)))
            continue
        word_match = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                               r'yMax="([\d.]+)">(.*)</word>', line)
        if word_match:
            x0, y0, x1, y1 = (float(word_match.group(i)) for i in range(1, 5))
            result.append(Word(page, word_match.group(5), x0, y0, x1, y1))
    return result, size


def save_for_inspection(pdf: bytes, name: str) -> Path:
    path = Path(tempfile.gettempdir()) / name
    path.write_bytes(pdf)
    return path
