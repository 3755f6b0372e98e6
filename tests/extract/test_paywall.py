"""paywall and notices: a teaser is said plainly, a free article is not called one."""

from __future__ import annotations

import json

from lire.extract.metadata import read_metadata
from lire.extract.notices import (
    DESCRIPTION_NOTICE,
    WHOLE_PAGE_NOTICE,
    fallback_notice,
    teaser_only,
)
from lire.extract.paywall import paid_part_served
from lire.extract.tree import parse_html
from lire.model import Article, Block, BlockKind, Removal


def served(ld: dict[str, object], body: str) -> bool | None:
    script = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    root = parse_html(f"<html><head>{script}</head><body>{body}</body></html>", location="t")
    return paid_part_served(root, read_metadata(root))


PAID = {
    "@type": "NewsArticle",
    "isAccessibleForFree": False,
    "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paid"},
}
LONG = "Words of the paid part. " * 20


def test_a_marked_paid_part_that_was_not_served_makes_a_teaser() -> None:
    assert served(PAID, "<p>free part</p><div class='paid'></div>") is False
    assert served(PAID, "<p>free part</p>") is False


def test_a_marked_paid_part_served_with_its_text_is_the_whole_article() -> None:
    assert served(PAID, f"<p>free</p><div class='x paid'>{LONG}</div>") is True
    by_id = PAID | {"hasPart": {"isAccessibleForFree": "False", "cssSelector": "#rest"}}
    assert served(by_id, f"<div id='rest'>{LONG}</div>") is True


def test_a_free_page_or_one_without_a_readable_selector_says_nothing() -> None:
    assert served({"@type": "NewsArticle", "isAccessibleForFree": True}, "<p>x</p>") is None
    assert served({"@type": "NewsArticle", "isAccessibleForFree": False}, "<p>x</p>") is None
    odd = PAID | {"hasPart": {"isAccessibleForFree": False, "cssSelector": "div > p.paid"}}
    assert served(odd, "<p>x</p>") is None


def article(blocks: int, *removed: Removal) -> Article:
    kept = tuple(Block(BlockKind.PARAGRAPH, f"paragraph {n}") for n in range(blocks))
    return Article(blocks=kept, removed=removed)


def test_a_paywall_notice_removed_after_the_last_kept_block_makes_a_teaser() -> None:
    tail = Removal("paywall/en-continue", "Subscribe to continue reading", index=2)
    assert teaser_only(article(2, tail), paid_part_served=None)
    middle = Removal("paywall/en-continue", "Subscribe to continue reading", index=1)
    assert not teaser_only(article(2, middle), paid_part_served=None)


def test_a_paywall_container_dropped_for_its_prose_makes_a_teaser_not_for_its_class() -> None:
    prose = Removal("paywall/en-reserved", "This article is reserved for subscribers.")
    assert teaser_only(article(3, prose), paid_part_served=None)
    markup = Removal("paywall/dom-class-paywall", "Subscribe")
    assert not teaser_only(article(3, markup), paid_part_served=None)


def test_the_schema_org_markup_settles_it() -> None:
    prose = Removal("paywall/en-reserved", "This article is reserved for subscribers.")
    assert not teaser_only(article(3, prose), paid_part_served=True)
    assert teaser_only(article(3), paid_part_served=False)
    assert not teaser_only(article(3), paid_part_served=None)


def test_last_resorts_are_said() -> None:
    assert fallback_notice(None) is None
    assert fallback_notice("page") == WHOLE_PAGE_NOTICE
    assert fallback_notice("unpruned") == WHOLE_PAGE_NOTICE
    assert fallback_notice("description") == DESCRIPTION_NOTICE
