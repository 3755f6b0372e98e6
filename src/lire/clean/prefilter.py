"""The rule prefilter: which rules could match a sentence, from the literal strings they require.

A ``Prefilter`` compiles the needles of a selection of rules (``lire.clean.rules.Rule.needles``)
into one RE2 set, so that a text is scanned once, not once per rule or per needle.
Shared by the block classification (``lire.clean.classify``) and the DOM pass's prose layer
(``lire.clean.prose``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

import re2

from lire.clean.rules import Position, Rule, Strength

__all__ = ["Prefilter", "prefilter_for"]

_RUN = 16  # texts searched together by ``Prefilter.needles_each``
_SET_MEMORY = 64 << 20  # bytes RE2 may use for the set's automaton (it needs a few MB at most)


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
        self.found = _needle_set(self.needles)
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
        if self.found is None:
            return []
        needles = self.needles
        return [needles[n] for n in sorted(self.found.Match(folded) or ())]

    def needles_each(self, folded: Sequence[str]) -> list[list[str]]:
        """``needles_in`` of each text of ``folded``, the texts searched a run at a time (most
        blocks of a page hold no needle: one search clears a run of them); a run where a
        needle is found, maybe across two texts, is searched text by text."""
        if self.found is None:
            return [[] for _ in folded]
        found: list[list[str]] = []
        for start in range(0, len(folded), _RUN):
            run = folded[start : start + _RUN]
            if self.found.Match("\n".join(run)):
                found.extend(self.needles_in(text) for text in run)
            else:
                found.extend([] for _ in run)
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


def _needle_set(needles: Iterable[str]) -> Any:
    """An RE2 set of ``needles`` as literal strings (None when there are none): its ``Match``
    gives the number of each needle found anywhere in a text."""
    options = re2.Options()
    options.max_mem = _SET_MEMORY
    options.log_errors = False
    found = re2.Set.SearchSet(options)
    count = 0
    for needle in needles:
        found.Add(re2.escape(needle))
        count += 1
    if not count:
        return None
    found.Compile()
    return found


@functools.lru_cache(maxsize=32)
def prefilter_for(rules: tuple[Rule, ...]) -> Prefilter:
    """The screen of ``rules`` (built once per rule selection)."""
    return Prefilter(rules)
