"""What the cleaner removed, from the reader: restore a removal (kept for the site), undo a
restore, mark a block as the site's boilerplate (the user's own rule for the site), undo a mark;
and what the status line says of it all, site learning's new removals first.

Plain functions over the reader screen's values, as ``commands``; the site memory is the
screen's ``services.learn`` (None: choices last for this reading only). What only the dialogs
need is imported when one opens, after the first frame.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from lire.model import Reading, site_key
from lire.sanitize import sanitize_line
from lire.ui.trail import Visit

if TYPE_CHECKING:
    from lire.ui.screen import ReaderScreen

__all__ = [
    "LEARNED",
    "announce_learned",
    "ask_mark",
    "mark",
    "removed_summary",
    "show_removed",
    "toggle",
]

LEARNED = "learned/"  # the rules of site learning
_CHOICES = 30  # blocks offered for marking: those in view, up to this many


def show_removed(reader: ReaderScreen) -> None:
    """List what the cleaner removed; the one chosen is restored, or put away again."""
    from lire.clean.restore import in_place
    from lire.ui.lists import RemovedScreen

    if (visit := reader.visit) is not None and visit.candidate == 0:
        article = visit.reading.article
        screen = RemovedScreen(article.removed, set(visit.restored), in_place=in_place(article))
        reader.app.push_screen(screen, lambda number: toggle(reader, number))


def toggle(reader: ReaderScreen, number: int | None) -> None:
    """Put removal ``number`` back (kept for the site; a block the user marked is no longer
    removed there), or take a restored one out again (the choice undone for the site too)."""
    visit = reader.visit
    if visit is None or number is None:
        return
    from lire.clean.restore import USER_MARKED

    visit.top_block = reader.view.top_block
    removal = visit.reading.article.removed[number]
    undo = number in visit.restored
    visit.restored = visit.restored - {number} if undo else visit.restored | {number}
    learn, site = reader.services.learn, _site(visit)
    if learn is not None and site:
        if removal.rule == USER_MARKED:
            (learn.mark if undo else learn.unmark)(site, removal.text)
        else:
            (learn.forget if undo else learn.keep)(site, removal.text)
    reader.present(visit)
    what = "Removed again" if undo else "Restored"
    reader.status(f"{what}: {sanitize_line(removal.rule)}", expire=True)


def ask_mark(reader: ReaderScreen) -> None:
    """Offer the blocks in view; the one chosen is marked as the site's boilerplate."""
    from lire.ui.lists import BlockChoiceScreen

    visit, view = reader.visit, reader.view
    if visit is None or visit.candidate != 0:
        reader.status("Only the reading lire chose can be marked (c goes back to it)", expire=True)
        return
    first = view.top_block
    last = view.block_at(round(view.scroll_y) + view.scrollable_content_region.height - 1)
    blocks = view.article.blocks
    choices = list(range(first, min(last + 1, first + _CHOICES, len(blocks))))
    screen = BlockChoiceScreen([(i, blocks[i]) for i in choices], site=_site(visit))
    reader.app.push_screen(screen, lambda block: mark(reader, block))


def mark(reader: ReaderScreen, block: int | None) -> None:
    """Mark block ``block`` of the article shown as the site's boilerplate: it goes (listed in
    the removed view under ``user/site-boilerplate``, where enter undoes it), and on this site
    from now on. A block shown because it was restored is first removed again."""
    from lire.clean.restore import restore

    visit = reader.visit
    if visit is None or block is None:
        return
    visit.top_block = reader.view.top_block
    article = visit.reading.article
    shown = restore(article, visit.restored)
    held = set(shown.holds[block])
    learn, site = reader.services.learn, _site(visit)
    visit.restored = visit.restored - held
    if learn is not None and site:
        for number in held:
            learn.forget(site, article.removed[number].text)
    texts = [article.removed[number].text for number in sorted(held)]
    if block in shown.positions:  # a block of the clean article
        kept = shown.positions.index(block)
        texts = [article.blocks[kept].text]
        visit.reading = _without(visit.reading, kept)
    if learn is not None and site:
        for text in texts:
            learn.mark(site, text)
    reader.present(visit)
    where = f"on {site} from now on" if learn is not None and site else "in this reading"
    reader.status(f"Marked as boilerplate {where}: x lists it, enter there undoes", expire=True)


def announce_learned(reader: ReaderScreen, visit: Visit) -> None:
    """Count what site learning removed that it had not removed on this site before (the
    reader is told once), and say so."""
    learned = [r.text for r in visit.reading.article.removed if r.rule.startswith(LEARNED)]
    learn, site = reader.services.learn, _site(visit)
    if learned and learn is not None and site:
        visit.new_learned = learn.announce(site, learned)
    if visit.new_learned:
        blocks = "block" if visit.new_learned == 1 else "blocks"
        reader.notify(
            f"Site learning removed {visit.new_learned} {blocks} it had not removed before:"
            " x shows them, enter restores",
            title="New on this site",
            markup=False,
            timeout=8,
        )


def removed_summary(visit: Visit) -> str:
    """How much the cleaner removed, how much of it site learning did (and how much of that
    is new), for the status line."""
    removed = visit.reading.article.removed
    if not removed:
        return "nothing removed"
    learned = sum(1 for removal in removed if removal.rule.startswith(LEARNED))
    text = f"{len(removed)} removed (x)"
    if learned:
        text += f", {learned} learned on this site"
        if visit.new_learned:
            text += f" ({visit.new_learned} new)"
    return text


def _site(visit: Visit) -> str | None:
    article = visit.reading.article
    return site_key(article.url, site=article.site)


def _without(reading: Reading, block: int) -> Reading:
    """``reading`` with its block ``block`` marked by the user; the summary's points follow
    the blocks they came from."""
    from lire.clean.restore import USER_MARKED, remove_block

    points = tuple(
        replace(point, block=point.block - 1) if point.block > block else point
        for point in reading.summary.points
    )
    return replace(
        reading,
        article=remove_block(reading.article, block, USER_MARKED),
        summary=replace(reading.summary, points=points),
    )
