"""Tables, figure captions and pictures as blocks.

A data table becomes one ``TABLE`` block with its cells, its ``<caption>`` a ``CAPTION``
before it. A figure's caption is a ``CAPTION``: a ``<figcaption>``, or an element a site names
a caption ("wp-caption-text") that holds no picture itself; its photo credit ("... Crédit :
Sodiatec") becomes a caption of its own, which the cleaner's credit rules judge by themselves.
A picture whose alt text says something is an ``IMAGE`` block (its text is the alt text). A
caption or an alt text is given once per reading: not again under the next photo, not as both
the alt text and the caption, and not at all when it has no letter (a gallery's counter, "6").
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from lire.model import Block, BlockKind
from lire.sanitize import sanitize_line

__all__ = ["Pictures", "is_caption", "is_standalone", "table_blocks"]

# Alt text that says nothing about the picture.
_EMPTY_ALT = re.compile(
    r"^(?:image|img|photo|picture|logo|icon|banner|thumbnail|placeholder|avatar|spacer)?"
    r"[\s\d_-]*$|\.(?:jpe?g|png|gif|webp|svg|avif)$",
    re.IGNORECASE,
)
# Alt text that is a file's name: a size ("1920x1080", "2880x1120px"), a hash, a camera's or a
# screen capture's name ("IMG 2041", "2022 10 13 16.40.26"), a design tool's copy ("Copy 2 1").
_FILE_NAME_ALT = re.compile(
    r"\b\d{2,5}\s?[x×]\s?\d{2,5}(?:px)?\b|\b[0-9a-f]{16,}\b|^(?:img|dsc|dscn|pxl|screenshot|"
    r"screen shot)[\s_-]?\d|^\d{4}[\s_-]\d{2}[\s_-]\d{2}[\s_-]\d{2}|\bcopy(?:\s\d+)+$",
    re.IGNORECASE,
)
MIN_ALT_WORDS = 2
MIN_ALT_CHARS = 8
_FIGURE_DEPTH = 2  # an image this many wrappers below a <figure> is still its picture
_CLASS_WORD = re.compile(r"[^a-z0-9]+")
# Where a caption's photo credit starts, after the end of a sentence.
_CREDIT = re.compile(
    r"(?<=[.!?»”)])\s+(?=(?:crédits?|credits?|crédito|photos?|fotos?|bild|beeld|imagen|imagem|"
    r"images?|illustrations?|quelle|source)(?: (?:photos?|foto))? ?:|©)",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Pictures:
    """The captions and alt texts a reading has given so far."""

    seen: set[str] = field(default_factory=set)

    def caption(self, text: str) -> list[Block]:
        """The blocks of a caption: none when it says nothing new, else the caption and its
        credit apart."""
        if not text or not self._new(text):
            return []
        return [Block(BlockKind.CAPTION, part) for part in _CREDIT.split(text, maxsplit=1)]

    def image(self, image: HtmlElement) -> list[Block]:
        """An ``IMAGE`` block for ``image`` when its alt text says something new."""
        alt = sanitize_line(image.get("alt") or "")
        says = len(alt.split()) >= MIN_ALT_WORDS or len(alt) >= MIN_ALT_CHARS  # CJK: no spaces
        named = _EMPTY_ALT.search(alt) or _FILE_NAME_ALT.search(alt)
        if says and not named and self._new(alt):
            return [Block(BlockKind.IMAGE, alt)]
        return []

    def _new(self, text: str) -> bool:
        key = " ".join(text.casefold().split())
        if not any(character.isalpha() for character in text) or key in self.seen:
            return False
        self.seen.add(key)
        return True


def is_caption(element: HtmlElement) -> bool:
    """A caption outside ``<figcaption>``: an element named a caption ("wp-caption-text")
    holding text but no picture (the wrapper around a picture and its caption is not one)."""
    names = element.get("class")
    if not names or "caption" not in names.lower():
        return False
    words = _CLASS_WORD.split(names.lower())
    return "caption" in words and next(element.iter("img", "picture", "figure"), None) is None


def is_standalone(image: HtmlElement) -> bool:
    """An image that stands as a block: a figure's picture (maybe inside a link or a
    ``<picture>``), not an icon in running text."""
    for level, ancestor in enumerate(image.iterancestors()):
        if ancestor.tag == "figure":
            return True
        if level >= _FIGURE_DEPTH or ancestor.tag not in ("a", "picture", "span", "div"):
            return False
    return False


def table_blocks(
    element: HtmlElement, *, skipped: Collection[str], containers: Collection[str]
) -> list[Block]:
    """A data table as one ``TABLE`` block, its caption before it as a ``CAPTION``; the text
    of ``skipped`` elements is left out of a cell, ``containers`` end a word in it."""
    blocks: list[Block] = []
    caption = element.find("caption")
    if caption is not None and (text := sanitize_line(caption.text_content())):
        blocks.append(Block(BlockKind.CAPTION, text))
    rows: list[tuple[str, ...]] = []
    header = False
    for row in element.iter("tr"):
        cells = [cell for cell in row if cell.tag in ("td", "th")]
        texts = tuple(_cell_text(cell, skipped, containers) for cell in cells)
        if not any(texts):
            continue
        if not rows:
            header = all(cell.tag == "th" for cell in cells) or row.getparent().tag == "thead"
        rows.append(texts)
    if rows:
        width = max(len(row) for row in rows)
        rows = [row + ("",) * (width - len(row)) for row in rows]
        text = "\n".join("\t".join(cell for cell in row) for row in rows)
        blocks.append(Block(BlockKind.TABLE, text, rows=tuple(rows), header=header))
    return blocks


def _cell_text(cell: HtmlElement, skipped: Collection[str], containers: Collection[str]) -> str:
    """A cell's text on one line, ruby annotations left out."""
    pieces = [cell.text or ""]
    for child in cell:
        if isinstance(child.tag, str) and child.tag not in skipped:
            pieces.append(_cell_text(child, skipped, containers))
            pieces.append(" " if child.tag in containers or child.tag == "br" else "")
        pieces.append(child.tail or "")
    return sanitize_line("".join(pieces))
