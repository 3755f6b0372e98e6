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
or ``site`` of their own. Their patterns run on RE2 (``google-re2``), an engine whose time is
linear in the text whatever the pattern: a pattern RE2 cannot take (a backreference, a
lookaround) is a ``ConfigError`` saying so. Note RE2's ``\b`` and ``\\w`` are ASCII: write
``\\pL`` for a letter of any alphabet. The shipped packs stay on Python's ``re``, which keeps their
Unicode ``\b`` and ``\\w``; their patterns are checked statically and on hostile input by
``tests/clean/test_regex_safety.py``. Patterns are compiled once, on first use.
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
from typing import Any, Literal, Protocol, TypeVar

import re2

from lire.clean.patterns import required_literals
from lire.errors import ConfigError

__all__ = [
    "CATEGORIES",
    "Matcher",
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
MAX_PATTERN_CHARS = 2_000  # of a user rule's pattern
Engine = Literal["re", "re2"]
_E = TypeVar("_E", bound=StrEnum)


class Span(Protocol):
    """Where a pattern matched (``re.Match`` and RE2's match both are)."""

    def start(self) -> int: ...

    def end(self) -> int: ...


class Matcher(Protocol):
    """A compiled pattern: Python's ``re.Pattern`` for the packs, RE2's for user rules."""

    @property
    def pattern(self) -> str: ...

    def search(self, text: str, /) -> Span | None: ...


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
    engine: Engine = "re"  # "re2" for a user rule: linear whatever the pattern

    @property
    def category(self) -> str:
        return self.name.partition("/")[0]

    @property
    def pattern(self) -> Matcher:
        """The compiled pattern (compiled on first use, once)."""
        return compiled_re2(self.source) if self.engine == "re2" else compiled(self.source)

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

    With ``check`` (user rules) the pattern is compiled now, on RE2, and refused when RE2
    cannot take it; the shipped packs skip that at start-up (their patterns compile on first
    use, and tests/clean/test_regex_safety.py checks them).
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
        engine="re2" if check else "re",
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
    if len(pattern) > MAX_PATTERN_CHARS:
        raise ConfigError(
            f"{where}: rule '{name}': 'pattern' is longer than {MAX_PATTERN_CHARS} characters"
        )
    try:
        compiled_re2(pattern)
    except re2.error as error:
        reason = _re2_reason(error)
        raise ConfigError(
            f"{where}: rule '{name}': 'pattern' is not a valid regex for RE2, the linear-time "
            f"engine user rules run on (no backreference, no lookaround): {reason}"
        ) from error
    return pattern


def _re2_reason(error: Exception) -> str:
    reason = error.args[0] if error.args else ""
    if isinstance(reason, bytes):
        reason = reason.decode("utf-8", "replace")
    return " ".join(str(reason).split())[:120] or "RE2 refused it"


@functools.cache
def compiled(source: str) -> re.Pattern[str]:
    """``source`` compiled case-insensitively, once."""
    return re.compile(source, re.IGNORECASE)


_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.case_sensitive = False
_RE2_OPTIONS.log_errors = False  # RE2 would print its own errors on stderr


@functools.cache
def compiled_re2(source: str) -> Matcher:
    """``source`` compiled case-insensitively on RE2, once; ``re2.error`` when it cannot be."""
    pattern: Matcher = re2.compile(source, _RE2_OPTIONS)
    return pattern
