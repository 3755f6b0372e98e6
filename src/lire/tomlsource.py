"""Where a key is set in a TOML source, read line by line: for config errors that name a line,
and to refuse, before TOML reads it, a key it would read in quadratic time.

A line sets a key under the table its last header opened (``[fetch]``), as a dotted key
(``fetch.timeout = 3``), or in an inline table (``fetch = { timeout = 3 }``); quotes and spaces
around a key's dots do not change the key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["line_of", "long_key_line"]

_HEADER = re.compile(r"^\s*\[\[?([^\[\]]*)\]\]?")
_ASSIGNED = re.compile(r"^([^=#\[]+)=")  # one run, then "=": linear on any line


def line_of(source: str, key: str) -> int | None:
    """The number of the line that sets ``key`` (dotted: "fetch.timeout"; or a header such as
    "[[clean.rules]]"), or None."""
    if key.startswith("["):
        pattern = re.compile(rf"^\s*{re.escape(key)}")
        return next((n for n, line in _lines(source) if pattern.match(line)), None)
    table = ""
    for number, line in _lines(source):
        if header := _HEADER.match(line):
            table = _key_path(header.group(1))
            if table == key:
                return number
            continue
        assigned = _ASSIGNED.match(line)
        if assigned is None:
            continue
        full = ".".join(part for part in (table, _key_path(assigned.group(1))) if part)
        if full == key or (key.startswith(full + ".") and "{" in line):
            return number
    return None


def long_key_line(source: str, parts: int) -> int | None:
    """The number of the first line whose key or table name has more than ``parts`` dotted
    parts (Python's TOML reader takes a minute over one of 50,000), or None."""
    for number, line in _lines(source):
        if line.partition("=")[0].count(".") >= parts:
            return number
    return None


def _lines(source: str) -> Iterator[tuple[int, str]]:
    return enumerate(source.splitlines(), start=1)


def _key_path(key: str) -> str:
    """A TOML key as the dotted path it names: quotes and spaces around its dots dropped."""
    return ".".join(part.strip().strip("\"'") for part in key.split("."))
