"""Article metadata from a parsed page: ``<title>``, ``<meta>``, Open Graph and JSON-LD.

Each field takes the first source that has it; absent values are ``None``. Dates become ISO
8601, languages a lower-case primary tag ("fr"). Malformed JSON-LD is ignored, never fatal.
Beside what is shown, what tells the page's kind and its paywall: every JSON-LD ``@type`` and
``og:type``, the JSON-LD ``articleBody``, and ``isAccessibleForFree`` with the CSS selectors of
the parts it marks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from lxml.html import HtmlElement

from lire.sanitize import sanitize_line
from lire.urls import web_address

__all__ = ["Metadata", "json_ld_items", "normalise_date", "normalise_lang", "read_metadata"]

_ARTICLE_TYPES = re.compile(r"(?:Article|BlogPosting|Report)$")
_LANG = re.compile(r"[A-Za-z]{2,3}(?=$|[-_])")
_TITLE_SEPARATORS = re.compile(r"(?<!\s)\s++(?:\||-|–|—|::|·|»|:)\s++")  # linear: see sentences
_DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
_MAX_JSON_LD = 1_000_000
MAX_DATE_CHARS = 64  # no date is written longer


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a page says about its article."""

    title: str | None = None
    byline: str | None = None
    site: str | None = None
    published: str | None = None
    lang: str | None = None
    url: str | None = None
    description: str | None = None
    types: tuple[str, ...] = ()  # every JSON-LD @type of the page, in order
    og_type: str | None = None
    body: str | None = None  # the JSON-LD articleBody
    free: bool | None = None  # the JSON-LD isAccessibleForFree
    paywalled: tuple[str, ...] = ()  # CSS selectors of the parts marked not free


def read_metadata(root: HtmlElement, *, url: str | None = None) -> Metadata:
    """Read the metadata of the page whose ``<html>`` element is ``root``."""
    meta = _meta_tags(root)
    items = json_ld_items(root)
    ld = _article_item(items)
    site = _first(
        meta.get("og:site_name"), _name(ld.get("publisher")), meta.get("application-name")
    )
    return Metadata(
        title=_title(root, meta, ld, site),
        byline=_first(_names(ld.get("author")), _person(meta.get("author")),
                      _person(meta.get("article:author"))),
        site=site,
        published=_first(normalise_date(_text(ld.get("datePublished"))),
                         *(normalise_date(meta.get(key)) for key in _DATE_KEYS)),
        lang=_first(normalise_lang(root.get("lang")), normalise_lang(meta.get("og:locale")),
                    normalise_lang(meta.get("content-language")),
                    normalise_lang(_text(ld.get("inLanguage")))),
        url=_canonical(root, meta, url),
        description=_first(meta.get("description"), meta.get("og:description"),
                           _text(ld.get("description"))),
        types=tuple(dict.fromkeys(kind for item in items for kind in _types(item))),
        og_type=meta.get("og:type"),
        body=_body(ld.get("articleBody")),
        free=_free(ld.get("isAccessibleForFree")),
        paywalled=_paywalled(ld.get("hasPart")),
    )  # fmt: skip


def normalise_date(value: str | None) -> str | None:
    """``value`` as an ISO 8601 date or date-time, or ``None`` when it is not a date."""
    if not value or not (value := value.strip()) or len(value) > MAX_DATE_CHARS:
        return None
    if re.fullmatch(r"\d{8}", value):
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    candidate = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", value.replace(" ", "T", 1))
    try:
        moment = datetime.fromisoformat(candidate.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):  # "Jan 99999999999"
            return None
    if len(value) == 10 and "T" not in candidate:
        return moment.date().isoformat()
    return moment.isoformat()


def normalise_lang(value: str | None) -> str | None:
    """The primary language subtag of ``value`` in lower case ("fr_FR" -> "fr")."""
    if value and (match := _LANG.match(value.strip())):
        return match.group(0).lower()
    return None


def _meta_tags(root: HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in root.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("http-equiv")
        content = element.get("content")
        if key and content and (text := sanitize_line(content)):
            found.setdefault(key.strip().lower(), text)
    return found


def json_ld_items(root: HtmlElement) -> tuple[Mapping[str, Any], ...]:
    """The page's JSON-LD objects: top-level ones, list members and ``@graph`` members."""
    found: list[Mapping[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        source = script.text or ""
        if len(source) > _MAX_JSON_LD:
            continue
        try:
            data = json.loads(source)
        except (ValueError, RecursionError):
            continue
        found.extend(_ld_items(data))
    return tuple(found)


def _types(item: Mapping[str, Any]) -> Iterator[str]:
    kinds = item.get("@type")
    for kind in kinds if isinstance(kinds, list) else [kinds]:
        if isinstance(kind, str):
            yield kind


def _article_item(items: tuple[Mapping[str, Any], ...]) -> Mapping[str, Any]:
    """The first Article-like JSON-LD object (``{}`` when there is none)."""
    for item in items:
        if any(_ARTICLE_TYPES.search(kind) for kind in _types(item)):
            return item
    return {}


def _body(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _free(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _paywalled(value: object) -> tuple[str, ...]:
    """The ``cssSelector`` of each ``hasPart`` marked ``isAccessibleForFree: false``."""
    parts = value if isinstance(value, list) else [value]
    selectors: list[str] = []
    for part in parts:
        if isinstance(part, dict) and _free(part.get("isAccessibleForFree")) is False:
            selector = part.get("cssSelector")
            if isinstance(selector, str) and selector.strip():
                selectors.append(selector.strip())
    return tuple(selectors)


def _ld_items(data: object) -> Iterator[Mapping[str, Any]]:
    """Top-level objects, list members and ``@graph`` members (two levels, no deeper)."""
    top = data if isinstance(data, list) else [data]
    for item in top:
        if isinstance(item, dict):
            yield item
            graph = item.get("@graph")
            if isinstance(graph, list):
                yield from (node for node in graph if isinstance(node, dict))


def _title(
    root: HtmlElement, meta: Mapping[str, str], ld: Mapping[str, Any], site: str | None
) -> str | None:
    headings = [sanitize_line(h.text_content()) for h in root.iter("h1")]
    heading = headings[0] if len(headings) == 1 and headings[0] else None
    title = root.find(".//title")
    document_title = sanitize_line(title.text_content()) if title is not None else None
    chosen = _first(meta.get("og:title"), _text(ld.get("headline")), meta.get("twitter:title"),
                    heading, _strip_suffix(document_title, site))  # fmt: skip
    return _strip_site(chosen, site)


def _strip_suffix(title: str | None, site: str | None) -> str | None:
    """A ``<title>`` without its " | Site" part: its first part that is not the site's name."""
    if not title:
        return None
    parts = [
        part
        for part in _TITLE_SEPARATORS.split(title)
        if part.casefold() != (site or "").casefold()
    ]
    return parts[0] if parts else title


def _strip_site(title: str | None, site: str | None) -> str | None:
    if not title or not site:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and parts[-1].casefold() == site.casefold():
        return " ".join(title[: title.rfind(parts[-1])].split()[:-1]) or title
    return title


def _canonical(root: HtmlElement, meta: Mapping[str, str], url: str | None) -> str | None:
    """The address the page claims for itself, when it is an http(s) one (resolved)."""
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and (found := web_address(link.get("href"), base=url)):
            return found
    return web_address(meta.get("og:url"), base=url)


def _text(value: object) -> str | None:
    if isinstance(value, str) and (text := sanitize_line(value)):
        return text
    return None


def _name(value: object) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _names(value: object) -> str | None:
    items = value if isinstance(value, list) else [value]
    names = [name for item in items if (name := _name(item))]
    return ", ".join(dict.fromkeys(names)) or None


def _person(value: str | None) -> str | None:
    """An author value, unless it is a profile URL."""
    if value and not value.startswith(("http://", "https://", "/")):
        return value
    return None


def _first(*values: str | None) -> str | None:
    return next((value for value in values if value), None)
