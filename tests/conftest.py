"""Shared test fixtures: where the repo, its fixtures and ../shared are."""

from __future__ import annotations

from pathlib import Path

import pytest

from paths import SHARED


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the checkout; the test is skipped when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (benchmark and sample data live there)")
    return SHARED


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point config, data and cache dirs at a temporary home so no test touches the real ones."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
