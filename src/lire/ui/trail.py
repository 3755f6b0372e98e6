"""The trail of visits: what the reader read in this session, and where it is on it.

Plain values, no Textual: back and forward are moves on a ``Trail``; a ``Visit`` knows which
removals the reader put back and so which article it shows. The reader screen owns the trail.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lire.clean.restore import restore, restore_removals
from lire.model import Article, Reading

__all__ = ["Trail", "Visit"]


@dataclass(slots=True)
class Visit:
    """One stop on the trail: the source, the Reading it gave and where the reader was.

    ``restored`` numbers the removals put back; ``llm_tried`` says the model was asked for its
    summary and answered or failed; ``candidate`` is the reading shown: 0 the one lire chose,
    ``k`` the page's ``k``-th other reading (``Reading.candidates``).
    """

    source: str
    reading: Reading
    top_block: int = 0
    restored: frozenset[int] = frozenset()
    llm_tried: bool = False
    candidate: int = 0

    @property
    def article(self) -> Article:
        """The article as shown: the clean one with the restored removals put back (or
        another reading of the page)."""
        if self.candidate > 0:
            return self.reading.candidates[self.candidate - 1].article
        article = self.reading.article
        return restore_removals(article, self.restored) if self.restored else article

    def shown_index(self, block: int) -> int:
        """Where block ``block`` of the clean article is shown once removals are restored."""
        article = self.reading.article
        if self.candidate or not self.restored or not 0 <= block < len(article.blocks):
            return block
        return restore(article, self.restored).positions[block]


class Trail:
    """Visits in the order they were read; following a link drops what was ahead."""

    def __init__(self) -> None:
        self._visits: list[Visit] = []
        self._at = -1

    @property
    def current(self) -> Visit | None:
        """The visit shown, None before the first."""
        return self._visits[self._at] if self._at >= 0 else None

    def push(self, visit: Visit) -> None:
        """Go to a new visit: the ones ahead of the current one are forgotten."""
        del self._visits[self._at + 1 :]
        self._visits.append(visit)
        self._at = len(self._visits) - 1

    def replace(self, visit: Visit) -> None:
        """Put ``visit`` in place of the current one (a reload); push when there is none."""
        if self._at < 0:
            self.push(visit)
        else:
            self._visits[self._at] = visit

    def can_go(self, step: int) -> bool:
        """Whether there is a visit ``step`` away (-1 back, 1 forward)."""
        return self._at >= 0 and 0 <= self._at + step < len(self._visits)

    def go(self, step: int) -> Visit | None:
        """Move ``step`` visits (-1 back, 1 forward); None, and no move, when there is none."""
        if not self.can_go(step):
            return None
        self._at += step
        return self._visits[self._at]

    def __len__(self) -> int:
        return len(self._visits)

    def __iter__(self) -> Iterator[Visit]:
        return iter(self._visits)

    def __getitem__(self, index: int) -> Visit:
        return self._visits[index]
