"""Golden pages: each page kind read as its readers expect, and text that reaches them whole.

Every page in fixtures/pages/ is read through ``lire.read`` and checked against
fixtures/pages.toml: the kind lire tells, the text it must keep (in order) and the chrome it
must not, exact lines of the text and Markdown output, and the notice.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import lxml.html
import pytest

import lire
from lire.config import CleanConfig, Config
from lire.render import render
from lire.sanitize import sanitize
from paths import FIXTURES

PAGES_FILE = FIXTURES / "pages.toml"
KINDS = {"article", "forum", "documentation", "product", "listing", "collection", "service"}


@dataclass(frozen=True, slots=True)
class PageCase:
    name: str
    page: str
    kinds: frozenset[str]  # "collection|listing": either is right
    must_contain: tuple[str, ...]
    must_not_contain: tuple[str, ...]
    text_contains: tuple[str, ...]
    markdown_contains: tuple[str, ...]
    notice: str | None
    clean: bool
    needs: str | None

    @property
    def path(self) -> Path:
        return FIXTURES / self.page


def load_cases() -> tuple[PageCase, ...]:
    with PAGES_FILE.open("rb") as file:
        data = tomllib.load(file)
    return tuple(
        PageCase(
            name=entry["name"],
            page=entry["page"],
            kinds=frozenset(entry["kind"].split("|")),
            must_contain=tuple(entry.get("must_contain", ())),
            must_not_contain=tuple(entry.get("must_not_contain", ())),
            text_contains=tuple(entry.get("text_contains", ())),
            markdown_contains=tuple(entry.get("markdown_contains", ())),
            notice=entry.get("notice"),
            clean=entry.get("clean", True),
            needs=entry.get("needs"),
        )
        for entry in data["page"]
    )


CASES = load_cases()


def normalise(text: str) -> str:
    return " ".join(text.split())


def removes_invisible_characters() -> bool:
    """Whether lire.sanitize removes soft hyphens and zero-width spaces (the hardening work)."""
    return sanitize("Bau\u00adzeit drei\u200bduizend") == "Bauzeit dreiduizend"


CAPABILITIES = {"invisible": removes_invisible_characters}


def marks(case: PageCase) -> list[pytest.MarkDecorator]:
    if case.needs is None:
        return []
    missing = not CAPABILITIES[case.needs]()
    reason = f"needs {case.needs}: lire.sanitize does not have it on this branch"
    return [pytest.mark.xfail(missing, reason=reason, strict=True)]


PARAMS = [pytest.param(case, id=case.name, marks=marks(case)) for case in CASES]


def test_the_pages_file_covers_every_page_kind_and_page() -> None:
    named = {kind for case in CASES for kind in case.kinds}
    assert named <= KINDS
    assert {"forum", "documentation", "product", "service", "article"} <= named
    assert named & {"listing", "collection"}
    pages = {path.relative_to(FIXTURES).as_posix() for path in FIXTURES.glob("pages/*.html")}
    assert pages == {case.page for case in CASES}
    assert len({case.name for case in CASES}) == len(CASES)


def visible_text(path: Path, *, invisible: bool = False) -> str:
    """A page's text as a reader sees it: block elements apart, images as their alt text,
    ruby annotations and (unless ``invisible``) invisible characters left out."""
    root = cast(lxml.html.HtmlElement, lxml.html.document_fromstring(path.read_bytes()))
    for element in root.iter("script", "style", "rt", "rp", "head"):
        element.drop_tree()
    for image in root.iter("img"):
        image.tail = f" {image.get('alt') or ''} {image.tail or ''}"
    for element in root.iter():
        if element.tag not in INLINE:
            element.tail = " " + (element.tail or "")
            element.text = " " + (element.text or "")
    text = root.text_content()
    if not invisible:
        text = text.replace("\u00ad", "").replace("\u200b", "")
    return normalise(text)


INLINE = {"a", "span", "code", "em", "strong", "b", "i", "ruby", "s", "time", "small"}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_case_strings_are_taken_from_its_page(case: PageCase) -> None:
    text = visible_text(case.path)
    parts = [part for s in case.must_contain for part in s.split(" · ")]  # a post's heading
    absent = [part for part in parts if normalise(part) not in text]
    assert not absent, f"strings not in {case.page}: {absent}"
    planted = visible_text(case.path, invisible=True) + case.path.read_text(encoding="utf-8")
    assert not [s for s in case.must_not_contain if s not in planted]
    assert case.must_contain


@pytest.mark.parametrize("case", PARAMS)
def test_page_reads_as_its_kind_whole_and_clean(case: PageCase) -> None:
    config = Config(clean=CleanConfig(enabled=case.clean))
    reading = lire.read(str(case.path), config=config)
    article = reading.article
    text = normalise(article.text)
    assert str(article.kind) in case.kinds, f"kind {article.kind}"
    lost = [s for s in case.must_contain if normalise(s) not in text]
    assert not lost, f"lost: {lost}"
    positions = [text.index(normalise(s)) for s in case.must_contain]
    assert positions == sorted(positions), "the reading changed the page's order"
    kept = [s for s in case.must_not_contain if s in article.text]
    assert not kept, f"kept: {kept}"
    lines = render(reading, "text").splitlines()
    assert not [line for line in case.text_contains if line not in lines]
    markdown = render(reading, "markdown").splitlines()
    assert not [line for line in case.markdown_contains if line not in markdown]
    assert article.notice == case.notice
    document = json.loads(render(reading, "json"))
    assert document["kind"] == str(article.kind)
    assert document["notice"] == case.notice
    assert 0.0 <= document["confidence"] <= 1.0
