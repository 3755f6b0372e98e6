"""SCAFFOLD: replaced by the fetch work. Bytes to text: BOM > declared charset > meta > detector."""

from __future__ import annotations

from lire.model import MediaType

__all__ = ["decode", "sniff_media_type"]


def decode(data: bytes, *, declared: str | None = None, media_type: MediaType = "text/html") -> tuple[str, str]:
    """Return (text, encoding name)."""
    raise NotImplementedError


def sniff_media_type(data: bytes, *, name: str | None = None) -> MediaType:
    raise NotImplementedError
