"""Cleaning rules as named data: the model, the TOML packs and the loader.

A pack is a TOML file under ``lire/rules/lang/`` (one language, or ``"*"`` for any) or
``lire/rules/sites/`` (one site host and its subdomains)::

    lang = "fr"                      # or: site = "numerama.com"

    [[rules]]
    name = "subscription/fr-abonnez-vous"   # "<category>/<detail>"
    pattern = '^abonnez-vous\\b'            # case-insensitive, matched against each sentence
    strength = "strong"                     # "strong" removes; "weak" only joins a cluster
    max_words = 60                          # the block must be at most this long (optional)
    position = "any"                        # or "edge": only in the head or tail of the article

User rules from the config (``[[clean.rules]]``) have the same keys, plus an optional ``lang``
or ``site`` of their own. Patterns are compiled once and must stay linear-time: an unbounded
repeat nested in another unbounded repeat, and backreferences, are refused.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

from lire.clean.patterns import backtracking_risk, required_literals
from lire.errors import ConfigError

__all__ = [
    "CATEGORIES",
    "Position",
    "Rule",
    "RuleSet",
    "Strength",
    "compiled",
    "default_rules",
    "load_rules",
    "parse_rule",
]

CATEGORIES = frozenset(
    {
        *("subscription", "paywall", "meter", "login", "newsletter", "donation", "follow"),
        *("related", "share", "comment", "consent", "app", "ad", "credit", "author", "tags"),
        *("repeat", "learned", "site", "user", "hidden", "dialog", "form", "nav"),
    }
)
_NAME = re.compile(r"(?<![a-z])(?P<category>[a-z]++)/[a-z0-9][a-z0-9.+-]*+")
_KEYS = frozenset({"name", "pattern", "strength", "max_words", "position", "lang", "site"})
ANY_LANG = "*"
SECOND_LANG = "en"
DEFAULT_MAX_WORDS = {"strong": 60, "weak": 40}
_E = TypeVar("_E", bound=StrEnum)


class Strength(StrEnum):
    """How much a rule's match says: ``strong`` removes a block, ``weak`` only joins a cluster."""

    STRONG = "strong"
    WEAK = "weak"


class Position(StrEnum):
    """Where in the article a rule applies."""

    ANY = "any"
    EDGE = "edge"  # the head or the tail of the article


@dataclass(frozen=True, slots=True)
class Rule:
    """One named cleaning rule; ``lang`` is ``"*"`` for any language, ``site`` a host or None."""

    name: str
    source: str
    strength: Strength = Strength.STRONG
    max_words: int = 60
    position: Position = Position.ANY
    lang: str = ANY_LANG
    site: str | None = None

    @property
    def category(self) -> str:
        return self.name.partition("/")[0]

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use, once)."""
        return compiled(self.source)

    @property
    def needles(self) -> tuple[str, ...]:
        """Casefolded strings one of which is in every text the pattern matches (() if none)."""
        return required_literals(self.source)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Every known rule; ``select`` picks those that apply to one article."""

    rules: tuple[Rule, ...]

    @property
    def langs(self) -> frozenset[str]:
        return frozenset(rule.lang for rule in self.rules) - {ANY_LANG}

    def select(self, lang: str | None, host: str | None) -> tuple[Rule, ...]:
        """The rules for an article in ``lang`` from ``host``.

        A known language brings its pack, English (sites in every language carry English share
        bars and cookie notices) and the language-free rules; an unknown one brings them all.
        """
        primary = (lang or "").lower().replace("_", "-").partition("-")[0]
        wanted = {ANY_LANG, SECOND_LANG, primary} if primary in self.langs else None
        return tuple(
            rule
            for rule in self.rules
            if (wanted is None or rule.lang in wanted) and _site_matches(rule.site, host)
        )


def _site_matches(site: str | None, host: str | None) -> bool:
    if site is None:
        return True
    if host is None:
        return False
    return host == site or host.endswith("." + site)


@functools.cache
def default_rules() -> RuleSet:
    """The rules of the packs shipped with lire, loaded once."""
    return load_rules()


def load_rules(user_rules: Sequence[Mapping[str, Any]] = ()) -> RuleSet:
    """The shipped packs plus the user's rules (``[[clean.rules]]`` tables from the config)."""
    rules = [*_pack_rules()]
    for position, table in enumerate(user_rules, start=1):
        rules.append(parse_rule(table, where=f"clean.rules #{position}", check=True))
    return RuleSet(tuple(rules))


def _pack_rules() -> Iterator[Rule]:
    root = resources.files("lire.clean").joinpath("packs")
    for folder in ("lang", "sites"):
        for pack in sorted(root.joinpath(folder).iterdir(), key=lambda item: item.name):
            if pack.name.endswith(".toml"):
                yield from _read_pack(pack, f"{folder}/{pack.name}")


def _read_pack(pack: Traversable, where: str) -> Iterator[Rule]:
    data = tomllib.loads(pack.read_text(encoding="utf-8"))
    scope: dict[str, Any] = {key: data[key] for key in ("lang", "site") if key in data}
    for table in data.get("rules", ()):
        yield parse_rule({**scope, **table}, where=where, check=False)


def parse_rule(table: Mapping[str, Any], *, where: str = "rule", check: bool = True) -> Rule:
    """Check one rule table; a bad one is a ConfigError naming the rule and key.

    With ``check`` (user rules) the pattern is compiled now and refused when it risks
    catastrophic backtracking; the shipped packs skip both at start-up (their patterns compile
    on first use, and tests/test_regex_safety.py checks them).
    """
    name = table.get("name")
    if not isinstance(name, str) or not (match := _NAME.fullmatch(name)):
        raise ConfigError(f"{where}: 'name' must be \"<category>/<detail>\", got {name!r}")
    if match["category"] not in CATEGORIES:
        raise ConfigError(f"{where}: rule '{name}': unknown category '{match['category']}'")
    for key in table:
        if key not in _KEYS:
            raise ConfigError(f"{where}: rule '{name}': unknown key '{key}'")
    strength = _choice(table, "strength", Strength, name, where)
    return Rule(
        name=name,
        source=_check_pattern(table.get("pattern"), name, where, check=check),
        strength=strength,
        max_words=_max_words(table, strength, name, where),
        position=_choice(table, "position", Position, name, where),
        lang=_text(table, "lang", ANY_LANG, name, where).lower(),
        site=_site(table, name, where),
    )


def _choice(table: Mapping[str, Any], key: str, enum: type[_E], name: str, where: str) -> _E:
    value = table.get(key, next(iter(enum)).value)
    if value not in {member.value for member in enum}:
        allowed = " or ".join(f'"{member.value}"' for member in enum)
        raise ConfigError(f"{where}: rule '{name}': '{key}' must be {allowed}, got {value!r}")
    return enum(value)


def _max_words(table: Mapping[str, Any], strength: Strength, name: str, where: str) -> int:
    value = table.get("max_words", DEFAULT_MAX_WORDS[strength.value])
    if type(value) is not int or value <= 0:
        raise ConfigError(f"{where}: rule '{name}': 'max_words' must be a positive integer")
    return value


def _text(table: Mapping[str, Any], key: str, default: str, name: str, where: str) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: rule '{name}': '{key}' must be a non-empty string")
    return value


def _site(table: Mapping[str, Any], name: str, where: str) -> str | None:
    if "site" not in table:
        return None
    site = _text(table, "site", "", name, where).lower()
    return site.removeprefix("www.")


def _check_pattern(pattern: object, name: str, where: str, *, check: bool) -> str:
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError(f"{where}: rule '{name}': 'pattern' must be a non-empty string")
    if not check:
        return pattern
    try:
        compiled(pattern)
    except re.error as error:
        raise ConfigError(
            f"{where}: rule '{name}': 'pattern' is not a valid regex: {error}"
        ) from error
    if problem := backtracking_risk(pattern):
        raise ConfigError(f"{where}: rule '{name}': 'pattern' {problem}")
    return pattern


@functools.cache
def compiled(source: str) -> re.Pattern[str]:
    """``source`` compiled case-insensitively, once."""
    return re.compile(source, re.IGNORECASE)
