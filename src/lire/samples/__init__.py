"""The sample article shipped with lire (offered when there is no source)."""

from __future__ import annotations

from importlib import resources

__all__ = ["sample_path"]


def sample_path() -> str:
    """The path of the sample article (an HTML page written for lire's tests and first run)."""
    return str(resources.files(__name__).joinpath("heatwave.html"))
