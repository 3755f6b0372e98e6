"""Every regular expression lire compiles is linear on any input, not only the rule packs'.

The patterns are found, not listed: every module of the package is imported and its compiled
patterns collected (module globals, the containers and classes they hold), the source is read
for patterns written inline (``re.sub(r"...", ...)``), and lire is run on a few inputs (a page,
a text, user rules) while ``re`` records what it compiles at run time (the rule prefilter, the
config's line finder...). Each pattern then searches long runs of its own characters (those
its literals and classes match), each run alone and followed by each other character, in a child
process. A catastrophic pattern (exponential or quadratic) takes seconds on 30,000 characters
where a linear one takes a millisecond: a pattern over ``LIMIT`` seconds on one input fails the
test, naming the pattern and the input.
"""

from __future__ import annotations

import ast
import importlib
import json
import pkgutil
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import lire
from lire.clean.rules import default_rules

SOURCE = Path(lire.__file__).parent
LIMIT = 1.0  # seconds for one search of one input: a linear pattern needs a few milliseconds
DEADLINE = 600  # seconds for the whole child process
RUN = 30_000  # characters in a run


def module_patterns() -> Iterator[tuple[str, re.Pattern[Any]]]:
    """The compiled patterns held by every module of the package (and its classes)."""
    for info in pkgutil.walk_packages(lire.__path__, "lire."):
        if info.name == "lire.__main__":  # runs the command line when imported
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            for found in _patterns_in(value, depth=2):
                yield f"{info.name}.{name}", found


def _patterns_in(value: object, depth: int) -> Iterator[re.Pattern[Any]]:
    if isinstance(value, re.Pattern):
        yield value
    elif depth > 0 and isinstance(value, tuple | list | set | frozenset):
        for item in value:
            yield from _patterns_in(item, depth - 1)
    elif depth > 0 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth - 1)
    elif depth > 0 and isinstance(value, type) and value.__module__.startswith("lire"):
        for item in vars(value).values():
            yield from _patterns_in(item, depth - 1)


_RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall"}


def inline_patterns() -> Iterator[tuple[str, re.Pattern[Any]]]:
    """Patterns written as literals in calls to ``re`` anywhere in the source."""
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr in _RE_FUNCTIONS
                and node.args
            ):
                try:
                    source = ast.literal_eval(node.args[0])
                except ValueError:  # built at run time: recorded by runtime_patterns
                    continue
                where = f"{path.relative_to(SOURCE)}:{node.lineno}"
                yield where, re.compile(source, _flags(node))


def _flags(call: ast.Call) -> int:
    flags = 0
    for argument in [*call.args[1:], *(k.value for k in call.keywords if k.arg == "flags")]:
        for name in re.findall(r"re\.([A-Z]+)", ast.unparse(argument)):
            flags |= int(getattr(re, name))
    return flags


CONFIG = """
[[clean.rules]]
name = "subscription/mine"
pattern = "try (our|the) premium plan"
"""
PAGE = (
    '<html lang="en"><head><title>A title | Site</title><meta name="date" content="20240102">'
    '<link rel="canonical" href="/a"></head><body><article><h1>A title</h1>'
    "<p>The council approved the housing plan on Tuesday. Dr. Smith said the U.S. Senate would "
    "vote... Really?! Yes.</p><ol start=3><li>One</li></ol><p>Subscribe now for $1 a week.</p>"
    "<p>Try our premium plan today.</p></article></body></html>"
)
TEXT = "Title\n\nA paragraph. Another one.\n\n- a list item\n> a quote\n# A heading\n1. one"


RECORDER = textwrap.dedent(
    r"""
    import json, re, sys

    seen = {}
    original = re._compile

    def recording(pattern, flags):
        compiled = original(pattern, flags)
        caller = sys._getframe(2).f_globals.get("__name__", "")  # who called re.compile...
        if caller == "lire" or caller.startswith("lire."):  # not readability's or lxml's own
            raw = isinstance(compiled.pattern, bytes)
            source = compiled.pattern.decode("latin-1") if raw else compiled.pattern
            seen[(source, compiled.flags, raw)] = None
        return compiled

    re._compile = recording
    import lire
    from lire.config import load_config
    from pathlib import Path

    page, text, config_path = json.load(sys.stdin)
    config = load_config(Path(config_path))
    lire.read_html(page, url="https://news.example.org/2024/a", config=config)
    lire.read_text(text, config=config)
    re._compile = original
    print(json.dumps(list(seen)))
    """
)


def runtime_patterns(tmp_path: Path) -> Iterator[tuple[str, re.Pattern[Any]]]:
    """What lire compiles while it reads a page and a text with a config of user rules, in a
    fresh process (so that no cache of a previous test hides a compilation)."""
    config_path = tmp_path / "config.toml"
    config_path.write_text(CONFIG, encoding="utf-8")
    child = subprocess.run(
        [sys.executable, "-c", RECORDER],
        input=json.dumps([PAGE, TEXT, str(config_path)]),
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        check=True,
    )
    for source, flags, raw in json.loads(child.stdout.strip().splitlines()[-1]):
        yield "compiled at run time", re.compile(source.encode("latin-1") if raw else source, flags)


CHILD = textwrap.dedent(
    r"""
    import json, re, sys, time
    from re import _parser, _constants as c

    RUN, LIMIT = int(sys.argv[1]), float(sys.argv[2])
    CATEGORY = {
        c.CATEGORY_DIGIT: "7", c.CATEGORY_NOT_DIGIT: "a", c.CATEGORY_SPACE: " ",
        c.CATEGORY_NOT_SPACE: "a", c.CATEGORY_WORD: "a", c.CATEGORY_NOT_WORD: ".",
        c.CATEGORY_LINEBREAK: "\n", c.CATEGORY_NOT_LINEBREAK: "a",
    }

    def own_characters(tree, found):
        for op, value in tree:
            if op in (c.LITERAL, c.NOT_LITERAL):
                found.add(chr(value))
            elif op is c.IN:
                for kind, item in value:
                    if kind is c.LITERAL:
                        found.add(chr(item))
                    elif kind is c.RANGE:
                        found.update((chr(item[0]), chr(item[1]), chr((item[0] + item[1]) // 2)))
                    elif kind is c.CATEGORY:
                        found.add(CATEGORY.get(item, "a"))
            elif op is c.ANY:
                found.add("a")
            elif op is c.BRANCH:
                for branch in value[1]:
                    own_characters(branch, found)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                own_characters(value[2], found)
            elif op is c.SUBPATTERN:
                own_characters(value[-1], found)
            elif op is c.ATOMIC_GROUP:
                own_characters(value, found)
            elif op in (c.ASSERT, c.ASSERT_NOT):
                own_characters(value[1], found)
        return found

    def inputs(pattern):
        source = pattern.pattern
        text = source if isinstance(source, str) else source.decode("latin-1")
        flags = pattern.flags & ~re.UNICODE if isinstance(source, bytes) else pattern.flags
        tree = _parser.parse(text, flags)
        chars = sorted(own_characters(tree, set()) - {"\x00"})[:24] or ["a"]
        ends = [*chars[:6], "\x00", " ", "!"]
        for char in chars:
            run = char * RUN
            yield f"{char!r} * {RUN}", run
            for end in ends:
                if end != char:
                    yield f"{char!r} * {RUN} + {end!r}", run + end
        for first in chars[:6]:
            for second in chars[:6]:
                if first != second:
                    yield f"({first + second!r}) * {RUN // 2}", (first + second) * (RUN // 2) + "!"

    worst = []
    for name, source, flags in json.load(sys.stdin):
        raw = source.encode("latin-1") if flags & 0x10000 else source
        pattern = re.compile(raw, flags & 0xFFFF)
        print("pattern", name, repr(source)[:80], flush=True)
        for label, text in inputs(pattern):
            data = text.encode("latin-1", "replace") if isinstance(pattern.pattern, bytes) else text
            start = time.perf_counter()
            for _ in pattern.finditer(data):
                pass
            took = time.perf_counter() - start
            if took > LIMIT:
                worst.append([name, repr(source)[:120], label, round(took, 2)])
                break
    print("slow", json.dumps(worst), flush=True)
    """
)


def test_every_pattern_lire_compiles_is_linear_on_runs_of_its_own_characters(
    tmp_path: Path,
) -> None:
    packs = {rule.source for rule in default_rules().rules}  # tests/clean/test_regex_safety.py
    found: dict[tuple[str, int, bool], str] = {}
    for name, pattern in [
        *module_patterns(),
        *inline_patterns(),
        *runtime_patterns(tmp_path),
    ]:
        raw = isinstance(pattern.pattern, bytes)
        source = pattern.pattern.decode("latin-1") if raw else pattern.pattern
        if source not in packs:
            found.setdefault((source, pattern.flags, raw), name)
    assert len(found) > 40, "the walk found too few patterns: is it still looking?"
    payload = [
        [name, source, flags | (0x10000 if raw else 0)]
        for (source, flags, raw), name in found.items()
    ]
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(RUN), str(LIMIT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = child.communicate(json.dumps(payload), timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
        last = out.strip().splitlines()[-1] if out.strip() else "before the first pattern"
        pytest.fail(f"still running after {DEADLINE} s at: {last}")
    assert child.returncode == 0, err
    last = out.strip().splitlines()[-1]
    assert last.startswith("slow "), out[-2000:]
    assert json.loads(last.removeprefix("slow ")) == []


def test_the_walk_finds_the_patterns_it_is_meant_to(tmp_path: Path) -> None:
    names = {name for name, _ in module_patterns()}
    assert "lire.text.sentences._END" in names
    assert "lire.sanitize._INVISIBLE" in names
    assert any(name.startswith("extract/metadata.py:") for name, _ in inline_patterns())
    sources = {pattern.pattern for _, pattern in runtime_patterns(tmp_path)}
    assert "try (our|the) premium plan" in sources or any(
        "premium" in str(source) for source in sources
    )


@pytest.mark.parametrize(
    "source",
    [r"(?:\.\.\.|[.!?…])+(?=\s|$)", r"[\w.]*$", r"\s+(?:\||-|:)\s+", r"([a-z][a-z0-9]*):"],
)
def test_the_check_catches_the_patterns_that_once_hung(source: str) -> None:
    """Old patterns of lire's: exponential on dot leaders, quadratic on long runs."""
    child = subprocess.run(
        [sys.executable, "-c", CHILD, "20000", "0.05"],
        input=json.dumps([["old", source, 0]]),
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        check=True,
    )
    slow = json.loads(child.stdout.strip().splitlines()[-1].removeprefix("slow "))
    assert slow, f"{source} was not caught"
