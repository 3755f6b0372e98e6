"""Property tests: extract, clean, summarize and render on arbitrary, hostile HTML and text.

The generated pages nest the tags lire turns into blocks, carry links with every kind of
scheme, and fill them with words, pitches the cleaner knows, control characters, ESC
sequences (raw and as entities), bidi controls, NUL and strings that would be markup to Rich
or Textual. Whatever comes in, lire raises only its own errors, and nothing it outputs carries
a control character, an ESC or a bidi control; it never invents words; the cleaner only takes
text away; every summary point sits in the block it points to; JSON output parses.
"""

from __future__ import annotations

import contextlib
import encodings.aliases
import gzip
import html
import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import cast

import brotli
import httpx
import pytest
from hypothesis import HealthCheck, Phase, example, find, given, settings
from hypothesis import strategies as st
from lxml.html import HtmlElement, HTMLParser, document_fromstring

import lire
from lire.clean.blocks import clean
from lire.clean.title import with_title_block
from lire.config import FetchConfig
from lire.errors import ExtractionError, LireError
from lire.extract.readable import extract_html, extract_text
from lire.fetch.sources import fetch
from lire.model import Article, Block, BlockKind, KeyPoint, Link, Reading, Removal, Summary
from lire.render import Format, blocks_markdown, render, render_explain, render_summary
from lire.sanitize import sanitize
from lire.summarize.offline import summarize, summarize_text
from loopback import Loopback, Reply, loopback_server  # noqa: F401  (the fixture "loopback")

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# find() stops at the first example that reaches its goal; shrinking it would only cost time.
REACH = settings(FUZZ, phases=[Phase.generate])


def html_root(data: bytes, *, parser: HTMLParser) -> HtmlElement:
    return cast(HtmlElement, document_fromstring(data, parser=parser))


FORMATS: tuple[Format, ...] = ("text", "markdown", "json")

# C0 but tab and newline, DEL, C1, the bidi embedding/override/isolate/mark controls, lone
# surrogates, and the invisible characters that carry no meaning: tag characters (outside an
# emoji flag sequence, which ``assert_clean`` takes out first), BOMs, soft hyphens, zero-width
# spaces and word joiners.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
    "\U000e0000-\U000e007f\ufeff\u00ad\u200b\u2060]"
)
FLAG = re.compile("\U0001f3f4[\U000e0020-\U000e007e]{1,32}\U000e007f")
WORD = re.compile(r"\w+")
# Every removal names its rule "<category>/<detail>" (the team's convention).
CATEGORIES = (
    "subscription paywall meter login newsletter donation follow related share comment consent "
    "app ad credit author tags repeat learned site user hidden dialog form nav"
)
RULE_NAME = re.compile(rf"(?:{'|'.join(CATEGORIES.split())})/[a-z0-9][a-z0-9.-]*")

# -- what the pages are made of ----------------------------------------------------------------

_WORD_TEXT = (
    "minister housing report budget council river bridge election court ruling school "
    "le gouvernement a annoncé une réforme des retraites die Regierung hat beschlossen "
    "el ministro anunció ayer il sindaco ha detto que a comissão aprovou de minister zei"
)
WORDS = tuple(_WORD_TEXT.split())
PITCHES = (
    "Subscribe now for $1 a week.",
    "Sign up for our newsletter.",
    "Abonnez-vous à Numerama+",
    "Read also:",
    "Lire aussi :",
    "Share on Facebook",
    "You have read 3 articles this month.",
    "Already a subscriber? Log in",
    "Support our journalism.",
    "Follow us on Google News",
    "We use cookies to improve your experience.",
    "Jetzt abonnieren",
    "Advertisement",
    "Suscríbete",
    "- 1",
)
# Raw HTML fragments: entities decode to controls, bidi characters, C1 codes, odd code points.
ENTITIES = (
    "&#27;[31m",
    "&#x1b;]8;;http://evil.example/&#7;",
    "&#x9b;2J",
    "&#155;",
    "&#0;",
    "&#x85;",
    "&#x202e;",
    "&#x2066;",
    "&#x200f;",
    "&#13;",
    "&#xD800;",
    "&#1114112;",
    "&amp;#27;",
    "&lt;b&gt;",
    "&nbsp;",
    "&#x2028;",
)
HOSTILE = (
    "\x00",
    "\x1b[2J",
    "\x1b]0;owned\x07",
    "\x1bP+q\x1b\\",
    "\x9b31m",
    "\x85",
    "\x7f",
    "\r",
    "\r\n",
    "\t",
    "\x0b",
    "\x0c",
    "\u202e",
    "\u2067",
    "\u061c",
    "\ufff9",
    "[b]x[/b]",
    "[@click=app.quit]",
    "[link=file:///etc/passwd]x[/link]",
    "[/]",
    "**bold** _it_ `code` # not a heading",
    "sub\U000e0073\U000e0075\U000e0062scribe",  # tag characters: invisible instructions
    "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # a flag: kept
    "\ufeff",
    "zero\u200bwidth",
    "soft\u00adhyphen",
)
SCHEMES = (
    "http://example.org/a",
    "https://example.org/b?x=1&amp;y=2",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html,<b>x</b>",
    "vbscript:msgbox",
    "file:///etc/passwd",
    "mailto:a@example.org",
    "ftp://example.org/",
    "/relative/path",
    "#anchor",
    "//example.net/x",
    "http://example.org/&#27;[31m",
    "https://example.org/\x1b]8;;x\x07",
)
CLASSES = ("", "newsletter", "paywall", "share-bar", "related", "comments", "cookie-banner", "ad")
CLASS_NAMES = st.one_of(
    st.sampled_from(CLASSES),
    st.text(st.sampled_from("abcdeéAZ_- 0\x1b"), max_size=12).map(lambda name: html.escape(name)),
)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
WRAPPERS = ("p", "div", "article", "section", "blockquote", "span", "b", "em", "td")

# Arbitrary code points (no lone surrogates: a str of HTML is UTF-8 text), escaped as HTML.
arbitrary = st.text(st.characters(codec="utf-8"), max_size=12).map(html.escape)
sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=30).map(
    lambda words: " ".join(words).capitalize() + "."
)
token = st.one_of(
    sentence,
    sentence,
    st.sampled_from(PITCHES).map(html.escape),
    st.sampled_from(ENTITIES),
    st.sampled_from(HOSTILE).map(html.escape),
    arbitrary,
)
# Every text node is padded with spaces so two nodes never glue into a new word.
text_node = st.lists(token, min_size=1, max_size=4).map(lambda tokens: f" {' '.join(tokens)} ")


def _element(tag: str, children: list[str], css: str) -> str:
    attribute = f' class="{css}"' if css else ""
    return f"<{tag}{attribute}>{''.join(children)}</{tag}>"


def _link(href: str, children: list[str]) -> str:
    target = href if "&" in href else html.escape(href, quote=True)  # entities stay entities
    return f'<a href="{target}">{"".join(children)}</a>'


def _branches(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    many = st.lists(children, min_size=1, max_size=5)
    return st.one_of(
        st.builds(_element, st.sampled_from(WRAPPERS), many, CLASS_NAMES),
        st.builds(
            _element, st.sampled_from(HEADINGS), st.lists(text_node, max_size=2), st.just("")
        ),
        st.builds(_link, st.sampled_from(SCHEMES), st.lists(text_node, min_size=1, max_size=2)),
        many.map(lambda items: "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"),
        many.map(lambda items: "<ol start=3>" + "".join(f"<li>{i}</li>" for i in items) + "</ol>"),
        many.map(lambda cells: "<table><tr><td>" + "</td><td>".join(cells) + "</td></tr></table>"),
        text_node.map(lambda text: f"<pre>{text}\n  {text}</pre>"),
        text_node.map(lambda text: f"<pre><code>{text}</code></pre>"),
        many.map(lambda items: "<br>".join(items)),
    )


body = st.recursive(text_node, _branches, max_leaves=40)
title = st.lists(token, min_size=0, max_size=3).map(" ".join)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A whole HTML document: a head with metadata, then a body of nested blocks."""
    head = f"<title>{draw(title)}</title>"
    if draw(st.booleans()):
        head += f'<meta property="og:title" content="{html.escape(draw(title))}">'
    if draw(st.booleans()):
        ld = {"@type": "NewsArticle", "headline": draw(title), "author": {"name": draw(title)}}
        head += f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'
    parts = draw(st.lists(body, min_size=1, max_size=6))
    return f"<!doctype html><html><head>{head}</head><body>{''.join(parts)}</body></html>"


line = st.lists(
    st.one_of(sentence, st.sampled_from(PITCHES + HOSTILE), st.text(max_size=15)), max_size=6
)
marker = st.sampled_from(("", "", "", "- ", "* ", "# ", "> ", "1. ", "  - ", "• "))
breaks = st.sampled_from(("\n", "\n\n", "\r\n", "\n \n", "\r"))


@st.composite
def texts(draw: st.DrawFn) -> str:
    """Text as pasted from a page: lines, markers, blank lines, hostile characters, surrogates."""
    lines = draw(st.lists(st.tuples(marker, line, breaks), min_size=0, max_size=12))
    return "".join(start + " ".join(words) + end for start, words, end in lines)


# -- what every output must be ----------------------------------------------------------------


def strings(article: Article, summary: Summary | None = None) -> Iterator[str]:
    """Every string of an article (and its summary) that reaches a reader."""
    for value in (article.title, article.byline, article.site, article.published, article.lang):
        if value is not None:
            yield value
    yield from (article.url or "", article.description or "", article.text)
    for block in article.blocks:
        yield block.text
        for link in block.links:
            yield from (link.text, link.url)
    yield from (removal.text for removal in article.removed)
    if summary is not None:
        yield from (point.text for point in summary.points)
        yield summary.note or ""


def json_strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)


def assert_clean(text: str, where: str) -> None:
    found = FORBIDDEN.search(FLAG.sub("", text))
    assert found is None, f"{where} holds {found.group()!r}: {text[:200]!r}"


def assert_renders_clean(reading: Reading) -> None:
    for fmt in FORMATS:
        assert_clean(render(reading, fmt), f"render {fmt}")
        assert_clean(render_summary(reading, fmt), f"render_summary {fmt}")
    assert_clean(render_explain(reading), "render_explain")
    document = json.loads(render(reading, "json"))
    assert document["text"] == reading.article.text
    assert [block["text"] for block in document["blocks"]] == [
        block.text for block in reading.article.blocks
    ]
    for value in json_strings(document):
        assert_clean(value, "a JSON value")
    summary = json.loads(render_summary(reading, "json"))
    assert [point["block"] for point in summary["summary"]] == [
        point.block for point in reading.summary.points
    ]


def assert_points_in_blocks(article: Article, summary: Summary) -> None:
    for point in summary.points:
        assert 0 <= point.block < len(article.blocks)
        assert point.text and point.text in article.blocks[point.block].text


def assert_only_removes(before: Article, after: Article) -> None:
    """``after`` keeps ``before``'s blocks in order, whole or cut short, and adds none."""
    assert after.removed[: len(before.removed)] == before.removed
    position = 0
    for block in after.blocks:
        while position < len(before.blocks) and not _kept(before.blocks[position], block):
            position += 1
        assert position < len(before.blocks), f"clean added a block: {block.text[:200]!r}"
        position += 1
    for removal in after.removed:
        assert RULE_NAME.fullmatch(removal.rule), removal.rule
    # a removed title was judged as the first block: the removals count it as block 0
    judged = with_title_block(before) if after.title is None else before
    for removal in after.removed[len(before.removed) :]:
        assert removal.index is not None
        original = judged.blocks[removal.index]
        assert removal.text in original.text
        assert removal.kind is original.kind
    kept = sum(len(block.text) for block in after.blocks)
    assert kept <= sum(len(block.text) for block in before.blocks)


def _kept(original: Block, block: Block) -> bool:
    same = (original.kind, original.level, original.ordinal) == (
        block.kind,
        block.level,
        block.ordinal,
    )
    return same and original.text.startswith(block.text) and set(block.links) <= set(original.links)


# -- HTML ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Vocabulary:
    """The words a page holds, read by lxml from the same bytes lire parses."""

    words: frozenset[str]

    @classmethod
    def of(cls, page: str) -> Vocabulary:
        """The page as written, and as lire parses it (NULs dropped, controls sanitised)."""
        pieces: list[str] = []
        for variant in (page, sanitize(page.replace("\x00", ""))):
            root = html_root(
                variant.encode("utf-8", "replace"), parser=HTMLParser(encoding="utf-8")
            )
            pieces.append(root.text_content())
            pieces += [str(v) for element in root.iter() for v in element.attrib.values()]
            for script in root.iter("script"):  # JSON-LD strings, with their escapes decoded
                with contextlib.suppress(ValueError):
                    pieces += json_strings(json.loads(script.text or ""))
        found: set[str] = set()
        for piece in pieces:
            for variant in (
                piece,
                piece.replace("\r", " ").replace("\n", " ").replace("\x0b", " "),
            ):
                found.update(WORD.findall(sanitize(variant)))
                found.update(WORD.findall(variant))
        return cls(frozenset(found))

    def missing(self, text: str) -> list[str]:
        return [word for word in WORD.findall(text) if word not in self.words]


def extracted(page: str) -> Article | None:
    try:
        return extract_html(page, url="https://news.example.org/2024/story")
    except ExtractionError:
        return None


@FUZZ
@given(pages(), st.integers(min_value=1, max_value=5))
def test_any_page_goes_through_every_stage_and_every_output_is_safe(page: str, points: int) -> None:
    article = extracted(page)
    if article is None:
        return
    assert all(block.text.strip() for block in article.blocks)
    cleaned = clean(article).article
    summary = summarize(cleaned, points=points)
    for value in strings(cleaned, summary):
        assert_clean(value, "an article string")
    assert_only_removes(article, cleaned)
    assert_points_in_blocks(cleaned, summary)
    assert len(summary.points) <= points
    assert_renders_clean(Reading(article=cleaned, summary=summary))


JSON_LD_ESCAPE = (  # a JSON-LD headline whose control-character escape hides a word break
    '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": '
    '"Minister minister minister. \\u001f0"}</script></head>'
    "<body> Minister minister. </body></html>"
)


@FUZZ
@given(pages())
@example(page=JSON_LD_ESCAPE)
@example(page="<html><body> Minister minister minister. 0\x000 </body></html>")
def test_every_word_lire_shows_comes_from_the_page(page: str) -> None:
    try:
        reading = lire.read_html(page, url="https://news.example.org/2024/story")
    except ExtractionError:
        return
    vocabulary = Vocabulary.of(page)
    article = reading.article
    shown = [article.title or "", *(block.text for block in article.blocks)]
    shown += [removal.text for removal in article.removed]
    shown += [point.text for point in reading.summary.points]
    for text in shown:
        assert vocabulary.missing(text) == [], f"invented words in {text[:200]!r}"
    for block in article.blocks:
        for link in block.links:
            assert not link.url.lower().startswith(("javascript:", "data:", "vbscript:"))


@FUZZ
@given(
    st.binary(max_size=2000),
    st.sampled_from((b"", b"<p>", b"\xef\xbb\xbf<html><meta charset=utf-16>")),
)
def test_arbitrary_bytes_are_read_or_refused_with_a_lire_error(data: bytes, prefix: bytes) -> None:
    try:
        reading = lire.read_html(prefix + data)
    except LireError as error:
        assert_clean(str(error), "an error message")
        assert "\n" not in str(error)
        return
    for value in strings(reading.article, reading.summary):
        assert_clean(value, "an article string")
    assert_renders_clean(reading)


C1 = re.compile("[\x80-\x9f]")
# Shift_JIS is left out: its label reads as cp932, as browsers do, which maps a few code points
# (e.g. "¢") differently from Python's shift_jis codec.
ENCODINGS = ("utf-8", "utf-16", "cp1252", "iso-8859-15", "windows-1251", "koi8-r", "gb18030")


@settings(FUZZ, max_examples=60)
@given(pages(), st.sampled_from(ENCODINGS))
def test_a_page_as_bytes_in_its_declared_charset_reads_as_the_page_itself(
    page: str, encoding: str
) -> None:
    # Only what the charset can encode (C1 codes would read as cp1252 letters, as in browsers).
    page = C1.sub("", page).encode(encoding, "ignore").decode(encoding)
    page = page.replace("<head>", f'<head><meta charset="{encoding}">', 1)
    try:
        expected: Reading | None = lire.read_html(page)
    except ExtractionError:
        expected = None
    try:
        found: Reading | None = lire.read_html(page.encode(encoding))
    except ExtractionError:
        found = None
    if expected is None or found is None:
        assert expected is found is None
        return
    assert [block.text for block in found.article.blocks] == [
        block.text for block in expected.article.blocks
    ]
    assert found.article.title == expected.article.title


LEAD = (
    "The council approved the housing plan on Tuesday after a long debate, and the minister "
    "said the first homes would be built next spring near the river."
)
BODY = f"<article><h1>A title</h1><p>Intro words{{}}</p><p>{LEAD}</p><p>{LEAD[::-1]}</p></article>"
STRAY_ESCAPES = {
    "esc-before-a-closing-tag": f"<html><body>{BODY.format(chr(27))}</body></html>",
    "csi-before-a-closing-tag": f"<html><body>{BODY.format('&#27;[')}</body></html>",
    "esc-closing-an-attribute": (
        f'<html><head><meta property="og:title" content="A title{chr(27)}"></head>'
        f"<body>{BODY.format('')}</body></html>"
    ),
    "esc-then-nul-as-bytes": (
        f'<html><head><meta property="og:title" content="A title{chr(27)}{chr(0)}"></head>'
        f"<body>{BODY.format('')}</body></html>"
    ).encode(),
}


@pytest.mark.parametrize("page", STRAY_ESCAPES.values(), ids=STRAY_ESCAPES.keys())
def test_a_stray_escape_character_never_eats_markup(page: str | bytes) -> None:
    reading = lire.read_html(page)
    texts = [block.text for block in reading.article.blocks]
    assert LEAD in texts
    assert any(text.startswith("Intro words") for text in texts)
    assert not any("/p" in text or "<" in text or ">" in text for text in texts)


# -- whatever a server answers ------------------------------------------------------------------

CONTENT_TYPES = (
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=utf-16",
    "text/html; charset=utf-7",
    "text/html; charset=x-no-such-charset",
    'text/plain; charset="iso-8859-1"',
    "application/octet-stream",
    "application/pdf",
    "",
    "text/html; charset=\x1b[31m",
)
CODINGS = ("", "gzip", "deflate", "br", "gzip, br", "identity", "zstd", "GZIP", "gzip, gzip")
ENCODERS = {
    "none": lambda data: data,
    "gzip": gzip.compress,
    "deflate": zlib.compress,
    "br": brotli.compress,
    "double-gzip": lambda data: gzip.compress(gzip.compress(data)),
}
BODIES = st.one_of(
    pages().map(str.encode),
    texts().map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.binary(max_size=500),
)


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    """One client for every example: building one (and its TLS context) costs more than a read."""
    with httpx.Client() as shared:
        yield shared


@settings(FUZZ, max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    BODIES,
    st.sampled_from(CONTENT_TYPES),
    st.sampled_from(CODINGS),
    st.sampled_from(sorted(ENCODERS)),
    st.sampled_from((200, 203, 206, 301, 404, 500)),
)
def test_whatever_a_server_answers_lire_reads_it_or_says_why(
    loopback: Loopback,
    client: httpx.Client,
    body: bytes,
    content_type: str,
    coding: str,
    encoder: str,
    status: int,
) -> None:
    headers = [("Content-Type", content_type)] if content_type else []
    if coding:
        headers.append(("Content-Encoding", coding))
    url = loopback.serve("/any", Reply(ENCODERS[encoder](body), status, tuple(headers)))
    config = FetchConfig(timeout=5.0, deadline=10.0)
    try:
        reading = lire.read_page(fetch(url, config=config, client=client))
    except LireError as error:
        message = str(error)
        assert "\n" not in message
        assert_clean(message, "an error message")
        return
    assert status < 300
    for value in strings(reading.article, reading.summary):
        assert_clean(value, "an article string")
    assert_renders_clean(reading)


# -- plain text --------------------------------------------------------------------------------


def normalised(text: str) -> str:
    return " ".join(sanitize(text).split())


@FUZZ
@given(texts(), st.integers(min_value=1, max_value=5))
@example(text="Advertisement\nMinister minister minister.\n", points=1)  # the title removed
@example(text="- \nMinister minister minister.\n", points=1)
def test_any_text_goes_through_every_stage_and_every_output_is_safe(text: str, points: int) -> None:
    article = extract_text(text)
    assert all(block.text.strip() for block in article.blocks)
    cleaned = clean(article).article
    summary = summarize(cleaned, points=points)
    for value in strings(cleaned, summary):
        assert_clean(value, "an article string")
    assert_only_removes(article, cleaned)
    assert_points_in_blocks(cleaned, summary)
    assert_renders_clean(Reading(article=cleaned, summary=summary))


@FUZZ
@given(texts())
def test_every_line_lire_shows_of_a_text_is_part_of_the_text(text: str) -> None:
    try:
        reading = lire.read_text(text)
    except LireError:
        return
    source = normalised(text)
    article = reading.article
    shown = [article.title or "", *(block.text for block in article.blocks)]
    shown += [removal.text for removal in article.removed]
    shown += [point.text for point in reading.summary.points]
    for piece in shown:
        assert " ".join(piece.split()) in source, f"{piece[:200]!r} is not in the text"
    assert_renders_clean(reading)


@FUZZ
@given(st.text(max_size=400), st.sampled_from((None, "en", "fr", "de", "xx")), st.integers(1, 4))
def test_summarize_text_returns_sentences_of_the_text(
    text: str, lang: str | None, points: int
) -> None:
    found = summarize_text(text, lang=lang, points=points)
    assert len(found) <= points
    lines = [sanitize(line) for line in text.splitlines()]
    for point in found:
        assert_clean(point, "a summary point")
        assert any(point in line for line in lines)


# -- render alone, on values no extractor would build ------------------------------------------

hostile_text = st.lists(
    st.one_of(st.characters(codec="utf-8"), st.sampled_from(HOSTILE)), max_size=12
).map("".join)
rules = st.sampled_from(
    ("subscription/price", "related/en-read-also", "nav/dom-tag", "repeat/in-article")
)


@st.composite
def readings(draw: st.DrawFn) -> Reading:
    """A Reading whose every field is hostile text, as a buggy stage or a model could give."""
    kinds = st.sampled_from(list(BlockKind))
    links = st.lists(
        st.builds(Link, hostile_text, st.one_of(hostile_text, st.sampled_from(SCHEMES))), max_size=2
    )
    blocks = draw(
        st.lists(
            st.builds(
                Block, kinds, hostile_text, st.integers(0, 7), links, st.none() | st.integers(0, 99)
            ),
            max_size=6,
        )
    )
    optional = st.none() | hostile_text
    article = Article(
        blocks=tuple(blocks),
        title=draw(optional),
        byline=draw(optional),
        site=draw(optional),
        published=draw(optional),
        lang=draw(optional),
        url=draw(optional),
        removed=tuple(draw(st.lists(st.builds(Removal, rules, hostile_text), max_size=3))),
    )
    points = st.builds(KeyPoint, hostile_text, st.integers(0, max(len(blocks) - 1, 0)))
    summary = Summary(
        points=tuple(draw(st.lists(points, max_size=3))), note=draw(optional), lang=draw(optional)
    )
    return Reading(article=article, summary=summary)


@FUZZ
@given(readings())
def test_render_sanitises_every_field_whatever_the_stages_gave_it(reading: Reading) -> None:
    assert_renders_clean_and_parses(reading)


def assert_renders_clean_and_parses(reading: Reading) -> None:
    for fmt in FORMATS:
        out = render(reading, fmt)
        assert_clean(out, f"render {fmt}")
        assert_clean(render_summary(reading, fmt), f"render_summary {fmt}")
    assert_clean(render_explain(reading), "render_explain")
    for value in json_strings(json.loads(render(reading, "json"))):
        assert_clean(value, "a JSON value")
    for value in json_strings(json.loads(render_summary(reading, "json"))):
        assert_clean(value, "a JSON value")


# -- Markdown: page text never becomes Markdown structure -------------------------------------

markdown_it = pytest.importorskip("markdown_it")  # ships with rich, which Textual depends on
COMMONMARK = markdown_it.MarkdownIt("commonmark")
MARKDOWN_BITS = [*"ab #>*-_+=`[]()<>!\\&;:.1|~\n", "&amp;", "http://x.y", "<div>", "```", "1. "]
STRUCTURE = {
    BlockKind.PARAGRAPH: ["paragraph_open", "paragraph_close"],
    BlockKind.TABLE_ROW: ["paragraph_open", "paragraph_close"],
    BlockKind.HEADING: ["heading_open", "heading_close"],
    BlockKind.QUOTE: ["blockquote_open", "paragraph_open", "paragraph_close", "blockquote_close"],
    BlockKind.LIST_ITEM: [
        "bullet_list_open",
        "list_item_open",
        "paragraph_open",
        "paragraph_close",
        "list_item_close",
        "bullet_list_close",
    ],
}


def block_of(kind: BlockKind, text: str) -> Block:
    """A block as extraction makes them: lines trimmed, one line for headings and table rows."""
    if kind in (BlockKind.HEADING, BlockKind.TABLE_ROW):
        return Block(kind, " ".join(text.split()), level=1)
    return Block(kind, "\n".join(line.strip() for line in text.split("\n") if line.strip()), 1)


@settings(FUZZ, max_examples=300)
@given(st.lists(st.sampled_from(MARKDOWN_BITS), min_size=1, max_size=20).map("".join))
@example(text="~~~ the rest of the article")
@example(text="a line\n--- and the line above is a heading")
@pytest.mark.parametrize("kind", list(STRUCTURE))
def test_page_text_never_becomes_markdown_structure(kind: BlockKind, text: str) -> None:
    block = block_of(kind, text)
    if not block.text:
        return
    tokens = COMMONMARK.parse(blocks_markdown([block]))
    assert [token.type for token in tokens if token.type != "inline"] == STRUCTURE[kind]
    inline = [child.type for token in tokens for child in token.children or []]
    assert set(inline) <= {"text", "softbreak"}, (block.text, inline)


# -- the generators reach what they are meant to exercise --------------------------------------


def test_the_page_generator_reaches_the_cleaner() -> None:
    def removes_after_extraction(page: str) -> bool:
        article = extracted(page)
        return article is not None and len(clean(article).article.removed) > len(article.removed)

    page = find(pages(), removes_after_extraction, settings=REACH)
    article = extracted(page)
    assert article is not None
    assert clean(article).article.removed


def test_the_page_generator_reaches_the_sanitiser() -> None:
    def carries_controls(page: str) -> bool:
        root = html_root(page.encode(), parser=HTMLParser(encoding="utf-8"))
        return FORBIDDEN.search(root.text_content()) is not None and extracted(page) is not None

    page = find(pages(), carries_controls, settings=REACH)
    assert FORBIDDEN.search(page) or "&#" in page


@pytest.mark.parametrize("text", ["a\n\n> \n\nb", ">\nText", "Title\n\n>\n\nA paragraph."])
def test_a_line_holding_only_a_quote_marker_gives_no_empty_block(text: str) -> None:
    blocks = extract_text(text).blocks
    assert all(block.text for block in blocks), blocks


@pytest.mark.parametrize("text", ["", "\x00", "\x1b[2J\n\n\u202e", "[@click=app.quit]\n- 1\n"])
def test_degenerate_texts_give_a_reading(text: str) -> None:
    reading = lire.read_text(text)
    assert_renders_clean_and_parses(reading)


# -- values a page, a server or a config hands lire (issue 13) ----------------------------------

HOSTS = ("example.org", "[::1]", "[::1", "::1]", "127.0.0.1:99999", "ex ample.org", "%zz", "")
URL_SCHEMES = ("http://", "https://", "javascript:", "data:", "about:", "tel:", "blob:", "//", "")
urls = st.one_of(
    st.builds(
        lambda scheme, credentials, host, path: f"{scheme}{credentials}{host}{path}",
        st.sampled_from(URL_SCHEMES),
        st.sampled_from(("", "user:secret@", "@", "u@v@")),
        st.sampled_from(HOSTS),
        st.text(st.sampled_from("/?#[]:@%&=a<>\"' \x1b\u200b"), max_size=12),
    ),
    st.text(max_size=30),
)
# JSON values as JSON-LD carries them, lone surrogates and huge numbers included.
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(st.characters(codec=None), max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
LD_KEYS = ("headline", "author", "publisher", "datePublished", "inLanguage", "description", "name")
META_KEYS = (
    "og:title", "og:site_name", "og:url", "author", "article:author", "date", "description",
    "og:locale", "content-language", "application-name", "article:published_time",
)  # fmt: skip
attribute = st.text(max_size=20).map(lambda value: html.escape(value, quote=True))


@st.composite
def hostile_heads(draw: st.DrawFn) -> str:
    """A page whose metadata, attributes and addresses are anything at all."""
    metas = draw(st.lists(st.tuples(st.sampled_from(META_KEYS), attribute), max_size=5))
    head = "".join(f'<meta property="{key}" content="{value}">' for key, value in metas)
    head += f'<link rel="canonical" href="{html.escape(draw(urls), quote=True)}">'
    head += f'<meta charset="{draw(attribute)}">'
    ld = {"@type": draw(st.sampled_from(("NewsArticle", ["Article"], 3, None)))}
    ld |= draw(st.dictionaries(st.sampled_from(LD_KEYS), json_values, max_size=4))
    source = json.dumps(ld, ensure_ascii=True).replace("</", "<\\/")
    head += f'<script type="application/ld+json">{source}</script>'
    start, href, lang = draw(attribute), html.escape(draw(urls), quote=True), draw(attribute)
    body = (
        f'<article><p>{LEAD}</p><ol start="{start}"><li>An item of the list</li></ol>'
        f'<p>A <a href="{href}">linked phrase</a> in a paragraph of the article.</p></article>'
    )
    return f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'


@FUZZ
@given(hostile_heads(), st.sampled_from((None, "https://news.example.org/a", "http://[::1")))
def test_whatever_a_page_says_of_itself_lire_reads_it_or_says_why(
    page: str, url: str | None
) -> None:
    try:
        reading = lire.read_html(page, url=url)
    except LireError as error:
        assert "\n" not in str(error)
        assert_clean(str(error), "an error message")
        return
    article = reading.article
    for address in (article.url, article.canonical):
        assert address is None or address.startswith(("http://", "https://")), address
        assert address is None or "@" not in address.split("/")[2], address
    for block in article.blocks:
        for link in block.links:
            assert link.url.startswith(("http://", "https://")), link.url
    for value in strings(article, reading.summary):
        assert_clean(value, "an article string")
    assert_renders_clean(reading)
    for fmt in FORMATS:
        render(reading, fmt).encode("utf-8")  # no lone surrogate reaches the output


@settings(FUZZ, max_examples=200)
@given(urls, st.sampled_from((None, "https://news.example.org/a", "http://[::1", "javascript:x")))
def test_an_address_from_a_page_is_checked_or_dropped(raw: str, base: str | None) -> None:
    from lire.urls import article_address, web_address

    found = web_address(raw, base=base)
    if found is not None:
        assert found.startswith(("http://", "https://")) and not any(c.isspace() for c in found)
        assert_clean(found, "an address")
    article_address(raw)  # never raises


CODEC_NAMES = sorted({*encodings.aliases.aliases, *encodings.aliases.aliases.values()})


def test_every_charset_name_python_knows_is_read_or_ignored_never_an_error() -> None:
    from lire.fetch.decode import decode

    data = "<meta charset=x><p>Déjà vu, naïve café: \U0001f3f4 \\x41 +AGEAYgBj-</p>".encode()
    for name in [*CODEC_NAMES, "punycode", "idna", "rot13", "base64", "undefined", "\x00", "é"]:
        for declared, body in ((name, data), (None, data.replace(b"x", name.encode()[:40]))):
            text, encoding = decode(body, declared=declared)
            assert isinstance(text, str) and encoding, name


CONFIG_SECTIONS = ("fetch", "app", "summary", "clean", "llm", "nope", "fetch.sub")
CONFIG_KEYS = (
    "timeout", "deadline", "max_bytes", "max_decompressed_bytes", "user_agent", "theme",
    "show_summary", "points", "summarizer", "enabled", "learn", "base_url", "model",
    "api_key_env", "rules", "colour",
)  # fmt: skip
toml_values = st.one_of(
    st.sampled_from(("nan", "inf", "-inf", "1e308", "-0.0", "0", "1", "10", str(10**30))),
    st.sampled_from(("true", '""', '"offline"', '"llm"', '"http://127.0.0.1/v1"', "[]", "{}")),
    st.floats().map(lambda value: repr(value).replace("nan", "nan").replace("inf", "inf")),
    st.integers().map(str),
    st.text(max_size=20).map(lambda text: json.dumps(text)),
    st.just('[{name = "ad/x", pattern = "(a)\\\\1"}]'),
    st.just('[{name = "ad/x", pattern = "(a|a)+$"}]'),
)


@FUZZ
@given(
    entries=st.lists(
        st.tuples(st.sampled_from(CONFIG_SECTIONS), st.sampled_from(CONFIG_KEYS), toml_values),
        max_size=4,
    )
)
def test_whatever_a_config_holds_it_loads_or_is_one_config_error(
    entries: list[tuple[str, str, str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    from lire.config import load_config
    from lire.errors import ConfigError

    text = "".join(f"[{section}]\n{key} = {value}\n" for section, key, value in entries)
    path = tmp_path_factory.mktemp("config") / "config.toml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        config = load_config(path)
    except ConfigError as error:
        message = str(error)
        assert "\n" not in message and len(message) < 500
        assert_clean(message, "a config error")
        return
    for value in (config.fetch.timeout, config.fetch.deadline, config.llm.timeout):
        assert 0 < value <= 3_600
    assert 0 < config.fetch.max_bytes <= 1_000_000_000
    assert 1 <= config.summary.points <= 50


dates = st.one_of(
    st.builds(
        "{}, {} {} {} {}:{}:00 {}".format,
        st.sampled_from(("Mon", "Xyz", "")),
        st.integers(),
        st.sampled_from(("Jan", "Feb", "Foo")),
        st.integers(),
        st.integers(),
        st.integers(),
        st.one_of(st.sampled_from(("GMT", "+0100", "Z")), st.integers().map("{:+d}".format)),
    ),
    st.builds("{}-{}-{}T{}".format, st.integers(), st.integers(), st.integers(), st.text()),
    st.text(st.sampled_from("0123456789-+:TZ ,٣２"), max_size=40),
)


@settings(FUZZ, max_examples=300)
@given(dates)
def test_a_date_from_a_page_is_a_date_or_none_never_an_error(value: str) -> None:
    from lire.extract.metadata import normalise_date

    found = normalise_date(value)
    assert found is None or found[:4].isdigit()
