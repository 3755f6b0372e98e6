"""The title and the headline of pasted text, which the block pass judges like its other lines.

lire takes plain text's title from its first line (``lire.extract.text_blocks``): on a page
copied as text that line may be "ADVERTISEMENT", "Share" or a section name. The block pass
judges the title as the text's first block (``with_title_block``), and gives it back its place
when it stays (``title_back``). The headline (``headline_of``) is never removed, whatever a rule
says of it: an article about subscriptions may be headed "Subscribe to read: ...".
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from lire.clean.classify import Verdict, judge
from lire.clean.features import is_prose
from lire.clean.prefilter import Prefilter
from lire.clean.teasers import teaser_header
from lire.model import Article, Block, BlockKind
from lire.text.sentences import sentence_spans

__all__ = [
    "BREADCRUMB_RULE",
    "TITLE_MAX_WORDS",
    "breadcrumb_marks",
    "breadcrumb_trails",
    "headline_candidates",
    "headline_of",
    "title_back",
    "with_title_block",
]

TITLE_MAX_WORDS = 6  # plain text's title is removed by a rule only when it is this short
HEADLINE_WITHIN = 4  # without such a title, the headline is looked for in this many blocks
HEADLINE_WORDS = (TITLE_MAX_WORDS + 1, 25)  # and is this long
_HEADLINE_ENDS = tuple(".:;,!?…")
BREADCRUMB_RULE = "nav/breadcrumb-line"
BREADCRUMB_WITHIN = 6  # a trail that ends in the headline is looked for in this many blocks
BREADCRUMB_NEXT = 2  # and the headline within this many blocks of it
BREADCRUMB_SHARED = 15  # letters and digits the trail and the headline share at least
_HOME = re.compile(r"^(?:home ?page|home|startseite|startpagina|inicio|início|accueil)", re.I)


def with_title_block(article: Article) -> Article:
    """Plain text's title as its first block (a heading), the article without a title; an
    article with no title, or read from HTML, as it is."""
    if article.media_type != "text/plain" or not article.title:
        return article
    heading = Block(BlockKind.HEADING, article.title, level=1)
    return replace(article, title=None, blocks=(heading, *article.blocks))


def title_back(cleaned: Article, article: Article) -> Article:
    """The clean article of ``with_title_block(article)`` whose first block, the title, stayed:
    the title back in its place, the removals' positions those of ``article``'s blocks."""
    removed = tuple(
        replace(r, index=r.index - 1) if r.index is not None and r.index > 0 else r
        for r in cleaned.removed[len(article.removed) :]
    )
    return replace(
        cleaned,
        title=article.title,
        blocks=cleaned.blocks[1:],
        removed=(*article.removed, *removed),
    )


def headline_candidates(
    blocks: Sequence[Block], title: str | None, crumbs: Collection[int] = ()
) -> list[int]:
    """The blocks of pasted text that may be its headline (the one chosen is never removed).

    The first block when it is the title lire took from the text's first line and is headline-
    long (more than ``TITLE_MAX_WORDS``: shorter ones may be "ADVERTISEMENT" or "Share"); then
    (the title first, when it is one) among the first ``HEADLINE_WITHIN`` blocks, those of
    ``HEADLINE_WORDS`` words that do not end like a sentence, before any paragraph (a longer
    block, or running text): "Subscribe to read: what that little button really means" heads an
    article about subscriptions. A breadcrumb trail that ends in the headline (``crumbs``, found
    by ``breadcrumb_trails``) is none.
    """
    titled = title is not None and len(title.split()) > TITLE_MAX_WORDS and 0 not in crumbs
    found: list[int] = [0] if titled else []
    for i, block in enumerate(blocks[:HEADLINE_WITHIN]):
        if i in crumbs or (titled and i == 0):
            continue
        words = len(block.text.split())
        if words > HEADLINE_WORDS[1] or is_prose(block.text, words):
            break  # a paragraph came first
        if words >= HEADLINE_WORDS[0] and not block.text.rstrip().endswith(_HEADLINE_ENDS):
            found.append(i)
    return found


def headline_of(
    blocks: Sequence[Block], title: str | None, crumbs: Collection[int], screen: Prefilter
) -> int | None:
    """The headline of pasted text among its ``headline_candidates``: the first, unless it reads
    as another article's title under a related header ("Derniers articles") or as a line of the
    site's bar ("Editer l'article Suivre ce blog Administration"), which no headline follows.
    When a rule speaks of the first ("Economize: canal oficial no WhatsApp Entrar") and of a
    later one not, the later one is the headline; "Subscribe to read: what that little button
    really means" alone stays the headline whatever a rule says of it, but not a line a rule
    speaks of that reads as a pitch (``_reads_as_pitch``)."""
    candidates = headline_candidates(blocks, title, crumbs)
    if not candidates:
        return None
    first = candidates[0]
    if first > 0:
        above = judge(blocks[first - 1], screen, edge=False)
        if teaser_header(above.strong, above.words):
            return None
    said = judge(blocks[first], screen, edge=first == 0)  # the first line is at the edge
    strong = said.strong or ""  # a site's bar, or a pitch: no headline
    if strong.startswith("nav/") or (strong and _reads_as_pitch(blocks[first].text)):
        return None
    if not _signalled(said):
        return first
    later = (i for i in candidates[1:] if not _signalled(judge(blocks[i], screen, edge=False)))
    return next(later, first)


def _signalled(verdict: Verdict) -> bool:
    return bool(verdict.strong or verdict.weak or verdict.cut is not None)


def _reads_as_pitch(text: str) -> bool:
    """Whether a line reads as a pitch rather than a headline: two sentences or more ("L'esprit
    critique ne prend pas de vacances ! Abonnez-vous à Books !"), or one that ends as a sentence
    does ("¡Suscríbase a nuestra newsletter y manténgase al día con las últimas noticias!")."""
    return text.rstrip()[-1:] in ("!", ".") or len(sentence_spans(text)) > 1


def breadcrumb_marks(blocks: Sequence[Block]) -> dict[int, str]:
    """The blocks of ``breadcrumb_trails``, each with the rule it is removed under."""
    return dict.fromkeys(breadcrumb_trails(blocks), BREADCRUMB_RULE)


def breadcrumb_trails(blocks: Sequence[Block]) -> set[int]:
    """The blocks near the top of pasted text that are a breadcrumb trail ending in the
    headline, its links run together: "HomeLifestyleVan tuin tot bord: Herfstsoep" over "Van tuin
    tot bord: Herfstsoep", "InicioQuintana RooCancúnMano dura a corrupción: Detiene a..." (cut
    short) over its headline. They open with the home page's name and end with the headline, or
    with its beginning when they are cut short (".." or "..."): one of the two blocks either side
    (the title lire took from the text comes first)."""
    found: set[int] = set()
    for i, block in enumerate(blocks[:BREADCRUMB_WITHIN]):
        home = _HOME.match(block.text.lstrip())
        if home is None:
            continue
        trail = _letters(block.text.lstrip()[home.end() :])
        cut = block.text.rstrip().endswith(("..", "…"))
        near = [*blocks[max(0, i - BREADCRUMB_NEXT) : i], *blocks[i + 1 : i + 1 + BREADCRUMB_NEXT]]
        for other in near:
            headline = _letters(other.text)
            if len(headline) < BREADCRUMB_SHARED:
                continue
            whole = len(trail) > len(headline) and trail.endswith(headline)
            if whole or (cut and _ends_with_start(trail, headline)):
                found.add(i)
                break
    return found


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _ends_with_start(trail: str, headline: str) -> bool:
    """Whether ``trail`` ends with the first ``BREADCRUMB_SHARED`` letters of ``headline`` or
    more, something before them."""
    for size in range(min(len(headline), len(trail) - 1), BREADCRUMB_SHARED - 1, -1):
        if trail.endswith(headline[:size]):
            return True
    return False
