"""The fetch stage: a source (an http(s) URL, a path, or stdin) becomes a decoded ``Page``.

The only package that knows httpx (``http``, and ``stream`` for the opt-in summary model). It
owns timeouts and the overall deadline (``deadline``), the redirect and size caps, decompression
limits (``inflate``), media-type sniffing (``sniff``), the charset decision (``decode``: BOM >
HTTP > ``<meta charset>`` > detector), and how addresses appear in its messages (``addresses``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lire.exports import lazy_exports

if TYPE_CHECKING:
    from lire.fetch.options import FetchConfig
    from lire.fetch.sources import fetch
    from lire.fetch.stream import stream_lines

__all__ = ["FetchConfig", "fetch", "stream_lines"]

__getattr__ = lazy_exports(
    __name__,
    {
        "FetchConfig": "lire.fetch.options",
        "fetch": "lire.fetch.sources",
        "stream_lines": "lire.fetch.stream",
    },
)
