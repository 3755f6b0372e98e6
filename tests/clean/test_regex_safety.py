"""Every rule pattern stays linear on hostile input: no catastrophic backtracking.

Two checks. Statically, no shipped pattern nests an unbounded repeat in another or uses a
backreference (``lire.clean.patterns.backtracking_risk``). Dynamically, each pattern searches 100
kB of adversarial text built from its own literal fragments and from long runs of spaces, letters
and punctuation, in a child process with a generous deadline: a catastrophic pattern makes the test
fail, naming the pattern, instead of hanging CI. No timing is asserted.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from lire.clean.patterns import backtracking_risk
from lire.clean.rules import Rule, default_rules

DEADLINE = 600  # seconds for every pattern and input together; a linear run needs a few


@pytest.mark.parametrize("rule", default_rules().rules, ids=lambda rule: rule.name)
def test_shipped_pattern_has_no_nested_unbounded_repeat(rule: Rule) -> None:
    assert backtracking_risk(rule.source) is None


CHILD = textwrap.dedent(
    r"""
    import re, sys
    from lire.clean.blocks import clean
    from lire.model import Article, Block, BlockKind
    from lire.clean.rules import default_rules

    SIZE = 100_000

    def fill(piece):
        return (piece * (SIZE // max(1, len(piece)) + 1))[:SIZE]

    def hostile(source):
        words = re.findall(r"[^\W\d_]{2,}(?:[ '’-][^\W\d_]+)*", source)[:6] or ["word"]
        yield from (fill(word + " ") for word in words)
        yield fill("".join(words))
        yield fill(" ".join(words) + ", ")
        yield fill(" ") + "!"
        yield fill("a")
        yield fill("é9")
        yield fill(".,:;!?«»-/|")
        yield fill("\t \u00a0") + words[0]
        yield fill(words[0] + " " * 40 + ". ")
        yield fill("+ " + words[0] + ", ")

    patterns = [(rule.name, rule.pattern) for rule in default_rules().rules]
    import importlib
    for module_name in (
        "clean.blocks", "clean.classify", "clean.clusters", "clean.prefilter", "clean.prose",
        "text.sentences",
    ):
        module = importlib.import_module(f"lire.{module_name}")
        patterns += [
            (f"{module_name}.{name}", value)
            for name, value in vars(module).items()
            if isinstance(value, re.Pattern)
        ]
    for name, pattern in patterns:
        print("pattern", name, flush=True)
        for text in hostile(pattern.pattern):
            pattern.search(text)
    for text in hostile(" ".join(pattern.pattern for _, pattern in patterns)):
        print("pattern clean() on one block", flush=True)
        clean(Article(blocks=(Block(BlockKind.PARAGRAPH, text),)))
    print("done", flush=True)
    """
)


def test_every_pattern_finishes_on_100_kb_of_hostile_input() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        out, err = child.communicate(timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
        last = out.strip().splitlines()[-1] if out.strip() else "before the first pattern"
        pytest.fail(f"still running after {DEADLINE} s at: {last}")
    assert child.returncode == 0, err
    assert out.strip().splitlines()[-1] == "done"
