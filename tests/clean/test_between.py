"""between: a line left standing among removed ones after the article goes with them."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

import lire.clean.blocks as blocks_module
from lire.clean import clean
from lire.clean.between import between_removed
from lire.extract import extract_text
from lire.model import Block, BlockKind

P = BlockKind.PARAGRAPH
PROSE = (
    "Volgens de politie reed de ambulance achter de personenauto toen de bestuurder op de "
    "Koegorsstraat in Terneuzen probeerde in te halen, waarna beide voertuigen in botsing kwamen."
)
RELATED, COMMENT = "related/model", "comment/model"


def blocks(*texts: str) -> list[Block]:
    return [Block(P, text) for text in texts]


def test_a_headline_between_two_removed_dates_goes_with_them() -> None:
    page = blocks(
        PROSE,
        "Laatste nieuwsvideo's",
        "04 februari 2025",
        "Auto in voortuin",
        "-",
        "03 februari 2025",
    )
    found = between_removed(page, {2: RELATED, 5: RELATED}, kept=set())
    assert found == {
        3: RELATED
    }  # the "-" line is looked past; the label has no removed line before it


def test_a_label_over_removed_related_stories_goes() -> None:
    page = blocks(PROSE, "Ces articles devraient vous intéresser", "Un", "Deux", "Trois")
    marks = {2: RELATED, 3: RELATED, 4: RELATED}
    assert between_removed(page, marks, kept=set()) == {1: RELATED}
    assert between_removed(page, {2: RELATED, 3: RELATED, 4: COMMENT}, kept=set()) == {}


def test_sentences_other_categories_kept_blocks_and_the_article_stay() -> None:
    sentence = blocks(PROSE, "x", "Aguarde mais informações sobre o caso.", "y")
    assert between_removed(sentence, {1: RELATED, 3: RELATED}, kept=set()) == {}
    mixed = blocks(PROSE, "x", "Resumo da previsão", "y")
    assert between_removed(mixed, {1: RELATED, 3: COMMENT}, kept=set()) == {}
    assert between_removed(mixed, {1: RELATED, 3: RELATED}, kept={2}) == {}
    inside = blocks("x", "Chuvas intensas", "y", PROSE)  # before the last paragraph: the article's
    assert between_removed(inside, {0: RELATED, 2: RELATED}, kept=set()) == {}
    assert between_removed(blocks("x", "Chuvas", "y"), {0: RELATED, 2: RELATED}, kept=set()) == {}


def test_the_cleaner_takes_a_headline_between_two_dates_the_model_removed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = "\n".join(
        [
            "Ongeval ambulance gebeurde bij inhaalactie",
            PROSE,
            "In de auto zat ook een kind, dat lichtgewond raakte bij het ongeval.",
            "04 februari 2025",
            "Auto in voortuin Nieuwdorp na aanrijding",
            "03 februari 2025",
        ]
    )
    article = extract_text(text)

    def the_dates(
        blocks: Sequence[Block], *_: object, **__: object
    ) -> dict[int, tuple[str, float]]:
        dates = [i for i, block in enumerate(blocks) if block.text.endswith("2025")]
        return dict.fromkeys(dates, (RELATED, 0.9))  # what a model might say of the page

    monkeypatch.setattr(blocks_module, "learned_marks", the_dates)
    removed = [r.text for r in clean(article).article.removed]
    assert removed == [
        "04 februari 2025",
        "Auto in voortuin Nieuwdorp na aanrijding",
        "03 februari 2025",
    ]
