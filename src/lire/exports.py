"""Lazy exports: a package names its entry points without importing them until first use.

The stage packages re-export their entry points from their ``__init__``; importing one of them
for a small part (the config reads ``lire.fetch.options``) must not load lxml, readability or
httpx. ``lazy_exports`` gives a package the module-level ``__getattr__`` (PEP 562) that imports
a name's module when the name is first asked for.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module

__all__ = ["lazy_exports"]


def lazy_exports(package: str, names: Mapping[str, str]) -> Callable[[str], object]:
    """The ``__getattr__`` of ``package``: ``names`` maps each export to its module."""

    def __getattr__(name: str) -> object:
        if name not in names:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(names[name]), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
