"""Pasted text and fetched pages agree: the golden pages of real layouts, read as HTML.

Each page of plain text that plants the forms real pages share (fixtures/cases.toml: a page tail
and a page head with a paywall in every language) is marked up as a site would serve it: its
headline an ``<h1>``, every other line a paragraph, the titles of other articles links. Read
through the DOM pass, readability and the block pass, it keeps the same article sentences and
loses the same boilerplate as when it is pasted.
"""

from __future__ import annotations

import html

import pytest
from test_cases import CASES, Case, normalise

import lire

FORMS = ("-formes-", "-forms-", "-formen-", "-formas-", "-forme-", "-vormen-")
PAGES = [case for case in CASES if any(marker in case.name for marker in FORMS)]


def served(case: Case) -> str:
    """The case's text as an HTML page: the headline an <h1>, teaser titles links."""
    lines = case.path.read_text(encoding="utf-8").splitlines()
    headline = lines.index(case.title) if case.title is not None else 1

    def element(number: int, line: str) -> str:
        text = html.escape(line)
        if number == headline:
            return f"<h1>{text}</h1>"
        teaser = line in case.must_not_contain and len(line.split()) > 4
        if teaser and not line.endswith((".", ":", "*")):
            return f'<p><a href="/article-{number}">{text}</a></p>'
        return f"<p>{text}</p>"

    body = "".join(element(number, line) for number, line in enumerate(lines))
    return (
        f'<!doctype html><html lang="{case.lang}"><head><title>{html.escape(lines[headline])}'
        f"</title></head><body><article>{body}</article></body></html>"
    )


def test_every_language_has_its_pages_of_real_forms() -> None:
    assert {case.lang for case in PAGES} == {"en", "fr", "de", "es", "it", "pt", "nl"}
    assert len(PAGES) == 14


@pytest.mark.parametrize("case", PAGES, ids=lambda case: case.name)
def test_the_page_fetched_as_html_reads_as_it_does_pasted(case: Case) -> None:
    article = lire.read_html(served(case), url="https://news.example/article").article
    text = normalise(" ".join([article.title or "", article.text]))
    assert [s for s in case.must_contain if normalise(s) not in text] == []
    assert [s for s in case.must_not_contain if normalise(s) in text] == []
