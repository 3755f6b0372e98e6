"""The real command line on hostile pages, servers, configs and terminals (issue 13).

Every case runs ``python -m lire`` in a subprocess, with one set of user directories shared by
all the cases of the module (so the learning store and the history fill up as they would), and
checks: the exit code; stderr empty on success, one line ``lire: ...`` on failure; the article
text when there is one; no control or invisible character anywhere in stdout or stderr; no
address lire did not check (``javascript:``, ``data:``, credentials) in its output; and a time
bound. The pages are files under ``fixtures/hostile``; server cases are answered by a real HTTP
server on 127.0.0.1 (``tests/loopback.py``).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import brotli
import pytest

from loopback import Loopback, Reply, loopback_server  # noqa: F401  (the fixture "loopback")
from paths import FIXTURES

HOSTILE = FIXTURES / "hostile"
LEAD = "The harbour reopened on"
# C0 but tab and newline, DEL, C1, bidi controls, and the invisible characters lire removes.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\u00ad\ufeff"
    "\ufff9-\ufffb\U000e0000-\U000e007f\ud800-\udfff]"
)
# Where an address appears as a link in Markdown: links and autolinks (page text is escaped, so
# an unescaped bracket is lire's).
LINK_TARGETS = re.compile(
    r"(?<!\\)\]\(<?([^)>\s]*)"
    r"|(?<!\\)<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>"
)
CREDENTIALS = re.compile(r"://[^/\s\"'<>]*@")
BOUND = 30.0  # seconds for one run; a linear lire needs about one


@pytest.fixture(scope="module")
def user_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("hostile-home")
    return {f"XDG_{name}_HOME": str(home / name.lower()) for name in ("CONFIG", "DATA", "CACHE")}


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str
    seconds: float


def lire(
    *args: str,
    dirs: dict[str, str],
    stdin: bytes = b"",
    stdout: int | None = subprocess.PIPE,
    close_stdout: bool = False,
) -> Run:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "lire", *args],
        input=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=BOUND * 2,
        env={**os.environ, **dirs, "NO_COLOR": "1"},
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
        check=False,
    )
    out = (done.stdout or b"").decode("utf-8", "surrogateescape")
    err = done.stderr.decode("utf-8", "surrogateescape")
    return Run(done.returncode, out, err, time.perf_counter() - start)


def assert_sound(run: Run, *, code: int, text: str | None = LEAD) -> None:
    """The run ended as expected, said so in one clean line, and printed nothing unsafe."""
    assert run.code == code, run.err
    if code == 0:
        assert run.err == "", run.err
    else:
        assert run.err.startswith("lire: ") and run.err.count("\n") == 1, run.err
        assert "Traceback" not in run.err
    for stream in (run.out, run.err):
        found = UNSAFE.search(stream)
        assert found is None, f"{found.group()!r} in {stream[:300]!r}"
        assert CREDENTIALS.search(stream) is None, stream[:500]
    markdown = run.out
    if run.out.startswith("{"):  # JSON: its addresses, and the Markdown it carries
        document = json.loads(run.out)
        markdown = document["markdown"]
        for address in (document["url"], document["canonical"]):
            assert address is None or address.startswith(("http://", "https://")), address
    for match in LINK_TARGETS.finditer(markdown):
        target = next(group for group in match.groups() if group is not None)
        assert target.startswith(("http://", "https://")), f"unchecked link {target!r}"
    if text is not None:
        assert text in run.out
    assert run.seconds < BOUND


# -- pages ------------------------------------------------------------------------------------

PAGES = sorted(path.name for path in HOSTILE.glob("*.html") if path.name != "only-a-pitch.html")


@pytest.mark.parametrize("fmt", ["markdown", "json"])
@pytest.mark.parametrize("name", PAGES)
def test_a_hostile_page_is_read_with_its_text_and_nothing_unsafe(
    name: str, fmt: str, user_dirs: dict[str, str]
) -> None:
    run = lire(str(HOSTILE / name), "--format", fmt, dirs=user_dirs)
    expected = {
        "rfc-dot-leaders.html": "This memo describes the harbour protocol",
        "tiny-paragraphs.html": "w19999",
    }.get(name, LEAD)
    assert_sound(run, code=0, text=expected)


def test_the_rfc_page_of_dot_leaders_reads_as_text(user_dirs: dict[str, str]) -> None:
    run = lire(str(HOSTILE / "rfc-dot-leaders.txt"), dirs=user_dirs)
    assert_sound(run, code=0, text="This memo describes the harbour protocol.")


def test_a_page_of_nothing_but_a_pitch_exits_1_saying_nothing_is_left(
    user_dirs: dict[str, str],
) -> None:
    page = str(HOSTILE / "only-a-pitch.html")
    run = lire(page, dirs=user_dirs)
    assert_sound(run, code=1, text=None)
    assert "nothing is left" in run.err and run.out == ""
    explained = lire(page, "--explain", "--format", "json", dirs=user_dirs)
    assert_sound(explained, code=1, text='"removed": [')
    assert explained.out.lstrip().startswith("{")


def test_the_page_does_not_choose_lire_s_links(user_dirs: dict[str, str]) -> None:
    run = lire(str(HOSTILE / "page-chooses-links.html"), "--format", "json", dirs=user_dirs)
    assert_sound(run, code=0)
    assert '"url": null' in run.out and '"canonical": null' in run.out
    markdown = lire(str(HOSTILE / "page-chooses-links.html"), dirs=user_dirs)
    assert_sound(markdown, code=0)
    assert "Harbour\\](javascript:alert(1)) \\[reopens" in markdown.out  # the title, escaped
    assert "(https://example.org/authority)" not in markdown.out  # the credentials are gone...
    assert "<https://example.org/authority>" in markdown.out  # ...the link stays


def test_invisible_characters_go_from_the_title_and_the_text(user_dirs: dict[str, str]) -> None:
    run = lire(str(HOSTILE / "invisible-characters.html"), "--format", "json", dirs=user_dirs)
    assert_sound(run, code=0)
    assert "Harbour reopens" in run.out and "ferries came in" in run.out


# -- a server ---------------------------------------------------------------------------------

ARTICLE = (HOSTILE / "canonical-unclosed-ipv6.html").read_bytes()


@pytest.mark.parametrize(
    "target",
    ["javascript:alert(1)", "data:text/html,<p>x</p>", "about:blank", "tel:+33123", "blob:x"],
)
def test_a_redirect_to_an_address_that_is_not_http_is_one_clean_error(
    target: str, loopback: Loopback, user_dirs: dict[str, str]
) -> None:
    url = loopback.serve("/moved", Reply.redirect(target))
    run = lire(url, dirs=user_dirs)
    assert_sound(run, code=1, text=None)
    assert "not an http(s) URL" in run.err


@pytest.mark.parametrize(
    "target",
    [
        "http://[::1",
        "http://[::1/x",
        "http://127.0.0.1:99999/",
        "http://127.0.0.1:99999999999999999999/",  # past what a C long holds
        "http://xn--zz/",  # a host that is not valid IDNA
        "http://xn--a.example/",
    ],
)
def test_a_redirect_to_a_malformed_address_is_one_clean_error(
    target: str, loopback: Loopback, user_dirs: dict[str, str]
) -> None:
    url = loopback.serve("/malformed", Reply.redirect(target))
    assert_sound(lire(url, dirs=user_dirs), code=1, text=None)


@pytest.mark.parametrize("fmt", ["markdown", "text", "json"])
def test_credentials_in_a_redirect_are_never_printed(
    fmt: str, loopback: Loopback, user_dirs: dict[str, str]
) -> None:
    loopback.serve("/article", Reply(ARTICLE))
    moved = loopback.serve(
        "/creds", Reply.redirect(loopback.url("/article").replace("//", "//user:secret@"))
    )
    run = lire(moved, "--format", fmt, dirs=user_dirs)
    assert_sound(run, code=0)
    assert loopback.url("/article") in run.out  # the address read is the one shown


def test_the_address_read_is_shown_not_the_canonical_the_page_claims(
    loopback: Loopback, user_dirs: dict[str, str]
) -> None:
    claims = ARTICLE.replace(b"http://[::1", b"https://elsewhere.example/fake")
    url = loopback.serve("/claims", Reply(claims))
    run = lire(url, "--format", "json", dirs=user_dirs)
    assert_sound(run, code=0)
    assert f'"url": "{url}"' in run.out
    assert '"canonical": "https://elsewhere.example/fake"' in run.out
    markdown = lire(url, dirs=user_dirs)
    assert f"<{url}>" in markdown.out and "elsewhere.example" not in markdown.out


@pytest.mark.parametrize("charset", ["punycode", "unicode_escape", "rot13", "\x1b[31m", "a" * 300])
def test_a_charset_header_lire_cannot_use_is_ignored(
    charset: str, loopback: Loopback, user_dirs: dict[str, str]
) -> None:
    reply = Reply(ARTICLE, headers=(("Content-Type", f"text/html; charset={charset}"),))
    url = loopback.serve("/charset", reply)
    assert_sound(lire(url, dirs=user_dirs), code=0)


def test_the_same_article_at_many_addresses_keeps_its_body(
    loopback: Loopback, user_dirs: dict[str, str]
) -> None:
    for path in ("/story", "/story/amp", "/story/print", "/story/all", "/story/comments"):
        loopback.serve(path, Reply(ARTICLE))
    for address in ("/story", "/story#comments", "/story?utm_source=x", "/story/amp",
                    "/story/print", "/story/all", "/story/comments"):  # fmt: skip
        run = lire(loopback.url(address), "--format", "text", dirs=user_dirs)
        assert_sound(run, code=0)
        assert "Engineers said the new wall would hold" in run.out, address


@pytest.mark.parametrize(
    "address", ["http://127.0.0.1:74301/", "http://127.0.0.1:99999999999999999999/",
                "http://127.0.0.1:\u0668\u0660/"],  # past 65535 (not wrapped round), not ASCII
)  # fmt: skip
def test_an_address_with_an_impossible_port_is_one_clean_error(
    address: str, user_dirs: dict[str, str]
) -> None:
    run = lire(address, dirs=user_dirs)
    assert_sound(run, code=1, text=None)
    assert "not a valid URL" in run.err


def _compressed(coding: str, data: bytes) -> bytes:
    if coding == "br":
        return bytes(brotli.compress(data))
    if coding == "deflate":
        return zlib.compress(data)
    return gzip.compress(data)


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
def test_a_compressed_body_cut_short_is_one_clean_error(
    coding: str, loopback: Loopback, user_dirs: dict[str, str]
) -> None:
    body = _compressed(coding, ARTICLE)
    headers = (("Content-Type", "text/html"), ("Content-Encoding", coding))
    whole = loopback.serve(f"/whole-{coding}", Reply(body, headers=headers))
    assert_sound(lire(whole, dirs=user_dirs), code=0)
    cut = loopback.serve(f"/cut-{coding}", Reply(body[: len(body) // 2], headers=headers))
    run = lire(cut, dirs=user_dirs)
    assert_sound(run, code=1, text=None)
    assert f"truncated compressed body ({coding})" in run.err


def test_a_saved_page_gz_cut_short_is_one_clean_error(
    tmp_path: Path, user_dirs: dict[str, str]
) -> None:
    page = tmp_path / "page.html.gz"
    data = gzip.compress(ARTICLE)
    page.write_bytes(data[: len(data) // 2])
    run = lire(str(page), dirs=user_dirs)
    assert_sound(run, code=1, text=None)
    assert "truncated compressed body" in run.err


def test_an_updated_story_read_again_keeps_the_paragraphs_it_had(
    loopback: Loopback, user_dirs: dict[str, str]
) -> None:
    # The same four paragraphs under three addresses, then under a fourth with eleven updates
    # after them (a live blog): the site memory has seen the four twice, and keeps them.
    lead = [
        f"Paragraph {n}: the harbour authority said on Monday that the repairs to section {n} "
        "of the sea wall were finished ahead of winter, and that the ferries keep their times."
        for n in range(1, 5)
    ]
    updates = [
        f"Update {n}: readers wrote that the ferry from the island arrived at {n} o'clock, and "
        f"the harbour master confirmed that quay number {n} was open again for fishing boats."
        for n in range(1, 12)
    ]

    def story(paragraphs: list[str]) -> bytes:
        body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        return (
            "<html><head><title>Harbour reopens</title></head><body><article>"
            f"<h1>Harbour reopens</h1>{body}</article></body></html>"
        ).encode()

    for path in ("/live", "/live/amp", "/live/print"):
        loopback.serve(path, Reply(story(lead)))
    loopback.serve("/live/all", Reply(story(lead + updates)))
    for path in ("/live", "/live/amp", "/live/print", "/live/all"):
        run = lire(loopback.url(path), "--format", "text", dirs=user_dirs)
        assert_sound(run, code=0, text=None)
        assert all(paragraph in run.out for paragraph in lead), path


def test_a_long_table_reads_in_linear_time(tmp_path: Path, user_dirs: dict[str, str]) -> None:
    rows = "".join("<tr>" + "<td>cell</td>" * 10 + "</tr>" for _ in range(20_000))
    page = tmp_path / "table.html"
    page.write_text(
        ARTICLE.decode().replace("</article>", f"<table>{rows}</table></article>"),
        encoding="utf-8",
    )
    assert_sound(lire(str(page), dirs=user_dirs), code=0)


@pytest.mark.parametrize("tag", ["div", "ul"])
def test_a_page_nested_in_hundreds_of_wrappers_reads_in_linear_time(
    tag: str, tmp_path: Path, user_dirs: dict[str, str]
) -> None:
    items = "".join(f"<{'li' if tag == 'ul' else 'p'}>Item {n}</{'li' if tag == 'ul' else 'p'}>"
                    for n in range(10_000))  # fmt: skip
    article = ARTICLE.decode()
    nested = f"<{tag}>" * 300 + items + f"</{tag}>" * 300
    page = tmp_path / "nested.html"
    page.write_text(article.replace("</article>", f"</article>{nested}"), encoding="utf-8")
    run = lire(str(page), dirs=user_dirs)
    assert_sound(run, code=0)
    assert run.seconds < BOUND / 3


# -- configs ----------------------------------------------------------------------------------


def config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    "text",
    [
        "[fetch]\ntimeout = nan\n",
        "[fetch]\ntimeout = inf\n",
        "[fetch]\ndeadline = 1e308\n",
        "[fetch]\ndeadline = -inf\n",
        f"[fetch]\nmax_bytes = {10**30}\n",
        "[summary]\npoints = 100000000\n",
        '[fetch]\nuser_agent = "lire\\r\\nX-Injected: 1"\n',
        '[llm]\nbase_url = "javascript:alert(1)"\n',
        "x = " + "[" * 5000 + "]" * 5000 + "\n",
        "x = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n",
        '[[clean.rules]]\nname = "ad/x"\npattern = "(a)\\\\1"\n',
        '[[clean.rules]]\nname = "ad/x"\npattern = "(?<=a)b"\n',
        "[\x1b[31mfetch]\n",
        '["\\u001b[2J' + "k" * 5000 + '"]\n',
        "[fetch]\ntimeout = " + "9" * 5000 + "\n",  # more digits than Python converts
        "x" + ".x" * 50_000 + " = 1\n",  # TOML reads such a key in quadratic time
        "[" + ".".join(["a"] * 50_000) + "]\n",
        "[app]\nwidth = -80\n",
        "[app]\nwidth = 99999999999999999\n",
    ],
)
def test_a_hostile_config_is_one_clean_error_with_exit_2(
    text: str, tmp_path: Path, user_dirs: dict[str, str]
) -> None:
    run = lire(str(HOSTILE / "weird-attributes.html"), "--config", config(tmp_path, text),
               dirs=user_dirs)  # fmt: skip
    assert_sound(run, code=2, text=None)
    assert "config.toml" in run.err
    assert len(run.err) < 400


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("[fetch]\ntimeout = 3\n[llm]\ntimeout = nan\n", 4),
        ("fetch.timeout = nan\n", 1),
        ("fetch = { timeout = inf }\n", 1),
        ('[fetch]\n"timeout" = nan\n', 2),
        ("[fetch]\nmax_bytes = 1\nbogus = 2\n", 3),
    ],
)
def test_a_config_error_names_the_line_of_the_key(
    text: str, line: int, tmp_path: Path, user_dirs: dict[str, str]
) -> None:
    run = lire(str(HOSTILE / "weird-attributes.html"), "--config", config(tmp_path, text),
               dirs=user_dirs)  # fmt: skip
    assert_sound(run, code=2, text=None)
    assert f"config.toml:{line}:" in run.err


def test_config_dev_zero_is_refused_at_once(user_dirs: dict[str, str]) -> None:
    run = lire(str(HOSTILE / "weird-attributes.html"), "--config", "/dev/zero", dirs=user_dirs)
    assert_sound(run, code=2, text=None)
    assert run.seconds < 10


@pytest.mark.parametrize(
    "pattern",
    ["(a|a)+$", "(a+){10}$", "(?:a|aa)+$", "(a+)+$", "Engineers said the new wall " + "x" * 480],
)
def test_a_user_rule_runs_in_linear_time_whatever_its_pattern(
    pattern: str, tmp_path: Path, user_dirs: dict[str, str]
) -> None:
    rule = f'[[clean.rules]]\nname = "ad/mine"\npattern = "{pattern}"\n'
    page = tmp_path / "page.html"
    page.write_text(
        ARTICLE.decode().replace("</article>", f"<p>{'a' * 30_000}!</p></article>"),
        encoding="utf-8",
    )
    run = lire(str(page), "--config", config(tmp_path, rule), dirs=user_dirs)
    assert_sound(run, code=0)


# -- the terminal -----------------------------------------------------------------------------


def test_stdout_on_a_full_disk_is_one_clean_error(user_dirs: dict[str, str]) -> None:
    with Path("/dev/full").open("wb") as full:
        run = lire(str(HOSTILE / "invisible-characters.html"), dirs=user_dirs, stdout=full.fileno())
    assert_sound(run, code=1, text=None)
    assert "no space left" in run.err


def test_a_closed_stdout_is_one_clean_error(user_dirs: dict[str, str]) -> None:
    run = lire(str(HOSTILE / "invisible-characters.html"), dirs=user_dirs, stdout=None,
               close_stdout=True)  # fmt: skip
    assert_sound(run, code=1, text=None)
    assert "standard output is closed" in run.err


def test_hostile_text_on_stdin_is_read_clean(user_dirs: dict[str, str]) -> None:
    text = (HOSTILE / "rfc-dot-leaders.txt").read_bytes() + "\U000e0041\ud800".encode(
        "utf-8", "surrogatepass"
    )
    run = lire("-", "--format", "json", dirs=user_dirs, stdin=text)
    assert_sound(run, code=0, text="This memo describes the harbour protocol.")
