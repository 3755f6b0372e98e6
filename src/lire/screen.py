"""Which rules could match a sentence, found from the literal strings their patterns require.

A ``Screen`` indexes the needles of a selection of rules (``lire.rules.Rule.needles``) by their
first characters, so that a sentence is scanned once, not once per rule. Shared by the block
classification (``lire.classify``) and the DOM pass's prose layer (``lire.pitches``).
"""

from __future__ import annotations

import functools

from lire.rules import Rule, Strength

__all__ = ["Screen", "screen_for"]

GRAM = 3  # needles are indexed by their first GRAM characters


class Screen:
    """Which rules could match a sentence, from the literal strings their patterns require.

    A rule runs only when one of its needles is in the (casefolded) sentence; needles are
    indexed by their first three characters, so a sentence is scanned once, not once per rule.
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.always = [n for n, rule in enumerate(rules) if not rule.needles]
        self.rules_of: dict[str, list[int]] = {}
        for n, rule in enumerate(rules):
            for needle in rule.needles:
                self.rules_of.setdefault(needle, []).append(n)
        self.by_gram: dict[str, list[str]] = {}
        self.short = [needle for needle in self.rules_of if len(needle) < GRAM]
        for needle in self.rules_of:
            if len(needle) >= GRAM:
                self.by_gram.setdefault(needle[:GRAM], []).append(needle)
        strong = {n for n, rule in enumerate(rules) if rule.strength is Strength.STRONG}
        self.strong_always = bool(strong.intersection(self.always))
        # needle -> the most words a block may have for a strong rule of that needle to match
        self.strong_reach = {
            needle: max(rules[n].max_words for n in found)
            for needle, numbers in self.rules_of.items()
            if (found := strong.intersection(numbers))
        }

    def needles_in(self, folded: str) -> list[str]:
        """The needles in ``folded`` (a casefolded text)."""
        grams = {folded[i : i + GRAM] for i in range(len(folded) - GRAM + 1)}
        found = [needle for needle in self.short if needle in folded]
        for gram in grams.intersection(self.by_gram):
            found.extend(needle for needle in self.by_gram[gram] if needle in folded)
        return found

    def candidates(self, folded: str) -> list[Rule]:
        chosen = {n for needle in self.needles_in(folded) for n in self.rules_of[needle]}
        chosen.update(self.always)
        return [self.rules[n] for n in sorted(chosen)]


@functools.lru_cache(maxsize=32)
def screen_for(rules: tuple[Rule, ...]) -> Screen:
    """The screen of ``rules`` (built once per rule selection)."""
    return Screen(rules)
