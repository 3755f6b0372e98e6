"""The configuration: a TOML file in the user config dir, every key optional.

```toml
[fetch]
timeout = 10.0            # seconds to connect, and between two reads
deadline = 30.0           # seconds for the whole download
max_bytes = 15_000_000    # download size cap (compressed, as sent)
max_decompressed_bytes = 60_000_000
user_agent = "..."        # default names lire and its version

[app]
theme = "textual-dark"
show_summary = true
width = 80                # the reading column, in characters (0: the whole view)

[summary]
points = 3
summarizer = "offline"    # or "llm"

[clean]
enabled = true
learn = true              # remember boilerplate seen across articles of one site

[[clean.rules]]           # your own rules, in the format of the packs in src/lire/rules/
name = "subscription/my-site-offer"
pattern = "try our premium plan"
site = "example.org"      # optional: only on this site

[llm]                     # optional: an OpenAI-compatible endpoint for summaries
base_url = "http://127.0.0.1:11434/v1"
model = "llama3.2"
api_key_env = "OPENAI_API_KEY"
timeout = 60.0
```

A missing file means the defaults; a malformed file, an unknown key or a value of the wrong
type is a ``ConfigError`` naming the file, the line when it is known, and the key.

Everything is bounded: the file is read up to ``MAX_CONFIG_BYTES`` (``--config /dev/zero`` is
refused, not read forever), nesting too deep for the TOML parser is an error, numbers must be
finite and within ``_RANGES`` (no ``nan``, ``inf`` or ``1e308`` seconds), strings at most
``MAX_STRING_CHARS`` on one line, and the summary model's ``base_url`` an http(s) address.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, NoReturn

import platformdirs

from lire.clean.rules import RuleSet, load_rules
from lire.errors import ConfigError
from lire.fetch.options import FetchConfig
from lire.sanitize import sanitize_line
from lire.summarize.options import LLMConfig
from lire.tomlsource import line_of, long_key_line
from lire.urls import web_address

__all__ = [
    "AppConfig",
    "CleanConfig",
    "Config",
    "FetchConfig",
    "LLMConfig",
    "SummaryConfig",
    "default_config_path",
    "default_data_dir",
    "load_config",
]

APP_NAME = "lire"


@dataclass(frozen=True, slots=True)
class AppConfig:
    theme: str = "textual-dark"
    show_summary: bool = True
    width: int = 80  # the reading column, in characters (0: the whole view)


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    points: int = 3
    summarizer: str = "offline"  # "offline", or "llm" to use the [llm] endpoint


@dataclass(frozen=True, slots=True)
class CleanConfig:
    enabled: bool = True
    learn: bool = True
    rules: RuleSet | None = None  # the packs plus the user's [[clean.rules]]; None: the packs


@dataclass(frozen=True, slots=True)
class Config:
    """All settings; ``Config()`` is the defaults."""

    fetch: FetchConfig = field(default_factory=FetchConfig)
    app: AppConfig = field(default_factory=AppConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    llm: LLMConfig = field(default_factory=LLMConfig)
    path: Path | None = None


_SECTIONS: dict[str, type[Any]] = {
    "fetch": FetchConfig,
    "app": AppConfig,
    "summary": SummaryConfig,
    "clean": CleanConfig,
    "llm": LLMConfig,
}
MAX_CONFIG_BYTES = 1_000_000
MAX_STRING_CHARS = 1_000
MAX_USER_RULES = 500
MAX_KEY_PARTS = 64  # dotted parts in one key or table name ("a.b.c")
MAX_SHOWN_CHARS = 60  # of a key or value quoted in an error message
# The sane range of each number, by key: (lowest, highest, unit).
_RANGES: dict[str, tuple[float, float, str]] = {
    "fetch.timeout": (0.001, 600.0, " seconds"),
    "fetch.deadline": (0.001, 3_600.0, " seconds"),
    "fetch.max_bytes": (1, 1_000_000_000, " bytes"),
    "fetch.max_decompressed_bytes": (1, 4_000_000_000, " bytes"),
    "summary.points": (1, 50, ""),
    "app.width": (0, 1_000, " characters"),  # 0: the whole view
    "llm.timeout": (0.001, 3_600.0, " seconds"),
}


def default_config_path() -> Path:
    """Where the user's config file lives (it may not exist). Creates nothing."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_data_dir() -> Path:
    """Where lire keeps its stores (history, learned boilerplate). Creates nothing."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def load_config(path: Path | None = None, *, explicit: bool = False) -> Config:
    """Read the config at ``path`` (default: the user config file).

    A missing default file gives the defaults; a missing file the user named (``explicit``) is
    an error.
    """
    path = path if path is not None else default_config_path()
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        if explicit:
            raise ConfigError(f"config file {path} does not exist") from None
        return Config()
    except OSError as error:
        raise ConfigError(f"cannot read config file {path}: {_reason(error)}") from error
    if len(raw) > MAX_CONFIG_BYTES:
        size = f"{MAX_CONFIG_BYTES // 1_000_000} MB"
        raise ConfigError(f"config file {path} is larger than {size}: is it the right file?")
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"cannot read config file {path}: it is not UTF-8 text") from error
    if (line := long_key_line(source, MAX_KEY_PARTS)) is not None:
        raise ConfigError(f"{path}:{line}: a key of more than {MAX_KEY_PARTS} dotted parts")
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error
    except RecursionError as error:
        raise ConfigError(f"{path}: not valid TOML: its arrays or tables nest too deep") from error
    except ValueError as error:  # an integer of more digits than Python converts
        raise ConfigError(f"{path}: not valid TOML: {_shown(str(error))}") from error
    return parse_config(data, path=path, source=source)


def parse_config(data: Mapping[str, Any], *, path: Path | None = None, source: str = "") -> Config:
    """Build a ``Config`` from parsed TOML, checking every key and type."""
    config = Config(path=path)
    for section, values in data.items():
        if section not in _SECTIONS:
            _fail(path, source, section, f"unknown section or key '{_shown(section)}'")
        if not isinstance(values, Mapping):
            _fail(path, source, section, f"'{section}' must be a table ([{section}])")
        current = getattr(config, section)
        config = replace(
            config, **{section: _parse_section(section, current, values, path, source)}
        )
    return config


def _parse_section(
    section: str, current: Any, values: Mapping[str, Any], path: Path | None, source: str
) -> Any:
    known = {f.name: f for f in fields(current)}
    changes: dict[str, Any] = {}
    for key, value in values.items():
        dotted = f"{section}.{key}"
        if section == "clean" and key == "rules":
            changes[key] = _parse_rules(value, path, source)
            continue
        if key not in known:
            _fail(path, source, dotted, f"unknown key '{_shown(dotted)}'")
        expected = type(getattr(current, key))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value) if abs(value) < 1e300 else math.inf
        if type(value) is not expected:
            shown = _shown(repr(value))
            _fail(path, source, dotted, f"'{dotted}' must be {_type_name(expected)}, got {shown}")
        if problem := _problem(dotted, value):
            _fail(path, source, dotted, f"'{dotted}' {problem}")
        changes[key] = value
    if section == "summary" and changes.get("summarizer", "offline") not in ("offline", "llm"):
        _fail(
            path, source, "summary.summarizer", '\'summary.summarizer\' must be "offline" or "llm"'
        )
    return replace(current, **changes)


def _problem(dotted: str, value: object) -> str | None:
    """What is wrong with a value of the right type, or None."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be a finite number, got {value!r}"
    if dotted in _RANGES and isinstance(value, int | float):
        low, high, unit = _RANGES[dotted]
        if value <= 0 < low:
            return f"must be greater than 0, got {_shown(repr(value))}"
        if not low <= value <= high:
            return f"must be between {low:g} and {high:g}{unit}, got {_shown(repr(value))}"
    if isinstance(value, str):
        if len(value) > MAX_STRING_CHARS:
            return f"is longer than {MAX_STRING_CHARS} characters"
        if sanitize_line(value) != value.strip():
            return "must be one line without control or invisible characters"
        if dotted == "llm.base_url" and value and web_address(value) is None:
            return f"must be an http(s) address, got {_shown(repr(value))}"
    return None


def _shown(text: str) -> str:
    """A key or value from the file, for a one-line message."""
    text = sanitize_line(text)
    return text if len(text) <= MAX_SHOWN_CHARS else text[: MAX_SHOWN_CHARS - 1] + "…"


def _parse_rules(value: Any, path: Path | None, source: str) -> RuleSet:
    if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
        _fail(
            path, source, "clean.rules", "'clean.rules' must be a list of tables ([[clean.rules]])"
        )
    if len(value) > MAX_USER_RULES:
        _fail(path, source, "[[clean.rules]]", f"more than {MAX_USER_RULES} rules in 'clean.rules'")
    try:
        return load_rules(value)
    except ConfigError as error:
        _fail(path, source, "[[clean.rules]]", str(error))


def _type_name(expected: type[Any]) -> str:
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string"}.get(
        expected, expected.__name__
    )


def _fail(path: Path | None, source: str, key: str, message: str) -> NoReturn:
    where = str(path) if path is not None else "config"
    line = line_of(source, key) if len(key) <= MAX_STRING_CHARS else None
    if line is not None:
        where = f"{where}:{line}"
    raise ConfigError(f"{where}: {message}")


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error)
