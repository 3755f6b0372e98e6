"""Word wrap for the article's plain paragraphs, a line at a time instead of a word at a time.

Rich wraps a Text word by word in Python (``rich._wrap.divide_line``); on a 100,000-word article
that was most of the quarter of a second a full layout took, and a key that needed the whole
layout (``G`` before the background layout was done, a new width, link numbers) waited that
long. Here one regular expression finds each line's last word that fits, which gives the very
breaks rich gives, for text whose characters are one cell wide each, on one line, with no word
longer than the line. Anything else (code, tables, wide or combining characters, a word to
fold) is rich's to wrap: ``wrapped_lines`` then answers None.
"""

from __future__ import annotations

import functools
import re

from rich.cells import cell_len
from rich.console import Console
from rich.segment import Segment
from rich.text import Text

__all__ = ["line_count", "wrapped_lines"]

_SPACES = re.compile(r"\s*")
_KNOWN = 4096  # characters whose width is remembered (a page could hold every one)
_ONE_CELL: set[str] = set()  # characters known to be one cell wide
_OTHER_WIDTH: set[str] = set()  # and known not to be


def _one_cell_each(plain: str) -> bool:
    """Whether every character of ``plain`` is one cell wide (as rich measures them)."""
    if plain.isascii() and plain.isprintable():  # every printable ASCII character is
        return True
    characters = set(plain)
    if characters <= _ONE_CELL:
        return True
    for character in characters - _ONE_CELL:
        if character in _OTHER_WIDTH:
            return False
        one = (character.isprintable() or character.isspace()) and cell_len(character) == 1
        if len(_ONE_CELL) + len(_OTHER_WIDTH) < _KNOWN:
            (_ONE_CELL if one else _OTHER_WIDTH).add(character)
        if not one:
            return False
    return True


@functools.lru_cache(maxsize=16)
def _line_end(width: int) -> re.Pattern[str]:
    """From a line's start, the furthest end of a word within ``width`` cells."""
    return re.compile(rf".{{0,{width - 1}}}\S(?=\s|\Z)")


def _breaks(plain: str, width: int) -> list[int] | None:
    """Where rich breaks ``plain`` into lines of ``width`` (each line starts at a word, the
    spaces before it end the line above), or None when a word is longer than the line."""
    line_end, start, length = _line_end(width), 0, len(plain)
    breaks: list[int] = []
    while True:
        found = line_end.match(plain, start)
        if found is None:
            return None if plain[start:].strip() else breaks
        spaces = _SPACES.match(plain, found.end())
        start = spaces.end() if spaces is not None else found.end()
        if start >= length:
            return breaks
        breaks.append(start)


def line_count(plain: str, width: int) -> int | None:
    """How many lines ``wrapped_lines`` gives a Text of ``plain`` (wrapped as a Text is by
    default) at ``width``, without making them; None when rich must wrap it."""
    if "\n" in plain or "\t" in plain or not _one_cell_each(plain):
        return None
    breaks = _breaks(plain, width)
    if breaks is None:
        return None
    return len(breaks) + 1 if plain else 0


def wrapped_lines(body: Text, console: Console, width: int) -> list[str | list[Segment]] | None:
    """``body`` wrapped to ``width`` cells, or None when rich must wrap it (see the module doc):
    each line's text where the body's style is all there is to it, else the line's segments as
    rich renders them (trailing spaces past the width cut, as rich does)."""
    plain = body.plain
    if (
        body.no_wrap
        or body.overflow not in (None, "fold")
        or body.justify not in (None, "default", "left")
        or "\n" in plain
        or "\t" in plain
        or not _one_cell_each(plain)
    ):
        return None
    breaks = _breaks(plain, width)
    if breaks is None:
        return None
    if not plain:
        return []  # as rich: no line at all
    if not body.spans:  # one style: each line is a slice of the text
        spans = zip([0, *breaks], [*breaks, len(plain)], strict=True)
        return [plain[start:end][:width] for start, end in spans]
    style = console.get_style(body.style) if body.style else None
    lines: list[str | list[Segment]] = []
    for line in body.divide(breaks):
        if len(line) > width:  # only spaces go past the width: rich drops them
            line.right_crop(len(line) - width)
        if line.spans:  # the body's style under the spans', as rich combines them
            lines.append(list(line.render(console, end="")))
        else:  # (Text.render would leave the body's style out)
            lines.append([Segment(line.plain, style)] if line.plain else [])
    return lines
