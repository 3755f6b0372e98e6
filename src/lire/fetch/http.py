"""The httpx adapter: GET an http(s) URL into a ``Download``, every failure a ``FetchError``.

With ``stream``, the only module that knows httpx. Everything is bounded: connect and read
timeouts, an overall deadline checked while the body streams in (and a ``Watchdog`` for the
rest), 10 redirects, the size as sent and the size once decompressed (both enforced chunk by
chunk). Every failure becomes a one-line ``FetchError`` naming the URL.

``lire.fetch`` imports this module only to fetch a URL: importing httpx takes most of lire's
start-up (about 0.2 s), and reading a file or stdin never needs it.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TypeAlias
from urllib.parse import urlsplit

import httpx

from lire.fetch.addresses import SCHEMES, fetch_error, show, too_large
from lire.fetch.deadline import Watchdog, deadline_error
from lire.fetch.inflate import InflateError, Inflater
from lire.fetch.options import FetchConfig
from lire.fetch.sniff import binary_type, declared_media_type, refusal, sniff_media_type
from lire.model import MediaType
from lire.sanitize import sanitize_line
from lire.urls import without_credentials

__all__ = ["Client", "Download", "download"]

Client: TypeAlias = httpx.Client
MAX_REDIRECTS = 10
CODINGS = "gzip, deflate, br"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"


@dataclass(frozen=True)
class Download:
    """A body as received: inflated, not a binary, HTML or text."""

    body: bytes
    media_type: MediaType
    charset: str | None  # as the Content-Type header declares it
    url: str  # where the last redirect led


def download(
    source: str, *, config: FetchConfig, client: httpx.Client | None, deadline: float
) -> Download:
    """GET ``source`` with ``client`` (or a client of its own), following redirects."""
    url = _parse_url(source)  # before a client exists: refusing costs nothing
    if client is not None:
        return _follow(url, config, client, deadline)
    with httpx.Client() as own:
        return _follow(url, config, own, deadline)


def _follow(url: httpx.URL, config: FetchConfig, client: httpx.Client, deadline: float) -> Download:
    headers = {
        "User-Agent": config.user_agent,
        "Accept": ACCEPT,
        "Accept-Encoding": CODINGS,
    }
    timeout = httpx.Timeout(min(config.timeout, max(deadline - time.monotonic(), 0.001)))
    with Watchdog(deadline) as watchdog:
        extensions = {"trace": watchdog.trace}
        request = client.build_request(
            "GET", url, headers=headers, timeout=timeout, extensions=extensions
        )
        visited: list[str] = []
        while True:
            visited.append(str(request.url))
            with _network_errors(show(str(request.url)), config, deadline, sending=True):
                response = client.send(request, stream=True, follow_redirects=False)
            try:
                redirect = _redirect(response)
                if redirect is None:
                    return _receive(response, config, deadline)
            finally:
                response.close()
            request = _next_hop(redirect, visited, config, deadline)


def _parse_url(source: str) -> httpx.URL:
    shown = show(source)
    if any(char.isspace() for char in source):
        raise fetch_error(f"{shown} is not a valid URL: it contains a space (write it as %20)")
    scheme = source.split(":", 1)[0].lower()
    if scheme not in SCHEMES:
        raise fetch_error(f"{shown}: lire reads http and https URLs, not {scheme}:")
    try:
        url = httpx.URL(source)
        host = url.host  # decodes an IDNA host, which may be malformed
        _ = urlsplit(source).port  # refuses a port that is not a number up to 65535
    except (httpx.InvalidURL, ValueError) as error:  # idna's errors are ValueErrors too
        raise fetch_error(f"{shown} is not a valid URL ({sanitize_line(str(error))})") from error
    if not host:
        raise fetch_error(f"{shown} is not a valid URL: it has no host name")
    return url


def _redirect(response: httpx.Response) -> httpx.Request | None:
    """The request a redirect asks for (None for a response that is no redirect), or a
    FetchError when its Location has a port past 65535 (httpx takes it; no socket does). A
    Location whose host is not valid IDNA fails as the response arrives (``_network_errors``)."""
    request = response.next_request
    if request is not None:
        try:
            _ = urlsplit(str(request.url)).port
        except ValueError as error:
            where = show(str(response.url))
            raise fetch_error(f"{where} redirects to an address that is not a valid URL") from error
    return request


def _next_hop(
    request: httpx.Request, visited: list[str], config: FetchConfig, deadline: float
) -> httpx.Request:
    where = show(visited[0])
    if request.url.scheme not in SCHEMES:
        target = show(str(request.url))
        raise fetch_error(f"{where} redirects to {target}, which is not an http(s) URL")
    if len(visited) > MAX_REDIRECTS:
        if str(request.url) in visited:
            raise fetch_error(f"{where} redirects in a loop ({len(visited)} redirects)")
        raise fetch_error(f"{where} redirects too many times (more than {MAX_REDIRECTS})")
    if time.monotonic() > deadline:
        raise deadline_error(where, config)
    return request


def _receive(response: httpx.Response, config: FetchConfig, deadline: float) -> Download:
    url = show(str(response.url))
    if not response.is_success:
        reason = httpx.codes.get_reason_phrase(response.status_code).lower() or "error"
        raise fetch_error(f"{url} answered HTTP {response.status_code} ({reason})")
    media, charset = _content_type(response.headers.get("content-type", ""))
    media_type = declared_media_type(media, url)
    body = _read_body(response, url, config, deadline)
    binary = binary_type(body)
    if binary is not None:
        raise refusal(url, binary)
    if media_type is None:
        media_type = sniff_media_type(body, name=str(response.url))
    # The address read is shown, cited and opened: never with the credentials a redirect gave.
    address = without_credentials(str(response.url))
    return Download(body=body, media_type=media_type, charset=charset, url=address)


def _content_type(value: str) -> tuple[str, str | None]:
    media, _, parameters = value.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        key, _, found = parameter.partition("=")
        if key.strip().lower() == "charset":
            charset = found.strip().strip("\"'") or None
    return media.strip().lower(), charset


def _read_body(response: httpx.Response, url: str, config: FetchConfig, deadline: float) -> bytes:
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > config.max_bytes:
        raise too_large(url, config)
    coding = response.headers.get("content-encoding", "")
    try:
        inflater = Inflater(coding, limit=config.max_decompressed_bytes)
    except InflateError as error:
        raise fetch_error(f"{url} {error}") from error
    received = 0
    parts: list[bytes] = []
    with _network_errors(url, config, deadline):
        for chunk in response.iter_raw():
            received += len(chunk)
            if received > config.max_bytes:
                raise too_large(url, config)
            if time.monotonic() > deadline:
                raise deadline_error(url, config)
            parts.append(_feed(inflater, chunk, url))
    parts.append(_feed(inflater, b"", url))
    return b"".join(parts)


def _feed(inflater: Inflater, chunk: bytes, url: str) -> bytes:
    try:
        return inflater.feed(chunk) if chunk else inflater.flush()
    except InflateError as error:
        raise fetch_error(f"{url} {error}") from error


@contextlib.contextmanager
def _network_errors(
    url: str, config: FetchConfig, deadline: float, *, sending: bool = False
) -> Iterator[None]:
    """Translate httpx's errors into a FetchError naming ``url`` (``sending``: a request, whose
    response may redirect to an address that is none)."""
    try:
        yield
    except httpx.InvalidURL as error:  # a Location httpx cannot build a request for
        raise fetch_error(f"{url} redirects to an address that is not an http(s) URL") from error
    except (ValueError, OverflowError) as error:  # a Location's host not valid IDNA (httpx
        # builds the next request as it receives a redirect), a port no socket takes
        if not sending:
            raise
        raise fetch_error(f"{url} redirects to an address that is not a valid URL") from error
    except httpx.HTTPError as error:
        if time.monotonic() >= deadline:  # a timeout, or the watchdog hanging up
            raise deadline_error(url, config) from error
        raise fetch_error(_network_failure(url, config, error)) from error


def _network_failure(url: str, config: FetchConfig, error: httpx.HTTPError) -> str:
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
