"""The block cleaner: Article -> Article without pitches, teasers, share bars and other boilerplate.

Each block gets a ``Verdict`` from the rules (matched sentence by sentence, quoted words
masked) and from its shape. A strong rule removes its block, or cuts it at the sentence where
the pitch begins when article sentences come first. Around strong blocks, runs of weak blocks
(connective lines, enumerated perks, prices, link-only lines, lines repeated in the article)
go too; in the head and the tail of the article short lines between two strong blocks are
bridged, and a related header takes the teaser titles under it. Blocks the store has seen in
two other articles of the same site go as well. A block the user restored is never removed.
When unsure, keep.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from lire.language import detect_language
from lire.learn import LearnStore, fingerprint
from lire.model import Article, Block, BlockKind, Link, Removal
from lire.rules import Position, Rule, RuleSet, Strength, default_rules
from lire.sentences import split_sentences

__all__ = ["clean"]

ARTICLE_WORDS = 25  # a block this long without any signal reads as article
LONG_WORDS = 30  # weak signals do not count in a block this long
PROSE_WORDS = 12  # nor in a longer one with a sentence that has no signal at all
CUT_MAX_WORDS = 60  # a pitch tail cut off an article paragraph is at most this long
BRIDGE_MAX = 3  # at most this many short signal-less blocks are bridged between two pitches
BRIDGE_WORDS = 20
TEASER_HEADER_WORDS = 5  # "Lire aussi", "Mehr zum Thema": a related header alone on its line
TEASER_WORDS = 20
TEASER_RUN = 8  # teaser titles taken after one related header at most
LEAD_IN_WORDS = 12  # a pitch block may open with this many words without a signal
REPEAT_MIN_WORDS = 3
LANG_SAMPLE_CHARS = 4_000
GRAM = 3  # needles are indexed by their first GRAM characters
SHAPE_MAX_WORDS = 30  # longer blocks have no shape signal
LONG_BLOCK_WORDS = 100  # beyond this, only the tail of a block is searched for a pitch
LOOSE_WORDS = 20  # a strong block is removed whole when at most this many words carry no signal
QUOTE_SHARE = 0.7  # a quote longer than this share of its sentence is not masked
_QUOTED = re.compile(r"«[^«»]{1,300}»|“[^“”]{1,300}”|„[^„“”]{1,300}[“”]|\"[^\"]{1,300}\"")
_PRICE = re.compile(r"\d\s?(?:[€$£]|eur\b|euros?\b|usd\b)|[€$£]\s?\d", re.IGNORECASE)
_ENUMERATED = re.compile(r"^[-–•*]?\s*\d{1,2}[.)]?\s+\S")


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the rules and the shape say about one block.

    ``strong`` names the strong rule that removes the whole block, and ``parts`` the offsets and
    rules of its sentences when their categories differ; ``cut`` is the character offset where a
    pitch tail begins (with ``cut_rule``); ``weak`` names a weak signal, ``named`` when it comes
    from a rule of the packs rather than the block's shape.
    """

    words: int
    strong: str | None = None
    parts: tuple[tuple[int, str], ...] = ()
    cut: int | None = None
    cut_rule: str | None = None
    weak: str | None = None
    named: bool = False

    @property
    def article(self) -> bool:
        return self.strong is None and self.weak is None and self.words >= ARTICLE_WORDS


def clean(
    article: Article, *, rules: RuleSet | None = None, store: LearnStore | None = None
) -> Article:
    """Drop the boilerplate blocks of ``article``, recording each as a Removal."""
    blocks = article.blocks
    site = _site(article)
    kept = _user_kept(blocks, site, store)
    screen = _screen((rules or default_rules()).select(_lang(article), _host(article)))
    verdicts = _judge_all(blocks, screen, kept)
    _keep_restored_parts(blocks, verdicts, kept, store, site)
    verdicts = _with_repeats(blocks, verdicts, kept)
    marks = _clusters(blocks, verdicts, article.media_type)
    marks = {i: rule for i, rule in marks.items() if i not in kept}
    if store is not None and site is not None:
        key = article.url or _text_key(blocks)
        _mark_learned(blocks, marks, kept, store, site, key)
        store.observe(site, key, [b.text for i, b in enumerate(blocks) if i not in kept])
    return _apply(article, verdicts, marks)


def _judge(block: Block, screen: _Screen, *, edge: bool) -> Verdict:
    """The verdict of the rules and of the shape on one block (``edge``: head or tail zone)."""
    text = block.text
    words = len(text.split())
    parts = _analyse(text, screen, edge, words)
    first = next((k for k, part in enumerate(parts) if part.strong), None)
    weak = next((part.weak for part in parts if part.weak and part.named), None)
    shape = None if weak else _shape(block, words)
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
            return Verdict(words, cut=parts[first].start, cut_rule=rule.name)
    if words > LONG_WORDS or (words > PROSE_WORDS and not all(signalled)):
        return Verdict(words)  # prose: a topic word in it is no pitch
    return Verdict(words, weak=weak or shape, named=weak is not None)


@dataclass(frozen=True, slots=True)
class _Part:
    """One sentence of a block: where it starts, its strongest rule, its weak signal."""

    start: int
    strong: Rule | None
    weak: str | None
    named: bool  # the weak signal is a rule of the packs, not a shape


def _analyse(text: str, screen: _Screen, edge: bool, words: int) -> list[_Part]:
    parts: list[_Part] = []
    # In a long block only a pitch tail can go: the sentences before it are not searched.
    skip_before = len(text) - _tail_chars(text, CUT_MAX_WORDS) if words > LONG_BLOCK_WORDS else 0
    spans = [(sentence.start, sentence.end) for sentence in split_sentences(text)]
    tail_words = list(itertools.accumulate(len(text[a:b].split()) for a, b in reversed(spans)))
    for (start, end), tail in zip(spans, reversed(tail_words), strict=True):
        sentence = _mask_quotes(text[start:end].strip())
        strong: tuple[int, Rule] | None = None
        weak: str | None = None
        for rule in screen.candidates(sentence.casefold()) if start >= skip_before else ():
            if (
                (rule.position is Position.EDGE and not edge)
                or (rule.strength is Strength.WEAK and words > rule.max_words)
                or tail > rule.max_words
            ):
                continue
            if match := rule.pattern.search(sentence):
                span = match.end() - match.start()
                if rule.strength is Strength.WEAK:
                    weak = weak or rule.name
                elif strong is None or span > strong[0]:
                    strong = (span, rule)
        shape = (
            None if weak else _shape(Block(BlockKind.PARAGRAPH, sentence), len(sentence.split()))
        )
        parts.append(_Part(start, strong and strong[1], weak or shape, weak is not None))
    return parts


class _Screen:
    """Which rules could match a sentence, from the literal strings their patterns require.

    A rule runs only when one of its needles is in the (casefolded) sentence; needles are
    indexed by their first three characters, so a sentence is scanned once, not once per rule.
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.always = [n for n, rule in enumerate(rules) if not rule.needles]
        self.rules_of: dict[str, list[int]] = {}
        for n, rule in enumerate(rules):
            for needle in rule.needles:
                self.rules_of.setdefault(needle, []).append(n)
        self.by_gram: dict[str, list[str]] = {}
        self.short = [needle for needle in self.rules_of if len(needle) < GRAM]
        for needle in self.rules_of:
            if len(needle) >= GRAM:
                self.by_gram.setdefault(needle[:GRAM], []).append(needle)

    def candidates(self, folded: str) -> list[Rule]:
        grams = {folded[i : i + GRAM] for i in range(len(folded) - GRAM + 1)}
        found = [needle for needle in self.short if needle in folded]
        for gram in grams.intersection(self.by_gram):
            found.extend(needle for needle in self.by_gram[gram] if needle in folded)
        chosen = {n for needle in found for n in self.rules_of[needle]}
        chosen.update(self.always)
        return [self.rules[n] for n in sorted(chosen)]


@functools.lru_cache(maxsize=32)
def _screen(rules: tuple[Rule, ...]) -> _Screen:
    return _Screen(rules)


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


def _shape(block: Block, words: int) -> str | None:
    """A weak signal from the block's form alone, named like a rule."""
    text = block.text.strip()
    if not text or words > SHAPE_MAX_WORDS or (block.kind is BlockKind.HEADING and words > 3):
        return None
    if block.links and words <= 20:
        letters = sum(c.isalpha() for c in text)
        linked = sum(sum(c.isalpha() for c in link.text) for link in block.links)
        if letters and linked >= 0.8 * letters:
            return "nav/link-only"
    if words <= 8 and text.upper() == text and sum(c.isalpha() for c in text) >= 4:
        return "nav/all-caps"
    if _PRICE.search(text):
        return "subscription/price"
    if _ENUMERATED.match(text):
        return "subscription/enumerated-perk"
    if words <= 12 and text[-1] in ",:":
        return "nav/connective"
    if words <= 2:
        return "nav/short"
    return None


def _judge_all(blocks: Sequence[Block], screen: _Screen, kept: set[int]) -> list[Verdict]:
    plain = [
        Verdict(len(b.text.split())) if i in kept else _judge(b, screen, edge=False)
        for i, b in enumerate(blocks)
    ]
    head, tail = _zones(plain)
    while tail > head and tail - 1 not in kept:  # an author box is not the article's last block
        edge = _judge(blocks[tail - 1], screen, edge=True)
        if edge.article:
            break
        plain[tail - 1] = edge
        head, tail = _zones(plain)
    return [
        plain[i] if i in kept or head <= i < tail else _judge(b, screen, edge=True)
        for i, b in enumerate(blocks)
    ]


def _zones(verdicts: Sequence[Verdict]) -> tuple[int, int]:
    """[head, tail): the span from the first to the last block that reads as article."""
    article = [i for i, v in enumerate(verdicts) if v.article]
    if not article:
        return 0, 0
    return article[0], article[-1] + 1


def _clusters(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], media_type: str
) -> dict[int, str]:
    """Index -> rule name of every block removed whole: strong blocks and their clusters."""
    marks = {i: v.strong for i, v in enumerate(verdicts) if v.strong}
    head, tail = _zones(verdicts)
    seeds = set(marks) | {i for i, v in enumerate(verdicts) if v.cut is not None}
    _mark_teasers(blocks, verdicts, marks, plain=media_type == "text/plain")
    before = -1
    while len(marks) != before:
        before = len(marks)
        for i in sorted(seeds | set(marks)):
            _extend(i, blocks, verdicts, marks, range(head, tail))
        _bridge(blocks, verdicts, marks, head, tail)
        _mark_lead_ins(blocks, verdicts, marks)
    return marks


def _mark_lead_ins(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], marks: dict[int, str]
) -> None:
    """A cut block inside a cluster goes whole when what precedes its pitch is only a lead-in."""
    for i, verdict in enumerate(verdicts):
        if verdict.cut is None or verdict.cut_rule is None or i in marks:
            continue
        lead_in = len(blocks[i].text[: verdict.cut].split()) <= LEAD_IN_WORDS
        if lead_in and (i - 1 in marks or i + 1 in marks):
            marks[i] = verdict.cut_rule


def _extend(
    i: int,
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    marks: dict[int, str],
    zone: range,
) -> None:
    """Take the weak blocks next to block ``i`` (after it only, when ``i`` was cut).

    A block a weak *rule* names joins at once. Lines with only a weak *shape* (a perk in a
    list, a price, a short line) join when the run of them is closed by another member of the
    cluster, when it follows a member that announces it (ends with ":"), or, before the
    cluster, when they are all connectives ("Mais si vous le pouvez,"); between article blocks
    only connectives do.
    """
    name = marks.get(i) or verdicts[i].cut_rule or ""
    for step in (1, -1) if verdicts[i].cut is None else (1,):
        last, j = i, i + step
        run: list[int] = []
        while 0 <= j < len(verdicts) and j not in marks:
            verdict = verdicts[j]
            if verdict.weak is None or verdict.cut is not None:
                break
            connective = verdict.weak.startswith("nav/connective")
            if not verdict.named and j in zone and not connective:
                break
            if verdict.named:
                marks.update(dict.fromkeys(run, name))
                marks[j], last, run = verdict.weak, j, []
            else:
                run.append(j)
            j += step
        closed = 0 <= j < len(verdicts) and j in marks
        announced = step == 1 and blocks[last].text.rstrip().endswith(":")
        lead_in = step == -1 and all(verdicts[k].weak == "nav/connective" for k in run)
        if closed or announced or lead_in:
            marks.update(dict.fromkeys(run, name))


def _mark_teasers(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], marks: dict[int, str], *, plain: bool
) -> None:
    """A bare "Read also" / "Mehr zum Thema" line takes the teaser titles that follow it.

    From HTML a teaser title is a link; pasted text has lost its links.
    """
    for i, name in list(marks.items()):
        if not name.startswith("related/") or verdicts[i].words > TEASER_HEADER_WORDS:
            continue
        for j in range(i + 1, min(i + 1 + TEASER_RUN, len(blocks))):
            if j in marks or not _teaser(blocks[j], verdicts[j], plain=plain):
                break
            marks[j] = name


def _teaser(block: Block, verdict: Verdict, *, plain: bool) -> bool:
    """A headline: short, linked (unless pasted), and not ending like a sentence of prose."""
    text = block.text.rstrip()
    return (
        verdict.words <= TEASER_WORDS
        and verdict.cut is None
        and block.kind is not BlockKind.HEADING
        and (plain or bool(block.links))
        and not text.endswith((".", ":"))
    )


def _bridge(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    marks: dict[int, str],
    head: int,
    tail: int,
) -> None:
    """In the head and the tail, short lines between two strong blocks go with them."""
    strong = sorted(i for i, v in enumerate(verdicts) if v.strong)
    for left, right in itertools.pairwise(strong):
        gap = range(left + 1, right)
        if 0 < len(gap) <= BRIDGE_MAX and all(
            not head <= j < tail
            and blocks[j].kind is not BlockKind.HEADING
            and verdicts[j].words <= BRIDGE_WORDS
            and verdicts[j].cut is None
            for j in gap
        ):
            for j in gap:
                marks.setdefault(j, marks[left])


def _with_repeats(
    blocks: Sequence[Block], verdicts: list[Verdict], kept: set[int]
) -> list[Verdict]:
    """A block seen earlier in the article carries a weak signal: it joins a neighbouring cluster.

    Alone it stays: articles repeat their own lines (interview questions, product features).
    """
    seen: set[str] = set()
    for i, block in enumerate(blocks):
        key = fingerprint(block.text)
        verdict = verdicts[i]
        repeated = key in seen and i not in kept and verdict.weak is None
        if repeated and REPEAT_MIN_WORDS <= verdict.words <= LONG_WORDS:
            verdicts[i] = replace(verdict, weak="repeat/in-article", named=True)
        seen.add(key)
    return verdicts


def _mark_learned(
    blocks: Sequence[Block],
    marks: dict[int, str],
    kept: set[int],
    store: LearnStore,
    site: str,
    key: str,
) -> None:
    """Mark the blocks seen in two other articles of the site.

    Not headings nor one- or two-word lines: a site's articles share them as structure
    ("Conclusion", "Key facts").
    """
    for i, block in enumerate(blocks):
        if (
            i not in marks
            and i not in kept
            and block.kind is not BlockKind.HEADING
            and len(block.text.split()) >= REPEAT_MIN_WORDS
            and store.seen_elsewhere(site, key, block.text)
        ):
            marks[i] = "learned/site-repeat"


def _apply(article: Article, verdicts: Sequence[Verdict], marks: dict[int, str]) -> Article:
    kept: list[Block] = []
    removed: list[Removal] = []
    for i, (block, verdict) in enumerate(zip(article.blocks, verdicts, strict=True)):
        if i in marks and verdict.strong == marks[i] and len(verdict.parts) > 1:
            for rule, text in _segment_texts(block.text, verdict):
                removed.append(Removal(rule, text, i, block.kind))
        elif i in marks:
            removed.append(Removal(marks[i], block.text, i, block.kind))
        elif verdict.cut is not None and verdict.cut_rule is not None:
            head, tail = block.text[: verdict.cut].rstrip(), block.text[verdict.cut :].strip()
            kept.append(replace(block, text=head, links=_links_in(block, head)))
            removed.append(Removal(verdict.cut_rule, tail, i, block.kind))
        else:
            kept.append(block)
    return replace(article, blocks=tuple(kept), removed=(*article.removed, *removed))


def _segment_texts(text: str, verdict: Verdict) -> list[tuple[str, str]]:
    """(rule, text) of each part of a block removed in parts of different categories."""
    ends = [start for start, _ in verdict.parts[1:]] + [len(text)]
    return [
        (rule, text[start:end].strip())
        for (start, rule), end in zip(verdict.parts, ends, strict=True)
    ]


def _keep_restored_parts(
    blocks: Sequence[Block],
    verdicts: list[Verdict],
    kept: set[int],
    store: LearnStore | None,
    site: str | None,
) -> None:
    """A block keeps all its text when the user restored a piece of it (a cut tail, a part)."""
    if store is None or site is None:
        return
    for i, verdict in enumerate(verdicts):
        text = blocks[i].text
        pieces = [piece for _, piece in _segment_texts(text, verdict)] if verdict.parts else []
        if verdict.cut is not None:
            pieces.append(text[verdict.cut :].strip())
        if any(store.is_kept(site, piece) for piece in pieces):
            kept.add(i)
            verdicts[i] = Verdict(verdict.words)


def _links_in(block: Block, text: str) -> tuple[Link, ...]:
    return tuple(link for link in block.links if link.text in text)


def _user_kept(blocks: Sequence[Block], site: str | None, store: LearnStore | None) -> set[int]:
    if store is None or site is None:
        return set()
    return {i for i, block in enumerate(blocks) if store.is_kept(site, block.text)}


def _lang(article: Article) -> str | None:
    """The article's language, detected from its first blocks when the page did not say."""
    if article.lang is not None:
        return article.lang
    sample: list[str] = []
    for block in article.blocks:
        sample.append(block.text)
        if sum(map(len, sample)) > LANG_SAMPLE_CHARS:
            break
    return detect_language("\n".join(sample))


def _host(article: Article) -> str | None:
    if article.url is None:
        return None
    host = urlsplit(article.url).hostname
    return host.removeprefix("www.") if host else None


def _site(article: Article) -> str | None:
    return _host(article) or (article.site.strip().lower() if article.site else None)


def _text_key(blocks: Sequence[Block]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for block in blocks:
        digest.update(block.text.encode("utf-8", "surrogatepass"))
    return "text:" + digest.hexdigest()
