"""Read a source into a Page: an http(s) URL, a local path, or ``"-"`` for stdin.

The only module that knows httpx. Everything is bounded: connect and read timeouts, an overall
deadline checked while the body streams in, 10 redirects, the size as sent and the size once
decompressed (both enforced chunk by chunk). Every failure becomes a one-line ``FetchError``
naming the source.

httpx is imported by the functions that fetch a URL, not at the top: importing it takes most of
lire's start-up (about 0.2 s), and reading a file or stdin never needs it.
"""

from __future__ import annotations

import contextlib
import re
import socket
import ssl
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from lire.config import FetchConfig
from lire.decode import (
    InflateError,
    Inflater,
    binary_type,
    decode,
    describe_size,
    inflate,
    refusal,
    sniff_media_type,
)
from lire.errors import FetchError
from lire.model import MediaType, Page
from lire.sanitize import sanitize_line

if TYPE_CHECKING:
    import httpx

__all__ = ["fetch"]

MAX_REDIRECTS = 10
SCHEMES = frozenset({"http", "https"})
# Schemes that are never a file name, so "ftp://x" or "javascript:x" is refused as a URL.
OTHER_SCHEMES = frozenset(
    {"file", "ftp", "ftps", "sftp", "data", "javascript", "mailto", "about", "blob", "ws", "wss"}
    | {"gopher", "news", "tel", "ssh", "view-source", "chrome"}
)
CODINGS = "gzip, deflate, br"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
GENERIC_TYPES = frozenset(  # a server that does not know: sniff the bytes
    {"", "application/octet-stream", "binary/octet-stream", "application/unknown"}
    | {"unknown/unknown", "application/x-unknown", "application/binary", "*/*"}
)
SHOWN_URL_CHARS = 200
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_USERINFO = re.compile(r"//[^/?#@\s]*@")


def fetch(
    source: str,
    *,
    config: FetchConfig | None = None,
    client: httpx.Client | None = None,
    stdin: BinaryIO | None = None,
) -> Page:
    """Read ``source`` into a decoded Page; ``FetchError`` says in one line why it could not."""
    config = config or FetchConfig()
    if source == "-":
        data = _read_stdin(stdin if stdin is not None else _stdin(), config)
        return _local_page(data, name="-", location=source, config=config)
    if _is_url(source):
        deadline = time.monotonic() + config.deadline  # setting up counts: the user waits
        import httpx

        url = _parse_url(source.strip())  # before a client exists: refusing costs nothing
        if client is not None:
            return _fetch_url(url, source, config, client, deadline)
        with httpx.Client() as own:
            return _fetch_url(url, source, config, own, deadline)
    data = _read_file(Path(source), config)
    return _local_page(data, name=source, location=source, config=config)


def _is_url(source: str) -> bool:
    match = _SCHEME.match(source.strip())
    if match is None:
        return False
    scheme = match.group(1).lower()
    return scheme in SCHEMES or scheme in OTHER_SCHEMES or "://" in source


def _error(message: str) -> FetchError:
    return FetchError(sanitize_line(message))


def _show(url: str | httpx.URL) -> str:
    """The URL for a message: one line, without credentials, not too long."""
    text = _USERINFO.sub("//", sanitize_line(str(url)))
    return text if len(text) <= SHOWN_URL_CHARS else text[: SHOWN_URL_CHARS - 1] + "…"


# -- files and stdin --------------------------------------------------------------------------


def _stdin() -> BinaryIO | None:
    return getattr(sys.stdin, "buffer", None)


def _read_stdin(stream: BinaryIO | None, config: FetchConfig) -> bytes:
    if stream is None or stream.closed:
        raise _error("stdin is closed: pipe a page or some text into lire, or give a URL or file")
    try:
        data = stream.read(config.max_bytes + 1)
    except OSError as error:
        raise _error(f"cannot read stdin: {_reason(error)}") from error
    if len(data) > config.max_bytes:
        raise _too_large("stdin", config)
    return data


def _read_file(path: Path, config: FetchConfig) -> bytes:
    try:
        with path.open("rb") as file:
            data = file.read(config.max_bytes + 1)
    except FileNotFoundError:
        raise _error(f"no such file: {path}") from None
    except IsADirectoryError:
        raise _error(f"{path} is a directory, not a page") from None
    except OSError as error:
        raise _error(f"cannot read {path}: {_reason(error)}") from error
    if len(data) > config.max_bytes:
        raise _too_large(str(path), config)
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
        raise _error(f"{subject} {error}") from error


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
        raise _error(f"{subject} is empty: there is nothing to read")
    return Page(text=text, media_type=media_type, location=location, url=url, encoding=encoding)


def _reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


# -- http(s) ----------------------------------------------------------------------------------


def _fetch_url(
    url: httpx.URL, source: str, config: FetchConfig, client: httpx.Client, deadline: float
) -> Page:
    import httpx

    headers = {
        "User-Agent": config.user_agent,
        "Accept": ACCEPT,
        "Accept-Encoding": CODINGS,
    }
    timeout = httpx.Timeout(min(config.timeout, max(deadline - time.monotonic(), 0.001)))
    with _Watchdog(deadline) as watchdog:
        extensions = {"trace": watchdog.trace}
        request = client.build_request(
            "GET", url, headers=headers, timeout=timeout, extensions=extensions
        )
        visited: list[str] = []
        while True:
            visited.append(str(request.url))
            with _network_errors(_show(request.url), config, deadline):
                response = client.send(request, stream=True, follow_redirects=False)
            try:
                if response.next_request is None:
                    return _response_page(response, source, config, deadline)
            finally:
                response.close()
            request = _next_hop(response.next_request, visited, config, deadline)


class _Watchdog:
    """Hangs up the connection at the deadline, even while a server drips its headers.

    httpx's timeouts bound each read, not the whole exchange; the body loop checks the
    deadline between chunks, and this timer covers the rest by shutting the socket down, which
    ends a blocked read at once. It learns the socket from httpcore's ``trace`` extension.
    """

    def __init__(self, deadline: float) -> None:
        self._socket: socket.socket | None = None
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._hang_up)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: Mapping[str, Any]) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            stream = info.get("return_value")
            found = stream.get_extra_info("socket") if stream is not None else None
            if isinstance(found, socket.socket):
                self._socket = found

    def _hang_up(self) -> None:
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.shutdown(socket.SHUT_RDWR)


def _parse_url(source: str) -> httpx.URL:
    import httpx

    shown = _show(source)
    if any(char.isspace() for char in source):
        raise _error(f"{shown} is not a valid URL: it contains a space (write it as %20)")
    scheme = source.split(":", 1)[0].lower()
    if scheme not in SCHEMES:
        raise _error(f"{shown}: lire reads http and https URLs, not {scheme}:")
    try:
        url = httpx.URL(source)
        host = url.host  # decodes an IDNA host, which may be malformed
    except (httpx.InvalidURL, UnicodeError) as error:  # idna raises a UnicodeError
        raise _error(f"{shown} is not a valid URL ({error})") from error
    if not host:
        raise _error(f"{shown} is not a valid URL: it has no host name")
    return url


def _next_hop(
    request: httpx.Request, visited: list[str], config: FetchConfig, deadline: float
) -> httpx.Request:
    where = _show(visited[0])
    if request.url.scheme not in SCHEMES:
        raise _error(f"{where} redirects to {_show(request.url)}, which is not an http(s) URL")
    if len(visited) > MAX_REDIRECTS:
        if str(request.url) in visited:
            raise _error(f"{where} redirects in a loop ({len(visited)} redirects)")
        raise _error(f"{where} redirects too many times (more than {MAX_REDIRECTS})")
    if time.monotonic() > deadline:
        raise _deadline_error(where, config)
    return request


def _response_page(
    response: httpx.Response, source: str, config: FetchConfig, deadline: float
) -> Page:
    import httpx

    url = _show(response.url)
    if not response.is_success:
        reason = httpx.codes.get_reason_phrase(response.status_code).lower() or "error"
        raise _error(f"{url} answered HTTP {response.status_code} ({reason})")
    media, declared = _content_type(response.headers.get("content-type", ""))
    media_type = _media_type(media, url)
    body = _read_body(response, url, config, deadline)
    binary = binary_type(body)
    if binary is not None:
        raise refusal(url, binary)
    if media_type is None:
        media_type = sniff_media_type(body, name=str(response.url))
    return _page(
        body,
        media_type=media_type,
        declared=declared,
        subject=url,
        location=source,
        url=str(response.url),
    )


def _content_type(value: str) -> tuple[str, str | None]:
    media, _, parameters = value.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        key, _, found = parameter.partition("=")
        if key.strip().lower() == "charset":
            charset = found.strip().strip("\"'") or None
    return media.strip().lower(), charset


def _media_type(media: str, url: str) -> MediaType | None:
    """The page's media type from the header, ``None`` to sniff, or a refusal."""
    if media in HTML_TYPES:
        return "text/html"
    if media in TEXT_TYPES:
        return "text/plain"
    if media in GENERIC_TYPES or media.startswith("text/") or media.endswith(("/xml", "+xml")):
        return None
    raise refusal(url, media)


def _read_body(response: httpx.Response, url: str, config: FetchConfig, deadline: float) -> bytes:
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > config.max_bytes:
        raise _too_large(url, config)
    coding = response.headers.get("content-encoding", "")
    try:
        inflater = Inflater(coding, limit=config.max_decompressed_bytes)
    except InflateError as error:
        raise _error(f"{url} {error}") from error
    received = 0
    parts: list[bytes] = []
    with _network_errors(url, config, deadline):
        for chunk in response.iter_raw():
            received += len(chunk)
            if received > config.max_bytes:
                raise _too_large(url, config)
            if time.monotonic() > deadline:
                raise _deadline_error(url, config)
            parts.append(_feed(inflater, chunk, url))
    parts.append(_feed(inflater, b"", url))
    return b"".join(parts)


def _feed(inflater: Inflater, chunk: bytes, url: str) -> bytes:
    try:
        return inflater.feed(chunk) if chunk else inflater.flush()
    except InflateError as error:
        raise _error(f"{url} {error}") from error


def _too_large(subject: str, config: FetchConfig) -> FetchError:
    return _error(f"{subject} is larger than {describe_size(config.max_bytes)} (fetch.max_bytes)")


def _deadline_error(url: str, config: FetchConfig) -> FetchError:
    return _error(f"{url} took longer than {config.deadline:g} s to download (fetch.deadline)")


@contextlib.contextmanager
def _network_errors(url: str, config: FetchConfig, deadline: float) -> Iterator[None]:
    """Translate httpx's errors into a FetchError naming ``url``."""
    import httpx

    try:
        yield
    except httpx.HTTPError as error:
        if time.monotonic() >= deadline:  # a timeout, or the watchdog hanging up
            raise _deadline_error(url, config) from error
        raise _error(_network_failure(url, config, error)) from error


def _network_failure(url: str, config: FetchConfig, error: httpx.HTTPError) -> str:
    import httpx

    match error:
        case httpx.ConnectTimeout():
            return f"{url} did not accept a connection within {config.timeout:g} s"
        case httpx.TimeoutException():
            return f"{url} sent nothing for {config.timeout:g} s (fetch.timeout)"
        case httpx.ConnectError():
            return _connect_failure(url, error)
        case httpx.RemoteProtocolError():
            return f"{url} sent a broken HTTP response ({error})"
        case _:
            return f"cannot fetch {url}: {error or type(error).__name__}"


def _connect_failure(url: str, error: httpx.ConnectError) -> str:
    causes = list(_causes(error))
    if any(isinstance(cause, socket.gaierror) for cause in causes):
        return f"cannot find the server of {url} (DNS lookup failed): check the address"
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return f"{url} refused the connection: no web server answers there"
    if any(isinstance(cause, ssl.SSLError) for cause in causes):
        return f"secure connection to {url} failed ({error})"
    return f"cannot connect to {url} ({error})"


def _causes(error: BaseException) -> Iterator[BaseException]:
    seen: BaseException | None = error
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__
