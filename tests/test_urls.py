"""Web addresses: only http(s) ones with a host come out, checked, one line, without credentials."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lire.urls import article_address, same_site, web_address, without_credentials

BASE = "https://news.example.org/2024/story"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("HTTP://Example.ORG:80/a?b=1#c", "http://example.org/a?b=1#c"),
        ("/other", "https://news.example.org/other"),
        ("//cdn.example.net/x", "https://cdn.example.net/x"),
        ("https://user:secret@example.org/", "https://example.org/"),
        ("http://[::1]:8080/x", "http://[::1]:8080/x"),
        ('https://example.org/a b<c>"d\\e`', "https://example.org/a%20b%3Cc%3E%22d%5Ce%60"),
        (" https://example.org/\x1b[31m\u200bx ", "https://example.org/x"),
        ("https://bücher.example/", "https://bücher.example/"),
    ],
)
def test_a_web_address_comes_out_checked(raw: str, expected: str) -> None:
    assert web_address(raw, base=BASE) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "data:text/html,<b>x</b>",
        "about:blank",
        "tel:+33123",
        "blob:https://example.org/x",
        "mailto:a@example.org",
        "file:///etc/passwd",
        "ftp://example.org/",
        "http://[::1",
        "http://[::1/x",
        "http://[zz::1]/",
        "http://example.org:99999/",
        "http://example.org:port/",
        "http:///x",
        "https://exa mple.org/",
        "http://%zz/",
        "http://" + "a" * 64 + ".example/",
        "https://example.org/" + "a" * 5000,
        "",
    ],
)
def test_what_is_not_an_http_address_is_none(raw: str) -> None:
    assert web_address(raw) is None
    assert web_address(raw, base=BASE) is None or raw.startswith(("//", "/"))


def test_a_malformed_base_gives_none_not_an_error() -> None:
    assert web_address("/x", base="http://[::1") is None
    assert web_address(None) is None
    assert web_address(42) is None


@given(st.text(max_size=80), st.sampled_from([None, BASE, "http://[::1", "javascript:x"]))
@settings(max_examples=300, derandomize=True, database=None, deadline=None)
def test_whatever_the_value_web_address_gives_a_checked_address_or_none(
    raw: str, base: str | None
) -> None:
    found = web_address(raw, base=base)
    if found is None:
        return
    assert found.startswith(("http://", "https://"))
    assert not any(char in found for char in ' <>"\\\n\t')
    assert "@" not in urlsplit(found).netloc
    assert web_address(found) == found


def test_credentials_are_dropped() -> None:
    assert without_credentials("http://u:p@h.example/x?y#z") == "http://h.example/x?y#z"
    assert without_credentials("http://h.example/@x") == "http://h.example/@x"
    assert without_credentials("http://[::1") == "http://[::1"


@pytest.mark.parametrize(
    "variant",
    [
        "https://www.example.org/2024/story",
        "https://example.org/2024/story/",
        "https://example.org/2024/story#comments",
        "http://example.org:80/2024/story?utm_source=x&utm_medium=y",
        "https://m.example.org/2024/story?fbclid=abc",
        "https://example.org/2024/story?gclid=1&_ga=2&mc_cid=3",
    ],
)
def test_the_addresses_of_one_article_share_its_key(variant: str) -> None:
    assert article_address(variant) == article_address("https://example.org/2024/story")


def test_the_query_that_names_an_article_stays_in_its_key() -> None:
    one = article_address("https://example.org/read?id=1&utm_source=x")
    assert one == "example.org/read?id=1"
    assert one != article_address("https://example.org/read?id=2")
    assert article_address("javascript:x") is None


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("https://example.org/a", "https://www.example.org/b", True),
        ("https://news.example.org/a", "https://example.org/b", True),
        ("https://m.example.org/a", "https://www.example.org/b", True),
        ("https://example.org/a", "https://example.net/a", False),
        ("https://example.org/a", "https://evil-example.org/a", False),
        ("https://example.org/a", "http://[::1", False),
    ],
)
def test_same_site(first: str, second: str, same: bool) -> None:
    assert same_site(first, second) is same
