"""The fetch stage's settings (the ``[fetch]`` section of the config)."""

from __future__ import annotations

from dataclasses import dataclass

from lire.version import __version__

__all__ = ["FetchConfig"]


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Bounds on one read: seconds, bytes, and the User-Agent sent."""

    timeout: float = 10.0
    deadline: float = 30.0
    max_bytes: int = 15_000_000
    max_decompressed_bytes: int = 60_000_000
    user_agent: str = f"lire/{__version__} (terminal article reader)"
