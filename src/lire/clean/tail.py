"""Where a pasted article ends and a list of other articles begins, by what the lines speak of.

After the article, a site lists its other stories under a short label ("Últimas do País", "Les
derniers articles", "Lees ook"): headlines, often each with its first sentence. Those sentences
read as running text, so neither their form nor their place tells them from the article's own
last paragraphs; their subject does. The article's subject is its key words: the subject words
that two of its paragraphs or more use. A tail is taken for such a list when

- what comes before it is an article: at least ``BODY_PARAGRAPHS`` paragraphs of running text
  and ``BODY_WORDS`` words, of which at least ``COHERENCE`` use ``KEY_HITS`` key words each (a
  newsletter's digest of unrelated stories does not, and its later items are not taken for
  another site's list);
- it begins with a label: a short line that ends with no point, that is not a credit ("Foto:
  ...", a colon inside it) and that the learned model already leans to boilerplate (its score
  is at most ``LABEL_MARGIN`` under the one at which the model removes a run of blocks);
- it is a list: at least ``TAIL_LINES`` of its lines have ``SUBJECT_MIN`` subject words or more,
  one of its lines reads as a headline, and none of its lines uses ``KEY_HITS`` of the article's
  key words (an article's last section speaks of what the article speaks of, another story
  does not);
- it is short (``TAIL_BLOCKS`` blocks at most): a list, not the rest of a page.

An item of a list (a survey's answers, "Ads are too intrusive 19.9%") opens no tail, labelled
or not; nor does a line a rule names an advertisement's label ("Lees verder onder de
advertentie": the article goes on below it). Without a label, a tail of headlines alone goes
the same way: its first line a headline the model leans to boilerplate, at least
``UNLABELLED_LINES`` lines with subject words and ``UNLABELLED_HEADLINES`` headlines, and no
running text among them (an article's paragraphs after a teaser in its middle need not use its
key words).

Subject words are a text's words of four letters or more that are no stop word of any language
lire has a list for, compared by their first five letters (plurals, inflections). Chosen on the
news texts' tune sites (``bench/news_eval.py``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Collection, Sequence

from lire.clean.features import TOPIC_PREFIX, TOPIC_WORD
from lire.model import Block, BlockKind
from lire.text.lexicon import STOP_WORDS, stop_words

__all__ = ["off_topic_tail", "subject_words"]

LABEL_MARGIN = 0.2  # a label's score: this much under the model's ``outside`` at most
LABEL_WORDS = 8  # a label is this long at most
BODY_PARAGRAPHS = 3
BODY_WORDS = 120
COHERENCE = 0.5  # the share of the article's paragraphs that must share its subject
COHERENCE_PARAGRAPHS = 30  # the paragraphs before a label that share it, at most (linear time)
KEY_HITS = 2  # a line shares a subject with this many of its words in two paragraphs or more
TAIL_LINES = 2  # a list judged by its subject has at least this many lines that have one
SUBJECT_MIN = 3  # a line with fewer subject words is not judged by them ("PREMIUM", a date)
HEADLINE_WORDS = 4  # a headline-like line: no running text, this many words, no final point
TAIL_BLOCKS = 40
UNLABELLED_LINES = 3  # without a label, a list judged by its subject has this many such lines
UNLABELLED_HEADLINES = 2  # and this many headlines, the first one opening it
_ENDS = (".", "!", "?", "…")
_OPEN = (*_ENDS, ":")  # a line that ends so is no headline: it leads into the next one


@functools.cache
def _stop_words() -> frozenset[str]:
    """The stop words of every language with a list: a function word in any of them says
    nothing of a line's subject."""
    return frozenset().union(*(stop_words(lang) for lang in STOP_WORDS))


def subject_words(text: str) -> frozenset[str]:
    """The first letters of the words of ``text`` that can say what it speaks of."""
    stop = _stop_words()
    return frozenset(
        word[:TOPIC_PREFIX] for word in TOPIC_WORD.findall(text.casefold()) if word not in stop
    )


def off_topic_tail(
    blocks: Sequence[Block],
    prose: Sequence[bool],
    scores: Sequence[float],
    words: Sequence[int],
    *,
    headline: int,
    outside: float,
    ads: Collection[int] = (),
) -> int | None:
    """The index of the label that opens a list of other articles at the end of ``blocks``
    (``prose``: which blocks read as running text; ``words``: how many words each holds;
    ``scores``: the model's, ``outside`` the score
    at which it removes a run of blocks; ``headline``: the article's headline, before which no
    label is looked for), or None."""
    start = max(headline + 1, len(blocks) - TAIL_BLOCKS - 1)
    subjects = [
        subject_words(block.text) if prose[i] or i >= start else frozenset()
        for i, block in enumerate(blocks)
    ]
    body = [i for i in range(start) if prose[i]]
    used: Counter[str] = Counter()
    for i in body:
        used.update(subjects[i])
    total = sum(words[i] for i in body)
    for i in range(start, len(blocks)):
        leaning = scores[i] + LABEL_MARGIN >= outside
        if blocks[i].kind is BlockKind.LIST_ITEM or i in ads:
            pass  # an item of a list, an advertisement's label open no list of other stories
        elif (
            _is_label(blocks[i].text, prose[i], leaning)
            and _is_article(body, total, subjects, used)
            and _is_other_articles(blocks, prose, subjects, used, i + 1)
        ) or (
            leaning
            and _is_headline(blocks[i].text, prose[i])
            and _is_article(body, total, subjects, used)
            and _is_other_articles(blocks, prose, subjects, used, i, lines=UNLABELLED_LINES)
        ):
            return i
        if prose[i]:
            body.append(i)
            used.update(subjects[i])
            total += words[i]
    return None


def _is_label(text: str, prose: bool, leaning: bool) -> bool:
    text = text.strip()
    return (
        not prose
        and leaning
        and 0 < len(text.split()) <= LABEL_WORDS
        and not text.endswith(_ENDS)
        and ":" not in text.rstrip(":")
    )


def _is_article(
    body: Sequence[int], words: int, subjects: Sequence[frozenset[str]], used: Counter[str]
) -> bool:
    """Enough running text before a label, on one subject: its paragraphs (the last
    ``COHERENCE_PARAGRAPHS`` of them, next to the label) use its key words."""
    if len(body) < BODY_PARAGRAPHS or words < BODY_WORDS:
        return False
    judged = [i for i in body[-COHERENCE_PARAGRAPHS:] if len(subjects[i]) >= SUBJECT_MIN]
    linked = sum(1 for i in judged if sum(1 for w in subjects[i] if used[w] > 1) >= KEY_HITS)
    return bool(judged) and linked / len(judged) >= COHERENCE


def _is_other_articles(
    blocks: Sequence[Block],
    prose: Sequence[bool],
    subjects: Sequence[frozenset[str]],
    used: Counter[str],
    start: int,
    *,
    lines: int = 0,
) -> bool:
    """Whether the blocks from ``start`` on are other stories: a headline among them, and none
    that uses the article's key words (``used``: how many of its paragraphs use each word)."""
    judged = headlines = 0
    for j in range(start, len(blocks)):
        own = subjects[j]
        if len(own) >= SUBJECT_MIN:
            judged += 1
            if sum(1 for word in own if used[word] > 1) >= KEY_HITS:
                return False
        if _is_headline(blocks[j].text, prose[j]):
            headlines += 1
    if lines:  # no label: a list of headlines alone, no running text among them
        return judged >= lines and headlines >= UNLABELLED_HEADLINES and not any(prose[start:])
    return judged >= TAIL_LINES and headlines > 0


def _is_headline(text: str, prose: bool) -> bool:
    text = text.strip()
    return not prose and len(text.split()) >= HEADLINE_WORDS and not text.endswith(_OPEN)
