"""What a source is (an http(s) URL or not) and how it is named in a one-line ``FetchError``."""

from __future__ import annotations

import re

from lire.errors import FetchError
from lire.fetch.inflate import describe_size
from lire.fetch.options import FetchConfig
from lire.sanitize import sanitize_line

__all__ = ["SCHEMES", "fetch_error", "is_url", "show", "too_large"]

SCHEMES = frozenset({"http", "https"})
# Schemes that are never a file name, so "ftp://x" or "javascript:x" is refused as a URL.
OTHER_SCHEMES = frozenset(
    {"file", "ftp", "ftps", "sftp", "data", "javascript", "mailto", "about", "blob", "ws", "wss"}
    | {"gopher", "news", "tel", "ssh", "view-source", "chrome"}
)
SHOWN_URL_CHARS = 200
_SCHEME = re.compile(r"(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*+):")
_USERINFO = re.compile(r"//[^/?#@\s]*@")


def is_url(source: str) -> bool:
    """Whether ``source`` is meant as a URL (which lire may then refuse), not a path."""
    match = _SCHEME.match(source.strip())
    if match is None:
        return False
    scheme = match.group(1).lower()
    return scheme in SCHEMES or scheme in OTHER_SCHEMES or "://" in source


def show(url: str) -> str:
    """The URL for a message: one line, without credentials, not too long."""
    text = _USERINFO.sub("//", sanitize_line(url))
    return text if len(text) <= SHOWN_URL_CHARS else text[: SHOWN_URL_CHARS - 1] + "…"


def fetch_error(message: str) -> FetchError:
    """A ``FetchError`` on one line, whatever the source's name holds."""
    return FetchError(sanitize_line(message))


def too_large(subject: str, config: FetchConfig) -> FetchError:
    """The error for a source over ``fetch.max_bytes`` as read or sent."""
    size = describe_size(config.max_bytes)
    return fetch_error(f"{subject} is larger than {size} (fetch.max_bytes)")
