"""The rule prefilter: which rules could match a sentence, from the literal strings they require.

A ``Prefilter`` compiles the needles of a selection of rules (``lire.clean.rules.Rule.needles``)
into one trie-shaped pattern, so that a text is scanned once, not once per rule or per needle.
Shared by the block classification (``lire.clean.classify``) and the DOM pass's prose layer
(``lire.clean.prose``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from lire.clean.rules import Position, Rule, Strength

__all__ = ["Prefilter", "prefilter_for"]

_Trie = dict[str, "_Trie"]
_END = ""  # the key that marks the end of a needle in a trie node


class Prefilter:
    """Which rules could match a sentence, from the literal strings their patterns require.

    A rule runs only when one of its needles is in the (casefolded) sentence. The needles make
    one pattern that finds, at each position of a text, the longest needle starting there; the
    shorter needles starting there are its prefixes, known in advance. So a text is scanned
    once by the regular expression engine, not once per rule.
    """

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.always = [n for n, rule in enumerate(rules) if not rule.needles]
        self.rules_of: dict[str, list[int]] = {}
        for n, rule in enumerate(rules):
            for needle in rule.needles:
                self.rules_of.setdefault(needle, []).append(n)
        self.longest = _longest_needle(self.rules_of)
        # needles a masked quote ("«____»") could bring into a sentence: ever tested directly
        self.underscored = tuple(needle for needle in self.rules_of if "_" in needle)
        # needle -> the needles that are its prefixes (itself included)
        self.prefixes = {
            needle: tuple(
                needle[:k] for k in range(1, len(needle) + 1) if needle[:k] in self.rules_of
            )
            for needle in self.rules_of
        }
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
        """The needles in ``folded`` (a casefolded text), each once."""
        if self.longest is None:
            return []
        found: dict[str, None] = {}
        for longest in set(self.longest.findall(folded)):
            found.update(dict.fromkeys(self.prefixes[longest]))
        return list(found)

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


def _longest_needle(needles: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern whose group finds, at each position, the longest needle that starts there.

    The needles make a trie; each node tries its longer continuations before it ends a needle,
    so the first match at a position is the longest. A lookahead matches at every position, and
    as its match is empty the next search starts one character on: needles may overlap. The
    engine backtracks at most the length of a needle per position.
    """
    trie: _Trie = {}
    for needle in needles:
        node = trie
        for char in needle:
            node = node.setdefault(char, {})
        node[_END] = {}
    if not trie:
        return None
    return re.compile(f"(?=({_trie_source(trie)}))")


def _trie_source(node: _Trie) -> str:
    branches = [re.escape(char) + _trie_source(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:  # a needle ends here: after its longer continuations, accept the end
        body = f"(?:{body})?"
    return body


@functools.lru_cache(maxsize=32)
def prefilter_for(rules: tuple[Rule, ...]) -> Prefilter:
    """The screen of ``rules`` (built once per rule selection)."""
    return Prefilter(rules)
