"""The block cleaner: Article -> Article without pitches, teasers, share bars and other boilerplate.

Each block gets a ``Verdict`` from the rules (matched sentence by sentence, quoted words
masked) and from its shape (``lire.clean.classify``). A strong rule removes its block, or cuts it at
the sentence where the pitch begins when article sentences come first. Around strong blocks,
runs of weak blocks go too (``lire.clean.clusters``); a block repeated in the article is a weak
signal. Blocks the site memory has seen in two other articles of the same site go as well. A
block the user restored is never removed (and what the user restored of the DOM pass goes back
where it stood, ``lire.clean.restore.reinstate``); a block the user marked as the site's
boilerplate is (``user/site-boilerplate``). When unsure, keep.

The cleaner is pure: what the site memory knows comes in as a frozen ``SiteMemory`` snapshot,
and what it should remember goes out as an ``Observation`` beside the clean article; the
pipeline reads and writes the store. The article's language is ``Article.lang`` (extraction
detects it when the page does not say); without one, every language's rules apply.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from lire.clean.between import between_removed
from lire.clean.classify import LONG_WORDS, Verdict, judge, judge_inner
from lire.clean.clusters import RESIDUE, mark_clusters, zones
from lire.clean.learned import BoilerplateModel, default_model, learned_marks
from lire.clean.memory import (
    LEARNED_MAX_SHARE,
    REPEAT_MIN_WORDS,
    keep_restored_parts,
    mark_learned,
    user_kept,
    user_marked,
)
from lire.clean.prefilter import Prefilter, prefilter_for
from lire.clean.restore import USER_MARKED, reinstate
from lire.clean.rules import RuleSet, default_rules
from lire.clean.title import breadcrumb_marks, headline_of, title_back, with_title_block
from lire.clean.toc import TOC_RULE, table_of_contents
from lire.model import (
    Article,
    Block,
    BlockKind,
    Link,
    Observation,
    PageKind,
    Removal,
    SiteMemory,
    host_of,
)
from lire.text.fingerprint import fingerprint, word_key

__all__ = ["LEARNED_MAX_SHARE", "Cleaning", "clean", "rule_hints"]


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
    if memory is not None and memory.kept:  # what the user restored of the DOM pass's
        article = reinstate(article, memory.kept)
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
    kept = user_kept(blocks, memory)
    screen = prefilter_for((rules or default_rules()).select(article.lang, host_of(article.url)))
    crumbs = breadcrumb_marks(blocks) if article.media_type == "text/plain" else {}
    if article.media_type == "text/plain":
        headline = headline_of(blocks, title, crumbs, screen)
        if headline is not None:
            kept.add(headline)  # the article's headline, whatever a rule says of it
    verdicts = _judge_all(blocks, screen, kept)
    keep_restored_parts(blocks, verdicts, kept, memory)
    first = blocks[0].text.rstrip() if blocks else "."
    titled = title is not None or (article.media_type == "text/plain" and first[-1:] != ".")
    verdicts = _with_repeats(blocks, verdicts, kept, titled=titled)
    marks = mark_clusters(blocks, verdicts, article.media_type)
    if article.media_type == "text/plain":  # a page's own is in its markup (not measured better)
        listed = table_of_contents(blocks, cut_off=article.kind is PageKind.ARTICLE)
        marks |= {i: TOC_RULE for i in listed if i not in marks}
        marks |= {i: rule for i, rule in crumbs.items() if i not in marks}
    marks = {i: rule for i, rule in marks.items() if i not in kept}
    marks |= user_marked(blocks, verdicts, memory)
    scores: dict[int, float] = {}
    if article.media_type == "text/plain":  # a page's text: extraction has not found the article
        skip = kept | set(marks) | {i for i, v in enumerate(verdicts) if v.cut is not None}
        hints = _hints(verdicts, marks)
        ruled = {i for i, rule in marks.items() if rule not in RESIDUE}
        learned = learned_marks(
            blocks,
            hints,
            model or default_model(),
            skip=skip,
            ruled=ruled,
            title=title,
            one_subject=article.kind is PageKind.ARTICLE,
        )
        for i, (rule, score) in learned.items():
            marks[i], scores[i] = rule, score
        marks |= between_removed(blocks, marks, skip)  # skip: the kept and the cut blocks
    observation = None
    if memory is not None:
        mark_learned(blocks, marks, kept, memory)
        prints = {fingerprint(b.text) for i, b in enumerate(blocks) if i not in kept}
        observation = Observation(memory.site, memory.article, frozenset(prints - {""}))
    restored = memory.kept if memory is not None else frozenset()
    return Cleaning(_apply(article, verdicts, marks, scores, restored), observation)


def rule_hints(article: Article, *, rules: RuleSet | None = None) -> list[str | None]:
    """What the rules alone say of each block: the rule that would remove it, else the weak
    signal it carries, else None (the learned model reads these as features)."""
    blocks = article.blocks
    screen = prefilter_for((rules or default_rules()).select(article.lang, host_of(article.url)))
    verdicts = _with_repeats(blocks, _judge_all(blocks, screen, set()), set())
    marks = mark_clusters(blocks, verdicts, article.media_type)
    return _hints(verdicts, marks)


def _hints(verdicts: Sequence[Verdict], marks: dict[int, str]) -> list[str | None]:
    """What the rules say of each block; a residue line ("***", "1.jpg") is left to the model
    as it is: its removal says nothing of the blocks around it."""
    return [
        None if marks.get(i) in RESIDUE else marks.get(i) or v.strong or v.cut_rule or v.weak
        for i, v in enumerate(verdicts)
    ]


def _judge_all(blocks: Sequence[Block], screen: Prefilter, kept: set[int]) -> list[Verdict]:
    """Each block's verdict: as inside the article for the blocks from the first to the last
    that reads as article, as at an edge for the others (edge-only rules apply there).

    Each block is judged once; only a block holding a needle of an edge-only rule, outside the
    article's span, is judged again as at an edge.
    """
    plain: list[Verdict] = []
    sensitive: set[int] = set()  # blocks whose edge verdict could differ from ``plain``
    needles = screen.needles_each([block.text.casefold() for block in blocks])
    for i, block in enumerate(blocks):
        if i in kept or block.kind is BlockKind.CODE:  # code is no phrase of a pitch
            plain.append(Verdict(len(block.text.split())))
            continue
        verdict, edgy = judge_inner(block, screen, needles[i])
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
    The title (the first block, ``titled``; a pasted text's first line when it ends like no
    sentence) is not counted: pasted pages repeat it as their headline.
    """
    seen: set[str] = set()
    for i, block in enumerate(blocks):
        if titled and i == 0:
            continue
        key = word_key(block.text)
        verdict = verdicts[i]
        repeated = key in seen and i not in kept and verdict.weak is None
        if repeated and REPEAT_MIN_WORDS <= verdict.words <= LONG_WORDS:
            verdicts[i] = replace(verdict, weak="repeat/in-article", named=True)
        seen.add(key)
    return verdicts


def _apply(
    article: Article,
    verdicts: Sequence[Verdict],
    marks: dict[int, str],
    scores: dict[int, float],
    restored: frozenset[str],
) -> Article:
    """The kept blocks and the removals. A block removed in parts some of which the user
    restored becomes one block per part, the restored ones kept (``Removal.index`` then counts
    the parts as blocks): restoring one part never brings back the others."""
    kept: list[Block] = []
    removed: list[Removal] = []
    at = 0  # the block's index as the removals count them
    for i, (block, verdict) in enumerate(zip(article.blocks, verdicts, strict=True)):
        if i in marks and verdict.strong == marks[i] and len(verdict.parts) > 1:
            parts = verdict.segments(block.text)
            if not any(fingerprint(text) in restored for _, text in parts):
                removed += [Removal(rule, text, at, block.kind) for rule, text in parts]
                at += 1
                continue
            for rule, text in parts:  # a block per part from now on
                if fingerprint(text) in restored:
                    kept.append(replace(block, text=text, links=_links_in(block, text)))
                else:
                    removed.append(Removal(rule, text, at, block.kind))
                at += 1
            continue
        cut_rule = verdict.cut_rule if verdict.cut is not None else None
        if i in marks and not (marks[i] == USER_MARKED and cut_rule):
            removed.append(Removal(marks[i], block.text, at, block.kind, score=scores.get(i)))
        elif cut_rule is not None:
            head, tail = block.text[: verdict.cut].rstrip(), block.text[verdict.cut :].strip()
            if i in marks:  # the user marked what the cut left: removed too, under their rule
                removed.append(Removal(USER_MARKED, head, at, block.kind))
            else:
                kept.append(replace(block, text=head, links=_links_in(block, head)))
            removed.append(Removal(cut_rule, tail, at, block.kind, cut=True))
        else:
            kept.append(block)
        at += 1
    return replace(article, blocks=tuple(kept), removed=(*article.removed, *removed))


def _links_in(block: Block, text: str) -> tuple[Link, ...]:
    return tuple(link for link in block.links if link.text in text)
