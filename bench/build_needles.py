"""Write ``src/lire/clean/packs/needles.json``: the needles of every shipped pack's pattern.

    python bench/build_needles.py

Run it after changing a pattern in ``src/lire/clean/packs/``; tests/clean/test_needles.py
fails while the file is out of date. lire reads the needles from it at start-up instead of
parsing every pattern (``lire.clean.patterns``); a pattern it does not know is parsed.
"""

from __future__ import annotations

from folds import ROOT
from lire.clean.patterns import NEEDLES_FILE, needles_table
from lire.clean.rules import load_rules


def main() -> None:
    patterns = sorted({rule.source for rule in load_rules().rules})
    target = ROOT / "src" / "lire" / "clean" / "packs" / NEEDLES_FILE
    target.write_text(needles_table(patterns), encoding="utf-8")
    print(f"{len(patterns)} patterns' needles written to {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
