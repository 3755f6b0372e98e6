"""The shape of the code: a headless core, a small public API, the lint rule that guards both,
stage packages that read like the pipeline, and small modules."""

from __future__ import annotations
import __future__

import ast
import importlib
import pkgutil
import subprocess
import sys
import tomllib
import types
from importlib import resources

import pytest

import lire
from paths import ROOT

SOURCE = ROOT / "src" / "lire"
STAGES = ("fetch", "extract", "clean", "summarize", "text", "store", "ui")
PUBLIC_API = {
    *("Article", "Block", "BlockKind", "Config", "ConfigError", "ExtractionError", "FetchError"),
    *("KeyPoint", "Link", "LireError", "Page", "Reading", "Removal", "Summary", "__version__"),
    *("load_config", "read", "read_html", "read_page", "read_text", "summarize_text"),
}
MAX_MODULE_LINES = 300
MAX_CLASS_LINES = 250

CORE = [
    p
    for p in (ROOT / "src" / "lire").rglob("*.py")
    if "ui" not in p.relative_to(ROOT / "src" / "lire").parts[:1]
]


def test_public_api_is_exactly_what_all_lists() -> None:
    assert set(lire.__all__) == PUBLIC_API
    assert len(lire.__all__) == len(PUBLIC_API)
    for name in lire.__all__:
        assert hasattr(lire, name), name
    # every public name the package holds is in __all__, submodules aside
    held = {
        name
        for name, value in vars(lire).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and value is not __future__.annotations
    }
    assert held <= PUBLIC_API


def test_the_package_ships_its_type_information() -> None:
    assert resources.files("lire").joinpath("py.typed").is_file()


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_is_a_package_whose_init_says_what_it_owns(stage: str) -> None:
    package = importlib.import_module(f"lire.{stage}")
    assert package.__file__ is not None and package.__file__.endswith("__init__.py")
    assert package.__doc__ and len(package.__doc__.split()) >= 15


@pytest.mark.parametrize("stage", [s for s in STAGES if s != "ui"])
def test_a_stage_exports_no_name_that_is_also_one_of_its_modules(stage: str) -> None:
    package = importlib.import_module(f"lire.{stage}")
    modules = {info.name for info in pkgutil.iter_modules(package.__path__)}
    exported: list[str] = getattr(package, "__all__", [])
    assert not set(exported) & modules
    for name in exported:
        assert not isinstance(getattr(package, name), types.ModuleType), name


def test_every_module_says_what_it_owns_and_stays_small() -> None:
    too_long: list[str] = []
    for path in sorted(SOURCE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        where = str(path.relative_to(SOURCE))
        assert ast.get_docstring(tree), f"{where} has no docstring"
        if len(source.splitlines()) > MAX_MODULE_LINES:
            too_long.append(f"{where}: {len(source.splitlines())} lines")
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                size = node.end_lineno - node.lineno + 1
                if size > MAX_CLASS_LINES:
                    too_long.append(f"{where}: class {node.name} {size} lines")
    assert too_long == []


def test_the_import_contracts_cover_the_layers_and_the_foreign_libraries() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c for c in contracts if c["type"] == "layers")["layers"]
    assert layers[:3] == ["lire.cli", "lire.ui", "lire.pipeline"]
    assert any("lire.fetch | lire.extract | lire.clean" in layer for layer in layers)
    forbidden = {c["forbidden_modules"][0] for c in contracts if c["type"] == "forbidden"}
    assert {"httpx", "readability", "textual", "sqlite3"} <= forbidden


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
