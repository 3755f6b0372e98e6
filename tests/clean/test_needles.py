"""The packs' needles shipped in ``packs/needles.json`` are the ones their patterns require."""

from __future__ import annotations

from importlib import resources

from lire.clean.patterns import NEEDLES_FILE, needles_table, parsed_literals, required_literals
from lire.clean.rules import default_rules


def test_the_shipped_needles_are_current() -> None:
    # Out of date after a pattern changed: run python bench/build_needles.py.
    patterns = sorted({rule.source for rule in default_rules().rules})
    shipped = resources.files("lire.clean").joinpath("packs", NEEDLES_FILE).read_text("utf-8")
    assert shipped == needles_table(patterns)


def test_every_shipped_pattern_reads_its_needles_as_parsed() -> None:
    for rule in default_rules().rules:
        assert required_literals(rule.source) == parsed_literals(rule.source), rule.name


def test_a_pattern_the_file_does_not_know_is_parsed() -> None:
    pattern = r"\bour own (?:quay|harbour) notice\b"
    assert required_literals(pattern) == ("our own ",)
    assert required_literals(r"\w+") == ()
