"""The config file: defaults when absent, every key checked, errors name the file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from lire.config import Config, default_config_path, load_config
from lire.errors import ConfigError


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_default_file_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "absent.toml") == Config()


def test_missing_explicit_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"absent\.toml does not exist"):
        load_config(tmp_path / "absent.toml", explicit=True)


def test_default_path_is_in_the_user_config_dir_and_creates_nothing() -> None:
    path = default_config_path()
    assert path.name == "config.toml"
    assert path.parent.name == "lire"
    assert not path.parent.exists()


def test_values_are_read_and_ints_widen_to_floats(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[fetch]\ntimeout = 5\nmax_bytes = 1000\nuser_agent = "me"\n'
        '[summary]\npoints = 5\n[app]\ntheme = "textual-light"\n[clean]\nlearn = false\n',
    )
    config = load_config(path)
    assert config.fetch.timeout == 5.0
    assert isinstance(config.fetch.timeout, float)
    assert config.fetch.max_bytes == 1000
    assert config.fetch.user_agent == "me"
    assert config.summary.points == 5
    assert config.app.theme == "textual-light"
    assert config.clean.learn is False
    assert config.clean.enabled is True
    assert config.path == path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[fetch\ntimeout = 1\n", r"config\.toml: not valid TOML"),
        ("[fetch]\ntimeout = 1\ncolour = 3\n", r"config\.toml:3: unknown key 'fetch\.colour'"),
        ("[nope]\nx = 1\n", r"config\.toml:1: unknown section or key 'nope'"),
        (
            '[summary]\n\npoints = "three"\n',
            r"config\.toml:3: 'summary\.points' must be an integer",
        ),
        ("[clean]\nenabled = 1\n", r"config\.toml:2: 'clean\.enabled' must be true or false"),
        ("[fetch]\ndeadline = -1\n", r"config\.toml:2: 'fetch\.deadline' must be greater than 0"),
        ("fetch = 3\n", r"config\.toml:1: 'fetch' must be a table"),
        (
            '[summary]\nsummarizer = "gpt"\n',
            r"'summary\.summarizer' must be \"offline\" or \"llm\"",
        ),
    ],
)
def test_bad_config_names_file_line_and_key(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, text))


def test_undecodable_config_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ConfigError, match="cannot read config file"):
        load_config(path)


def test_user_rules_join_the_packs_and_are_used_by_the_cleaner(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '[[clean.rules]]\nname = "subscription/my-offer"\npattern = "try the almanac club"\n',
    )
    rules = load_config(path).clean.rules
    assert rules is not None
    names = [rule.name for rule in rules.rules]
    assert "subscription/my-offer" in names
    assert len(names) > 1, "the shipped packs stay in"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[clean]\nrules = "x"\n', r"config\.toml:2: 'clean\.rules' must be a list of tables"),
        ('[[clean.rules]]\nname = "nonsense"\npattern = "x"\n', r"config\.toml:1: .*'name'"),
        ('[[clean.rules]]\nname = "ad/x"\npattern = "(a)\\\\1"\n', r"config\.toml:1: .*pattern"),
    ],
)
def test_bad_user_rules_name_the_file_and_rule(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, text))
