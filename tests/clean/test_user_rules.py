"""User rules run on RE2: linear whatever the pattern, a clear error for what RE2 cannot take."""

from __future__ import annotations

import time

import pytest

from lire.clean.blocks import clean
from lire.clean.rules import load_rules
from lire.errors import ConfigError
from lire.model import Article, Block, BlockKind

ARTICLE = "The council approved the housing plan on Tuesday after a long debate."


@pytest.mark.parametrize("pattern", ["(a|a)+$", "(a+){10}$", "(?:a|aa)+$", "(a+)+$", r"(\w+\s?)*x"])
def test_a_pathological_user_pattern_runs_in_linear_time(pattern: str) -> None:
    rules = load_rules([{"name": "user/evil", "pattern": pattern}])
    hostile = "a" * 50_000 + "!"
    article = Article(
        blocks=(Block(BlockKind.PARAGRAPH, ARTICLE), Block(BlockKind.PARAGRAPH, hostile))
    )
    start = time.perf_counter()
    clean(article, rules=rules)
    assert time.perf_counter() - start < 5  # a backtracking engine takes hours


def test_a_long_literal_user_rule_removes_its_block() -> None:
    pitch = ("Join the Harbour Gazette circle of readers today " * 11)[:500]
    rules = load_rules([{"name": "user/long", "pattern": pitch, "max_words": 200}])
    blocks = (Block(BlockKind.PARAGRAPH, ARTICLE), Block(BlockKind.PARAGRAPH, pitch))
    cleaned = clean(Article(blocks=blocks), rules=rules).article
    assert [block.text for block in cleaned.blocks] == [ARTICLE]
    assert [removal.rule for removal in cleaned.removed] == ["user/long"]


def test_re2_syntax_beyond_python_s_works_and_is_case_insensitive() -> None:
    rules = load_rules([{"name": "user/letters", "pattern": r"^\pL+ PREMIUM \d+$"}])
    blocks = (
        Block(BlockKind.PARAGRAPH, ARTICLE),
        Block(BlockKind.PARAGRAPH, "Rejoignez premium 3"),
    )
    cleaned = clean(Article(blocks=blocks), rules=rules).article
    assert [removal.rule for removal in cleaned.removed] == ["user/letters"]


def test_a_pattern_re2_refuses_is_one_clear_error_and_nothing_on_stderr(
    capfd: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_rules([{"name": "user/back", "pattern": r"(a)\1"}])
    message = str(caught.value)
    assert "not a valid regex for RE2" in message and "backreference" in message
    assert "\n" not in message
    assert capfd.readouterr().err == ""
