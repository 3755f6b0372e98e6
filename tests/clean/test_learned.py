"""The learned boilerplate model: it finds the article in a pasted page, names what it removes
by kind with a score, can be undone, and keeps what it is unsure of."""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import replace

import pytest

import lire
from lire.clean import clean, restore_removals
from lire.clean.context import article_span, context_features
from lire.clean.features import block_features, hashed
from lire.clean.form import Forms
from lire.clean.learned import (
    BoilerplateModel,
    default_model,
    learned_marks,
    load_model,
    save_model,
)
from lire.clean.rules import CATEGORIES
from lire.model import Article, Block, BlockKind, Reading, Removal
from lire.render import render_explain
from paths import ROOT

NEWS = ROOT / "data" / "boilerplate" / "news.jsonl"
ARTICLE = (
    "The city council voted on Tuesday to rebuild the old harbour bridge, closed since a storm "
    "damaged its pillars two winters ago, at a cost of about 40 million dollars.",
    "Engineers expect the work to start in the spring and to last three years, during which "
    "ferries will carry commuters across the bay twice an hour instead of once.",
    "The mayor said the city would ask the region to pay a third of the bill, and that tolls were "
    "out of the question for a bridge that thousands of children cross on their way to school.",
)
MENU = ("Home", "News", "Sport", "Business", "Weather", "Opinion", "Contact us")
FOOTER = ("About us", "Privacy policy", "Terms of use", "Advertise with us", "© 2024 The Gazette")


def page(*, media_type: str = "text/plain") -> Article:
    texts = (*MENU, *ARTICLE, *FOOTER)
    blocks = tuple(Block(BlockKind.PARAGRAPH, text) for text in texts)
    return Article(blocks=blocks, lang="en", media_type=media_type)  # type: ignore[arg-type]


def test_a_pasted_page_loses_its_menu_and_footer_and_keeps_its_article() -> None:
    cleaned = clean(page()).article
    assert [block.text for block in cleaned.blocks] == list(ARTICLE)


def test_the_models_removals_name_a_kind_and_carry_a_score() -> None:
    removed = [r for r in clean(page()).article.removed if r.score is not None]
    assert removed
    for removal in removed:
        category, _, detail = removal.rule.partition("/")
        assert category in CATEGORIES and detail.startswith("model")
        assert removal.score is not None and 0.5 <= removal.score <= 1.0


def test_restoring_the_models_removals_gives_the_page_back() -> None:
    source = page()
    cleaned = clean(source).article
    restored = restore_removals(cleaned, range(len(cleaned.removed)))
    assert restored.blocks == source.blocks


def test_html_articles_are_left_to_the_rules() -> None:
    removed = clean(page(media_type="text/html")).article.removed
    assert all(removal.score is None for removal in removed)


def test_without_running_text_the_model_removes_nothing() -> None:
    blocks = tuple(Block(BlockKind.PARAGRAPH, text) for text in (*MENU, *FOOTER))
    assert learned_marks(blocks, [None] * len(blocks), default_model()) == {}


def test_a_model_that_is_never_sure_removes_nothing() -> None:
    timid = replace(default_model(), threshold=2.0, outside=2.0, alone=2.0)
    assert all(r.score is None for r in clean(page(), model=timid).article.removed)


def test_the_model_file_round_trips() -> None:
    model = default_model()
    again = load_model(save_model(model))
    assert again.kinds == model.kinds and again.threshold == model.threshold
    assert max(abs(a - b) for a, b in zip(again.weights, model.weights, strict=True)) < 1e-3
    assert again.context_weights == model.context_weights and again.scale == model.scale
    floats = replace(model, weights=[w / model.scale for w in model.weights], scale=1.0)
    assert load_model(save_model(floats)).weights == model.weights  # real weights, same file


def test_the_kinds_summed_in_lanes_are_the_kinds_summed_weight_by_weight() -> None:
    model = default_model()
    floats = replace(model, kind_weights=tuple([float(w) for w in k] for k in model.kind_weights))
    assert model.lanes().usable and not floats.lanes().usable  # in training: rows are summed
    rng = random.Random(7)
    for _ in range(2000):
        indices = [rng.randrange(1 << model.bits) for _ in range(rng.randint(0, 80))]
        assert model.kind_indices(indices) == floats.kind_indices(indices)


def test_a_damaged_model_file_is_refused() -> None:
    data = save_model(replace(default_model(), kinds=(*default_model().kinds, "extra")))
    with pytest.raises(ValueError, match="weights"):
        load_model(data)
    with pytest.raises(ValueError, match="scale"):
        load_model(save_model(default_model(), scale=0.0))


def test_explain_shows_the_score_of_a_learned_removal() -> None:
    article = Article(blocks=(), removed=(Removal("nav/model", "Home", 0, score=0.934),))
    assert "- nav/model (score 0.93)" in render_explain(Reading(article=article))


def news_texts(hard_negative: bool) -> list[dict[str, object]]:
    lines = NEWS.read_text(encoding="utf-8").splitlines()
    return [t for t in map(json.loads, lines) if t["hard_negative"] is hard_negative]


@pytest.mark.parametrize("text", news_texts(True), ids=lambda text: str(text["source"]))
def test_real_articles_about_paywalls_cookies_and_moderation_are_kept_whole(
    text: dict[str, list[dict[str, str]]],
) -> None:
    pasted = "\n".join(line["text"] for line in text["lines"])
    reading = lire.read_text(pasted)
    kept = " ".join([reading.article.title or "", reading.article.text])
    for line in text["lines"]:
        assert line["text"] in kept
    assert reading.article.removed == ()


def _model_sure_of(*words: str, weight: float = 6.0, bits: int = 12) -> BoilerplateModel:
    """A model that scores one half everywhere but on blocks holding one of ``words``."""
    weights = [0.0] * (1 << bits)
    for index in hashed([f"w:{word}" for word in words], bits):
        weights[index] = weight
    model = default_model()
    return replace(model, bits=bits, weights=weights, context_weights=None, scale=1.0)


def _pasted(*lines: str) -> tuple[Block, ...]:
    return tuple(Block(BlockKind.PARAGRAPH, line) for line in (*lines, *ARTICLE))


def test_a_short_first_line_is_judged_when_a_headline_follows_it() -> None:
    blocks = _pasted("Latest notices", "Harbour bridge to be rebuilt after two winters")
    marks = learned_marks(
        blocks, [None] * len(blocks), _model_sure_of("notices"), title=blocks[0].text
    )
    assert list(marks) == [0]
    alone = _pasted("Latest notices")  # no other line reads as the headline: the title stays
    assert (
        learned_marks(alone, [None] * len(alone), _model_sure_of("notices"), title="Latest notices")
        == {}
    )


def test_a_short_title_another_line_quotes_is_the_headline() -> None:
    # a blog's comment count names its post: the short first line is the post's title
    title = "Our cycling holiday"
    blocks = _pasted(title, "No comments on Our cycling holiday")
    model = _model_sure_of("cycling")
    assert 0 not in learned_marks(blocks, [None] * len(blocks), model, title=title)
    unquoted = _pasted(title, "Harbour bridge to be rebuilt after two winters")
    assert 0 in learned_marks(unquoted, [None] * len(unquoted), model, title=title)


def test_a_headline_like_line_the_model_is_all_but_sure_of_goes() -> None:
    blocks = _pasted(
        "The Gazette partner network", "Harbour bridge to be rebuilt after two winters"
    )
    sure = learned_marks(blocks, [None] * len(blocks), _model_sure_of("partner"))
    assert list(sure) == [0]
    doubtful = learned_marks(blocks, [None] * len(blocks), _model_sure_of("partner", weight=1.5))
    assert doubtful == {}  # 0.82: the line reads as the headline, and the model is unsure


def test_a_headline_the_model_leans_against_gives_way_to_the_next_headline_like_line() -> None:
    # "Thu 25 Jul 2024 edition" reads as a headline (the first headline-like line) but the model
    # scores it 0.82: the line after it, which the model reads as the article's, is the headline
    blocks = _pasted("Thu 25 Jul 2024 edition", "Harbour bridge to be rebuilt after two winters")
    model = _model_sure_of("edition", weight=1.5)
    weights = list(model.weights)
    for index in hashed(["w:harbour"], model.bits):
        weights[index] = -3.0
    model = replace(model, weights=weights)
    assert list(learned_marks(blocks, [None] * len(blocks), model)) == [0]
    # the same line before no such line stays the headline: the model is unsure (0.82)
    alone = _pasted("Thu 25 Jul 2024 edition", "Bridge works: what the council voted")
    assert learned_marks(alone, [None] * len(alone), model) == {}


def test_the_topic_share_tells_a_subheading_from_another_articles_headline() -> None:
    blocks = _pasted("Bridge pillars and ferries", "Celebrity chef opens a restaurant downtown")
    features = block_features(blocks)
    assert "tp:4" in features[0]  # every word of it is the article's
    assert "tp:0" in features[1]  # none is


def test_the_headlines_around_a_block_tell_a_list_of_stories_from_a_subheading() -> None:
    body = (
        "The council voted on the new bridge late on Tuesday, after a long and heated debate in"
        " which every party spoke."
    )
    texts = [
        "Council backs the new bridge over the river",
        body,
        body,
        "Work on the pillars starts in spring",  # a subheading: alone among paragraphs
        body,
        body,
        body,
        "Celebrity chef opens a restaurant downtown",  # other stories, one after another
        "Storm warning for the coast this weekend",
        "Local team wins the regional cup final",
    ]
    features = block_features([Block(BlockKind.PARAGRAPH, text) for text in texts])
    assert "hl:1" in features[3]  # the article's headline, three blocks up
    assert "hl:2" in features[8]  # its two neighbours


def test_every_digit_reads_as_zero_to_the_form_of_a_block() -> None:
    # what lets a page's blocks share the form of their text with its digits folded
    digits = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\d", chr(c))]
    assert len(digits) > 600
    templates = ("Page {}", "{}.{}.20{}{} | © (C) www.x.org €{}", "ΣΑΣ{} {} EUR İ", "{}{}:{}{} ǅ{}")
    for kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
        for template in templates:
            zero = Forms()[template.replace("{}", "0"), kind, 3]
            for digit in digits:
                assert Forms()[template.replace("{}", digit), kind, 3] == zero, repr(digit)


def test_an_ascii_texts_capitals_are_counted_as_any_texts() -> None:
    # an ASCII text's letters and capitals are counted as bytes: a thin space (no letter, no
    # word) makes the text no ASCII one, and must change nothing
    for code in range(128):
        for template in ("Ab{}cD {}", "{}{}", "NEWS{}x"):
            text = template.format(chr(code), chr(code))
            ascii_form = Forms()[text, BlockKind.PARAGRAPH, None]
            assert Forms()[text + "\u2009", BlockKind.PARAGRAPH, None] == ascii_form, code


def test_the_second_look_reads_the_neighbours_scores_and_the_run_a_block_stands_in() -> None:
    scores = [0.9, 0.8, 0.1, 0.05, 0.1, 0.7, 0.9, 0.95]
    words = [2, 1, 40, 35, 30, 3, 4, 2]
    features = context_features(scores, words)
    assert article_span(scores, words) == (2, 4)
    assert {"xp:^", "xn:8", "xr:1", "xs:pre", "xs:pre|2"} <= set(features[0])
    assert {"xpn:lll", "xs:in", "xr:0"} <= set(features[3])
    assert {"xr:2", "xs:post", "xs:post|3", "xn:$"} <= set(features[7])


def test_a_model_with_a_second_pass_round_trips_and_scores_by_it() -> None:
    base = _model_sure_of("notices")
    second = [0.0] * (1 << base.bits)
    sure, unsure = hashed(["x1:9", "x1:5"], base.bits)
    second[sure], second[unsure] = 8.0, -8.0  # the second pass trusts the first when it is sure
    model = replace(base, context_weights=second)
    again = load_model(save_model(model))
    assert again.context_weights is not None
    blocks = _pasted("Latest notices")
    words = [len(block.text.split()) for block in blocks]
    features = block_features(blocks)
    assert [round(s, 2) for s in again.scores(features, words)] == [1.0, 0.0, 0.0, 0.0]
    assert [round(s, 2) for s in base.scores(features, words)] == [1.0, 0.5, 0.5, 0.5]


def test_lines_above_the_headline_of_pasted_text_go_and_the_headline_stays() -> None:
    text = (
        "The Harbour Gazette\nSports\nWeather Alert\n"
        "Ferry company keeps temporary sheds open until the pier works end\n"
        "The harbour authority said on Tuesday that the new quay would open next spring, after "
        "three years of works that closed the old fish market and moved the ferries north.\n"
        "Passengers waited in temporary sheds through two winters, and the ferry company said it "
        "would keep the sheds until the last of the works on the pier are finished.\n"
        "The mayor said the town would hold a small ceremony when the first ferry docks at the "
        "new quay, probably in April, weather permitting."
    )
    reading = lire.read_text(text)
    gone = [removal.text for removal in reading.article.removed]
    assert gone == ["The Harbour Gazette", "Sports", "Weather Alert"]
    assert all(
        removal.rule.endswith(("/model", "/model-other")) for removal in reading.article.removed
    )
    assert reading.article.text.startswith("Ferry company keeps temporary sheds open")


def test_a_list_is_read_whole_when_half_its_items_or_more_stay() -> None:
    items = (
        "Moderating comments was taking more time than it was worth",
        "Keeping abusive comments off the site was a depressing chore",
    )
    lead = "So let me give my reasons for turning off the harbour bridge comments:"
    blocks = (
        *(Block(BlockKind.PARAGRAPH, text) for text in (*ARTICLE, lead)),
        *(Block(BlockKind.LIST_ITEM, text) for text in items),
    )
    sure = _model_sure_of("abusive")
    assert learned_marks(blocks, [None] * len(blocks), sure) == {}
    as_lines = tuple(Block(BlockKind.PARAGRAPH, block.text) for block in blocks)
    assert learned_marks(as_lines, [None] * len(as_lines), sure) == {}  # the lead announces it
    unannounced = (*as_lines[: len(ARTICLE)], Block(BlockKind.PARAGRAPH, lead[:-1] + "."))
    unannounced += as_lines[len(ARTICLE) + 1 :]
    assert list(learned_marks(unannounced, [None] * len(blocks), sure)) == [len(blocks) - 1]
    teasers = (*blocks, Block(BlockKind.LIST_ITEM, "Abusive callers jam the city's phone line"))
    marks = learned_marks(teasers, [None] * len(teasers), sure)
    assert list(marks) == [len(blocks) - 1, len(blocks)]  # most of the list goes: it goes


SQUAD_ARTICLE = (
    "The national coach named his squad on Tuesday for the three tests against the touring side, "
    "with four new caps among the forwards and a recall for the veteran scrum-half.",
    "The selectors said it had been a hard squad to pick after a season in which the clubs had "
    "produced more young players of international standard than for many years.",
    "The coach said the first test in the capital would be the hardest of the series, and that "
    "the squad would meet on Sunday for a week of training by the sea.",
)
SQUAD = (
    *("Forwards:", "Tom Hardy", "Sam Walker", "Luke Ross", "Owen Price", "Dan Cole", "Ben Ward"),
    *("Jack Lane", "Matt Dunn", "Rob Kerr", "Backs:", "Ian Moss", "Ed Stone", "Joe Marsh"),
    *("Will Hart", "Alex Reid", "Harry Fox", "Nick Bell"),
)


def test_a_list_the_article_announces_with_a_colon_stays_whole() -> None:
    # A squad of names at the end looks like a menu to the model; the article announced it.
    text = "\n\n".join([*SQUAD_ARTICLE, "The 30-strong squad is as follows:", *SQUAD])
    reading = lire.read_text(text)
    assert reading.article.removed == ()


def test_a_list_under_a_header_a_rule_removes_is_not_announced() -> None:
    teasers = (
        "Coach names four new caps for the summer tour",
        "Club captain signs a new three-year contract",
        "Ticket sales for the first test open on Monday",
    )
    text = "\n\n".join([*SQUAD_ARTICLE, "Read more:", *teasers])
    removed = {removal.text for removal in lire.read_text(text).article.removed}
    assert {"Read more:", *teasers} <= removed
