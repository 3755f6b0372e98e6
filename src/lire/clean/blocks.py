"""The block cleaner: Article -> Article without pitches, teasers, share bars and other boilerplate.

Each block gets a ``Verdict`` from the rules (matched sentence by sentence, quoted words
masked) and from its shape (``lire.clean.classify``). A strong rule removes its block, or cuts it at
the sentence where the pitch begins when article sentences come first. Around strong blocks,
runs of weak blocks go too (``lire.clean.clusters``); a block repeated in the article is a weak
signal. Blocks the site memory has seen in two other articles of the same site go as well. A
block the user restored is never removed. When unsure, keep.

The cleaner is pure: what the site memory knows comes in as a frozen ``SiteMemory`` snapshot,
and what it should remember goes out as an ``Observation`` beside the clean article; the
pipeline reads and writes the store. The article's language is ``Article.lang`` (extraction
detects it when the page does not say); without one, every language's rules apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from lire.clean.classify import LONG_WORDS, Verdict, judge, judge_inner
from lire.clean.clusters import mark_clusters, zones
from lire.clean.learned import BoilerplateModel, default_model, learned_marks
from lire.clean.prefilter import Prefilter, prefilter_for
from lire.clean.rules import RuleSet, default_rules
from lire.clean.title import headline_index, title_back, with_title_block
from lire.model import Article, Block, BlockKind, Link, Observation, Removal, SiteMemory, host_of
from lire.text.fingerprint import fingerprint

__all__ = ["Cleaning", "clean", "rule_hints"]

REPEAT_MIN_WORDS = 3


@dataclass(frozen=True, slots=True)
class Cleaning:
    """The clean article, and what the site memory should remember of it (None without one)."""

    article: Article
    observation: Observation | None = None


def clean(
    article: Article,
    *,
    rules: RuleSet | None = None,
    memory: SiteMemory | None = None,
    model: BoilerplateModel | None = None,
) -> Cleaning:
    """Drop the boilerplate blocks of ``article``, recording each as a Removal.

    ``memory`` is what the site memory knows of the article's site (None: nothing is learned);
    ``model`` the learned boilerplate model (default: the shipped one), which judges the blocks
    of plain text (a page's text, where no extraction has found the article yet). The title lire
    took from plain text is its first line: it is judged as the first block ("Advertisement",
    "Share" may come first), and when the rules remove it the article has no title.
    """
    judged = with_title_block(article)
    title = None if judged is article else article.title
    cleaning = _clean(judged, rules=rules, memory=memory, model=model, title=title)
    new = cleaning.article.removed[len(article.removed) :]
    if title is None or any(removal.index == 0 for removal in new):
        return cleaning
    return replace(cleaning, article=title_back(cleaning.article, article))


def _clean(
    article: Article,
    *,
    rules: RuleSet | None,
    memory: SiteMemory | None,
    model: BoilerplateModel | None,
    title: str | None,
) -> Cleaning:
    blocks = article.blocks
    kept = _user_kept(blocks, memory)
    if (
        article.media_type == "text/plain"
        and (headline := headline_index(blocks, title)) is not None
    ):
        kept.add(headline)  # the article's headline, whatever a rule says of it
    screen = prefilter_for((rules or default_rules()).select(article.lang, host_of(article.url)))
    verdicts = _judge_all(blocks, screen, kept)
    _keep_restored_parts(blocks, verdicts, kept, memory)
    verdicts = _with_repeats(blocks, verdicts, kept, titled=title is not None)
    marks = mark_clusters(blocks, verdicts, article.media_type)
    marks = {i: rule for i, rule in marks.items() if i not in kept}
    scores: dict[int, float] = {}
    if article.media_type == "text/plain":  # a page's text: extraction has not found the article
        skip = kept | set(marks) | {i for i, v in enumerate(verdicts) if v.cut is not None}
        hints = _hints(verdicts, marks)
        learned = learned_marks(
            blocks, hints, model or default_model(), skip=skip, ruled=set(marks), title=title
        )
        for i, (rule, score) in learned.items():
            marks[i], scores[i] = rule, score
    observation = None
    if memory is not None:
        _mark_learned(blocks, marks, kept, memory)
        prints = {fingerprint(b.text) for i, b in enumerate(blocks) if i not in kept}
        observation = Observation(memory.site, memory.article, frozenset(prints - {""}))
    return Cleaning(_apply(article, verdicts, marks, scores), observation)


def rule_hints(article: Article, *, rules: RuleSet | None = None) -> list[str | None]:
    """What the rules alone say of each block: the rule that would remove it, else the weak
    signal it carries, else None (the learned model reads these as features)."""
    blocks = article.blocks
    screen = prefilter_for((rules or default_rules()).select(article.lang, host_of(article.url)))
    verdicts = _with_repeats(blocks, _judge_all(blocks, screen, set()), set())
    marks = mark_clusters(blocks, verdicts, article.media_type)
    return _hints(verdicts, marks)


def _hints(verdicts: Sequence[Verdict], marks: dict[int, str]) -> list[str | None]:
    return [marks.get(i) or v.strong or v.cut_rule or v.weak for i, v in enumerate(verdicts)]


def _judge_all(blocks: Sequence[Block], screen: Prefilter, kept: set[int]) -> list[Verdict]:
    """Each block's verdict: as inside the article for the blocks from the first to the last
    that reads as article, as at an edge for the others (edge-only rules apply there).

    Each block is judged once; only a block holding a needle of an edge-only rule, outside the
    article's span, is judged again as at an edge.
    """
    plain: list[Verdict] = []
    sensitive: set[int] = set()  # blocks whose edge verdict could differ from ``plain``
    for i, block in enumerate(blocks):
        if i in kept:
            plain.append(Verdict(len(block.text.split())))
            continue
        verdict, edgy = judge_inner(block, screen)
        plain.append(verdict)
        if edgy:
            sensitive.add(i)
    head, tail = zones(plain)
    edged: set[int] = set()  # blocks whose verdict in ``plain`` is already their edge verdict
    while tail > head and tail - 1 not in kept:  # an author box is not the article's last block
        last = tail - 1
        edge = judge(blocks[last], screen, edge=True) if last in sensitive else plain[last]
        if edge.article:
            break
        plain[last] = edge
        edged.add(last)
        head, tail = _without_last(plain, head, tail)
    for i in sensitive:
        if i not in edged and not head <= i < tail:
            plain[i] = judge(blocks[i], screen, edge=True)
    return plain


def _without_last(verdicts: Sequence[Verdict], head: int, tail: int) -> tuple[int, int]:
    """``zones(verdicts)`` once the block at ``tail - 1``, the last article one, no longer reads
    as article: the last article block before it ends the span (found without rescanning all)."""
    last = next((i for i in range(tail - 2, head - 1, -1) if verdicts[i].article), None)
    return (0, 0) if last is None else (head, last + 1)


def _with_repeats(
    blocks: Sequence[Block], verdicts: list[Verdict], kept: set[int], *, titled: bool = False
) -> list[Verdict]:
    """A block seen earlier in the article carries a weak signal: it joins a neighbouring cluster.

    Alone it stays: articles repeat their own lines (interview questions, product features).
    The title (the first block, ``titled``) is not counted: pasted pages repeat it as their
    headline.
    """
    seen: set[str] = set()
    for i, block in enumerate(blocks):
        if titled and i == 0:
            continue
        key = fingerprint(block.text)
        verdict = verdicts[i]
        repeated = key in seen and i not in kept and verdict.weak is None
        if repeated and REPEAT_MIN_WORDS <= verdict.words <= LONG_WORDS:
            verdicts[i] = replace(verdict, weak="repeat/in-article", named=True)
        seen.add(key)
    return verdicts


LEARNED_SAME_ARTICLE_SHARE = 0.5  # seen blocks holding more of the words: the same article again
LEARNED_MAX_SHARE = 0.4  # learned removals take at most this share of the words the rules left


def _mark_learned(
    blocks: Sequence[Block], marks: dict[int, str], kept: set[int], memory: SiteMemory
) -> None:
    """Mark the blocks seen in two other articles of the site, at the article's edges only.

    Not headings nor one- or two-word lines: a site's articles share them as structure
    ("Conclusion", "Key facts"); they are passed over, not removed. Learning never erases an
    article: when the seen blocks hold most of its words, it is the same article read again
    (under another address), and nothing goes; a learned removal is taken only from the run of
    removable blocks that starts the article or ends it, never from between two blocks of its
    body; and learned removals stop before they take ``LEARNED_MAX_SHARE`` of its words.
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
        for i in order:
            if i in eligible and words[i] <= budget and i not in marks:
                marks[i] = "learned/site-repeat"
                budget -= words[i]
            elif not (i in marks or (i in seen and i not in kept)):
                break  # the article's body starts here: nothing learned goes past it


def _apply(
    article: Article,
    verdicts: Sequence[Verdict],
    marks: dict[int, str],
    scores: dict[int, float],
) -> Article:
    kept: list[Block] = []
    removed: list[Removal] = []
    for i, (block, verdict) in enumerate(zip(article.blocks, verdicts, strict=True)):
        if i in marks and verdict.strong == marks[i] and len(verdict.parts) > 1:
            for rule, text in _segment_texts(block.text, verdict):
                removed.append(Removal(rule, text, i, block.kind))
        elif i in marks:
            removed.append(Removal(marks[i], block.text, i, block.kind, score=scores.get(i)))
        elif verdict.cut is not None and verdict.cut_rule is not None:
            head, tail = block.text[: verdict.cut].rstrip(), block.text[verdict.cut :].strip()
            kept.append(replace(block, text=head, links=_links_in(block, head)))
            removed.append(Removal(verdict.cut_rule, tail, i, block.kind, cut=True))
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
    memory: SiteMemory | None,
) -> None:
    """A block keeps all its text when the user restored a piece of it (a cut tail, a part)."""
    if memory is None or not memory.kept:
        return
    for i, verdict in enumerate(verdicts):
        text = blocks[i].text
        pieces = [piece for _, piece in _segment_texts(text, verdict)] if verdict.parts else []
        if verdict.cut is not None:
            pieces.append(text[verdict.cut :].strip())
        if any(fingerprint(piece) in memory.kept for piece in pieces):
            kept.add(i)
            verdicts[i] = Verdict(verdict.words)


def _links_in(block: Block, text: str) -> tuple[Link, ...]:
    return tuple(link for link in block.links if link.text in text)


def _user_kept(blocks: Sequence[Block], memory: SiteMemory | None) -> set[int]:
    if memory is None or not memory.kept:
        return set()
    return {i for i, block in enumerate(blocks) if fingerprint(block.text) in memory.kept}
