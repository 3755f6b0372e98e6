"""The rule prefilter: which rules could match a sentence, from the literal strings they require.

A ``Prefilter`` compiles the needles of a selection of rules (``lire.clean.rules.Rule.needles``)
into one RE2 set, so that a text is scanned once, not once per rule or per needle.
Shared by the block classification (``lire.clean.classify``) and the DOM pass's prose layer
(``lire.clean.prose``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import re2

from lire.clean.rules import Position, Rule, Strength

__all__ = ["Prefilter", "prefilter_for"]

_RUN = 16  # texts searched together by ``Prefilter.needles_each``
SET_MEMORY = 64 << 20  # bytes RE2 may use for one set's automaton
SET_BYTES = 24_000  # bytes of needles in one set (the shipped rules of every language: 20,024)


class Prefilter:
    """Which rules could match a sentence, from the literal strings their patterns require.

    A rule runs only when one of its needles is in the (casefolded) sentence. The needles make
    one RE2 set, whose automaton tells in one pass over a text which of them occur in it: a
    text is scanned once, in time linear in its length, not once per rule.
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.always = [n for n, rule in enumerate(rules) if not rule.needles]
        self.rules_of: dict[str, list[int]] = {}
        for n, rule in enumerate(rules):
            for needle in rule.needles:
                self.rules_of.setdefault(needle, []).append(n)
        self.needles = tuple(self.rules_of)
        self.found = _NeedleSets(self.needles)
        # needles a masked quote ("«____»") could bring into a sentence: ever tested directly
        self.underscored = tuple(needle for needle in self.rules_of if "_" in needle)
        # needle -> the most words any of its rules allows (a block, or a pitch tail)
        self.reach = {
            needle: max(rules[n].max_words for n in numbers)
            for needle, numbers in self.rules_of.items()
        }
        self.max_reach = max(self.reach.values(), default=0)
        edge = {n for n, rule in enumerate(rules) if rule.position is Position.EDGE}
        # an edge rule could change a verdict: one without needles, or one of these needles
        self.edge_always = bool(edge.intersection(self.always))
        self.edge_needles = frozenset(
            needle for needle, numbers in self.rules_of.items() if edge.intersection(numbers)
        )
        strong = {n for n, rule in enumerate(rules) if rule.strength is Strength.STRONG}
        self.strong_always = bool(strong.intersection(self.always))
        # needle -> the most words a block may have for a strong rule of that needle to match
        self.strong_reach = {
            needle: max(rules[n].max_words for n in found)
            for needle, numbers in self.rules_of.items()
            if (found := strong.intersection(numbers))
        }

    def needles_in(self, folded: str) -> list[str]:
        """The needles in ``folded`` (a casefolded text), each once, in the rules' order."""
        needles = self.needles
        return [needles[n] for n in self.found.numbers(folded)]

    def needles_each(self, folded: Sequence[str]) -> list[list[str]]:
        """``needles_in`` of each text of ``folded``, the texts searched a run at a time (most
        blocks of a page hold no needle: one search clears a run of them); a run where a
        needle is found, maybe across two texts, is searched text by text."""
        if not self.needles:
            return [[] for _ in folded]
        found: list[list[str]] = []
        for start in range(0, len(folded), _RUN):
            run = folded[start : start + _RUN]
            if self.found.any("\n".join(run)):
                found.extend(self.needles_in(text) for text in run)
            else:
                found.extend([[] for _ in run])
        return found

    def candidates(self, folded: str, among: Sequence[str] | None = None) -> list[Rule]:
        """The rules that could match ``folded`` (a casefolded text), in their order.

        ``among``: the needles of a text that ``folded`` is part of (its quotes perhaps masked
        with underscores), when known; only those, and needles with an underscore, are tested.
        """
        if among is None:
            needles = self.needles_in(folded)
        else:
            needles = [n for n in (*among, *self.underscored) if n in folded]
        chosen = {n for needle in needles for n in self.rules_of[needle]}
        chosen.update(self.always)
        return [self.rules[n] for n in sorted(chosen)]


class _NeedleSets:
    """The needles as literal strings in RE2 sets of at most ``SET_BYTES`` bytes each; their
    automata tell in one pass over a text which needles occur in it.

    An RE2 set given too little memory for its automaton stops early and reports no match,
    which would silently miss rules. A set of literal strings has an automaton of at most one
    state per byte of its needles; the largest a set can be here (``SET_BYTES``) is tested to
    find every needle with a sixteenth of the memory it is given (``SET_MEMORY``), so however
    many needles the rules bring (a user's rules add theirs), each set holds its automaton
    whole and "no match" means no needle.
    """

    def __init__(self, needles: Sequence[str]) -> None:
        self.sets: list[tuple[int, Any]] = []  # (number of its first needle, the set)
        start, size = 0, 0
        for end, needle in enumerate(needles):
            size += len(needle.encode("utf-8", "surrogatepass"))
            if size > SET_BYTES and end > start:
                self.sets.append((start, _needle_set(needles[start:end])))
                start, size = end, len(needle.encode("utf-8", "surrogatepass"))
        if start < len(needles):
            self.sets.append((start, _needle_set(needles[start:])))

    def numbers(self, folded: str) -> list[int]:
        """The numbers of the needles in ``folded``, in order."""
        found: list[int] = []
        for first, needle_set in self.sets:
            found.extend(first + n for n in sorted(needle_set.Match(folded) or ()))
        return found

    def any(self, folded: str) -> bool:
        """True when some needle is in ``folded``."""
        return any(needle_set.Match(folded) for _, needle_set in self.sets)


def _needle_set(needles: Sequence[str]) -> Any:
    """An RE2 set of ``needles`` (at least one) as literal strings: its ``Match`` gives the
    number of each needle found anywhere in a text."""
    options = re2.Options()
    options.max_mem = SET_MEMORY
    options.log_errors = False
    found = re2.Set.SearchSet(options)
    for needle in needles:
        found.Add(re2.escape(needle))
    found.Compile()
    return found


@functools.lru_cache(maxsize=32)
def prefilter_for(rules: tuple[Rule, ...]) -> Prefilter:
    """The screen of ``rules`` (built once per rule selection)."""
    return Prefilter(rules)
