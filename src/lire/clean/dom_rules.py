"""The DOM pass's rules: which tags, ARIA roles, label words and class/id words name which
concept (navigation, consent, share, newsletter...), read from ``packs/dom.toml``, how a
class or id splits into words ("shareBar_top" -> share, bar, top), and which concept an
element's names name (``token_rule``)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

__all__ = ["DomRules", "load_dom_rules", "parse_dom_rules", "token_rule", "words"]

_WORD_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+")
_NEGATIONS = frozenset({"no", "without"})  # "no_toc", "titleNoCredit": what it is not
_NOT_NAMES = _NEGATIONS | {"hide"}  # a class name starting so: what it is not, or hides


@dataclass(frozen=True, slots=True)
class DomRules:
    """The DOM pass's rules: for each tag, role, label word or class word, its category."""

    silent_tags: frozenset[str]
    unguarded_tags: frozenset[str]
    tags: Mapping[str, str]
    roles: Mapping[str, str]
    labels: Mapping[str, str]
    words: Mapping[str, str]
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]  # by first word
    embeds: frozenset[str]


@lru_cache(maxsize=8192)
def words(name: str) -> tuple[str, ...]:
    """Split a class, id or label into lower-case words ("shareBar_top" -> share, bar, top)."""
    return tuple(word.lower() for word in _WORD_BREAK.split(name) if word)


@cache
def load_dom_rules() -> DomRules:
    """The rules shipped in ``lire/clean/packs/dom.toml`` (read once)."""
    text = (Path(__file__).parent / "packs" / "dom.toml").read_text(encoding="utf-8")
    return parse_dom_rules(tomllib.loads(text))


def parse_dom_rules(data: Mapping[str, Any]) -> DomRules:
    """Build ``DomRules`` from the TOML: one table per category, plus ``keep_embeds``."""
    silent: set[str] = set()
    unguarded: set[str] = set()
    tags: dict[str, str] = {}
    roles: dict[str, str] = {}
    labels: dict[str, str] = {}
    single: dict[str, str] = {}
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
    embeds = frozenset(str(name).lower() for name in data.get("keep_embeds", ()))
    for category, table in data.items():
        if not isinstance(table, Mapping):
            continue
        silent.update(table.get("silent_tags", ()))
        tags.update(dict.fromkeys(table.get("tags", ()), category))
        unguarded.update(table.get("unguarded_tags", ()))
        roles.update(dict.fromkeys(table.get("roles", ()), category))
        labels.update(dict.fromkeys(table.get("labels", ()), category))
        for token in table.get("tokens", ()):
            split = tuple(words(token))
            if len(split) == 1:
                single[split[0]] = category
            else:
                phrases[split[0]] = (*phrases.get(split[0], ()), (split, category))
    return DomRules(
        frozenset(silent), frozenset(unguarded), tags, roles, labels, single, phrases, embeds
    )


def token_rule(names: str, rules: DomRules) -> str | None:
    """The rule of the first class, id or component word that names a concept. A utility
    class with a variant or an arbitrary value ("md:flex", "[.sidebar-filled_&]:bg-tint")
    says how an element looks in some state, not what it is: its words are not read."""
    for name in names.split():
        if ":" in name or "[" in name:
            continue
        split = words(name)
        if split and split[0] in _NOT_NAMES:
            continue  # "no-sidebar-menu", "hide-read-more-ad": what the element is not or hides
        for i, word in enumerate(split):
            if (category := rules.words.get(word)) and not (i and split[i - 1] in _NEGATIONS):
                return f"{category}/dom-class-{word}"  # not "no_toc", "titleNoCredit"
        for start, word in enumerate(split):
            for phrase, category in rules.phrases.get(word, ()):
                if tuple(split[start : start + len(phrase)]) == phrase:
                    return f"{category}/dom-class-{'-'.join(phrase)}"
    return None
