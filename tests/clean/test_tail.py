"""A list of other stories after a pasted article, told from the article's last section by its
subject (lire.clean.tail)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from lire.clean.features import is_prose
from lire.clean.tail import off_topic_tail, subject_words
from lire.model import Block, BlockKind

ARTICLE = (
    "The harbour bridge reopened to traffic on Tuesday after eighteen months of repairs to its "
    "pillars, which a winter storm had cracked, and the council says the bridge will carry "
    "lorries again from April.",
    "Repairs to the bridge cost the council 14 million pounds, a third of it paid by the "
    "government's fund for ageing bridges, and the pillars were wrapped in fibre concrete.",
    "Drivers who crossed the bridge on its first morning said the detour through the port had "
    "added twenty minutes to their journeys while the pillars were repaired.",
    "The council will weigh lorries on the bridge in March before the last limit on its "
    "traffic is lifted, and engineers will keep sensors on the pillars for a year.",
)
OTHER_STORIES = (
    "Latest from the region",
    "Warehouse fire destroys a cork factory's stock near Aveiro",
    "Sixty firefighters fought the flames through the night; nobody was hurt, the owners said.",
    "Jazz festival announces twelve concerts for its spring season",
)
LAST_SECTION = (
    "What comes next",
    "Lorries return to the bridge in April",
    "Engineers will read the sensors on the pillars every week, and the council will publish "
    "the bridge's traffic figures before lorries are allowed back.",
)
DIGEST = (
    "A man who says he is innocent will be executed on Thursday for a robbery that turned into "
    "a double murder, after his last appeals were denied by the court on Wednesday evening.",
    "Twenty-two new members took their seats in the legislature this year, most of them in the "
    "lower house, and three of them are former teachers from rural districts in the north.",
    "University presidents warned in a long hearing that faculty may be laid off if the "
    "budget proposed by the senate passes without the amendments they asked for last week.",
    "A congressman from the suburbs sits at the centre of the debates on taxes and trade "
    "this session, as chairman of the committee that writes the country's tax laws.",
)


def _tail(texts: Sequence[str], label_score: float = 0.7, label: int | None = None) -> int | None:
    blocks = [Block(BlockKind.PARAGRAPH, text) for text in texts]
    prose = [is_prose(text, len(text.split())) for text in texts]
    at = len(ARTICLE) + 1 if label is None else label
    scores = [label_score if i == at else 0.1 for i in range(len(texts))]
    words = [len(text.split()) for text in texts]
    return off_topic_tail(blocks, prose, scores, words, headline=0, outside=0.7)


def test_a_list_of_other_stories_after_the_article_is_found_at_its_label() -> None:
    texts = ("Harbour bridge reopens", *ARTICLE, *OTHER_STORIES)
    assert _tail(texts) == len(ARTICLE) + 1


def test_the_articles_last_section_on_its_subject_is_no_list() -> None:
    assert _tail(("Harbour bridge reopens", *ARTICLE, *LAST_SECTION)) is None


def test_a_label_the_model_does_not_lean_to_is_no_label() -> None:
    texts = ("Harbour bridge reopens", *ARTICLE, *OTHER_STORIES)
    assert _tail(texts, label_score=0.3) is None


@pytest.mark.parametrize("label", ["Photo: Harbour Authority", "Read this."])
def test_a_credit_or_a_sentence_is_no_label(label: str) -> None:
    texts = ("Harbour bridge reopens", *ARTICLE, label, *OTHER_STORIES[1:])
    assert _tail(texts) is None


def test_a_digest_of_unrelated_stories_has_no_subject_to_leave() -> None:
    texts = ("Today in the capital", *DIGEST, *OTHER_STORIES)
    assert _tail(texts, label=len(DIGEST) + 1) is None


HEADLINES = (
    "Warehouse fire destroys a cork factory's stock near Aveiro",
    "Jazz festival announces twelve concerts for its spring season",
    "Hospital opens a new maternity ward after two years of work",
)


def test_a_list_of_other_headlines_without_a_label_is_found_at_its_first() -> None:
    texts = ("Harbour bridge reopens", *ARTICLE, *HEADLINES)
    assert _tail(texts) == len(ARTICLE) + 1


def test_without_a_label_running_text_among_the_headlines_is_no_list() -> None:
    # an article's own paragraphs after a teaser in its middle may not use its key words
    texts = ("Harbour bridge reopens", *ARTICLE, *HEADLINES[:2], DIGEST[0], HEADLINES[2])
    assert _tail(texts) is None


def test_without_a_label_two_headlines_are_no_list() -> None:
    texts = ("Harbour bridge reopens", *ARTICLE, *HEADLINES[:2])
    assert _tail(texts) is None


def test_without_a_label_a_headline_the_model_does_not_lean_to_opens_no_list() -> None:
    texts = ("Harbour bridge reopens", *ARTICLE, *HEADLINES)
    assert _tail(texts, label_score=0.3) is None


def test_subject_words_leave_out_every_languages_function_words() -> None:
    words = subject_words("Die Brücke wurde über Nacht repariert, with pillars and their sensors")
    assert {"brück", "nacht", "repar", "pilla", "senso"} <= words
    assert not words & {"wurde", "über", "with", "their"}


def test_a_bulleted_list_after_the_article_opens_no_tail() -> None:
    # A survey's answers listed after the article ("Ads take up too much screen space 16.7%"):
    # short, off the article's key words, the model leaning to boilerplate; an item of a list
    # is no label of other stories, nor their first headline.
    items = (
        "Ads take up too much screen space 16.7%",
        "Ads sometimes contain viruses or bugs 16.5%",
        "To speed up page loading times 14.6%",
        "To avoid ads before watching videos or shows 13.3%",
    )
    texts = ("Harbour bridge reopens", *ARTICLE, *items)
    kinds = [BlockKind.PARAGRAPH] * (1 + len(ARTICLE)) + [BlockKind.LIST_ITEM] * len(items)
    blocks = [Block(kind, text) for kind, text in zip(kinds, texts, strict=True)]
    prose = [is_prose(text, len(text.split())) for text in texts]
    scores = [0.1] * (1 + len(ARTICLE)) + [0.6] * len(items)
    words = [len(text.split()) for text in texts]
    assert off_topic_tail(blocks, prose, scores, words, headline=0, outside=0.7) is None
    paragraphs = [Block(BlockKind.PARAGRAPH, text) for text in texts]
    assert off_topic_tail(paragraphs, prose, scores, words, headline=0, outside=0.7) is not None


def test_an_advertisements_label_opens_no_tail() -> None:
    # "Lees verder onder de advertentie": the article goes on below the advertisement
    texts = ("Harbour bridge reopens", *ARTICLE, *OTHER_STORIES)
    blocks = [Block(BlockKind.PARAGRAPH, text) for text in texts]
    prose = [is_prose(text, len(text.split())) for text in texts]
    at = len(ARTICLE) + 1
    scores = [0.7 if i == at else 0.1 for i in range(len(texts))]
    words = [len(text.split()) for text in texts]
    tail = off_topic_tail(blocks, prose, scores, words, headline=0, outside=0.7, ads={at})
    assert tail is None
    assert off_topic_tail(blocks, prose, scores, words, headline=0, outside=0.7) == at
