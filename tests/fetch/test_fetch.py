"""Fetching over HTTP, against a real server on 127.0.0.1 (tests/loopback.py)."""

from __future__ import annotations

import gzip
import ssl
import time
import tracemalloc
import zlib

import brotli
import httpx
import pytest

from lire import __version__
from lire.config import FetchConfig
from lire.errors import FetchError
from lire.fetch.sources import fetch
from loopback import (  # noqa: F401  (the *_server names are the fixtures)
    Loopback,
    Reply,
    closed_port,
    loopback_server,
    tls_loopback_server,
)

FAST = FetchConfig(timeout=2.0, deadline=5.0)
FRENCH = "<p>Le ministre a déclaré « c’est très important » : l’été, Œuvre, 5 €.</p>"
GERMAN = "<p>Die Ministerin sagte „wichtig“: Straße, Grüße, Brötchen für 3 €.</p>"


def html(body: str) -> bytes:
    return f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>".encode()


def typed(content_type: str, *extra: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return (("Content-Type", content_type), *extra)


def failure(source: str, config: FetchConfig = FAST, **options: object) -> str:
    with pytest.raises(FetchError) as caught:
        fetch(source, config=config, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_a_page_is_fetched_decoded_and_typed(loopback: Loopback) -> None:
    url = loopback.serve("/article", Reply(html(FRENCH)))
    page = fetch(url, config=FAST)
    assert "« c’est très important »" in page.text
    assert (page.media_type, page.url, page.location, page.encoding) == (
        "text/html",
        url,
        url,
        "utf-8",
    )


def test_the_user_agent_names_lire_and_its_version(loopback: Loopback) -> None:
    fetch(loopback.serve("/ua", Reply(html("<p>x</p>"))), config=FAST)
    agent = loopback.requests[-1].headers["User-Agent"]
    assert agent == FAST.user_agent
    assert f"lire/{__version__}" in agent
    assert "br" in loopback.requests[-1].headers["Accept-Encoding"]


def test_a_redirect_chain_reports_the_final_url(loopback: Loopback) -> None:
    loopback.serve("/old", Reply.redirect("/moved", 301))
    loopback.serve("/moved", Reply.redirect(loopback.url("/final?x=1"), 307))
    final = loopback.serve("/final", Reply(html("<p>arrived</p>")))
    page = fetch(loopback.url("/old"), config=FAST)
    assert page.url == final + "?x=1"
    assert page.location == loopback.url("/old")
    assert "arrived" in page.text


def test_a_redirect_loop_is_named_as_a_loop(loopback: Loopback) -> None:
    loopback.serve("/a", Reply.redirect("/b"))
    loopback.serve("/b", Reply.redirect("/a"))
    message = failure(loopback.url("/a"))
    assert message.startswith(loopback.url("/a"))
    assert "redirects in a loop" in message


def test_more_than_ten_redirects_fail(loopback: Loopback) -> None:
    for hop in range(12):
        loopback.serve(f"/hop{hop}", Reply.redirect(f"/hop{hop + 1}"))
    loopback.serve("/hop12", Reply(html("<p>too far</p>")))
    assert "redirects too many times (more than 10)" in failure(loopback.url("/hop0"))
    for hop in range(12):  # ten redirects are fine
        loopback.serve(
            f"/hop{hop}", Reply.redirect("/hop12") if hop == 9 else loopback.routes[f"/hop{hop}"]
        )
    assert "too far" in fetch(loopback.url("/hop0"), config=FAST).text


def test_a_redirect_to_another_scheme_is_refused(loopback: Loopback) -> None:
    loopback.serve("/ftp", Reply.redirect("ftp://127.0.0.1/file"))
    assert "which is not an http(s) URL" in failure(loopback.url("/ftp"))


@pytest.mark.parametrize(
    ("status", "reason"), [(404, "not found"), (500, "internal server error"), (403, "forbidden")]
)
def test_an_http_error_status_names_the_url_and_the_status(
    loopback: Loopback, status: int, reason: str
) -> None:
    url = loopback.serve("/status", Reply(b"nope", status))
    assert failure(url) == f"{url} answered HTTP {status} ({reason})"


def test_a_server_slow_to_answer_times_out(loopback: Loopback) -> None:
    url = loopback.serve("/slow", Reply(html("<p>late</p>"), delay=1.5))
    assert failure(url, FetchConfig(timeout=0.2, deadline=5.0)) == (
        f"{url} sent nothing for 0.2 s (fetch.timeout)"
    )


def test_a_server_dripping_bytes_stops_at_the_deadline(loopback: Loopback) -> None:
    url = loopback.serve("/drip", Reply(html("<p>" + "x" * 200 + "</p>"), drip=0.05))
    message = failure(url, FetchConfig(timeout=1.0, deadline=0.5))
    assert message == f"{url} took longer than 0.5 s to download (fetch.deadline)"


def test_a_server_dripping_its_headers_stops_at_the_deadline(loopback: Loopback) -> None:
    padding = typed(HTML_UTF8, ("X-Padding", "p" * 200))
    reply = Reply(html("<p>x</p>"), headers=padding, drip=0.02, drip_head=True)
    url = loopback.serve("/drip-head", reply)
    message = failure(url, FetchConfig(timeout=1.0, deadline=0.5))
    assert message == f"{url} took longer than 0.5 s to download (fetch.deadline)"
    time.sleep(0.1)  # let the server notice the hang-up
    assert loopback.sent["/drip-head"] < 200  # lire hung up in the middle of the headers


@pytest.mark.parametrize("length", [True, False], ids=["content-length", "streamed"])
def test_a_body_over_the_size_cap_is_refused(loopback: Loopback, length: bool) -> None:
    url = loopback.serve("/big", Reply(html("<p>" + "x" * 5000 + "</p>"), length=length))
    config = FetchConfig(timeout=2.0, deadline=5.0, max_bytes=2000)
    assert failure(url, config) == f"{url} is larger than 2 kB (fetch.max_bytes)"
    assert "xxxx" in fetch(url, config=FAST).text  # the same page under the default cap


@pytest.mark.parametrize(
    ("coding", "compress"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data)[2:-4]),  # raw deflate, as some servers send
        ("br", brotli.compress),
    ],
    ids=["gzip", "deflate", "raw-deflate", "brotli"],
)
def test_compressed_bodies_are_inflated(loopback: Loopback, coding: str, compress: object) -> None:
    body = html(GERMAN * 50)
    packed = compress(body)  # type: ignore[operator]
    url = loopback.serve(
        "/packed", Reply(packed, headers=typed(HTML_UTF8, ("Content-Encoding", coding)))
    )
    assert fetch(url, config=FAST).text == body.decode()


HTML_UTF8 = "text/html; charset=utf-8"


@pytest.mark.parametrize("coding", ["gzip", "br"])
def test_a_compression_bomb_stops_at_the_cap_without_inflating_it_all(
    loopback: Loopback, coding: str
) -> None:
    zeros = b"<p>" + bytes(40_000_000)
    bomb = gzip.compress(zeros, 9) if coding == "gzip" else brotli.compress(zeros, quality=5)
    del zeros
    url = loopback.serve(
        "/bomb", Reply(bomb, headers=typed(HTML_UTF8, ("Content-Encoding", coding)))
    )
    config = FetchConfig(timeout=2.0, deadline=10.0, max_decompressed_bytes=1_000_000)
    tracemalloc.start()
    try:
        message = failure(url, config)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message == f"{url} is larger than 1 MB once decompressed (fetch.max_decompressed_bytes)"
    assert peak < 4_000_000  # 40 MB inflated would not fit, nor twice the cap


def test_an_unknown_compression_is_a_clear_error(loopback: Loopback) -> None:
    url = loopback.serve(
        "/zstd", Reply(b"\x28\xb5\x2f\xfd", headers=typed(HTML_UTF8, ("Content-Encoding", "zstd")))
    )
    assert failure(url) == f"{url} uses a compression lire cannot read (zstd)"


def test_a_corrupt_gzip_body_is_a_clear_error(loopback: Loopback) -> None:
    url = loopback.serve(
        "/corrupt",
        Reply(
            b"\x1f\x8b\x08\x00garbage-garbage",
            headers=typed(HTML_UTF8, ("Content-Encoding", "gzip")),
        ),
    )
    assert failure(url).startswith(f"{url} sent a corrupt compressed body")


def test_windows_1252_labelled_utf8_reads_without_mojibake(loopback: Loopback) -> None:
    url = loopback.serve("/cp1252", Reply(html(FRENCH + GERMAN).decode().encode("cp1252")))
    page = fetch(url, config=FAST)
    assert "« c’est très important »" in page.text and "„wichtig“" in page.text
    assert page.encoding == "cp1252"


def test_latin1_without_any_label_reads_without_mojibake(loopback: Loopback) -> None:
    text = "<p>Café, crème brûlée, Noël à l'école, déjà vu. Grüße aus Köln, Straße.</p>"
    url = loopback.serve(
        "/latin1", Reply(html(text).decode().encode("latin-1"), headers=typed("text/html"))
    )
    assert text in fetch(url, config=FAST).text


def test_a_meta_charset_is_honoured_when_http_says_nothing(loopback: Loopback) -> None:
    page = f'<html><head><meta charset="windows-1252"></head><body>{FRENCH}</body></html>'
    url = loopback.serve("/meta", Reply(page.encode("cp1252"), headers=typed("text/html")))
    assert FRENCH in fetch(url, config=FAST).text


def test_utf16_with_a_bom_is_read(loopback: Loopback) -> None:
    url = loopback.serve(
        "/utf16", Reply(html(GERMAN).decode().encode("utf-16"), headers=typed("text/html"))
    )
    page = fetch(url, config=FAST)
    assert GERMAN in page.text and (page.encoding or "").startswith("utf-16")


def test_shift_jis_is_read(loopback: Loopback) -> None:
    text = "<p>東京は日本の首都です。今日はいい天気ですね。</p>"
    body = html(text).decode().encode("shift_jis")
    url = loopback.serve("/sjis", Reply(body, headers=typed("text/html; charset=Shift_JIS")))
    assert text in fetch(url, config=FAST).text


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        ("application/pdf", b"%PDF-1.7\n", "is a PDF (application/pdf)"),
        ("image/png", b"\x89PNG\r\n\x1a\n....", "is an image (image/png)"),
        ("video/mp4", b"\x00\x00\x00\x18ftypmp42", "is a video (video/mp4)"),
        ("application/octet-stream", b"\x89PNG\r\n\x1a\n....", "is an image (image/png)"),
        (
            "application/octet-stream",
            bytes(range(32)) * 10,
            "is binary data (application/octet-stream)",
        ),
        ("text/html", b"%PDF-1.4 mislabelled", "is a PDF (application/pdf)"),
    ],
)
def test_what_lire_cannot_read_is_refused_by_name(
    loopback: Loopback, content_type: str, body: bytes, expected: str
) -> None:
    url = loopback.serve("/file", Reply(body, headers=typed(content_type)))
    assert failure(url) == f"{url} {expected}; lire reads HTML and plain text"


@pytest.mark.parametrize(
    ("content_type", "body", "media_type"),
    [
        ("application/xhtml+xml", html("<p>x</p>"), "text/html"),
        ("text/plain; charset=utf-8", b"Just text.\n\nTwo paragraphs.", "text/plain"),
        ("text/markdown", b"# Title\n\nSome *text*.", "text/plain"),
        ("application/octet-stream", html("<p>x</p>"), "text/html"),
        ("", b"  <!DOCTYPE html><html><p>no type at all</p></html>", "text/html"),
        ("", b"Plain words and nothing else.", "text/plain"),
    ],
)
def test_html_and_text_types_and_sniffing(
    loopback: Loopback, content_type: str, body: bytes, media_type: str
) -> None:
    headers = typed(content_type) if content_type else ()
    url = loopback.serve("/typed", Reply(body, headers=headers))
    assert fetch(url, config=FAST).media_type == media_type


def test_an_empty_response_is_an_error(loopback: Loopback) -> None:
    url = loopback.serve("/empty", Reply(b"  \n "))
    assert failure(url) == f"{url} is empty: there is nothing to read"


def test_a_refused_connection_names_the_url() -> None:
    url = f"http://127.0.0.1:{closed_port()}/page"
    assert failure(url) == f"{url} refused the connection: no web server answers there"


def test_a_failed_tls_handshake_is_a_clear_error(loopback: Loopback) -> None:
    url = loopback.url("/page", scheme="https")  # a plain HTTP server cannot speak TLS
    assert failure(url).startswith(f"secure connection to {url} failed (")


def test_an_untrusted_certificate_is_a_clear_error(tls_loopback: Loopback) -> None:
    url = tls_loopback.serve("/secure", Reply(html("<p>secret</p>")))
    message = failure(url)
    assert message.startswith(f"secure connection to {url} failed (")
    assert "certificate verify failed" in message


def test_https_is_read_and_bounded_when_the_certificate_is_trusted(
    tls_loopback: Loopback,
) -> None:
    assert tls_loopback.certificate is not None
    trusted = ssl.create_default_context(cafile=tls_loopback.certificate)
    url = tls_loopback.serve("/secure", Reply(html("<p>over TLS</p>")))
    padding = typed(HTML_UTF8, ("X-Padding", "p" * 200))
    slow = tls_loopback.serve("/slow", Reply(b"<p>x", headers=padding, drip=0.02, drip_head=True))
    with httpx.Client(verify=trusted) as client:
        assert "over TLS" in fetch(url, config=FAST, client=client).text
        message = failure(slow, FetchConfig(timeout=1.0, deadline=0.5), client=client)
    assert message == f"{slow} took longer than 0.5 s to download (fetch.deadline)"
    time.sleep(0.1)  # let the server notice the hang-up
    assert tls_loopback.sent["/slow"] < 200


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("ftp://example.org/file.html", "lire reads http and https URLs, not ftp:"),
        ("file:///etc/passwd", "lire reads http and https URLs, not file:"),
        ("javascript:alert(1)", "lire reads http and https URLs, not javascript:"),
        ("data:text/html,<p>hi</p>", "lire reads http and https URLs, not data:"),
        ("https://example.org/a page.html", "is not a valid URL: it contains a space"),
        ("https://", "is not a valid URL: it has no host name"),
        ("http:///path", "is not a valid URL: it has no host name"),
        ("https://xn--.example/", "is not a valid URL ("),
        ("https://☃..example/", "is not a valid URL ("),
    ],
)
def test_urls_lire_cannot_fetch_fail_before_any_connection(source: str, expected: str) -> None:
    message = failure(source)
    assert expected in message
    assert message.startswith(source.split(" ")[0][:12])


def test_a_url_in_an_error_is_sanitised_to_one_line() -> None:
    message = failure("ftp://example.org/\x1b[31mred\x1b[0m\nnext")
    assert "\x1b" not in message and "\n" not in message


def test_a_non_ascii_host_is_sent_in_its_idna_form(loopback: Loopback) -> None:
    # The loopback server acts as the HTTP proxy, so no name has to resolve.
    loopback.serve("http://xn--bcher-kva.example/seite", Reply(html("<p>Bücher</p>")))
    with httpx.Client(proxy=loopback.url("")) as client:
        page = fetch("http://bücher.example/seite", config=FAST, client=client)
    assert loopback.requests[-1].headers["Host"] == "xn--bcher-kva.example"
    assert (page.url, page.location) == (
        "http://xn--bcher-kva.example/seite",
        "http://bücher.example/seite",
    )
    assert "Bücher" in page.text


def test_credentials_in_a_url_stay_out_of_the_error(loopback: Loopback) -> None:
    url = loopback.serve("/private", Reply(b"no", 401))
    secret = url.replace("http://", "http://reader:s3cret@")
    message = failure(secret)
    assert "s3cret" not in message and "reader" not in message
    assert message == f"{url} answered HTTP 401 (unauthorized)"


def test_a_client_passed_in_is_used_and_left_open(loopback: Loopback) -> None:
    url = loopback.serve("/client", Reply(html("<p>shared client</p>")))
    with httpx.Client(headers={"X-Caller": "test"}) as client:
        assert "shared client" in fetch(url, config=FAST, client=client).text
        assert "shared client" in fetch(url, config=FAST, client=client).text
        assert not client.is_closed
    assert loopback.requests[-1].headers["X-Caller"] == "test"
