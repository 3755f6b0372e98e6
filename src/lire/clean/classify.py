"""Block classification: what the phrase rules and the shape say about one block.

A block is split into sentences; each sentence, with its quoted words masked, is matched
against the rules a ``Prefilter`` picks for it (by the literal strings their patterns require).
``judge`` turns the sentences' signals into a ``Verdict``: a strong rule that removes the whole
block, a cut where a pitch tail begins, a weak signal (a named weak rule, or a shape: link-only,
all caps, a price, an enumerated perk, a connective line), or nothing. Shared by the block
cleaner (``lire.clean.blocks``) and the DOM pass (``lire.clean.dom``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from lire.clean.prefilter import Prefilter
from lire.clean.rules import Position, Rule, Strength
from lire.clean.shape import SHAPE_MAX_WORDS, shape_signal
from lire.model import Block, BlockKind
from lire.text.sentences import sentence_spans

__all__ = ["ARTICLE_WORDS", "LONG_WORDS", "Verdict", "judge", "judge_inner", "pitch_rule"]

ARTICLE_WORDS = 25  # a block this long without any signal reads as article
LONG_WORDS = 30  # weak signals do not count in a block this long
PROSE_WORDS = 12  # nor in a longer one with a sentence that has no signal at all
CUT_MAX_WORDS = 60  # a pitch tail cut off an article paragraph is at most this long
LONG_BLOCK_WORDS = 100  # beyond this, only the tail of a block is searched for a pitch
LOOSE_WORDS = 20  # a strong block is removed whole when at most this many words carry no signal
QUOTE_SHARE = 0.7  # a quote longer than this share of its sentence is not masked
_QUOTED = re.compile(r"«[^«»]{1,300}»|“[^“”]{1,300}”|„[^„“”]{1,300}[“”]|\"[^\"]{1,300}\"")
_QUOTE_MARKS = '«“„"'  # the opening marks of _QUOTED: without one, no quote to mask
_QUOTE_MARK = re.compile(f"[{_QUOTE_MARKS}]")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the rules and the shape say about one block.

    ``strong`` names the strong rule that removes the whole block, and ``parts`` the offsets and
    rules of its sentences when their categories differ; ``cut`` is the character offset where a
    pitch tail begins (with ``cut_rule``, and ``lead`` the signal the sentences before the cut
    carry, if any); ``weak`` names a weak signal, ``named`` when it comes from a rule of the packs
    rather than the block's shape.
    """

    words: int
    strong: str | None = None
    parts: tuple[tuple[int, str], ...] = ()
    cut: int | None = None
    cut_rule: str | None = None
    weak: str | None = None
    named: bool = False
    lead: str | None = None

    @property
    def article(self) -> bool:
        return self.strong is None and self.weak is None and self.words >= ARTICLE_WORDS

    def segments(self, text: str) -> list[tuple[str, str]]:
        """(rule, text) of each part of ``text`` (this block) removed in parts."""
        ends = [start for start, _ in self.parts[1:]] + [len(text)]
        return [
            (rule, text[start:end].strip())
            for (start, rule), end in zip(self.parts, ends, strict=True)
        ]


def judge(block: Block, screen: Prefilter, *, edge: bool) -> Verdict:
    """The verdict of the rules and of the shape on one block (``edge``: head or tail zone)."""
    words = len(block.text.split())
    if (quick := _unruled(block, words, screen)) is not None:
        return quick
    return _judged(block, words, screen, edge)


def judge_inner(
    block: Block, screen: Prefilter, needles: Sequence[str] | None = None
) -> tuple[Verdict, bool]:
    """The verdict on a block inside the article, and whether it could differ at an edge: only
    when the block holds a needle of an edge-only rule (``judge(..., edge=True)`` would then
    tell); otherwise the edge verdict is this one, and the block need not be judged again.
    ``needles``: the needles of the whole block, when already found."""
    words = len(block.text.split())
    if (quick := _unruled(block, words, screen, needles)) is not None:
        return quick, False
    sensitive: list[bool] = []
    return _judged(block, words, screen, False, sensitive), bool(sensitive)


def _judged(
    block: Block, words: int, screen: Prefilter, edge: bool, sensitive: list[bool] | None = None
) -> Verdict:
    """The verdict of the sentences' signals. Only a strong rule speaks for a block longer
    than ``LONG_WORDS``: its sentences are first searched for one alone, and without one the
    block is prose (what ``_verdict`` would say), its weak signals and shapes unread."""
    text = block.text
    if words > LONG_WORDS:
        found = _parts(text, screen, edge, words, sensitive, strong_only=True)
        if not any(part.strong for part in found):
            return Verdict(words)
    parts = list(_parts(text, screen, edge, words, sensitive))
    return _with_lead(_verdict(block, words, parts), text, screen)


def _with_lead(verdict: Verdict, text: str, screen: Prefilter) -> Verdict:
    """A cut verdict whose head, read alone, carries a signal ("Sign up to Down to Earth, our
    weekly newsletter.": a newsletter named in a short sentence): that signal is its ``lead``."""
    if verdict.cut is None or verdict.lead is not None:
        return verdict
    head = text[: verdict.cut]
    signals = (
        part.weak or (part.strong and part.strong.name)
        for part in _parts(head, screen, False, len(head.split()))
    )
    lead = next((signal for signal in signals if signal), None)
    return verdict if lead is None else replace(verdict, lead=lead)


def _verdict(block: Block, words: int, parts: Sequence[_Part]) -> Verdict:
    text = block.text
    first = next((k for k, part in enumerate(parts) if part.strong), None)
    weak = next((part.weak for part in parts if part.weak and part.named), None)
    shape = None if weak else shape_signal(block, words)
    signalled = [bool(part.strong or part.weak) for part in parts]
    if first is not None:
        rule = parts[first].strong
        assert rule is not None
        tail_words = len(text[parts[first].start :].split())
        if first == 0 and words <= rule.max_words and _unsignalled(text, parts) <= LOOSE_WORDS:
            return Verdict(words, strong=rule.name, parts=_segments(parts))
        if (
            first > 0
            and tail_words <= min(rule.max_words, CUT_MAX_WORDS)
            and all(signalled[first:])
        ):
            if all(signalled[:first]):
                return Verdict(words, strong=rule.name, parts=_segments(parts))
            lead = next((part.weak for part in parts[:first] if part.weak), None)
            return Verdict(words, cut=parts[first].start, cut_rule=rule.name, lead=lead)
    if words > LONG_WORDS or (words > PROSE_WORDS and not all(signalled)):
        return Verdict(words)  # prose: a topic word in it is no pitch
    return Verdict(words, weak=weak or shape, named=weak is not None)


def _unruled(
    block: Block, words: int, screen: Prefilter, needles: Sequence[str] | None = None
) -> Verdict | None:
    """The verdict, without splitting it into sentences, on a short block that holds no rule's
    needle (its shape says all) or a long one with no strong rule's (it is prose); else None.
    ``needles``: the block's, when already found."""
    text = block.text
    if (screen.always or PROSE_WORDS < words <= LONG_WORDS) or (
        screen.underscored and _QUOTE_MARK.search(text) is not None
    ):
        return None
    if needles is None:
        needles = screen.needles_in(text.casefold())
    if words > LONG_WORDS:
        return None if any(n in screen.strong_reach for n in needles) else Verdict(words)
    return None if needles else Verdict(words, weak=shape_signal(block, words))


@dataclass(frozen=True, slots=True)
class _Part:
    """One sentence of a block: where it starts, its strongest rule, its weak signal."""

    start: int
    strong: Rule | None
    weak: str | None
    named: bool  # the weak signal is a rule of the packs, not a shape


def _parts(
    text: str,
    screen: Prefilter,
    edge: bool,
    words: int,
    sensitive: list[bool] | None = None,
    *,
    strong_only: bool = False,
) -> Iterator[_Part]:
    """The sentences of ``text`` with their signals, one by one (``sensitive`` gets an item
    when an edge-only rule could match: the verdict at an edge could differ; ``strong_only``:
    only the strong rules are tried, and no sentence gets a weak signal)."""
    # In a long block only a pitch tail can go: the sentences before it are not searched.
    skip_before = len(text) - _tail_chars(text, CUT_MAX_WORDS) if words > LONG_BLOCK_WORDS else 0
    spans = sentence_spans(text)
    counts = [len(text[a:b].split()) for a, b in spans]
    tails = list(itertools.accumulate(reversed(counts)))[::-1]  # words from each sentence on
    # A rule allows at most ``max_words`` from its sentence on: a sentence tests only the
    # needles whose rules allow the words left, and the needles are found once, in the text
    # from the first sentence that some rule allows.
    reached = next((k for k, tail in enumerate(tails) if tail <= screen.max_reach), None)
    searched_from = max(skip_before, len(text) if reached is None else spans[reached][0])
    needles = screen.needles_in(text[searched_from:].casefold())
    unscreened = bool(screen.always or screen.underscored)
    quoted = _QUOTE_MARK.search(text) is not None
    if sensitive is not None and (
        screen.edge_always
        or not screen.edge_needles.isdisjoint(needles)
        or (quoted and not screen.edge_needles.isdisjoint(screen.underscored))
    ):
        sensitive.append(True)
    for (start, end), tail, count in zip(spans, tails, counts, strict=True):
        sentence = text[start:end].strip()
        if quoted:
            sentence = _mask_quotes(sentence)
            count = len(sentence.split())
        strong: tuple[int, Rule] | None = None
        weak: str | None = None
        live = [needle for needle in needles if screen.reach[needle] >= tail] if needles else []
        searched = (live or unscreened) and start >= skip_before
        for rule in screen.candidates(sentence.casefold(), live) if searched else ():
            if (
                (rule.position is Position.EDGE and not edge)
                or (rule.strength is Strength.WEAK and (strong_only or words > rule.max_words))
                or tail > rule.max_words
            ):
                continue
            if match := rule.pattern.search(sentence):
                span = match.end() - match.start()
                if rule.strength is Strength.WEAK:
                    weak = weak or rule.name
                elif strong is None or span > strong[0]:
                    strong = (span, rule)
        # shape_signal would say None, or is not asked: no Block to build
        unshaped = weak or strong_only or count > SHAPE_MAX_WORDS
        shape = None if unshaped else shape_signal(Block(BlockKind.PARAGRAPH, sentence), count)
        yield _Part(start, strong and strong[1], weak or shape, weak is not None)


def _tail_chars(text: str, words: int) -> int:
    """The length of the shortest tail of ``text`` that holds ``words`` words."""
    count = 0
    for position in range(len(text) - 1, 0, -1):
        if text[position].isspace() and not text[position - 1].isspace():
            count += 1
            if count == words:
                return len(text) - position
    return len(text)


def _unsignalled(text: str, parts: Sequence[_Part]) -> int:
    """How many words of ``text`` are in sentences without any signal."""
    ends = [part.start for part in parts[1:]] + [len(text)]
    return sum(
        len(text[part.start : end].split())
        for part, end in zip(parts, ends, strict=True)
        if not (part.strong or part.weak)
    )


def _mask_quotes(sentence: str) -> str:
    """Hide quoted words: an article that quotes a pitch ("« Abonnez-vous »") is not one."""

    def mask(match: re.Match[str]) -> str:
        quote = match.group()
        if len(quote) > QUOTE_SHARE * len(sentence):
            return quote
        return quote[0] + "_" * (len(quote) - 2) + quote[-1]

    return _QUOTED.sub(mask, sentence)


def _segments(parts: Sequence[_Part]) -> tuple[tuple[int, str], ...]:
    """Split a removed block where the category of its strong sentences changes."""
    segments: list[tuple[int, str]] = []
    for part in parts:
        if part.strong is None:
            continue
        if not segments or segments[-1][1].partition("/")[0] != part.strong.category:
            segments.append((part.start, part.strong.name))
    return ((0, segments[0][1]), *segments[1:])


def pitch_rule(text: str, screen: Prefilter) -> str | None:
    """The strong rule that names ``text`` a pitch through and through, else None.

    The block cleaner would remove ``text`` whole as one block (its edge-only rules aside), the
    whole text is no longer than the matching rule allows a block to be, and its first sentence,
    or most of its sentences, match strong rules: a text that only mentions subscribing, or
    quotes a pitch, has no strong sentence at all.
    """
    words = len(text.split())
    sentences = _parts(text, screen, False, words)
    first = next(sentences, None)
    if first is None or not (first.strong or first.weak):
        return None  # a block the cleaner removes whole opens with a signal
    parts = [first, *sentences]
    verdict = _verdict(Block(BlockKind.PARAGRAPH, text), words, parts)
    rules = [part.strong for part in parts if part.strong is not None]
    if verdict.strong is None or words > rules[0].max_words:
        return None
    return verdict.strong if parts[0].strong is not None or 2 * len(rules) > len(parts) else None
