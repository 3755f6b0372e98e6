"""Web addresses: where a URL from a page, a server or a user becomes one lire may show or use.

- ``web_address``: the http(s) address a value names (resolved against the page's address), or
  ``None``. What comes out is one line of at most ``MAX_URL_CHARS`` characters, with a host,
  a valid port, no credentials, no control or invisible character, and nothing that could
  close a Markdown link or autolink (spaces, ``<``, ``>``, quotes, backslashes are
  percent-encoded). Every address lire publishes (links, the address read, the canonical one a
  page claims) has been through it; it never raises.
- ``without_credentials``: an address with its ``user:password@`` part dropped.
- ``same_site``: whether two addresses are on one site (same host, or one a subdomain of the
  other, ``www.`` and mobile prefixes aside).
- ``article_address``: the key an article is known by: the address without its fragment,
  tracking parameters, ``www.``, default port, scheme and trailing slash, its query sorted.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lire.sanitize import sanitize_line

__all__ = [
    "MAX_URL_CHARS",
    "article_address",
    "same_site",
    "web_address",
    "without_credentials",
]

MAX_URL_CHARS = 4096
SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
# Characters percent-encoded in an address lire shows: they end a Markdown link or autolink, or
# are not allowed in a URL at all.
_ENCODED = str.maketrans({char: f"%{ord(char):02X}" for char in ' <>"`{}|\\^\t\n'})
_HOST_NAME = re.compile(r"[^\W_](?:[\w-]{0,62})(?:\.[^\W_][\w-]{0,62})*\.?")
_SITE_PREFIXES = ("www.", "m.", "mobile.", "amp.")
# Query parameters that say where a reader came from, never which article it is.
TRACKING_PREFIXES = ("utm_", "mtm_", "pk_", "hsa_", "_hs", "__hs", "oly_", "vero_")
TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid"}
    | {"igshid", "mc_cid", "mc_eid", "mkt_tok", "_ga", "_gl", "ocid", "cmpid", "icid", "ncid"}
    | {"ref", "ref_src", "ref_url", "smid", "s_cid", "spm", "xtor", "guccounter"}
)


def web_address(raw: object, *, base: str | None = None) -> str | None:
    """The http(s) address ``raw`` names, resolved against ``base``; None when it names none."""
    if not isinstance(raw, str) or len(raw) > 2 * MAX_URL_CHARS:
        return None
    return _web_address(raw, base)


@functools.lru_cache(maxsize=4096)  # a page repeats its links (menus, share bars)
def _web_address(raw: str, base: str | None) -> str | None:
    text = sanitize_line(raw)
    if not text or len(text) > MAX_URL_CHARS:
        return None
    try:
        if base and not text[:8].lower().startswith(("http://", "https://")):
            text = urljoin(base, text)
        parts = urlsplit(text)
        port = parts.port  # refuses a port that is not a number from 0 to 65535
    except ValueError:  # "http://[::1", an unbalanced bracket, a bad port
        return None
    scheme = parts.scheme.lower()
    host = _host(parts.hostname)
    if scheme not in SCHEMES or host is None:
        return None
    netloc = host if port is None or port == DEFAULT_PORTS[scheme] else f"{host}:{port}"
    url = urlunsplit((scheme, netloc, parts.path or "/", parts.query, parts.fragment))
    url = url.translate(_ENCODED)
    return url if len(url) <= MAX_URL_CHARS else None


def _host(host: str | None) -> str | None:
    """``host`` (lower case, an IPv6 address in brackets) when it is a valid host, else None."""
    if not host:
        return None
    if ":" in host:
        try:
            return f"[{ipaddress.IPv6Address(host).compressed}]"
        except ValueError:
            return None
    if len(host) > 253 or not _HOST_NAME.fullmatch(host):
        return None
    if not host.isascii():
        try:
            host.encode("idna")  # not a valid internationalised name
        except UnicodeError:
            return None
    return host


def without_credentials(url: str) -> str:
    """``url`` without a ``user:password@`` part (unchanged when it has none or is not one)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if "@" not in parts.netloc:
        return url
    netloc = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _site_host(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    for prefix in _SITE_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            return host[len(prefix) :]
    return host


def same_site(first: str, second: str) -> bool:
    """Whether two addresses are on one site: the same host, or one a subdomain of the other."""
    one, other = _site_host(first), _site_host(second)
    if one is None or other is None:
        return False
    return one == other or one.endswith("." + other) or other.endswith("." + one)


def article_address(url: str) -> str | None:
    """The key of the article at ``url``: host and path without what only says how it was
    reached (fragment, tracking parameters, ``www.``, default port, scheme, trailing slash)."""
    address = web_address(url)
    if address is None:
        return None
    parts = urlsplit(address)
    host = _site_host(address) or ""
    port = f":{parts.port}" if parts.port is not None else ""
    path = parts.path.rstrip("/") or "/"
    query = sorted(
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(key)
    )
    return f"{host}{port}{path}" + (f"?{urlencode(query)}" if query else "")


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key in TRACKING_PARAMETERS or key.startswith(TRACKING_PREFIXES)
