"""What the site memory's snapshot changes in a cleaning.

The blocks the user restored on the site are kept (``user_kept``; a block keeps all its text
when the user restored its cut tail or every part of it, ``keep_restored_parts``), the blocks
the user marked as the site's boilerplate go (``user_marked``), and the blocks seen in two other
articles of the site go at the article's edges, within bounds (``mark_learned``). Pure: the
snapshot is a frozen ``SiteMemory``; the block cleaner (``lire.clean.blocks``) applies the marks.
"""

from __future__ import annotations

from collections.abc import Sequence

from lire.clean.classify import ARTICLE_WORDS, Verdict
from lire.clean.restore import USER_MARKED
from lire.model import Block, BlockKind, SiteMemory
from lire.text.fingerprint import fingerprint

__all__ = [
    "LEARNED_MAX_SHARE",
    "REPEAT_MIN_WORDS",
    "keep_restored_parts",
    "mark_learned",
    "user_kept",
    "user_marked",
]

REPEAT_MIN_WORDS = 3  # one- or two-word lines are structure ("Conclusion"), never a repeat
LEARNED_SAME_ARTICLE_SHARE = 0.5  # seen blocks holding more of the words: the same article again
LEARNED_MAX_SHARE = 0.4  # learned removals take at most this share of the words the rules left


def mark_learned(
    blocks: Sequence[Block], marks: dict[int, str], kept: set[int], memory: SiteMemory
) -> None:
    """Mark the blocks seen in two other articles of the site, at the article's edges only.

    Not headings nor one- or two-word lines: a site's articles share them as structure
    ("Conclusion", "Key facts"); they are passed over, not removed. Learning never erases an
    article: when the seen blocks hold most of its words, it is the same article read again
    (under another address), and nothing goes; a learned removal is taken only from the run of
    removable blocks that starts the article or ends it, never from between two blocks of its
    body; two paragraphs of article length in a row at an edge are the article's own (an
    updated story read again), and nothing goes from that edge; and learned removals stop
    before they take ``LEARNED_MAX_SHARE`` of its words.
    """
    words = [len(block.text.split()) for block in blocks]
    seen = {i for i, block in enumerate(blocks) if fingerprint(block.text) in memory.seen}
    eligible = {
        i
        for i in seen - kept - marks.keys()
        if blocks[i].kind is not BlockKind.HEADING and words[i] >= REPEAT_MIN_WORDS
    }
    left = sum(count for i, count in enumerate(words) if i not in marks)
    if not eligible or sum(words[i] for i in eligible) > LEARNED_SAME_ARTICLE_SHARE * left:
        return
    budget = LEARNED_MAX_SHARE * left
    for order in (range(len(blocks)), range(len(blocks) - 1, -1, -1)):
        if _prose_run(order, eligible, words, marks):
            continue  # the article's own paragraphs, read before: an updated story
        for i in order:
            if i in eligible and words[i] <= budget and i not in marks:
                marks[i] = "learned/site-repeat"
                budget -= words[i]
            elif not (i in marks or (i in seen and i not in kept)):
                break  # the article's body starts here: nothing learned goes past it


def _prose_run(
    order: Sequence[int], eligible: set[int], words: Sequence[int], marks: dict[int, str]
) -> bool:
    """True when the run of learnable blocks at this edge holds two paragraphs of article
    length in a row: a site repeats a line, a box, a blurb; two paragraphs running on are the
    article's own, seen before under another address (its update, a live blog's next read)."""
    long_before = False
    for i in order:
        if i in marks:
            continue
        if i not in eligible:
            return False
        long = words[i] >= ARTICLE_WORDS
        if long and long_before:
            return True
        long_before = long
    return False


def keep_restored_parts(
    blocks: Sequence[Block],
    verdicts: list[Verdict],
    kept: set[int],
    memory: SiteMemory | None,
) -> None:
    """A block keeps all its text when the user restored its cut tail, or every part of it
    (the cleaner keeps only the restored parts of a block removed in parts)."""
    if memory is None or not memory.kept:
        return
    for i, verdict in enumerate(verdicts):
        text = blocks[i].text
        pieces = [piece for _, piece in verdict.segments(text)] if verdict.parts else []
        tail = text[verdict.cut :].strip() if verdict.cut is not None else None
        if (tail is not None and fingerprint(tail) in memory.kept) or (
            pieces and all(fingerprint(piece) in memory.kept for piece in pieces)
        ):
            kept.add(i)
            verdicts[i] = Verdict(verdict.words)


def user_marked(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], memory: SiteMemory | None
) -> dict[int, str]:
    """The blocks the user marked as the site's boilerplate, under the rule that says so; a
    block whose tail the rules cut is known by what was left of it, as the user saw it."""
    if memory is None or not memory.marked:
        return {}
    return {
        i: USER_MARKED
        for i, (block, verdict) in enumerate(zip(blocks, verdicts, strict=True))
        if fingerprint(block.text if verdict.cut is None else block.text[: verdict.cut].rstrip())
        in memory.marked
    }


def user_kept(blocks: Sequence[Block], memory: SiteMemory | None) -> set[int]:
    """The blocks the user restored on this site: never removed."""
    if memory is None or not memory.kept:
        return set()
    return {i for i, block in enumerate(blocks) if fingerprint(block.text) in memory.kept}
