"""Golden cases: every page in fixtures/ read through ``lire.read``, checked against cases.toml.

Each case names a page (HTML or pasted plain text), the sentences of the article that must
survive cleaning, fragments of the planted boilerplate that must not, and the rule categories
the cleaner is expected to name for what it removed. Hard negatives are articles *about*
subscriptions, cookies, newsletters...: none of their sentences may be removed.
"""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import lxml.html
import pytest

from paths import FIXTURES

CASES_FILE = FIXTURES / "cases.toml"

LANGUAGES = ("en", "fr", "de", "es", "it", "pt", "nl")
CATEGORIES = frozenset(
    {
        "subscription",
        "paywall",
        "meter",
        "login",
        "newsletter",
        "donation",
        "follow",
        "related",
        "share",
        "comment",
        "consent",
        "app",
        "ad",
        "credit",
        "author",
        "tags",
        "repeat",
        "learned",
        "site",
        "user",
        "hidden",
        "dialog",
        "form",
        "nav",
    }
)
MIN_CASES = 40
MIN_CASES_PER_LANGUAGE = 4
MIN_HARD_NEGATIVES = 14
MIN_HTML_PAGES = 16
MIN_TEXT_PAGES = 24


@dataclass(frozen=True, slots=True)
class Case:
    """One golden case, as written in cases.toml."""

    name: str
    page: str
    lang: str
    hard_negative: bool
    must_contain: tuple[str, ...]
    must_not_contain: tuple[str, ...]
    removed_categories: tuple[str, ...]  # "consent|dialog": either category names it
    title: str | None = None

    @property
    def path(self) -> Path:
        return FIXTURES / self.page


def load_cases() -> tuple[Case, ...]:
    with CASES_FILE.open("rb") as file:
        data = tomllib.load(file)
    return tuple(
        Case(
            name=entry["name"],
            page=entry["page"],
            lang=entry["lang"],
            hard_negative=entry["hard_negative"],
            must_contain=tuple(entry["must_contain"]),
            must_not_contain=tuple(entry.get("must_not_contain", ())),
            removed_categories=tuple(entry.get("removed_categories", ())),
            title=entry.get("title"),
        )
        for entry in data["case"]
    )


CASES = load_cases()


def normalise(text: str) -> str:
    """Collapse every run of whitespace (line breaks, non-breaking spaces) to one space."""
    return " ".join(text.split())


def page_text(path: Path) -> str:
    """The visible text of a fixture page: the text itself, or an HTML page's rendered text."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix != ".html":
        return normalise(raw)
    root = cast(lxml.html.HtmlElement, lxml.html.document_fromstring(raw))
    for element in root.iter("script", "style", "template"):
        element.drop_tree()
    # Block-level elements end a line: keep words of adjacent elements apart.
    for element in root.iter():
        if element.tag in {"p", "div", "li", "h1", "h2", "h3", "h4", "td", "br", "figcaption"}:
            element.tail = " " + (element.tail or "")
    return normalise(root.text_content())


# ---------------------------------------------------------------- the cases file itself


def test_cases_file_has_enough_cases_hard_negatives_and_languages() -> None:
    assert len(CASES) >= MIN_CASES
    assert sum(case.hard_negative for case in CASES) >= MIN_HARD_NEGATIVES
    per_language = Counter(case.lang for case in CASES)
    assert set(per_language) == set(LANGUAGES)
    short = {lang: n for lang, n in per_language.items() if n < MIN_CASES_PER_LANGUAGE}
    assert not short, f"languages with fewer than {MIN_CASES_PER_LANGUAGE} cases: {short}"
    hard_languages = {case.lang for case in CASES if case.hard_negative}
    assert hard_languages == set(LANGUAGES), "every language needs a hard negative"


def test_case_names_are_unique() -> None:
    duplicated = [name for name, n in Counter(case.name for case in CASES).items() if n > 1]
    assert not duplicated


def test_every_case_page_exists_and_every_page_has_a_case() -> None:
    missing = [case.page for case in CASES if not case.path.is_file()]
    assert not missing
    pages = {
        path.relative_to(FIXTURES).as_posix()
        for path in [*FIXTURES.glob("html/*.html"), *FIXTURES.glob("text/*.txt")]
    }
    assert len([page for page in pages if page.startswith("html/")]) >= MIN_HTML_PAGES
    assert len([page for page in pages if page.startswith("text/")]) >= MIN_TEXT_PAGES
    orphans = pages - {case.page for case in CASES}
    assert not orphans, f"fixture pages no case reads: {sorted(orphans)}"


def test_every_category_is_named_and_covered() -> None:
    named = {
        category
        for case in CASES
        for expected in case.removed_categories
        for category in expected.split("|")
    }
    assert named <= CATEGORIES, f"unknown categories: {sorted(named - CATEGORIES)}"
    planted = CATEGORIES - {"learned", "site", "user"}
    assert planted <= named, f"categories no case plants: {sorted(planted - named)}"


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_case_strings_are_taken_from_its_page(case: Case) -> None:
    text = page_text(case.path)
    absent = [s for s in (*case.must_contain, *case.must_not_contain) if normalise(s) not in text]
    assert not absent, f"strings not in {case.page}: {absent}"
    if case.title is not None:
        assert normalise(case.title) in text
    assert case.must_contain
    assert case.hard_negative or case.must_not_contain


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_case_keeps_and_drops_do_not_overlap(case: Case) -> None:
    clashes = [
        (keep, drop)
        for keep in case.must_contain
        for drop in case.must_not_contain
        if normalise(drop) in normalise(keep) or normalise(keep) in normalise(drop)
    ]
    assert not clashes


HTML_PAGES = sorted(FIXTURES.glob("html/*.html"))
HTML_META = ("description", "author", "og:title", "og:site_name", "og:locale")


@pytest.mark.parametrize("path", HTML_PAGES, ids=lambda path: path.name)
def test_html_page_carries_the_metadata_of_a_news_page(path: Path) -> None:
    root = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
    meta = {
        element.get("name") or element.get("property"): element.get("content")
        for element in root.iter("meta")
    }
    assert root.get("lang"), "<html lang> missing"
    assert not [name for name in HTML_META if not meta.get(name)]
    assert meta.get("article:published_time")
    title = root.findtext(".//title") or ""
    site = meta["og:site_name"]
    assert any(title.endswith(f"{dash} {site}") for dash in ("|", "-", "–")), title
    assert title.startswith(meta["og:title"] or "")
    for script in root.iterfind(".//script[@type='application/ld+json']"):
        data = json.loads(script.text or "")
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == meta["og:title"]
        assert data["author"] and data["datePublished"]


def test_html_pages_vary_their_layout() -> None:
    def has(xpath: str) -> int:
        return sum(
            bool(lxml.html.document_fromstring(p.read_text(encoding="utf-8")).xpath(xpath))
            for p in HTML_PAGES
        )

    assert has("//script[@type='application/ld+json']") >= 6
    assert has("//article") >= 4 and has("//main") >= 4
    assert has("//body[not(.//article)]") >= 4, "some pages are div soup"
    assert has("//figcaption") >= 3 and has("//blockquote") >= 2 and has("//h2") >= 6
    assert has("//ul[ancestor::*[contains(@class, 'body')]]") >= 1


# ---------------------------------------------------------------- the cases through lire


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_case_reads_clean(case: Case) -> None:
    # Imported here so the checks of the cases file run even while the pipeline is being built.
    import lire

    article = lire.read(str(case.path)).article
    text = normalise(article.text)

    if case.title is not None:
        assert article.title == case.title, f"title {article.title!r}"
    lost = [s for s in case.must_contain if normalise(s) not in text]
    assert not lost, f"article sentences lost: {lost}"
    kept = [s for s in case.must_not_contain if normalise(s) in text]
    assert not kept, f"boilerplate kept: {kept}"
    rules = [removal.rule for removal in article.removed]
    unnamed = [
        expected
        for expected in case.removed_categories
        if not any(rule.startswith(f"{c}/") for c in expected.split("|") for rule in rules)
    ]
    assert not unnamed, f"no removal rule in categories {unnamed}; rules: {rules}"
    if case.hard_negative and not case.must_not_contain:
        removed = [(removal.rule, removal.text[:80]) for removal in article.removed]
        assert not removed, f"nothing is planted in this page, yet the cleaner removed {removed}"
    if case.hard_negative:
        wrongly_removed = [
            (removal.rule, s)
            for removal in article.removed
            for s in case.must_contain
            if normalise(s) in normalise(removal.text)
        ]
        assert not wrongly_removed, f"article sentences removed: {wrongly_removed}"
