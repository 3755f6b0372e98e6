"""Where the boilerplate development set lives, and how its sites are held out.

Sites, never single lines or texts, are held out: each site belongs to one of ``FOLDS`` folds
(``site_fold``), and the model of a fold is trained on the other folds' sites only
(bench/train_boilerplate.py writes it to ``FOLD_DIR``). The news sites are split besides into
``tune`` sites, the ones the rules and the thresholds were written and tuned from, and ``test``
sites, only ever scored in aggregate (``site_split``). No numpy here: the tests and the reports
read this without the training extras.
"""

from __future__ import annotations

import zlib
from dataclasses import replace
from pathlib import Path

from lire.clean.weights import BoilerplateModel

__all__ = [
    *("BUILD", "DATA", "FOLDS", "FOLD_DIR", "ROOT", "SHIPPED"),
    *("rules_only", "site_fold", "site_split"),
]

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "boilerplate"  # rebuilt from ../shared by bench/boilerplate_data.py
DATA = ROOT / "data" / "boilerplate"  # the labelled news texts, in the repository
FOLD_DIR = BUILD / "folds"
SHIPPED = ROOT / "src" / "lire" / "clean" / "packs" / "boilerplate.model"
FOLDS = 5


def site_fold(site: str) -> int:
    """The fold a site belongs to (stable: a CRC of its host)."""
    return zlib.crc32(site.encode()) % FOLDS


def site_split(site: str) -> str:
    """``tune`` or ``test``: the news sites rules and thresholds are tuned on, and the others,
    only ever scored (a third of the sites, by a CRC of the host independent of the folds)."""
    return "test" if zlib.crc32(b"split:" + site.encode()) % 3 == 0 else "tune"


def rules_only(model: BoilerplateModel) -> BoilerplateModel:
    """``model`` made to score every block near 0: the cleaner then removes what its rules do and
    nothing more ("rules alone"; thresholds out of reach are not enough, since a block above the
    headline or on a whole pasted page goes at a fixed score)."""
    never = [-10.0] * len(model.weights)
    return replace(
        model,
        weights=never,
        scale=1.0,
        context_weights=None,
        threshold=2.0,
        outside=2.0,
        alone=2.0,
    )
