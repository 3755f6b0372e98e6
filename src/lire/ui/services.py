"""What the reader is handed rather than finding for itself: the loader, the stores, the
browser opener and the optional summary model (habit 6: pass dependencies in)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from lire.model import Reading

if TYPE_CHECKING:  # SQLite and the model's options: not before the first frame
    from lire.store.history import History
    from lire.summarize.options import LLMConfig

__all__ = ["KeepStore", "Loader", "Opener", "Services"]

Loader = Callable[[str], Reading]
Opener = Callable[[str], object]


class KeepStore(Protocol):
    """The site memory, as the reader uses it (``lire.store.SiteMemoryStore``): a restored
    removal is kept for its site (and forgotten when the restore is undone), a block the user
    marked is the site's boilerplate (until unmarked), and it knows which of site learning's
    removals the reader was told of."""

    def keep(self, site: str, text: str) -> None: ...

    def forget(self, site: str, text: str) -> None: ...

    def mark(self, site: str, text: str) -> None: ...

    def unmark(self, site: str, text: str) -> None: ...

    def announce(self, site: str, texts: Iterable[str]) -> int: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Services:
    """The reader's dependencies.

    ``loader`` reads a source (in a worker thread); ``history`` remembers what was read and
    where (None: nothing is); ``learn`` is the site memory (what the user restores or marks,
    per site; None: choices last for one reading); ``sample`` is offered when there is no
    source; ``opener`` opens a URL in the browser (None: the ``webbrowser`` module); ``llm`` is
    the summary model (None: the offline summary only).
    """

    loader: Loader
    history: History | None = None
    learn: KeepStore | None = None
    sample: str | None = None
    opener: Opener | None = None
    llm: LLMConfig | None = None
    points: int = 3
