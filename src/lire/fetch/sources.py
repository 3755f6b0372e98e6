"""Read a source into a Page: an http(s) URL, a local path, or ``"-"`` for stdin.

The URL is fetched by ``lire.fetch.http``, imported only then: importing httpx takes most of lire's
start-up (about 0.2 s), and reading a file or stdin never needs it. Files and stdin are bounded
like a download (the size as read, and once decompressed for a saved ``.gz``). Every failure
becomes a one-line ``FetchError`` naming the source.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from lire.fetch.addresses import fetch_error, is_url, show, too_large
from lire.fetch.decode import decode
from lire.fetch.inflate import InflateError, inflate
from lire.fetch.options import FetchConfig
from lire.fetch.sniff import sniff_media_type
from lire.model import MediaType, Page
from lire.urls import without_credentials

if TYPE_CHECKING:
    from lire.fetch import http

__all__ = ["fetch"]


def fetch(
    source: str,
    *,
    config: FetchConfig | None = None,
    client: http.Client | None = None,
    stdin: BinaryIO | None = None,
) -> Page:
    """Read ``source`` into a decoded Page; ``FetchError`` says in one line why it could not."""
    config = config or FetchConfig()
    if source == "-":
        data = _read_stdin(stdin if stdin is not None else _stdin(), config)
        return _local_page(data, name="-", location=source, config=config)
    if is_url(source):
        return _url_page(source, config, client)
    data = _read_file(Path(source), config)
    return _local_page(data, name=source, location=source, config=config)


def _url_page(source: str, config: FetchConfig, client: http.Client | None) -> Page:
    deadline = time.monotonic() + config.deadline  # setting up counts: the user waits
    from lire.fetch import http  # imports httpx: only now, see the module's docstring

    got = http.download(source.strip(), config=config, client=client, deadline=deadline)
    return _page(
        got.body,
        media_type=got.media_type,
        declared=got.charset,
        subject=show(got.url),
        location=without_credentials(source.strip()),
        url=got.url,
    )


# -- files and stdin --------------------------------------------------------------------------


def _stdin() -> BinaryIO | None:
    return getattr(sys.stdin, "buffer", None)


def _read_stdin(stream: BinaryIO | None, config: FetchConfig) -> bytes:
    if stream is None or stream.closed:
        raise fetch_error(
            "stdin is closed: pipe a page or some text into lire, or give a URL or file"
        )
    try:
        data = stream.read(config.max_bytes + 1)
    except OSError as error:
        raise fetch_error(f"cannot read stdin: {_reason(error)}") from error
    if len(data) > config.max_bytes:
        raise too_large("stdin", config)
    return data


def _read_file(path: Path, config: FetchConfig) -> bytes:
    try:
        with path.open("rb") as file:
            data = file.read(config.max_bytes + 1)
    except FileNotFoundError:
        raise fetch_error(f"no such file: {path}") from None
    except IsADirectoryError:
        raise fetch_error(f"{path} is a directory, not a page") from None
    except OSError as error:
        raise fetch_error(f"cannot read {path}: {_reason(error)}") from error
    if len(data) > config.max_bytes:
        raise too_large(str(path), config)
    return data


def _local_page(data: bytes, *, name: str, location: str, config: FetchConfig) -> Page:
    subject = "stdin" if name == "-" else name
    if data.startswith(b"\x1f\x8b"):  # a saved page.html.gz: read what it holds
        data = _inflate_local(data, subject, config)
        name = name.removesuffix(".gz")
    media_type = sniff_media_type(data, name=name)
    return _page(data, media_type=media_type, declared=None, subject=subject, location=location)


def _inflate_local(data: bytes, subject: str, config: FetchConfig) -> bytes:
    try:
        return inflate(data, "gzip", limit=config.max_decompressed_bytes)
    except InflateError as error:
        raise fetch_error(f"{subject} {error}") from error


def _page(
    data: bytes,
    *,
    media_type: MediaType,
    declared: str | None,
    subject: str,
    location: str,
    url: str | None = None,
) -> Page:
    text, encoding = decode(data, declared=declared, media_type=media_type)
    if not text.strip():
        raise fetch_error(f"{subject} is empty: there is nothing to read")
    return Page(text=text, media_type=media_type, location=location, url=url, encoding=encoding)


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
