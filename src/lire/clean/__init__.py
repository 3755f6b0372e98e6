"""The clean stage: what is not the article goes, and every removal is named.

Two layers. The DOM pass (``dom``, with its prose layer ``prose``) drops elements whose role is
plain before readability runs; the pipeline hands it to extraction as a ``DomPass``. The block
pass (``blocks``) classifies each block (``classify``, with the rule ``prefilter``), removes
clusters at the head and tail (``clusters``) and the teasers of other articles (``teasers``),
and takes a ``SiteMemory`` snapshot in and an ``Observation`` out: it never opens a store; on
plain text the learned model (``learned``, over the features of ``features``) removes what the
rules leave, and the title is judged like a line (``title``). Rules are named data (``rules``,
and the TOML packs under ``packs/``); ``restore`` is the inverse of cleaning.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from lire.exports import lazy_exports

if TYPE_CHECKING:
    from lire.clean.blocks import Cleaning, clean
    from lire.clean.dom import prune
    from lire.clean.restore import Restored, restore_removals
    from lire.clean.rules import Rule, RuleSet, default_rules, load_rules
    from lire.model import Removal

__all__ = [
    "Cleaning",
    "Restored",
    "Rule",
    "RuleSet",
    "clean",
    "default_rules",
    "dom_pass",
    "load_rules",
    "prune",
    "restore_removals",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "Cleaning": "lire.clean.blocks",
        "clean": "lire.clean.blocks",
        "prune": "lire.clean.dom",
        "Restored": "lire.clean.restore",
        "restore_removals": "lire.clean.restore",
        "Rule": "lire.clean.rules",
        "RuleSet": "lire.clean.rules",
        "default_rules": "lire.clean.rules",
        "load_rules": "lire.clean.rules",
    },
)


def dom_pass(rules: RuleSet | None = None) -> functools.partial[tuple[Removal, ...]]:
    """The DOM pass for extraction (a ``lire.extract.DomPass``): ``rules`` judge prose (default:
    the shipped packs). What the user restored on the site is put back by the block pass
    (``clean``), where each removal stood: readability would drop it again."""
    from lire.clean.dom import prune

    return functools.partial(prune, block_rules=rules)
