"""metadata: title, byline, site, date, language, canonical URL, description from each source."""

from __future__ import annotations

import json

import pytest

from lire.extract.metadata import Metadata, normalise_date, normalise_lang, read_metadata
from lire.extract.tree import parse_html


def metadata(
    head: str, *, html_attrs: str = "", body: str = "", url: str | None = None
) -> Metadata:
    html = f"<html {html_attrs}><head>{head}</head><body>{body}<p>text</p></body></html>"
    return read_metadata(parse_html(html, location="test"), url=url)


def ld(data: object) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def test_a_page_without_metadata_has_every_field_none() -> None:
    assert metadata("") == Metadata()


def test_title_from_the_title_element_loses_its_site_suffix() -> None:
    head = "<title>Quay opens next spring | Harbour News</title>"
    assert metadata(head).title == "Quay opens next spring"
    site = "<meta property='og:site_name' content='Harbour News'>"
    assert metadata("<title>Harbour News - Quay opens</title>" + site).title == "Quay opens"


def test_og_title_is_preferred_over_the_title_element() -> None:
    head = "<title>Quay | Harbour</title><meta property='og:title' content='The quay opens'>"
    assert metadata(head).title == "The quay opens"


def test_json_ld_headline_is_preferred_over_h1_and_title() -> None:
    head = "<title>Quay | Harbour</title>" + ld({"@type": "NewsArticle", "headline": "Headline"})
    assert metadata(head, body="<h1>Heading</h1>").title == "Headline"


def test_a_single_h1_is_preferred_over_the_title_element() -> None:
    assert metadata("<title>Quay | Harbour</title>", body="<h1>The quay</h1>").title == "The quay"


def test_og_title_loses_a_suffix_naming_the_site() -> None:
    head = (
        "<meta property='og:title' content='The quay opens | Harbour News'>"
        "<meta property='og:site_name' content='Harbour News'>"
    )
    assert metadata(head).title == "The quay opens"


def test_meta_tags_give_byline_site_date_description() -> None:
    head = (
        "<meta name='author' content='Ann Lee'>"
        "<meta property='og:site_name' content='Harbour News'>"
        "<meta property='article:published_time' content='2019-11-19T08:30:00+0100'>"
        "<meta name='description' content='The quay opens.'>"
    )
    found = metadata(head)
    assert (found.byline, found.site, found.description) == (
        "Ann Lee",
        "Harbour News",
        "The quay opens.",
    )
    assert found.published == "2019-11-19T08:30:00+01:00"


def test_an_author_url_is_not_a_byline() -> None:
    head = "<meta property='article:author' content='https://facebook.com/annlee'>"
    assert metadata(head).byline is None


def test_json_ld_article_gives_authors_publisher_date_and_language() -> None:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Quay",
        "author": [{"@type": "Person", "name": "Ann Lee"}, {"name": "Bo Chen"}],
        "publisher": {"@type": "Organization", "name": "Harbour News"},
        "datePublished": "2019-11-19",
        "inLanguage": "de-DE",
        "description": "About the quay.",
    }
    found = metadata(ld(data))
    assert found.byline == "Ann Lee, Bo Chen"
    assert found.site == "Harbour News"
    assert found.published == "2019-11-19"
    assert found.lang == "de"
    assert found.description == "About the quay."


def test_json_ld_graph_is_searched_for_the_article() -> None:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Harbour"},
            {"@type": ["BlogPosting"], "headline": "From the graph", "author": "Ann Lee"},
        ],
    }
    found = metadata(ld(data))
    assert (found.title, found.byline) == ("From the graph", "Ann Lee")


@pytest.mark.parametrize(
    "script",
    [
        "{not json",
        "[" * 100_000,
        '{"@type": 3, "headline": ["x"]}',
        '"just a string"',
        '[{"@type": "Article", "author": {"name": 7}, "headline": null}]',
    ],
)
def test_malformed_json_ld_is_ignored(script: str) -> None:
    head = f"<title>Fallback title</title><script type='application/ld+json'>{script}</script>"
    found = metadata(head)
    assert found.title == "Fallback title"
    assert found.byline is None


@pytest.mark.parametrize(
    ("html_attrs", "head", "expected"),
    [
        ("lang='fr-FR'", "", "fr"),
        ("", "<meta property='og:locale' content='pt_BR'>", "pt"),
        ("", "<meta http-equiv='content-language' content='DE'>", "de"),
        ("lang=''", "", None),
    ],
)
def test_language_comes_from_html_lang_og_locale_or_content_language(
    html_attrs: str, head: str, expected: str | None
) -> None:
    assert metadata(head, html_attrs=html_attrs).lang == expected


def test_canonical_url_is_resolved_against_the_page_url() -> None:
    head = "<link rel='canonical' href='/news/quay'>"
    assert metadata(head, url="https://harbour.example/x?y=1").url == (
        "https://harbour.example/news/quay"
    )
    assert metadata("<meta property='og:url' content='https://h.example/q'>").url == (
        "https://h.example/q"
    )


def test_metadata_strings_are_sanitised() -> None:
    head = "<meta name='author' content='Ann\x1b[31m Lee&#x202e;'>"
    assert metadata(head).byline == "Ann Lee"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-19T08:30:00Z", "2019-11-19T08:30:00+00:00"),
        ("2019-11-19 08:30", "2019-11-19T08:30:00"),
        ("2019-11-19", "2019-11-19"),
        ("20191119", "2019-11-19"),
        ("Tue, 19 Nov 2019 08:30:00 GMT", "2019-11-19T08:30:00+00:00"),
        ("last Tuesday", None),
        ("", None),
    ],
)
def test_dates_are_normalised_to_iso_8601(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("en-US", "en"), ("FR", "fr"), ("zh_Hant_TW", "zh"), ("x", None), (None, None)],
)
def test_languages_are_normalised_to_a_primary_tag(value: str | None, expected: str | None) -> None:
    assert normalise_lang(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "Mon, 01 Jan 99999999999 00:00:00 GMT",
        "Mon, 01 Jan 2024 00:00:00 +99999999999999999999",
        "1" * 5000,
        "２０２４０１０２",
        "2024-01-01T00:00:00+99:99",
    ],
)
def test_a_date_no_calendar_holds_is_no_date_and_no_error(value: str) -> None:
    assert normalise_date(value) is None
