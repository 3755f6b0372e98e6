"""SCAFFOLD: replaced by the fetch work. Reads a source (URL, path or "-") into a Page."""

from __future__ import annotations

from typing import BinaryIO

import httpx

from lire.config import FetchConfig
from lire.model import Page

__all__ = ["fetch"]


def fetch(
    source: str,
    *,
    config: FetchConfig | None = None,
    client: httpx.Client | None = None,
    stdin: BinaryIO | None = None,
) -> Page:
    raise NotImplementedError
