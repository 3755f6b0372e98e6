"""The fetch stage's settings (the ``[fetch]`` section of the config)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from lire.errors import ConfigError
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

    def __post_init__(self) -> None:
        """Every bound is a finite positive number: ``nan`` or ``inf`` would bound nothing."""
        for name in ("timeout", "deadline", "max_bytes", "max_decompressed_bytes"):
            value = getattr(self, name)
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if not (number and 0 < value < 2**62 and math.isfinite(value)):
                shown = f"{value!r:.40}"
                raise ConfigError(f"fetch.{name} must be a finite number above 0, got {shown}")
