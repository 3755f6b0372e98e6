"""The shape of the code: a headless core, a small public API, the lint rule that guards both."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import lire

ROOT = Path(__file__).resolve().parents[1]

CORE = [
    p
    for p in (ROOT / "src" / "lire").rglob("*.py")
    if "ui" not in p.relative_to(ROOT / "src" / "lire").parts[:1]
]


def test_public_api_is_exactly_what_all_lists() -> None:
    for name in lire.__all__:
        assert hasattr(lire, name), name
    for name in ("read", "read_html", "read_text", "summarize_text", "LireError", "Reading"):
        assert name in lire.__all__


def test_no_core_module_imports_textual_or_the_ui() -> None:
    offenders = []
    for path in CORE:
        if path.name == "cli.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.split(".")[0] == "textual" or n.startswith("lire.ui")
            ]
    assert offenders == []


def test_the_lint_rule_bans_textual_outside_the_ui() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lint = config["tool"]["ruff"]["lint"]
    assert "TID" in lint["select"]
    banned = lint["flake8-tidy-imports"]["banned-api"]
    assert {"textual", "lire.ui"} <= set(banned)
    assert "TID251" in lint["per-file-ignores"]["src/lire/ui/**"]


def test_importing_the_library_and_the_cli_does_not_load_textual() -> None:
    code = "import sys, lire, lire.cli; print('textual' in sys.modules, 'httpx' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.split()[0] == "False"
