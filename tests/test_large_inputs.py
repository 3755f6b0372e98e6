"""The shortcuts that keep the cleaner linear on large inputs give the plain answers.

The screen finds a text's needles with one trie-shaped pattern: exactly the needles a plain
``in`` test finds. A block's needles are found once and each sentence tests only those: its
candidate rules are those the sentence alone would get. The splitter looks at the 40
characters before a point, not at the whole line so far: sentences after a long prefix split
as they do alone. The article span shrinks from its end without rescanning every verdict: many
trailing author boxes all go, and the verdicts are computed a bounded number of times. No
timing is asserted.
"""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lire.clean.blocks
from lire.clean import prefilter
from lire.clean.blocks import clean
from lire.clean.classify import Verdict, judge
from lire.clean.clusters import zones
from lire.clean.prefilter import Prefilter
from lire.clean.rules import default_rules
from lire.model import Article, Block, BlockKind
from lire.text.sentences import split_sentences

SCREENS = {lang: Prefilter(default_rules().select(lang, None)) for lang in ("en", "fr", None)}
ALL_NEEDLES = sorted(SCREENS[None].rules_of)
WORDS = [
    "the",
    "council",
    "approved",
    "housing",
    "plan",
    "after",
    "long",
    "debate",
    "taxes",
    "next",
    "road",
    "exports",
]


def _fragments() -> st.SearchStrategy[str]:
    needle = st.sampled_from(ALL_NEEDLES)
    piece = st.one_of(
        needle,
        needle.map(lambda n: n[1:]),  # a needle cut at its start: overlaps, near misses
        needle.map(lambda n: n[:-1]),
        st.sampled_from(WORDS),
        st.text(alphabet='ab x+©()«»"_ .', max_size=4),
    )
    return st.lists(piece, max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(_fragments(), st.sampled_from(sorted(SCREENS, key=str)))
def test_needles_in_finds_exactly_the_needles_in_the_text(text: str, lang: str | None) -> None:
    screen = SCREENS[lang]
    folded = text.casefold()
    found = screen.needles_in(folded)
    assert len(found) == len(set(found))
    assert set(found) == {needle for needle in screen.rules_of if needle in folded}


@settings(max_examples=300, deadline=None)
@given(st.lists(_fragments(), min_size=1, max_size=5))
def test_a_sentence_among_its_blocks_needles_gets_its_own_candidates(pieces: list[str]) -> None:
    screen = SCREENS[None]
    block = ". ".join(pieces)
    among = screen.needles_in(block.casefold())
    for piece in pieces:
        folded = piece.casefold()
        assert screen.candidates(folded, among) == screen.candidates(folded)


def test_the_screen_of_no_needles_finds_none() -> None:
    screen = Prefilter(())
    assert screen.needles_in("anything at all") == []
    assert screen.candidates("anything at all") == []


def _sentence(rng: random.Random, number: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
    return " ".join([*words, str(number)]).capitalize() + rng.choice([".", "!", "?", " etc."])


def test_sentences_after_a_long_prefix_split_as_they_do_alone() -> None:
    rng = random.Random(7)
    tail = " ".join(
        [_sentence(rng, 1), "Dr. Who met J. Craig Venter.", "The U.S. Senate voted.", "No. 10"]
    )
    prefix = " ".join(_sentence(rng, k) for k in range(2_000)) + " "
    alone = [(s.text, s.start, s.end) for s in split_sentences(tail)]
    long = split_sentences(prefix + tail)
    after = [(s.text, s.start - len(prefix), s.end - len(prefix)) for s in long]
    assert after[-len(alone) :] == alone
    assert len(long) == 2_000 + len(alone)


def _author_boxes(count: int) -> Article:
    rng = random.Random(3)
    body = [Block(BlockKind.PARAGRAPH, _sentence(rng, k) * 3) for k in range(count)]
    boxes = [
        Block(BlockKind.PARAGRAPH, f"About the author {k}: " + _sentence(rng, k) * 2)
        for k in range(count)
    ]
    return Article(blocks=tuple(body + boxes), lang="en", media_type="text/html")


def test_many_trailing_author_boxes_all_go_and_the_span_is_not_rescanned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = _author_boxes(300)
    calls: list[int] = []
    real = zones

    def counted(verdicts: list[Verdict]) -> tuple[int, int]:
        calls.append(len(verdicts))
        return real(verdicts)

    monkeypatch.setattr(lire.clean.blocks, "zones", counted)
    cleaned = clean(article).article
    assert [block.text for block in cleaned.blocks] == [b.text for b in article.blocks[:300]]
    assert {removal.rule for removal in cleaned.removed} == {"author/en-box"}
    assert len(cleaned.removed) == 300
    assert len(calls) <= 3  # once for the span, not once per author box


def test_each_trailing_box_is_judged_at_the_edge_once(monkeypatch: pytest.MonkeyPatch) -> None:
    article = _author_boxes(50)
    judged: list[tuple[str, bool]] = []

    def counted(block: Block, screen: Prefilter, *, edge: bool) -> Verdict:
        judged.append((block.text, edge))
        return judge(block, screen, edge=edge)

    monkeypatch.setattr(lire.clean.blocks, "judge", counted)
    clean(article)
    at_edge = [text for text, edge in judged if edge]
    assert len(at_edge) == len(set(at_edge))


def _noise(needles: list[str], size: int, seed: int) -> str:
    """``size`` characters drawn from the needles' own alphabet: near misses everywhere."""
    rng = random.Random(seed)
    alphabet = sorted(set("".join(needles)))
    return "".join(rng.choice(alphabet) for _ in range(size))


def _filled(needles: list[str], size: int) -> list[str]:
    """Distinct needles of ``size`` bytes in all: the shipped ones, then numbered variants."""
    out: list[str] = []
    total, round_ = 0, 0
    while True:
        for needle in needles:
            candidate = needle if round_ == 0 else f"{needle}{round_}"
            total += len(candidate.encode())
            if total > size:
                return out
            out.append(candidate)
        round_ += 1


def test_a_full_needle_set_finds_every_needle_with_a_sixteenth_of_its_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # An RE2 set short of memory reports no match: each set is kept to SET_BYTES of needles,
    # and a set that large holds its whole automaton in a sixteenth of SET_MEMORY.
    monkeypatch.setattr(prefilter, "SET_MEMORY", prefilter.SET_MEMORY // 16)
    needles = _filled(ALL_NEEDLES, prefilter.SET_BYTES)
    sets = prefilter._NeedleSets(needles)
    assert len(sets.sets) == 1
    text = _noise(needles, 1_000_000, seed=3) + " | ".join(needles)
    assert sets.numbers(text) == list(range(len(needles)))


def test_needles_beyond_one_set_are_split_and_all_found() -> None:
    needles = _filled(ALL_NEEDLES, 3 * prefilter.SET_BYTES)
    sets = prefilter._NeedleSets(needles)
    starts = [first for first, _ in sets.sets] + [len(needles)]
    sizes = [sum(len(n.encode()) for n in needles[a:b]) for a, b in itertools.pairwise(starts)]
    assert len(sizes) >= 3 and max(sizes) <= prefilter.SET_BYTES  # 3 full sets, or 4 less full
    rng = random.Random(5)
    sample = rng.sample(needles, 200)
    text = " ~ ".join(sample)
    expected = [n for n, needle in enumerate(needles) if needle in text]
    assert sets.numbers(text) == expected
    assert sets.any(sample[0]) and not sets.any("\u2603" * 50)


def test_needles_each_is_needles_in_for_each_text() -> None:
    screen = SCREENS[None]
    rng = random.Random(8)
    texts = [
        " ".join(rng.choice([*WORDS, *ALL_NEEDLES[:50]]) for _ in range(rng.randint(0, 6)))
        for _ in range(500)
    ]
    folded = [text.casefold() for text in texts]
    assert screen.needles_each(folded) == [screen.needles_in(text) for text in folded]
