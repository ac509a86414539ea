"""Chinese text helpers for documents: dates in Chinese, markup escaping, line-breaking rules."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Sequence
from xml.sax.saxutils import escape

from reportlab.lib import textsplit
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.rl_config import _FUZZ

_DIGITS = "〇一二三四五六七八九"

# Closing punctuation that must never start a line in Chinese typesetting (避头点).
# ReportLab's own list (textsplit.ALL_CANNOT_START) lacks the full-width comma, colon,
# semicolon, question/exclamation marks, closing book-title marks and quotes.
CHINESE_CANNOT_START_LINE = "，。、；：！？）」』》〉】〕〗〙〛”’…·％‰℃°～,.;:!?)]}"
# Opening punctuation that must never end a line (避尾点).
CHINESE_CANNOT_END_LINE = "（「『《〈【〔〖〘〚“‘([{"

_cannot_start: frozenset[str] = frozenset(CHINESE_CANNOT_START_LINE)
_cannot_end: frozenset[str] = frozenset(CHINESE_CANNOT_END_LINE)


def _is_word_char(ch: str) -> bool:
    """Latin letters/digits that belong to one unbreakable word (ID numbers, e-mail, 110002)."""
    return ch.isascii() and (ch.isalnum() or ch in "-_.@/%+")


def break_position(chars: Sequence[str], start: int, overflow: int) -> int:
    """Where to end a line that starts at ``start`` when ``chars[overflow]`` no longer fits.

    Moves the break left so that (a) a Latin word or number is not cut, (b) the next line
    does not start with closing punctuation and (c) this line does not end with opening
    punctuation. Always returns a position > ``start`` so every line makes progress.
    """
    cut = overflow
    if _is_word_char(chars[cut]) and _is_word_char(chars[cut - 1]):
        word_start = cut
        while word_start > start and _is_word_char(chars[word_start - 1]):
            word_start -= 1
        if word_start > start:
            cut = word_start

    def bad(position: int) -> bool:
        return chars[position] in _cannot_start or chars[position - 1] in _cannot_end

    candidate = cut
    while candidate > start + 1 and bad(candidate):
        candidate -= 1
    if not bad(candidate):
        cut = candidate
    return cut


def _width_of(width: Any, max_width: float) -> float:
    if hasattr(width, "normalizedValue"):
        width._normalizer = max_width
        return width.normalizedValue(max_width)
    return width


def _dumb_split(word: str, widths: Sequence[float], max_widths: Any) -> list[list[Any]]:
    """Replacement for ``textsplit.dumbSplit`` (single-font paragraphs) with Chinese rules."""
    if not isinstance(max_widths, (list, tuple)):
        max_widths = [max_widths]
    lines: list[list[Any]] = []
    start = 0
    total = len(word)
    while start < total:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        position = start
        while position < total:
            used += widths[position]
            if used > max_width + _FUZZ and position > start:
                break
            position += 1
        if position >= total:
            lines.append([max_width - sum(widths[start:total]), word[start:total]])
            break
        cut = break_position(word, start, position)
        lines.append([max_width - sum(widths[start:cut]), word[start:cut].strip()])
        start = cut
        while start < total and word[start] == " ":
            start += 1
    return lines


def _cjk_frag_split(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool,
                    encoding: str = "utf8") -> Any:
    """Replacement for ``paragraph.cjkFragSplit`` (mixed-font paragraphs) with Chinese rules."""
    glyphs: list[Any] = []
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            glyphs.extend(rl_paragraph.cjkU(ch, frag, encoding) for ch in text)
        else:
            glyphs.append(rl_paragraph.cjkU(text, frag, encoding))
    lines: list[Any] = []
    start = 0
    total = len(glyphs)
    while start < total:
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        used = 0.0
        position = start
        forced = False
        end = total
        while position < total:
            glyph = glyphs[position]
            if hasattr(glyph.frag, "lineBreak"):
                end, forced = position + 1, True
                break
            used += _width_of(glyph.width, max_width)
            if used > max_width + _FUZZ and position > start:
                end = break_position(glyphs, start, position)
                break
            position += 1
        width_used = sum(_width_of(g.width, max_width) for g in glyphs[start:end])
        lines.append(rl_paragraph.makeCJKParaLine(glyphs[start:end], max_width, width_used,
                                                  max_width - width_used, forced, calc_bounds))
        start = end
    return rl_paragraph.ParaLines(kind=1, lines=lines)


def install_chinese_line_breaking() -> None:
    """Teach ReportLab's CJK wrapping the Chinese rules (idempotent, process-wide).

    Extends the no-line-start set, and replaces the two CJK splitters so that a pair such as
    "）。" or "”，" is never split with the second mark starting a line (ReportLab hangs at
    most one mark), opening marks never end a line and Latin words/numbers are not cut.
    """
    current = rl_paragraph.ALL_CANNOT_START
    missing = "".join(ch for ch in CHINESE_CANNOT_START_LINE if ch not in current)
    if missing:
        # paragraph.py imported the name, so both module globals need the new value.
        rl_paragraph.ALL_CANNOT_START = current + missing
        textsplit.ALL_CANNOT_START = current + missing
    textsplit.dumbSplit = _dumb_split
    rl_paragraph.cjkFragSplit = _cjk_frag_split


def chinese_number(n: int) -> str:
    """1..99 as written in dates: 十、十一、二十、三十一."""
    if not 0 < n < 100:
        raise ValueError(f"只能转换 1 至 99 的数字，收到 {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "十" if tens == 1 else _DIGITS[tens] + "十"
    return head + (_DIGITS[ones] if ones else "")


def chinese_date(day: date) -> str:
    """公文成文日期：2026-11-24 → 二〇二六年十一月二十四日."""
    year = "".join(_DIGITS[int(d)] for d in f"{day.year:04d}")
    return f"{year}年{chinese_number(day.month)}月{chinese_number(day.day)}日"


def numeric_date(day: date | None, blank: str = "____年__月__日") -> str:
    """2026年11月24日 (Arabic digits, used inside forms); a blank to fill by hand if None."""
    if day is None:
        return blank
    return f"{day.year}年{day.month}月{day.day}日"


def numeric_datetime(moment: datetime | None, blank: str = "____年__月__日__时__分") -> str:
    if moment is None:
        return blank
    return f"{moment.year}年{moment.month}月{moment.day}日{moment.hour}时{moment.minute:02d}分"


def markup(text: str | None) -> str:
    """Plain user text → ReportLab paragraph markup (escaped, newlines kept)."""
    if not text:
        return ""
    lines = escape(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    return "<br/>".join(lines)


def or_blank(text: str | None, width: int = 8) -> str:
    """Value or an underscore blank to be filled by hand."""
    return text if text else "_" * width
