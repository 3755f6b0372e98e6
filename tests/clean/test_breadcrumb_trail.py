"""title.breadcrumb_trails: a breadcrumb trail run into the headline above pasted text goes."""

from __future__ import annotations

import lire
from lire.clean.title import BREADCRUMB_RULE, breadcrumb_trails
from lire.model import Block, BlockKind

BODY = (
    "Het gras is niet altijd groener aan de overkant, maar soms zie je in de winkel bepaalde "
    "groentes liggen die je zelf in de moestuin kunt kweken, en dat laat deze soep zien."
)


def blocks(*texts: str) -> list[Block]:
    return [Block(BlockKind.PARAGRAPH, text) for text in texts]


def test_a_trail_that_ends_with_the_headline_is_found_on_either_side_of_it() -> None:
    below = blocks(
        "HomeLifestyleVan tuin tot bord: Herfstsoep", "Van tuin tot bord: Herfstsoep", BODY
    )
    above = blocks(
        "Van tuin tot bord: Herfstsoep", "Home › Lifestyle › Van tuin tot bord: Herfstsoep"
    )
    assert breadcrumb_trails(below) == {0}
    assert breadcrumb_trails(above) == {1}


def test_a_trail_cut_short_ends_with_the_headline_s_beginning() -> None:
    cut = blocks(
        "InicioQuintana RooCancúnMano dura a corrupción: Detiene a 16 policías de Cancún por..",
        "Mano dura a corrupción: Detiene a 16 policías de Cancún por vínculos con el crimen",
    )
    whole = blocks(  # not cut short: the trail must end with the whole headline
        "InicioQuintana RooCancúnMano dura a corrupción: Detiene a 16 policías de Cancún por",
        "Mano dura a corrupción: Detiene a 16 policías de Cancún por vínculos con el crimen",
    )
    assert breadcrumb_trails(cut) == {0}
    assert breadcrumb_trails(whole) == set()


def test_headlines_that_open_with_home_or_say_it_alone_stay() -> None:
    homekit = blocks("HomeKit update brings new locks and cameras", BODY)
    same = blocks("Home: a film about leaving", "Home: a film about leaving", BODY)
    far = blocks(
        "HomeLifestyleHerfstsoep uit eigen tuin", "Intro", "Nog iets", "Herfstsoep uit eigen tuin"
    )
    assert breadcrumb_trails(homekit) == set()
    assert breadcrumb_trails(same) == set()  # "Home" is the headline's own first word
    assert breadcrumb_trails(far) == set()


def test_pasted_text_loses_the_trail_and_keeps_its_headline() -> None:
    text = "\n".join(
        [
            "zondag, 26 maart 2023",
            "HomeLifestyleVan tuin tot bord: Herfstsoep",
            "Van tuin tot bord: Herfstsoep",
            BODY,
            BODY.replace("soep", "salade"),
        ]
    )
    article = lire.read_text(text).article
    trails = [r.text for r in article.removed if r.rule == BREADCRUMB_RULE]
    assert trails == ["HomeLifestyleVan tuin tot bord: Herfstsoep"]
    assert "Van tuin tot bord: Herfstsoep" in (article.title or "") + article.text
