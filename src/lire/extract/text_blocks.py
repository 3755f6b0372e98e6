"""Plain text -> (title, blocks): text pasted from a page, or a saved text file.

Chunks are separated by blank lines. Inside a chunk, lines of similar length that are not
markers are one hard-wrapped paragraph and are joined; otherwise every line is its own block
(a page copied as text has one paragraph per line), except that a wide line that stops
mid-sentence goes on in the lines after it that start in lower case, as far as one that ends the
sentence (a post written with hard line breaks and no blank lines between its paragraphs), and,
in a text wrapped at an editor's width, so does a line the next one's first word would not have
fitted on; a list item goes on in the lines indented under it the same way.
"- ", "* ", "• ", "1. ", "1) " start list items, "> " quotes, "# " Markdown headings. The first
line is the title when it looks like one; a short line with no final punctuation between two
long paragraphs is a subheading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

from lire.model import Block, BlockKind
from lire.sanitize import sanitize

__all__ = ["text_blocks"]

_BULLET = re.compile(r"^(\s*)(?:[-*•‣◦]|(\d{1,4})[.)])\s+(?=\S)")
_QUOTE = re.compile(r"^\s*>\s?")
_HEADING = re.compile(r"^(#{1,6})\s+(?=\S)")
# A line ending so continues or ends a sentence: not a title. "?", "!" and closing quotes may
# end a title ("Pourquoi les sites vous demandent de les « suivre »").
_FINAL_PUNCTUATION = tuple(".:;,…")
_TITLE_MAX_CHARS = 150
_TITLE_MAX_LEAD = 2  # short sentences that may stand above the title
_LEAD_MAX_CHARS = 100
_SUBHEADING_MAX_CHARS = 100
_LONG_PARAGRAPH = 120
_WRAP_MIN_LINES = 3  # two lines go together only when the second goes on in lower case
_WRAP_MIN_WIDTH = 40
_WRAP_MAX_WIDTH = 100  # editors and mail clients wrap at 72-80 columns; pasted pages do not
_SENTENCE_END = tuple('.!?:…»"”')
_BROKEN_WORD = re.compile(r"\w-$")  # a compound broken at its hyphen
_OPEN_END = tuple(",;-–—")  # a line so ended goes on
_INNER_END = re.compile(r"[.!?…]\s")  # a sentence ends inside the line
_WRAP_RATIO = 0.6
_WIDTH_SLACK = 12  # a line this close to the widest one may have been broken by the wrap
_WIDTH_SHARE = 0.3  # of the lines of 20 characters or more: that many so close tell a wrap width
_BROKEN_LINES = 10  # lines broken mid-sentence that tell a text broken anywhere: this many
_BROKEN_SHARE = 0.5  # and this share of its line breaks (a menu of lower-case entries has fewer)


@dataclass(frozen=True, slots=True)
class _Wrap:
    """How the text's lines were broken: the width it was wrapped at (None: not wrapped),
    whether its lines break anywhere in its sentences, and the line that may be its title."""

    width: int | None
    broken: bool
    heading: str | None


@dataclass(frozen=True, slots=True)
class _Line:
    """A candidate block: its text, whether a marker fixed its kind, the width of the line it
    came from (marker and indent included), and whether that line was indented."""

    block: Block
    marked: bool
    width: int = 0
    indented: bool = False


def text_blocks(text: str) -> tuple[str | None, tuple[Block, ...]]:
    """The title (or ``None``) and the blocks of ``text``."""
    lines: list[_Line] = []
    clean = sanitize(text).replace("\r", "")
    raw = clean.split("\n")
    said = [line.strip() for line in raw if line.strip()]  # the lines that hold text
    wrap = _Wrap(_wrap_width(raw), _is_broken(said), _title_line(said))
    for chunk in re.split(r"\n\s*\n", clean):
        lines.extend(_chunk_lines(chunk, wrap))
    title, lines = _take_title(lines)
    return title, tuple(_subheadings(lines))


def _wrap_width(lines: list[str]) -> int | None:
    """The width ``lines`` were wrapped at, if they were: the widest is editor-like and many come
    close to it (a page copied as text has lines of every length, most far wider)."""
    widths = [len(line.rstrip().expandtabs()) for line in lines]
    widths = [width for width in widths if width >= 20]
    if not widths:
        return None
    widest = max(widths)
    close = sum(1 for width in widths if width >= widest - _WIDTH_SLACK)
    wrapped = close >= _WRAP_MIN_LINES and close >= _WIDTH_SHARE * len(widths)
    return widest if wrapped and _WRAP_MIN_WIDTH <= widest <= _WRAP_MAX_WIDTH else None


def _title_line(lines: list[str]) -> str | None:
    """The line of ``lines`` (stripped, none empty) that may be the title (see ``_take_title``):
    the first that is no short sentence, after at most ``_TITLE_MAX_LEAD`` of them."""
    for line in lines[: _TITLE_MAX_LEAD + 1]:
        if len(line) > _LEAD_MAX_CHARS or not line.endswith(_SENTENCE_END):
            return line
    return None


def _is_broken(lines: list[str]) -> bool:
    """Whether ``lines`` (stripped, none empty) break anywhere in their sentences (copied from a
    PDF, a post written with a line break wherever its author pleased): many lines that end no
    sentence go on in a line that starts in lower case."""
    breaks = sum(
        1
        for line, following in pairwise(lines)
        if not line.endswith(_SENTENCE_END) and following[:1].islower()
    )
    return breaks >= _BROKEN_LINES and breaks >= _BROKEN_SHARE * (len(lines) - 1)


def _chunk_lines(chunk: str, wrap: _Wrap) -> list[_Line]:
    raw = [line for line in chunk.split("\n") if line.strip()]
    if _is_hard_wrapped(raw):
        return [_Line(Block(BlockKind.PARAGRAPH, " ".join(line.strip() for line in raw)), False)]
    lines = _rejoined([_line(line) for line in raw], wrap)
    return [line for line in lines if line.block.text]  # a bare marker (">", "#") holds no text


def _rejoined(lines: list[_Line], wrap: _Wrap) -> list[_Line]:
    """The lines with each sentence broken across lines joined back: a plain line at least
    ``_WRAP_MIN_WIDTH`` wide that stops mid-sentence goes on in the next plain line when that
    one starts in lower case, as far as a line that ends the sentence (a post written with hard
    line breaks, pasted without blank lines between its paragraphs: "...bicampeón de América
    tras" / "vencer por 1 a 0 a Colombia."). Lines that never reach a sentence's end stay apart:
    list items, "previous" and "next" links. In a text wrapped at ``width`` a line also goes on
    from a full one (see ``_goes_on``: "...for addresses. A" / "USB 3 gigabit adapter..."), a
    run of full lines is joined even when it ends no sentence (a title wrapped over two lines),
    and a list item takes the lines indented under it that go on from it."""
    joined: list[_Line] = []
    run: list[_Line] = []
    for line in [*lines, None]:
        opening = len(run) == 1  # the run's first line
        title = bool(run) and run[0].block.text == wrap.heading  # the title's run
        if line is not None and run and _goes_on(run[-1], line, wrap, opening, title=title):
            run.append(line)  # only the last line of a run may end a sentence
            continue
        ended = bool(run) and run[-1].block.text.endswith(_SENTENCE_END)
        if len(run) > 1 and (ended or _wrapped(run, wrap.width)):
            whole = _joined(part.block.text for part in run)
            run = [_Line(replace(run[0].block, text=whole), run[0].marked, run[-1].width)]
        joined.extend(run)
        run = [line] if line is not None else []
    return joined


def _joined(parts: Iterable[str]) -> str:
    """The lines of a broken sentence as one: a word broken at its hyphen ("casse-" / "tête")
    is whole again."""
    whole = ""
    for part in parts:
        whole += part if _BROKEN_WORD.search(whole) else f" {part}" if whole else part
    return whole


def _wrapped(run: list[_Line], width: int | None) -> bool:
    """Whether every line of ``run`` but the last is full at ``width`` (a title wrapped over two
    lines ends with no sentence's end)."""
    pairs = pairwise(run)
    return width is not None and all(_is_full(a.width, b.block.text, width) for a, b in pairs)


def _goes_on(before: _Line, line: _Line, wrap: _Wrap, opening: bool, *, title: bool) -> bool:
    """Whether ``line`` continues the sentence ``before`` broke off (see ``_rejoined``): a
    short line goes on from a long one only when it ends the sentence ("by Ann Lee" after a
    headline is a byline); in a text wrapped at ``width``, a line goes on from a full one (see
    ``_is_full``) when it starts in lower case; one that starts otherwise, when a sentence ended
    in the full one, or (not in the ``title``'s run) that one went on from another or ends in
    lower case, a digit or a comma ("...fordern vor allem Bayern," / "Sachsen und..."; not a
    footer's "Aviso legal | Contacto" / "© 2024 El Diario del Sur"). In a text broken anywhere
    (``_is_broken``), a line that starts in lower case goes on from any that ends no sentence,
    and, when no wrap width tells full lines, one that starts otherwise from one inside a run
    that ends in lower case, a digit or a comma."""
    text, following = before.block.text, line.block.text
    if line.marked or not text or text.endswith(_SENTENCE_END):
        return False
    if before.marked and not (line.indented and before.block.kind is BlockKind.LIST_ITEM):
        return False  # an item goes on in the lines indented under it, a quote or heading not
    if text.split()[-1].startswith(("http", "www.")):  # a long line is no blank
        return False
    lower = following[:1].islower()
    open_end = text[-1].islower() or text[-1].isdigit() or text.endswith(_OPEN_END)
    capital = bool(_INNER_END.search(text)) or (not title and (open_end or not opening))
    width = wrap.width
    if wrap.broken and (lower or (width is None and capital and not opening and open_end)):
        return True
    if width is not None and _is_full(before.width, following, width) and "|" not in text:
        return lower or capital
    return (
        len(text) >= _WRAP_MIN_WIDTH
        and following[:1].islower()
        and (len(following) >= _WRAP_MIN_WIDTH or following.endswith(_SENTENCE_END))
    )


def _is_full(width: int, following: str, wrap: int) -> bool:
    """Whether a line ``width`` wide was broken by a wrap at ``wrap`` columns: it comes close to
    them, or the next line's first word would not have fitted on it."""
    first = following.split(None, 1)[:1]
    return width >= wrap - _WIDTH_SLACK or width + 1 + len(first[0] if first else "") > wrap


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Several lines of similar, editor-like width, not each a sentence, none a marker (looked
    for last: the widths of a chunk of short lines, a menu, tell it is not wrapped)."""
    if len(lines) < _WRAP_MIN_LINES:
        return False
    widths = [len(line.strip()) for line in lines[:-1]]
    widest = max(widths)
    return (
        _WRAP_MIN_WIDTH <= widest <= _WRAP_MAX_WIDTH
        and min(widths) >= _WRAP_RATIO * widest
        and len(lines[-1].strip()) <= widest + 2
        and not all(line.rstrip().endswith(_SENTENCE_END) for line in lines[:-1])
        and not any(_is_marked(line) for line in lines)
    )


def _is_marked(line: str) -> bool:
    return bool(_BULLET.match(line) or _QUOTE.match(line) or _HEADING.match(line))


def _line(line: str) -> _Line:
    width = len(line.rstrip().expandtabs())
    if line[:1].isalpha():  # every marker starts with a space, a digit or a sign
        return _Line(Block(BlockKind.PARAGRAPH, line.strip()), False, width)
    if match := _HEADING.match(line):
        heading = Block(BlockKind.HEADING, line[match.end() :].strip(), len(match[1]))
        return _Line(heading, True, width)
    if match := _BULLET.match(line):
        depth = 1 + len(match[1].expandtabs(4)) // 2
        ordinal = int(match[2]) if match[2] else None
        text = line[match.end() :].strip()
        return _Line(Block(BlockKind.LIST_ITEM, text, depth, ordinal=ordinal), True, width)
    if match := _QUOTE.match(line):
        return _Line(Block(BlockKind.QUOTE, line[match.end() :].strip()), True, width)
    return _Line(Block(BlockKind.PARAGRAPH, line.strip()), False, width, indented=True)


def _take_title(lines: list[_Line]) -> tuple[str | None, list[_Line]]:
    """The title line and the other lines.

    The title is the first line when it looks like one, or the first that does after at most
    ``_TITLE_MAX_LEAD`` short sentences (a meter or paywall notice pasted above it).
    """
    for index, line in enumerate(lines[: _TITLE_MAX_LEAD + 1]):
        if _is_title(line, lines[index + 1 : index + 4]):
            return line.block.text, lines[:index] + lines[index + 1 :]
        if not _is_lead_sentence(line):
            break
    return None, lines


def _is_title(line: _Line, following: list[_Line]) -> bool:
    block = line.block
    if block.kind is BlockKind.HEADING and block.level == 1:
        return True
    return (
        not line.marked
        and len(block.text) <= _TITLE_MAX_CHARS
        and not block.text.endswith(_FINAL_PUNCTUATION)
        and any(len(other.block.text) > len(block.text) for other in following)
    )


def _is_lead_sentence(line: _Line) -> bool:
    text = line.block.text
    return not line.marked and len(text) <= _LEAD_MAX_CHARS and text.endswith(_SENTENCE_END)


def _subheadings(lines: list[_Line]) -> list[Block]:
    """Plain lines that read as subheadings between two long paragraphs become headings."""
    blocks = [line.block for line in lines]
    long = [len(block.text) >= _LONG_PARAGRAPH for block in blocks]  # most lines are not
    for index in range(1, len(lines) - 1):
        between = long[index - 1] and long[index + 1]
        if between and not lines[index].marked and _is_subheading(*blocks[index - 1 : index + 2]):
            blocks[index] = Block(BlockKind.HEADING, blocks[index].text, 2)
    return blocks


def _is_subheading(before: Block, block: Block, after: Block) -> bool:
    """Whether ``block``, between two long ones, reads as a subheading between paragraphs."""
    text = block.text
    return (
        block.kind is BlockKind.PARAGRAPH
        and len(text) <= _SUBHEADING_MAX_CHARS
        and text[:1].isupper()
        and not text.endswith(_FINAL_PUNCTUATION)
        and before.kind is BlockKind.PARAGRAPH
        and after.kind is BlockKind.PARAGRAPH
    )
