"""choice: the candidate readings ranked once cleaned, the search stopped early, the runners-up."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from lire.extract.choice import WEIGHTS, choose, weight
from lire.model import Article, Block, BlockKind, PageKind


def article(*texts: str) -> Article:
    return Article(blocks=tuple(Block(BlockKind.PARAGRAPH, text) for text in texts))


def words(count: int, word: str = "word") -> str:
    return " ".join([word] * count)


def keep_all(name: str, reading: Article) -> Article:
    return reading


def drop_blocks_with(marker: str) -> Callable[[str, Article], Article]:
    def clean(name: str, reading: Article) -> Article:
        kept = tuple(block for block in reading.blocks if marker not in block.text)
        return Article(blocks=kept)

    return clean


def test_the_reading_with_the_best_weighted_word_count_wins() -> None:
    readings = [("readability", article(words(100))), ("page", article(words(250)))]
    choice = choose(readings, PageKind.SERVICE, keep_all)
    # readability: 100 words x 2.0 on a service page; the page: 250 x 1.0
    assert (choice.index, choice.article.text) == (1, words(250))
    article_page = choose(readings, PageKind.ARTICLE, keep_all)
    assert article_page.index == 0  # an article page trusts readability more


def test_a_reading_emptied_by_cleaning_gives_way_to_the_next() -> None:
    readings = [
        ("readability", article(words(80, "newsletter"))),
        ("main", article(words(60, "story"), words(10, "newsletter"))),
        ("page", article(words(60, "story"), words(30, "menu"))),
    ]
    choice = choose(readings, PageKind.ARTICLE, drop_blocks_with("newsletter"))
    assert readings[choice.index][0] == "main"
    assert choice.article.text == words(60, "story")
    assert choice.last_resort is None


def test_a_small_reading_gives_way_to_a_much_larger_one() -> None:
    readings = [("readability", article(words(20))), ("page", article(words(400)))]
    assert choose(readings, PageKind.ARTICLE, keep_all).index == 1


def test_a_reading_under_five_words_scores_nothing() -> None:
    readings = [
        ("readability", article("four words right here")),
        ("description", article(words(6))),
    ]
    choice = choose(readings, PageKind.ARTICLE, keep_all)
    assert readings[choice.index][0] == "description"
    assert choice.last_resort == "description"


def test_the_page_alone_is_a_last_resort_and_less_sure() -> None:
    readings = [("readability", article(words(50, "ad"))), ("page", article(words(50)))]
    choice = choose(readings, PageKind.ARTICLE, drop_blocks_with("ad"))
    assert choice.last_resort == "page"
    assert choice.confidence == 0.8


def test_runners_up_are_best_first_each_text_once_never_the_winner() -> None:
    same = words(120)
    readings = [
        ("readability", article(same)),
        ("main", article(same)),
        ("page", article(same, words(40, "extra"))),
        ("description", article(words(8, "summary"))),
    ]
    choice = choose(readings, PageKind.ARTICLE, keep_all)
    assert readings[choice.index][0] == "readability"
    names = [other.name for other in choice.others]
    assert names == ["page", "description"]
    scores = [other.score for other in choice.others]
    assert scores == sorted(scores, reverse=True)
    assert 0.5 <= choice.confidence < 1.0


def test_readings_the_choice_did_not_need_stay_uncleaned_and_say_so() -> None:
    cleaned: list[str] = []

    def clean(name: str, reading: Article) -> Article:
        cleaned.append(reading.text)
        return reading

    readings = [("readability", article(words(300))), ("page", article(words(310, "other")))]
    choice = choose(readings, PageKind.ARTICLE, clean)
    assert cleaned == [words(300)]  # 300 x 6 >= 310 x 1: the page could not win
    assert [(other.name, other.cleaned) for other in choice.others] == [("page", False)]


def test_unknown_sources_weigh_as_much_as_the_page() -> None:
    assert weight("something-new", PageKind.ARTICLE) == WEIGHTS["page"]
    assert weight("posts", PageKind.FORUM) > weight("readability", PageKind.ARTICLE) / 2


NAMES = ["readability", "json-ld", "posts", "main", "article", "page", "description"]
blocks = st.lists(st.tuples(st.integers(0, 60), st.booleans()), min_size=1, max_size=5)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(NAMES), blocks), min_size=1, max_size=6),
    st.sampled_from(list(PageKind)),
)
def test_stopping_early_chooses_what_cleaning_every_reading_would(
    specs: Sequence[tuple[str, list[tuple[int, bool]]]], kind: PageKind
) -> None:
    readings = [
        (name, article(*(words(count, "junk" if junk else "text") for count, junk in spec)))
        for name, spec in specs
        if any(count for count, _ in spec)
    ]
    if not readings:
        return
    clean = drop_blocks_with("junk")
    choice = choose(readings, kind, clean)
    best = max(
        (_score(clean(name, reading), weight(name, kind)) for name, reading in readings),
        default=0.0,
    )
    assert _score(choice.article, weight(readings[choice.index][0], kind)) == best
    assert 0.0 <= choice.confidence <= 1.0


def _score(reading: Article, factor: float) -> float:
    return 0.0 if reading.words < 5 else reading.words * factor
