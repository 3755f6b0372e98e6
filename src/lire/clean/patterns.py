"""What a rule's pattern requires and what it risks, read from its parse tree (re's own parser).

``required_literals`` gives the strings one of which every match contains: the rule prefilter
(``lire.clean.prefilter``) skips a sentence that holds none. Parsing every shipped pattern for
them cost each start of lire about 30 ms, a quarter of its first reading: the packs' needles
are kept in ``packs/needles.json`` instead (keyed by a digest of each pattern, written by
``bench/build_needles.py``; a test checks it is current), and a pattern the file does not know
(a user's rule, a pack edited since) is parsed.

``backtracking_risk`` says why a pattern could take more than linear time (an unbounded repeat
nested in another, a backreference): the shipped packs' patterns, which run on ``re``, are
checked with it in tests/clean/test_regex_safety.py. User rules need no such heuristic: they
run on RE2 (``lire.clean.rules``), linear whatever the pattern.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

__all__ = [
    "MAX_NEEDLE_CHARS",
    "NEEDLES_FILE",
    "backtracking_risk",
    "needles_table",
    "parsed_literals",
    "required_literals",
]

# A needle longer than this is cut: any piece of a required string is required too, and the
# prefilter's trie (and its pattern) stays shallow whatever literal a rule holds.
MAX_NEEDLE_CHARS = 32
NEEDLES_FILE = "needles.json"  # in lire/clean/packs/


def _parse(pattern: str) -> tuple[Any, Any]:
    """The parse tree of ``pattern`` and the constants naming its nodes (re's own parser)."""
    parser: Any = importlib.import_module("re._parser")
    constants: Any = importlib.import_module("re._constants")
    return parser.parse(pattern, re.IGNORECASE), constants


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` could take more than linear time, or None when it looks safe."""
    tree, constants = _parse(pattern)
    return _risk(tree, constants, inside_repeat=False)


@functools.cache
def required_literals(pattern: str) -> tuple[str, ...]:
    """Casefolded strings of which every match of ``pattern`` contains one; () when unknown.

    A cheap prefilter: a sentence that contains none of them cannot match, so the (slower,
    case-insensitive) regex is not run on it.
    """
    known = _shipped_needles().get(_digest(pattern))
    return tuple(known) if known is not None else parsed_literals(pattern)


def parsed_literals(pattern: str) -> tuple[str, ...]:
    """``required_literals`` read from the parse tree of ``pattern``."""
    try:
        tree, constants = _parse(pattern)
    except (re.error, RecursionError):  # RE2 syntax Python does not know ("\\pL"): no needles
        return ()
    needles = {needle[:MAX_NEEDLE_CHARS] for needle in _required(tree, constants) or ()}
    return tuple(sorted(needles))


def needles_table(patterns: Iterable[str]) -> str:
    """The contents of ``packs/needles.json`` for ``patterns`` (the shipped packs')."""
    table = {_digest(pattern): list(parsed_literals(pattern)) for pattern in patterns}
    table = dict(sorted(table.items()))
    lines = (f"{json.dumps(key)}: {json.dumps(table[key], ensure_ascii=False)}" for key in table)
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _digest(pattern: str) -> str:
    return hashlib.blake2b(pattern.encode("utf-8"), digest_size=10).hexdigest()


@functools.cache
def _shipped_needles() -> dict[str, list[str]]:
    """The packs' needles as written by ``needles_table``; {} when the file is missing."""
    try:
        text = resources.files("lire.clean").joinpath("packs", NEEDLES_FILE).read_text("utf-8")
        table = json.loads(text)
    except (OSError, ValueError):
        return {}
    return table if isinstance(table, dict) else {}


def _required(tree: Any, constants: Any) -> set[str] | None:
    """For a sequence of nodes: the most selective set of strings one of which must occur."""
    choices: list[set[str]] = []
    run: list[str] = []
    for op, value in tree:
        if op is constants.LITERAL:
            run.append(chr(value))
            continue
        if run:
            choices.append({"".join(run).casefold()})
            run = []
        if found := _required_of(op, value, constants):
            choices.append(found)
    if run:
        choices.append({"".join(run).casefold()})
    usable = [choice for choice in choices if all(needle.strip() for needle in choice)]
    return max(usable, key=lambda choice: min(map(len, choice)), default=None)


def _required_of(op: Any, value: Any, constants: Any) -> set[str] | None:
    if op is constants.SUBPATTERN:
        return _required(value[-1], constants)
    if op is constants.ATOMIC_GROUP:
        return _required(value, constants)
    if op is constants.BRANCH:
        branches = [_required(branch, constants) for branch in value[1]]
        if any(branch is None for branch in branches):
            return None
        return set().union(*(branch for branch in branches if branch is not None))
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
        low, _high, body = value
        return _required(body, constants) if low >= 1 else None
    return None


def _risk(tree: Any, constants: Any, *, inside_repeat: bool) -> str | None:
    for op, value in tree:
        found: str | None = None
        if op is constants.GROUPREF or op is constants.GROUPREF_EXISTS:
            found = "uses a backreference"
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT):
            _low, high, body = value
            unbounded = high is constants.MAXREPEAT or high > 100
            if unbounded and inside_repeat:
                found = "nests an unbounded repeat inside another repeat"
            else:
                found = _risk(body, constants, inside_repeat=inside_repeat or unbounded)
        elif op is constants.BRANCH:
            found = next(
                (r for b in value[1] if (r := _risk(b, constants, inside_repeat=inside_repeat))),
                None,
            )
        elif op is constants.SUBPATTERN:
            found = _risk(value[-1], constants, inside_repeat=inside_repeat)
        elif op is constants.ASSERT or op is constants.ASSERT_NOT:
            found = _risk(value[1], constants, inside_repeat=inside_repeat)
        if found:
            return found
    return None
