"""Clusters: the blocks removed whole around the strong ones.

A line of separators alone ("***", "-----", "|") or an image's file name goes. Around strong
blocks, runs of weak blocks (connective lines, enumerated perks, prices, link-only lines, lines
repeated in the article) go too; in the head and the tail of the article short lines between two
strong blocks are bridged, a related header takes the teaser titles under it and pasted text
loses the run of teasers that ends it (``lire.clean.teasers``), and a cut block inside a cluster
goes whole when only a lead-in precedes its pitch.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from lire.clean.classify import Verdict
from lire.clean.teasers import mark_teaser_runs, mark_teasers
from lire.model import Block, BlockKind

__all__ = ["RESIDUE", "mark_clusters", "zones"]

BRIDGE_MAX = 3  # at most this many short signal-less blocks are bridged between two pitches
BRIDGE_WORDS = 20
LEAD_IN_WORDS = 12  # a pitch block may open with this many words without a signal
SENTENCE_END = tuple(".!?…")  # a lead-in does not end like a sentence
QUESTION = tuple("?？")  # or asks the reader a question, anywhere ("Envie d'en savoir plus ?")
# Lines left of the layout, not written by anyone: separators ("***", "-----", "|") and the
# file names of images ("1.jpg"). Removed wherever they stand; they say nothing of their
# neighbours (``RESIDUE``: no run of boilerplate grows from them).
RESIDUE = {
    "nav/separator-line": re.compile(r"[\s\-‐‑‒–—―_*=~|•·.…#+<>/\\]+"),
    # (?<!\S): a name starts after a space, so a search tries each run of non-space once
    "nav/image-file": re.compile(
        r"(?<!\S)\S{0,300}\.(?:jpe?g|png|gif|webp|avif)\W{0,2}", re.IGNORECASE
    ),
}
# The residue forms as one pattern, each alternative a named group tried in RESIDUE's order.
_RESIDUE_FORMS = re.compile(
    "|".join(f"(?P<form{n}>{form.pattern})" for n, form in enumerate(RESIDUE.values())),
    re.IGNORECASE,
)
_RESIDUE_NAMES = {f"form{n}": name for n, name in enumerate(RESIDUE)}
_TABLE_RULE = frozenset("|-: ")  # the characters of a table's rule row: "|---|:--:|"
# Short lines are bridged between two strong blocks when one is a pitch of these categories: an
# ad label or a photo credit on either side of a headline does not make it part of a pitch.
BRIDGED = frozenset(
    {"subscription", "paywall", "meter", "login", "newsletter", "donation", "follow", "app"}
    | {"comment", "consent"}
)
_PITCH_KINDS = BRIDGED | {"form"}  # a weak pitch word of these kinds joins no menu line


def zones(verdicts: Sequence[Verdict]) -> tuple[int, int]:
    """[head, tail): the span from the first to the last block that reads as article."""
    article = [i for i, v in enumerate(verdicts) if v.article]
    if not article:
        return 0, 0
    return article[0], article[-1] + 1


def mark_clusters(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], media_type: str
) -> dict[int, str]:
    """Index -> rule name of every block removed whole: strong blocks and their clusters."""
    marks = {i: v.strong for i, v in enumerate(verdicts) if v.strong}
    marks |= {i: name for i, b in enumerate(blocks) if (name := _residue(b.text.strip()))}
    head, tail = zones(verdicts)
    seeds = set(marks) | {i for i, v in enumerate(verdicts) if v.cut is not None}
    plain = media_type == "text/plain"
    mark_teasers(blocks, verdicts, marks, plain=plain)
    if plain:
        mark_teaser_runs(blocks, verdicts, marks)
    before = -1
    while len(marks) != before:
        before = len(marks)
        for i in sorted(seeds | set(marks)):
            _extend(i, blocks, verdicts, marks, range(head, tail))
        _bridge(blocks, verdicts, marks, head, tail)
        _mark_lead_ins(blocks, verdicts, marks)
    return marks


def _residue(text: str) -> str | None:
    """The name of the residue ``text`` is whole, else None (a table's rule row is no residue)."""
    if not text or ("|" in text and "-" in text and _TABLE_RULE.issuperset(text)):
        return None
    found = _RESIDUE_FORMS.fullmatch(text)
    return None if found is None or found.lastgroup is None else _RESIDUE_NAMES[found.lastgroup]


def _mark_lead_ins(
    blocks: Sequence[Block], verdicts: Sequence[Verdict], marks: dict[int, str]
) -> None:
    """A cut block inside a cluster goes whole when what precedes its pitch is only a lead-in
    ("Mais si vous le pouvez, soutenez-nous", "Lee sin límites. 1 € el primer mes."): a few
    words that do not end like a sentence, or that carry a signal themselves. Anywhere, a block
    whose pitch follows one short question ("Vous ne voulez rien rater de l'actualité tech ?
    Suivez-nous sur Google News.") goes whole: the question is the pitch's. An article's last
    sentence with a paywall notice glued to it ("Les travaux commencent en mai. Il vous reste
    60 % à lire.") keeps its head."""
    for i, verdict in enumerate(verdicts):
        if verdict.cut is None or verdict.cut_rule is None or i in marks:
            continue
        head = blocks[i].text[: verdict.cut].rstrip()
        pitchy = verdict.lead is not None or not head.endswith(SENTENCE_END)
        short = len(head.split()) <= LEAD_IN_WORDS
        asked = head.endswith(QUESTION) and not any(end in head[:-1] for end in SENTENCE_END)
        if short and ((pitchy and (i - 1 in marks or i + 1 in marks)) or asked):
            marks[i] = verdict.cut_rule


def _extend(
    i: int,
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    marks: dict[int, str],
    zone: range,
) -> None:
    """Take the weak blocks next to block ``i`` (after it only, when ``i`` was cut).

    A block a weak *rule* names joins at once, unless it names a pitch's kind and ``i`` is a
    line of the site's bar (a headline on newsletters under "Toggle Navigation"). Lines with
    only a weak *shape* (a perk in a list, a price, a short line) join when the run of them is
    closed by another member of the cluster, when it follows a member that announces it (ends
    with ":"), or, before the cluster, when they are all connectives ending with a comma ("Mais
    si vous le pouvez,"); between article blocks only connectives do.
    """
    name = marks.get(i) or verdicts[i].cut_rule or ""
    for step in (1, -1) if verdicts[i].cut is None else (1,):
        last, j = i, i + step
        run: list[int] = []
        while 0 <= j < len(verdicts) and j not in marks:
            verdict = verdicts[j]
            if verdict.weak is None or verdict.cut is not None:
                break
            connective = verdict.weak.startswith("nav/connective")
            if verdict.named and name.startswith("nav/") and _pitch_word(verdict.weak):
                break  # a headline naming newsletters under a menu line: no pitch
            if not verdict.named and j in zone and not connective:
                break
            if verdict.named:
                marks.update(dict.fromkeys(run, name))
                marks[j], last, run = verdict.weak, j, []
            else:
                run.append(j)
            j += step
        closed = 0 <= j < len(verdicts) and j in marks
        announced = step == 1 and blocks[last].text.rstrip().endswith(":")
        lead_in = step == -1 and all(_lead_in(blocks[k], verdicts[k]) for k in run)
        if closed or announced or lead_in:
            marks.update(dict.fromkeys(run, name))


def _pitch_word(rule: str) -> bool:
    """Whether ``rule`` names a pitch's kind (a subscription, a newsletter, a donation...)."""
    return rule.partition("/")[0] in _PITCH_KINDS


def _lead_in(block: Block, verdict: Verdict) -> bool:
    """A connective that leads into the pitch after it ("Mais si vous le pouvez,"); a line
    ending with a colon announces the article's own next lines ("Below is the statement:")."""
    return verdict.weak == "nav/connective" and block.text.rstrip().endswith(",")


def _bridge(
    blocks: Sequence[Block],
    verdicts: Sequence[Verdict],
    marks: dict[int, str],
    head: int,
    tail: int,
) -> None:
    """In the head and the tail, short lines between two strong blocks, one a pitch, go too; in
    the head, both must be pitches: between a site's "Skip to content" and the paywall notice
    under the headline stand the masthead and the headline."""
    strong = sorted(i for i, v in enumerate(verdicts) if v.strong)
    for left, right in itertools.pairwise(strong):
        gap = range(left + 1, right)
        pitches = [str(verdicts[k].strong).partition("/")[0] in BRIDGED for k in (left, right)]
        pitch = all(pitches) if right <= head else any(pitches)
        if (
            pitch
            and 0 < len(gap) <= BRIDGE_MAX
            and all(
                not head <= j < tail
                and blocks[j].kind is not BlockKind.HEADING
                and verdicts[j].words <= BRIDGE_WORDS
                and verdicts[j].cut is None
                for j in gap
            )
        ):
            for j in gap:
                marks.setdefault(j, marks[left])
