"""The DOM pass's rules: which tags, ARIA roles, label words and class/id words name which
concept (navigation, consent, share, newsletter...), read from ``packs/dom.toml``, and how a
class or id splits into words ("shareBar_top" -> share, bar, top)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

__all__ = ["DomRules", "load_dom_rules", "parse_dom_rules", "words"]

_WORD_BREAK = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|[^A-Za-z0-9]+")


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
