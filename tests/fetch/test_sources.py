"""Sources other than a plain URL: files, stdin, how a source is told apart, real saved pages."""

from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from lire.config import FetchConfig
from lire.errors import FetchError
from lire.fetch.sources import fetch
from loopback import Loopback, Reply, loopback_server  # noqa: F401  (the fixture "loopback")

PAGE = "<!doctype html><html><head><title>T</title></head><body><p>Un été à Noël.</p></body></html>"
TEXT = "Un titre\n\nUn été à Noël, déjà.\n"


def failure(source: str, **options: object) -> str:
    with pytest.raises(FetchError) as caught:
        fetch(source, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("name", "content", "media_type"),
    [
        ("page.html", PAGE, "text/html"),
        ("page.htm", PAGE, "text/html"),
        ("page.xhtml", PAGE, "text/html"),
        ("notes.txt", TEXT, "text/plain"),
        ("notes.md", "# Un titre\n\n<p> in Markdown stays text", "text/plain"),
        ("notes.markdown", TEXT, "text/plain"),
        ("notes.text", TEXT, "text/plain"),
        ("saved-page", PAGE, "text/html"),
        ("copied-text", TEXT, "text/plain"),
    ],
)
def test_a_file_is_read_by_extension_or_content(
    tmp_path: Path, name: str, content: str, media_type: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    page = fetch(str(path))
    assert (page.text, page.media_type, page.location, page.url) == (
        content,
        media_type,
        str(path),
        None,
    )


def test_a_file_is_decoded_like_a_page(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    path.write_bytes(
        PAGE.replace("<title>", '<meta charset="iso-8859-1"><title>').encode("latin-1")
    )
    page = fetch(str(path))
    assert "Un été à Noël." in page.text and page.encoding == "cp1252"


def test_a_gzipped_saved_page_is_read(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(PAGE.encode()))
    assert fetch(str(path)).text == PAGE


def test_a_gzipped_file_is_bounded_once_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + bytes(5_000_000)))
    message = failure(str(path), config=FetchConfig(max_decompressed_bytes=100_000))
    assert message == (
        f"{path} is larger than 100 kB once decompressed (fetch.max_decompressed_bytes)"
    )


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "x.html"
    assert failure(str(path)) == f"no such file: {path}"


def test_a_directory_is_not_a_page(tmp_path: Path) -> None:
    assert failure(str(tmp_path)) == f"{tmp_path} is a directory, not a page"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_says_why(tmp_path: Path) -> None:
    path = tmp_path / "secret.html"
    path.write_text(PAGE)
    path.chmod(0)
    try:
        assert failure(str(path)) == f"cannot read {path}: permission denied"
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("content", [b"", b"  \n\t \r\n", "\ufeff \n".encode()])
def test_an_empty_or_blank_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert failure(str(path)) == f"{path} is empty: there is nothing to read"


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("paper.pdf", b"%PDF-1.5\n...", "is a PDF (application/pdf)"),
        ("photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "is an image (image/jpeg)"),
        ("dump.bin", bytes(1000), "is binary data (application/octet-stream)"),
    ],
)
def test_a_binary_file_is_refused(tmp_path: Path, name: str, content: bytes, what: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert failure(str(path)) == f"{path} {what}; lire reads HTML and plain text"


def test_a_file_over_the_size_cap_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("word " * 1000)
    assert failure(str(path), config=FetchConfig(max_bytes=4000)) == (
        f"{path} is larger than 4 kB (fetch.max_bytes)"
    )
    assert fetch(str(path), config=FetchConfig(max_bytes=5000)).text.startswith("word word")


def test_a_local_name_with_a_colon_is_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notes:2024.txt").write_text(TEXT)
    assert fetch("notes:2024.txt").text == TEXT
    assert failure("draft:1.html") == "no such file: draft:1.html"


@pytest.mark.parametrize(
    "scheme",
    ["ftp://host/x", "FILE:///etc/passwd", "javascript:alert(1)", "data:,hi", "mailto:a@b.c"],
)
def test_a_url_with_another_scheme_is_refused_not_read_as_a_path(scheme: str) -> None:
    assert "lire reads http and https URLs, not " in failure(scheme)


def test_stdin_is_read(tmp_path: Path) -> None:
    page = fetch("-", stdin=io.BytesIO(TEXT.encode()))
    assert (page.text, page.media_type, page.location, page.url) == (TEXT, "text/plain", "-", None)
    assert fetch("-", stdin=io.BytesIO(PAGE.encode("utf-16"))).media_type == "text/html"


@pytest.mark.parametrize("content", [b"", b" \n \n"])
def test_empty_stdin_is_an_error(content: bytes) -> None:
    assert failure("-", stdin=io.BytesIO(content)) == "stdin is empty: there is nothing to read"


def test_closed_stdin_is_an_error() -> None:
    stream = io.BytesIO(b"text")
    stream.close()
    assert failure("-", stdin=stream).startswith("stdin is closed")


def test_binary_stdin_is_refused() -> None:
    assert failure("-", stdin=io.BytesIO(b"%PDF-1.4 ...")) == (
        "stdin is a PDF (application/pdf); lire reads HTML and plain text"
    )


def test_stdin_over_the_size_cap_is_refused() -> None:
    stream = io.BytesIO(b"x" * 10_000)
    config = FetchConfig(max_bytes=1000)
    assert (
        failure("-", stdin=stream, config=config) == "stdin is larger than 1 kB (fetch.max_bytes)"
    )
    assert stream.tell() == 1001  # it read no more than the cap and one byte


def test_a_real_pipe_is_read_to_its_end() -> None:
    read_end, write_end = os.pipe()
    with os.fdopen(write_end, "wb") as writer:
        writer.write(TEXT.encode())
    with os.fdopen(read_end, "rb") as reader:
        assert fetch("-", stdin=reader).text == TEXT


# -- the benchmark's real pages (../shared) ----------------------------------------------------


def benchmark_pages(shared: Path) -> list[Path]:
    pages = sorted((shared / "benchmarks" / "article-extraction-benchmark" / "html").glob("*.gz"))
    if not pages:
        pytest.skip("the article-extraction benchmark pages are absent")
    return pages


@pytest.mark.shared
def test_real_saved_pages_read_from_disk_without_replacement_characters(shared_dir: Path) -> None:
    for path in benchmark_pages(shared_dir):
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
        page = fetch(str(path))
        assert page.media_type == "text/html", path.name
        assert page.text == raw.replace("\x00", "").removeprefix("\ufeff"), path.name


@pytest.mark.shared
def test_real_pages_served_gzipped_over_http_read_as_on_disk(
    shared_dir: Path, loopback: Loopback
) -> None:
    with httpx.Client() as client:
        for path in benchmark_pages(shared_dir):
            key = path.name.removesuffix(".html.gz")
            headers = (("Content-Type", "text/html"), ("Content-Encoding", "gzip"))
            url = loopback.serve(f"/{key}", Reply(path.read_bytes(), headers=headers))
            page = fetch(url, client=client)
            assert page.text == fetch(str(path)).text, key
            assert (page.url, page.encoding) == (url, "utf-8"), key


def test_reading_a_file_or_stdin_never_imports_httpx(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    code = (
        "import io, sys\n"
        "from lire.fetch.sources import fetch\n"
        "fetch(sys.argv[1]); fetch('-', stdin=io.BytesIO(b'Some text.'))\n"
        "print(sorted(m for m in ('httpx', 'charset_normalizer') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"  # start-up cost is paid only for a URL
