"""Preferences chosen in the app (theme, reading width), kept in lire's state directory.

A small JSON file of lire's own, never the user's config: the config gives the defaults, a
choice made in the app overrides them from then on. Reading it never fails (a missing or
damaged file means no choices); writing it is best effort (an unwritable place is ignored).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import platformdirs

__all__ = [
    "MAX_WIDTH",
    "MIN_WIDTH",
    "Prefs",
    "clamp_width",
    "default_prefs_path",
    "load_prefs",
    "save_prefs",
]

MIN_WIDTH = 30
MAX_WIDTH = 400
_MAX_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Prefs:
    """What the reader chose: a theme name, a reading width (None: not chosen)."""

    theme: str | None = None
    width: int | None = None


def default_prefs_path() -> Path:
    """Where the preferences live: ``prefs.json`` in the user state dir. Creates nothing."""
    return Path(platformdirs.user_state_dir("lire", appauthor=False)) / "prefs.json"


def load_prefs(path: Path) -> Prefs:
    """The preferences at ``path``; none when the file is missing, too big or damaged."""
    try:
        with path.open("rb") as file:
            data = json.loads(file.read(_MAX_BYTES + 1)[: _MAX_BYTES + 1])
    except (OSError, ValueError):
        return Prefs()
    if not isinstance(data, dict):
        return Prefs()
    theme, width = data.get("theme"), data.get("width")
    return Prefs(
        theme=theme if isinstance(theme, str) and 0 < len(theme) < 100 else None,
        width=clamp_width(width)
        if isinstance(width, int) and not isinstance(width, bool)
        else None,
    )


def save_prefs(path: Path, prefs: Prefs) -> None:
    """Write ``prefs`` to ``path`` (atomically); an unwritable place is not an error."""
    data = {key: value for key, value in (("theme", prefs.theme), ("width", prefs.width)) if value}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(data), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        return


def clamp_width(width: int) -> int:
    """A reading width within what the app draws (0 stays 0: the whole view)."""
    return 0 if width <= 0 else max(MIN_WIDTH, min(MAX_WIDTH, width))
