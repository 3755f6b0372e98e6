"""The learned boilerplate model: which blocks are boilerplate by their form, and of what kind.

Two linear models over the hashed features of ``lire.clean.features``: a logistic one that
scores each block (the probability that it is boilerplate), and a multinomial one that names the
kind of a block it removes (navigation, related links, newsletter, consent, comments...). Both
were trained by ``bench/train_boilerplate.py`` on the development set that
``bench/boilerplate_data.py`` rebuilds and ``data/boilerplate/`` holds; the weights ship as package
data (``packs/boilerplate.model``), are read once, and are applied in plain Python: a block's
score is the sum of its features' weights.

The weights and their file are ``lire.clean.weights``; the second look at each block beside its
neighbours' scores is ``lire.clean.context``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence

from lire.clean.context import article_span
from lire.clean.features import Group, feature_groups, is_prose, reads_as_headline
from lire.clean.lists import read_whole
from lire.clean.sums import PageSums
from lire.clean.tail import off_topic_tail
from lire.clean.title import TITLE_MAX_WORDS
from lire.clean.weights import BoilerplateModel, default_model, load_model, save_model
from lire.model import Block

__all__ = [
    "BoilerplateModel",
    "article_span",
    "default_model",
    "learned_marks",
    "load_model",
    "rule_name",
    "save_model",
]

RUN = 3  # beyond the article, the model removes runs of this many blocks or more
RUN_SENTENCES = False  # whether sentences join those runs (on a whole page they always do)
SENTENCE_WORDS = 5  # a block this long ending with a point is a sentence: never removed alone
SENTENCE_END = tuple(".!?…")
_ALNUM = re.compile(r"[^\W_]")  # a letter or a digit: what str.isalnum says of a character
SENTENCE_ALONE = 0.9  # beyond the article's span, a sentence goes alone at this score
PAGE_BLOCKS = 12  # this many likely boilerplate blocks beyond the article: a whole page was pasted
PAGE_OUTSIDE = 0.4  # then beyond the article a block goes at this score, alone or not
PAGE_PROSE = 0.4  # and a block of running text at this one
TAIL_RULE = "related/off-topic-tail"  # a list of other stories after the article (clean.tail)
HEADLINE = "headline"  # the features that name the article's headline: never removed
HEADLINE_DOUBT = 0.9  # unless the model's score of it reaches this ("The Guardian - US")
HEADLINE_SHIFT = 0.8  # a headline scored this high gives way to a line after it that reads as one
NEXT_HEADLINE_WITHIN = 4  # blocks after it
SAME_AS_TITLE = "title:same"
TITLE_PART = "title:part"  # a block holds the title, or is part of it (lire.clean.place)
QUOTED_TITLE_WORDS = 3  # a short title another line quotes whole is the headline from this long
BEFORE_HEADLINE = 0.5  # above the headline, a block that is no running text goes at this score
# The kind of boilerplate the model names -> the rule category its removals are filed under.
CATEGORY_OF_KIND = {
    "nav": "nav",
    "footer": "nav",
    "related": "related",
    "share": "share",
    "follow": "follow",
    "newsletter": "newsletter",
    "consent": "consent",
    "comment": "comment",
    "subscription": "subscription",
    "paywall": "paywall",
    "login": "login",
    "donation": "donation",
    "ad": "ad",
    "sponsored": "ad",
    "app": "app",
    "legal": "credit",
    "source": "credit",
    "author": "author",
    "form": "form",
    "other": "nav",
}


@functools.cache  # a few kinds, named for each block a page's model removes
def rule_name(kind: str) -> str:
    """The name the model's removals of ``kind`` carry: ``related/model``, ``nav/model-footer``."""
    category = CATEGORY_OF_KIND.get(kind, "nav")
    return f"{category}/model" if category == kind else f"{category}/model-{kind}"


def learned_marks(
    blocks: Sequence[Block],
    hints: Sequence[str | None],
    model: BoilerplateModel,
    *,
    skip: Collection[int] = (),
    ruled: Collection[int] = (),
    title: str | None = None,
    one_subject: bool = True,
) -> dict[int, tuple[str, float]]:
    """Index -> (rule name, score) of each block the model removes, outside ``skip``.

    The article is the span of blocks where the words the model reads as article outweigh the
    others most (``article_span``). When unsure, keep: the article's headline (the block equal
    to the title lire read when that title is headline-long or no other line reads as a
    headline, else the first headline-like line before the first paragraph unless the model is
    all but sure of it, ``HEADLINE_DOUBT``) is never removed, and a block above it that is no
    running text goes at ``BEFORE_HEADLINE`` (a masthead, a section name); inside the span,
    next to it (a closing line) and wherever a block reads as running text
    (``lire.clean.features.is_prose``), a block goes only when its score reaches the model's
    ``threshold`` and it does not read as a sentence (a closing line of the article: "The work
    starts in May.", "Details later…"). Further out, a block goes alone when its score reaches the
    model's ``alone`` (``SENTENCE_ALONE`` for a sentence), or when its score reaches
    ``outside`` and it is one of a run of at least ``RUN`` such blocks (or blocks the rules
    remove, ``ruled``): menus, footers and lists of other articles come in runs; a sentence
    does not join such a run (a match report's closing lines: "Foul by Andy Taylor."). A list is
    read whole (``lire.clean.lists``): when half its items or more stay, the model takes none of
    them (an article's list of reasons whose last item speaks of comments); a list the article
    announces with a line ending in a colon ("The 33-strong squad is as follows:", "Setlist:")
    stays; so does a line written on the pattern of one that stays just before it (a results
    table's rows); and what these readings keep, the off-topic tail takes none of. When at least
    ``PAGE_BLOCKS`` blocks beyond the article score ``outside`` the text is a whole page (its
    menus, footers and lists of other articles pasted with it): beyond the article a block then
    goes at ``PAGE_OUTSIDE``, alone or not, running text too at ``PAGE_PROSE``. A text without
    running text gives the model nothing to hold on to: it removes nothing there. A list of
    other stories after the article, under a label the model leans to boilerplate, goes whole
    when none of its lines speaks of the article's subject (``lire.clean.tail``: its teasers'
    sentences read as running text, so only their subject gives them away); only on a page with
    ``one_subject`` (an article: a thread's replies, a documentation page's sections, a
    listing's items each speak of their own). On such a page the model never takes the last
    running text the rules leave, nor then a headline-like line (a paywalled page's teaser: its
    headline and its first paragraph between the menu and the paywall notice).
    """
    words = [len(block.text.split()) for block in blocks]
    prose = [is_prose(block.text, count) for block, count in zip(blocks, words, strict=True)]
    if not any(prose):
        return {}  # no running text: no article to tell the boilerplate from
    features = feature_groups(blocks, hints, title)
    sums = PageSums(model, features)
    scores = sums.scores(words)
    first, last = article_span(scores, words)
    near = [first - 1 <= i <= last + 1 or prose[i] for i in range(len(blocks))]
    page = (
        sum(s >= model.outside for s, n in zip(scores, near, strict=True) if not n) >= PAGE_BLOCKS
    )
    if page:  # a whole page: running text beyond the article is other articles' or the site's
        near = [first - 1 <= i <= last + 1 for i in range(len(blocks))]
    sure: set[int] = set()
    likely: set[int] = set()
    places = [groups[0] for groups in features]  # the headline's features are of its place
    titled = _title_is_headline(places, title, blocks)
    headline = [_is_headline(p, s, titled) for p, s in zip(places, scores, strict=True)]
    top = next((i for i, flag in enumerate(headline) if flag), 0)
    shift = headline[top] and scores[top] >= HEADLINE_SHIFT  # "Thu 25 Jul 2024", "Mi cuenta"
    if shift and (later := _next_headline(blocks, words, prose, scores, top)) is not None:
        headline[top], headline[later], top = False, True, later
    for i, score in enumerate(scores):
        if i < top and not prose[i] and score >= BEFORE_HEADLINE:
            sure.add(i)  # above the article's headline: the site's masthead, menus, breadcrumbs
            continue
        if headline[i]:
            continue  # the article's headline
        sentence = _sentence(blocks[i].text, words[i], short=near[i])
        if score >= model.threshold and not (sentence and (near[i] or not page)):
            sure.add(i)
        elif near[i]:
            continue
        elif score >= _alone(model, page=page, prose=prose[i], sentence=sentence):
            sure.add(i)
        elif score >= model.outside and (page or not sentence or RUN_SENTENCES):
            likely.add(i)
    gone = sure | (likely if page else _runs(likely | sure | set(ruled), likely))
    whole = read_whole(blocks, prose, gone, set(ruled))
    gone -= whole
    tail = (
        off_topic_tail(
            blocks, prose, scores, words, headline=top, outside=model.outside, ads=_ads(hints)
        )
        if one_subject
        else None
    )
    listed = set() if tail is None else set(range(tail, len(blocks))) - gone - whole
    taken = {
        i
        for i in gone | listed
        if i not in skip and _ALNUM.search(blocks[i].text)  # a lone "”" stays
    }
    removed = taken | set(ruled)
    if one_subject and not any(prose[i] and i not in removed for i in range(len(blocks))):
        taken = {i for i in taken if not (prose[i] or HEADLINE in places[i])}  # a teaser stays
    return {
        i: (TAIL_RULE if i in listed else rule_name(sums.kind(i)), scores[i]) for i in sorted(taken)
    }


def _ads(hints: Sequence[str | None]) -> set[int]:
    """The blocks a rule names an advertisement's label ("Lees verder onder de advertentie")."""
    return {i for i, hint in enumerate(hints) if hint is not None and hint.startswith("ad/")}


def _is_headline(place: Group, score: float, titled: bool) -> bool:
    """Whether the block whose place features are ``place`` and whose score is ``score`` is the
    article's headline: the title lire read (when ``titled``), or the headline-like line the
    model is not sure of."""
    return (HEADLINE in place and score < HEADLINE_DOUBT) or (titled and SAME_AS_TITLE in place)


def _next_headline(
    blocks: Sequence[Block],
    words: Sequence[int],
    prose: Sequence[bool],
    scores: Sequence[float],
    top: int,
) -> int | None:
    """The first block within ``NEXT_HEADLINE_WITHIN`` after ``top`` and before any running
    text that reads as a headline (``lire.clean.features.reads_as_headline``) and that the model
    reads as the article's (its score under ``BEFORE_HEADLINE``)."""
    for i in range(top + 1, min(len(blocks), top + 1 + NEXT_HEADLINE_WITHIN)):
        if prose[i]:
            return None
        text = blocks[i].text.strip()
        if reads_as_headline(text, words[i], prose[i]) and scores[i] < BEFORE_HEADLINE:
            return i
    return None


def _title_is_headline(places: Sequence[Group], title: str | None, blocks: Sequence[Block]) -> bool:
    """Whether the title lire read from the text's first line is the article's headline: it is
    headline-long, or no other line reads as one (a short first line such as "NEW NOTICES" or
    "Advertisement" before the headline is judged like any other), or a line of the text quotes
    it whole ("No comments on Our first cycling holiday": a blog's comment count names its post)."""
    if not title:
        return False
    words = len(title.split())
    return (
        words > TITLE_MAX_WORDS
        or not any(HEADLINE in p for p in places)
        or (words >= QUOTED_TITLE_WORDS and _quoted(title, places, blocks))
    )


def _quoted(title: str, places: Sequence[Group], blocks: Sequence[Block]) -> bool:
    """Whether a block other than the title holds the title, as whole words: of the blocks
    whose place already says they hold it or part of it (``TITLE_PART``)."""
    folded = " ".join(title.casefold().split())
    whole = re.compile(rf"(?<!\w){re.escape(folded)}(?!\w)")
    return any(
        whole.search(" ".join(block.text.casefold().split()))
        for block, place in zip(blocks, places, strict=True)
        if TITLE_PART in place
    )


def _alone(model: BoilerplateModel, *, page: bool, prose: bool, sentence: bool) -> float:
    """The score a block beyond the article's span must reach to go on its own."""
    if page:
        return PAGE_PROSE if prose else PAGE_OUTSIDE
    return SENTENCE_ALONE if sentence else model.alone


def _sentence(text: str, words: int, *, short: bool = False) -> bool:
    """A block that reads as a sentence of the article: several words (any number when
    ``short``: next to the article, "Details later…") and a final point."""
    return (short or words >= SENTENCE_WORDS) and text.rstrip().endswith(SENTENCE_END)


def _runs(members: set[int], likely: set[int]) -> set[int]:
    """The blocks of ``likely`` in a run of at least ``RUN`` consecutive ``members``."""
    chosen: set[int] = set()
    run: list[int] = []
    for i in [*sorted(members), -2]:
        if run and i != run[-1] + 1:
            if len(run) >= RUN:
                chosen.update(likely.intersection(run))
            run = []
        run.append(i)
    return chosen
