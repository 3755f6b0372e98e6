"""The pipeline wires config, rules and the learning store through every stage."""

from __future__ import annotations

from pathlib import Path

from lire.config import load_config
from lire.model import Page
from lire.pipeline import read_page
from lire.store import SiteMemoryStore

PARAGRAPHS = "".join(
    f"<p>{text}</p>"
    for text in (
        "The river authority opened the new flood gates at Marlow on Monday, two years after "
        "the winter storms had swept away the old timber weirs above the town bridge.",
        "Engineers said the steel gates can be lowered in eleven minutes, against almost an "
        "hour for the old boards, and that they were tested against a hundred-year flood.",
        "Residents who lost their homes in the storms said the work had taken too long, but "
        "that they would sleep better this winter knowing the gates were finally in place.",
        "The authority will publish the water levels at the gates every fifteen minutes on "
        "its website, and the footpath along the weir reopens to walkers next week.",
    )
)
PITCH = "Try the Almanac Club today: members read every story first and without any adverts."
SUBSCRIBE = "Subscribe now for unlimited access to all our journalism, from just $1 a week."


def page(body_extra: str) -> Page:
    html = (
        '<html lang="en"><head><title>Flood gates open at Marlow</title></head><body>'
        f"<article><h1>Flood gates open at Marlow</h1>{PARAGRAPHS}</article>"
        f'<div class="box">{body_extra}</div></body></html>'
    )
    url = "https://www.riverside.example/news/flood-gates"
    return Page(text=html, media_type="text/html", location=url, url=url)


def test_a_user_rule_from_the_config_judges_prose_in_the_dom_pass(tmp_path: Path) -> None:
    config_path = tmp_path / "config.toml"
    config_path.write_text(
        '[[clean.rules]]\nname = "subscription/almanac-club"\n'
        'pattern = "^try the almanac club"\nsite = "riverside.example"\n',
        encoding="utf-8",
    )
    config = load_config(config_path)
    reading = read_page(page(PITCH), config=config)
    assert "Almanac Club" not in reading.article.text
    assert [r.rule for r in reading.article.removed if "Almanac" in r.text] == [
        "subscription/almanac-club"
    ]
    assert "Engineers said the steel gates" in reading.article.text


def test_a_block_the_user_restored_is_spared_by_the_dom_pass_on_that_site(tmp_path: Path) -> None:
    config = load_config(tmp_path / "absent.toml")
    removed = read_page(page(SUBSCRIBE), config=config).article.removed
    assert any("Subscribe now" in r.text for r in removed), "the pitch goes by default"
    with SiteMemoryStore(tmp_path / "learned.sqlite3") as store:
        store.keep("riverside.example", SUBSCRIBE)
        kept = read_page(page(SUBSCRIBE), config=config, memory=store).article
        assert not any("Subscribe now" in r.text for r in kept.removed)
        assert SUBSCRIBE in kept.text
        other = Page(
            text=page(SUBSCRIBE).text,
            media_type="text/html",
            location="https://elsewhere.example/a",
            url="https://elsewhere.example/a",
        )
        elsewhere = read_page(other, config=config, memory=store).article
        assert any("Subscribe now" in r.text for r in elsewhere.removed), "only on that site"
