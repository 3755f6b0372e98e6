"""The bounds hold on generated input (checked by outcome, never by time).

A page nested 100,000 elements deep gives a result or an ExtractionError, never a
RecursionError; a 2 MB line without a space and 5 MB of piped text are read whole; a
compression bomb served by a real server on 127.0.0.1 stops with a FetchError at the
decompressed-size cap, as does a bomb saved to disk or piped; an endless stdin, an oversized
file and an oversized body stop at the download cap.
"""

from __future__ import annotations

import gzip
import io
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

import lire
from lire.config import Config, FetchConfig
from lire.errors import ExtractionError, FetchError
from lire.model import BlockKind, Reading
from lire.render import render
from loopback import Loopback, Reply, loopback_server  # noqa: F401  (the fixture "loopback")

DEPTH = 100_000
LINE_BYTES = 2_000_000
TEXT_BYTES = 5_000_000
CAP = FetchConfig().max_decompressed_bytes  # the default cap: 60 MB
PARAGRAPH = (
    "The council approved the housing plan on Tuesday after a long debate, and the minister "
    "said the first homes would be built next spring near the river."
)
ARTICLE = f"<article><h1>Deep pages</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH[::-1]}</p></article>"
# (opening, closing) markup repeated DEPTH times; an empty closing leaves the tags unclosed.
NESTINGS = {
    "div": ("<div>", "</div>"),
    "unclosed-b": ("<b>", ""),
    "list": ("<ul><li>", "</li></ul>"),
    "table": ("<table><tr><td>", "</td></tr></table>"),
    "unclosed-blockquote": ("<blockquote>", ""),
    "span-in-p": ("<p><span>", "</span></p>"),
    "link": ('<a href="/x">', "</a>"),
    "heading": ("<h2>", "</h2>"),
}


def deep(opening: str, closing: str, inside: str) -> str:
    return f"<html><body>{opening * DEPTH}{inside}{closing * DEPTH}</body></html>"


def assert_readable(reading: Reading) -> None:
    """The reading renders in every format (nothing in it is too deep or too big to print)."""
    for fmt in ("text", "markdown", "json"):
        assert render(reading, fmt).endswith("\n")


def read_or_refuse(page: str) -> None:
    """A deep page gives its article, or an ExtractionError of one line."""
    try:
        reading = lire.read_html(page)
    except ExtractionError as error:
        assert "\n" not in str(error)
        return
    assert PARAGRAPH in reading.article.text
    assert_readable(reading)


@pytest.mark.parametrize("nesting", NESTINGS.values(), ids=NESTINGS.keys())
def test_an_article_inside_100000_nested_elements_is_read_or_refused(
    nesting: tuple[str, str],
) -> None:
    read_or_refuse(deep(*nesting, inside=ARTICLE))


# 100,000 links become 100,000 siblings (a link closes the one before): one case is enough.
FOLLOWING = {name: nesting for name, nesting in NESTINGS.items() if name != "link"}


@pytest.mark.parametrize("nesting", FOLLOWING.values(), ids=FOLLOWING.keys())
def test_an_article_followed_by_100000_nested_elements_is_read_or_refused(
    nesting: tuple[str, str],
) -> None:
    opening, closing = nesting
    read_or_refuse(
        f"<html><body>{ARTICLE}{opening * DEPTH}deep words{closing * DEPTH}</body></html>"
    )


def test_an_article_after_a_header_nested_300_deep_is_read() -> None:
    header = "<header>" + "<span>" * 300 + "menu" + "</span>" * 300 + "</header>"
    reading = lire.read_html(f"<html><body>{header}{ARTICLE}</body></html>")
    assert PARAGRAPH in reading.article.text


def test_a_page_nested_100000_deep_is_refused_for_its_depth() -> None:
    with pytest.raises(ExtractionError, match="levels deep"):
        lire.read_html(deep("<div>", "</div>", ARTICLE), url="https://example.org/deep")


def test_a_deep_page_read_from_a_file_is_read_or_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text(deep("<div>", "</div>", ARTICLE), encoding="utf-8")
    try:
        reading = lire.read(str(path))
    except ExtractionError as error:
        assert str(path) in str(error)
        return
    assert PARAGRAPH in reading.article.text


def test_100000_nested_json_ld_arrays_are_ignored() -> None:
    ld = "[" * DEPTH + "]" * DEPTH
    page = f'<html><head><script type="application/ld+json">{ld}</script></head>'
    page += f"<body>{ARTICLE}</body></html>"
    reading = lire.read_html(page)
    assert reading.article.title == "Deep pages"
    assert PARAGRAPH in reading.article.text


def test_a_2_mb_line_without_spaces_is_read_as_text() -> None:
    line = ("abcdefghij" * (LINE_BYTES // 10))[:LINE_BYTES]
    reading = lire.read_text(f"{PARAGRAPH}\n\n{line}\n\n{PARAGRAPH[::-1]}")
    texts = [block.text for block in reading.article.blocks]
    assert line in texts
    assert reading.article.words == 2 * len(PARAGRAPH.split()) + 1
    assert all(point.text in texts[point.block] for point in reading.summary.points)
    assert_readable(reading)


def test_a_2_mb_minified_page_without_spaces_between_tags_is_read() -> None:
    paragraph = "<p>" + PARAGRAPH.replace(" ", "&#32;") + "</p>"
    count = LINE_BYTES // len(paragraph)
    page = "<html><body><article>" + paragraph * count + "</article></body></html>"
    assert "\n" not in page and " " not in page and len(page) >= LINE_BYTES * 0.99
    reading = lire.read_html(page)
    article = reading.article
    assert {block.text for block in article.blocks} == {PARAGRAPH}
    # Each paragraph is kept or recorded as removed (the cleaner may drop repeats).
    assert len(article.blocks) + len(article.removed) == count
    assert all(removal.text == PARAGRAPH for removal in article.removed)
    assert_readable(reading)


def five_megabytes_of_text() -> tuple[str, int]:
    """Numbered paragraphs (each one distinct), a heading and list items after every tenth."""
    parts: list[str] = []
    size = 0
    number = 0
    while size < TEXT_BYTES:
        number += 1
        part = f"{number}: {PARAGRAPH}"
        if number % 10 == 0:
            part = f"{part}\n\nPart {number}\n\n- item {number}\n- another item {number}"
        parts.append(part)
        size += len(part.encode()) + 2
    return "\n\n".join(parts), number


def test_5_mb_of_piped_text_is_read_whole() -> None:
    text, paragraphs = five_megabytes_of_text()
    assert len(text.encode()) >= TEXT_BYTES
    reading = lire.read_text(text)
    article = reading.article
    numbered = [block for block in article.blocks if block.text.endswith(PARAGRAPH)]
    assert [block.text for block in numbered] == [
        f"{number}: {PARAGRAPH}" for number in range(1, paragraphs + 1)
    ]
    items = [block for block in article.blocks if block.kind is BlockKind.LIST_ITEM]
    assert len(items) == 2 * (paragraphs // 10)
    assert 1 <= len(reading.summary.points) <= 3
    assert_readable(reading)


# -- compression bombs ------------------------------------------------------------------------


def zeros(total: int, chunk: int = 1 << 20) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        size = min(chunk, total - sent)
        yield bytes(size)
        sent += size


def gzip_bomb(total: int) -> bytes:
    """``total`` bytes of ``<p>`` and zeros, gzipped in chunks (never held inflated)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: a gzip container
    parts = [packer.compress(b"<p>")]
    parts += [packer.compress(chunk) for chunk in zeros(total)]
    parts.append(packer.flush())
    return b"".join(parts)


def brotli_bomb(total: int) -> bytes:
    packer = brotli.Compressor(quality=5)
    parts = [packer.process(b"<p>")]
    parts += [packer.process(chunk) for chunk in zeros(total)]
    parts.append(packer.finish())
    return b"".join(parts)


OVER_CAP = "once decompressed (fetch.max_decompressed_bytes)"


def assert_over_the_cap(error: FetchError, subject: str) -> None:
    """The one-line message names the source, says "larger than" the cap, and names the key."""
    message = str(error)
    assert message.startswith(f"{subject} is larger than ")
    assert message.endswith(OVER_CAP)
    assert "\n" not in message


BOMB_BYTES = 4 * CAP


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """240 MB of zeros behind ``<p>``, gzipped to a few hundred kB (built once)."""
    return gzip_bomb(BOMB_BYTES)


def served(loopback: Loopback, body: bytes, coding: str) -> str:
    headers = (("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", coding))
    return loopback.serve("/bomb", Reply(body, headers=headers))


def assert_stops_at_the_cap_in_little_memory(url: str) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(FetchError) as caught:
            lire.read(url)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert_over_the_cap(caught.value, url)
    assert peak < 1.5 * CAP  # what was inflated below the cap, not the whole bomb


def test_a_gzip_bomb_stops_at_the_default_decompressed_cap(loopback: Loopback, bomb: bytes) -> None:
    assert len(bomb) < FetchConfig().max_bytes // 50  # small as sent: only the cap can stop it
    assert_stops_at_the_cap_in_little_memory(served(loopback, bomb, "gzip"))


def test_a_brotli_bomb_stops_at_the_default_decompressed_cap(loopback: Loopback) -> None:
    bomb = brotli_bomb(BOMB_BYTES)
    assert len(bomb) < FetchConfig().max_bytes // 50
    assert_stops_at_the_cap_in_little_memory(served(loopback, bomb, "br"))


def test_a_gzip_bomb_gzipped_again_stops_at_the_cap(loopback: Loopback, bomb: bytes) -> None:
    url = served(loopback, gzip.compress(bomb, 9), "gzip, gzip")
    with pytest.raises(FetchError) as caught:
        lire.read(url)
    assert_over_the_cap(caught.value, url)


def test_a_bomb_under_a_smaller_configured_cap_stops_at_that_cap(
    loopback: Loopback, bomb: bytes
) -> None:
    config = Config(fetch=FetchConfig(max_decompressed_bytes=5_000_000))
    url = served(loopback, bomb, "gzip")
    with pytest.raises(FetchError) as caught:
        lire.read(url, config=config)
    assert_over_the_cap(caught.value, url)
    assert "5 MB" in str(caught.value) or "5,000,000" in str(caught.value)


def test_a_gzip_bomb_saved_to_disk_stops_at_the_cap(tmp_path: Path, bomb: bytes) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(bomb)
    with pytest.raises(FetchError) as caught:
        lire.read(str(path))
    assert_over_the_cap(caught.value, str(path))


def test_a_gzip_bomb_piped_on_stdin_stops_at_the_cap(bomb: bytes) -> None:
    with pytest.raises(FetchError) as caught:
        lire.read("-", stdin=io.BytesIO(bomb))
    assert_over_the_cap(caught.value, "stdin")


# -- the download cap -------------------------------------------------------------------------

MAX_BYTES = FetchConfig().max_bytes  # 15 MB as sent


class Endless(io.RawIOBase):
    """``yes | lire``: a stdin that never ends (read through a buffer, as sys.stdin.buffer is)."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        buffer[:] = b"y\n" * (len(buffer) // 2) + b"y" * (len(buffer) % 2)
        return len(buffer)


def assert_over_max_bytes(error: FetchError, subject: str) -> None:
    message = str(error)
    assert message.startswith(f"{subject} is larger than ")
    assert message.endswith("(fetch.max_bytes)")
    assert "\n" not in message


def test_an_endless_stdin_stops_at_the_download_cap() -> None:
    with pytest.raises(FetchError) as caught:
        lire.read("-", stdin=io.BufferedReader(Endless()))
    assert_over_max_bytes(caught.value, "stdin")


def test_a_file_over_the_download_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as file:
        file.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(FetchError) as caught:
        lire.read(str(path))
    assert_over_max_bytes(caught.value, str(path))


@pytest.mark.parametrize("length", [True, False], ids=["content-length", "until-close"])
def test_a_body_over_the_download_cap_is_refused(loopback: Loopback, length: bool) -> None:
    body = b"<p>" + b"x" * MAX_BYTES
    url = loopback.serve("/huge", Reply(body, length=length))
    with pytest.raises(FetchError) as caught:
        lire.read(url)
    assert_over_max_bytes(caught.value, url)
