"""What the reader is handed rather than finding for itself: the loader, the stores, the
browser opener and the optional summary model (habit 6: pass dependencies in)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from lire.model import Reading
from lire.store.history import History
from lire.summarize.options import LLMConfig

__all__ = ["KeepStore", "Loader", "Opener", "Services"]

Loader = Callable[[str], Reading]
Opener = Callable[[str], object]


class KeepStore(Protocol):
    """Where a restored removal is remembered for its site, and forgotten when the restore is
    undone (``lire.store.SiteMemoryStore``)."""

    def keep(self, site: str, text: str) -> None: ...

    def forget(self, site: str, text: str) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Services:
    """The reader's dependencies.

    ``loader`` reads a source (in a worker thread); ``history`` remembers what was read and
    where (None: nothing is); ``learn`` keeps what the user restores, per site; ``sample`` is
    offered when there is no source; ``opener`` opens a URL in the browser (None: the
    ``webbrowser`` module); ``llm`` is the summary model (None: the offline summary only).
    """

    loader: Loader
    history: History | None = None
    learn: KeepStore | None = None
    sample: str | None = None
    opener: Opener | None = None
    llm: LLMConfig | None = None
    points: int = 3
