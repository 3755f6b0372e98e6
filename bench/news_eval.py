"""The hand-labelled news texts, pasted and cleaned, scored line by line on held-out sites.

Each text of ``data/boilerplate/news*.jsonl`` is pasted as a reader would paste it (its lines
joined by line breaks), read as ``lire.read_text`` reads it (``extract_text``, then ``clean``),
with the model of the fold its site was left out of (``build/boilerplate/folds/``, written by
``bench/train_boilerplate.py``): no figure comes from a site the model was trained on. Each line
is found in the blocks lire read (or the title), in order; then

- a boilerplate line is removed when none of it is left in the clean text of its block;
- an article line is kept when all of it is (a ``mixed`` line, article with boilerplate glued to
  it, when its block was not removed whole); the title is kept; ``meta`` lines count for neither;
- a text is exactly clean when every boilerplate line went and every article line stayed; a hard
  negative (an article about paywalls, cookies, donations...) is kept whole when every article
  line stayed.

Figures per split (``tune``: the sites rules and thresholds were tuned on; ``test``: sites only
ever scored), per language and per kind of boilerplate. ``--misses`` lists what went wrong on the
tune sites only (the test sites' texts are not read, so as not to tune on them). ``--cold`` scores
the next round instead (``data/boilerplate/cold/``: labelled texts from new sites, in no fold's
training data, scored before and after a session's changes and then moved into the data).

    python bench/news_eval.py [--rules-alone] [--misses] [--lang fr] [--cold]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from folds import DATA, FOLD_DIR, FOLDS, rules_only, site_fold, site_split
from lire.clean import clean
from lire.clean.learned import BoilerplateModel, default_model, load_model
from lire.clean.title import with_title_block
from lire.extract import extract_text
from lire.model import Article
from lire.sanitize import sanitize

LANGS = ("en", "fr", "de", "es", "it", "pt", "nl")
DATA_GLOB = "news*.jsonl"  # the data the model is trained on, by fold
COLD_GLOB = "cold/news-*.jsonl"  # the next round: labelled, scored, never trained or tuned on
_BULLET_CHARS = "-*•‣◦ \t"
_ORDINAL = re.compile(r"^\d{1,4}[.)]\s+(?=\S)")  # a list item's number, as text_blocks reads it
_MARKED_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")  # "## Title": a heading, as text_blocks reads it


@dataclass
class Tally:
    """The line counts of a group of texts."""

    boilerplate: int = 0
    removed: int = 0
    article: int = 0
    kept: int = 0
    texts: int = 0
    exact: int = 0
    negatives: int = 0
    negatives_whole: int = 0
    kinds: Counter[str] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        for name in ("boilerplate", "removed", "article", "kept", "texts", "exact"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.negatives += other.negatives
        self.negatives_whole += other.negatives_whole
        self.kinds.update(other.kinds)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One labelled line and what lire did with it."""

    label: str
    kind: str
    text: str
    gone: bool  # none of it is left (boilerplate), or not all of it is (article)
    rule: str | None  # the removal that took it, if any


def normalised(text: str) -> str:
    return " ".join(text.split())


def pasted(record: dict[str, Any]) -> str:
    return "\n".join(line["text"] for line in record["lines"])


def read(record: dict[str, Any], model: BoilerplateModel) -> tuple[Article, Article]:
    """The article lire reads from the pasted text, before and after cleaning (before: with its
    title as its first block when the cleaner removed the title)."""
    article = extract_text(sanitize(pasted(record)))
    cleaned = clean(article, model=model).article
    return (with_title_block(article) if cleaned.title is None else article), cleaned


def outcomes(record: dict[str, Any], model: BoilerplateModel) -> list[Outcome]:
    """Each line of ``record`` and whether lire removed it."""
    before, after = read(record, model)
    texts = [normalised(block.text) for block in before.blocks]
    kept_text = _kept_texts(before, after)
    rules = _rules_by_block(after)
    title = normalised(before.title or "")
    found: list[Outcome] = []
    at = 0
    titled = False
    for line in record["lines"]:
        bare = sanitize(line["text"]).strip()
        # a list item's bullet is not part of its block's text; a line of bullets alone ("-"
        # between two teasers) is a block of its own
        unmarked = _ORDINAL.sub("", _MARKED_HEADING.sub("", bare).strip(_BULLET_CHARS))
        text = normalised(unmarked) or normalised(bare)
        where = None if text == title and not titled else _find(texts, text, at)
        titled = titled or text == title
        if where is None:
            left = text in title if text else True
            rule = None
        else:
            at = where
            left_text = kept_text[where]
            left = text in left_text if not line.get("mixed") else bool(left_text)
            if line["label"] == "boilerplate":
                left = bool(text) and _shares_words(text, left_text)
            rule = rules.get(where)
        found.append(Outcome(line["label"], line["kind"], line["text"], not left, rule))
    return found


def _find(texts: Sequence[str], text: str, start: int) -> int | None:
    """The block that holds ``text``: the first from ``start`` equal to it, else the first from
    ``start`` containing it (a hard-wrapped paragraph joins lines), else the first before."""
    if not text:
        return None
    after = range(start, len(texts))
    found = next((i for i in after if texts[i] == text), None)
    if found is None:
        found = next((i for i in after if text in texts[i]), None)
    if found is None:
        found = next((i for i in range(start) if text in texts[i]), None)
    return found


def _shares_words(text: str, kept: str) -> bool:
    """Whether some of ``text`` is left in ``kept`` (a cut block keeps its head)."""
    return bool(kept) and (text in kept or text[: max(12, len(text) // 3)] in kept)


def _kept_texts(before: Article, after: Article) -> list[str]:
    """The text left of each block of ``before`` ("" when removed whole)."""
    whole = {r.index for r in after.removed if r.index is not None and not r.cut}
    kept = iter(after.blocks)
    return ["" if i in whole else normalised(next(kept).text) for i in range(len(before.blocks))]


def _rules_by_block(after: Article) -> dict[int, str]:
    rules: dict[int, str] = {}
    for removal in after.removed:
        if removal.index is not None:
            name = removal.rule + (f" {removal.score:.2f}" if removal.score is not None else "")
            rules.setdefault(removal.index, name)
    return rules


def tally(record: dict[str, Any], lines: Sequence[Outcome]) -> Tally:
    result = Tally(texts=1)
    wrong = 0
    for line in lines:
        if line.label == "boilerplate":
            result.boilerplate += 1
            result.removed += line.gone
            result.kinds[line.kind] += 1
            result.kinds[line.kind + " removed"] += line.gone
            wrong += not line.gone
        elif line.label == "article":
            result.article += 1
            result.kept += not line.gone
            wrong += line.gone
    result.exact = int(wrong == 0)
    if record["hard_negative"]:
        result.negatives = 1
        result.negatives_whole = int(
            all(not line.gone for line in lines if line.label == "article")
        )
    return result


def records(path_glob: str = DATA_GLOB) -> Iterator[dict[str, Any]]:
    for path in sorted(DATA.glob(path_glob)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def fold_models(*, rules_alone: bool = False) -> dict[int, BoilerplateModel] | None:
    paths = [FOLD_DIR / f"fold{fold}.model" for fold in range(FOLDS)]
    if not all(path.is_file() for path in paths):
        return None
    models = {fold: load_model(path.read_bytes()) for fold, path in enumerate(paths)}
    if rules_alone:
        models = {fold: rules_only(m) for fold, m in models.items()}
    return models


def evaluate(
    models: dict[int, BoilerplateModel], langs: Sequence[str] = LANGS, path_glob: str = DATA_GLOB
) -> Iterator[tuple[dict[str, Any], list[Outcome]]]:
    for record in records(path_glob):
        if record["lang"] in langs:
            yield record, outcomes(record, models[site_fold(record["site"])])


def share(part: int, whole: int) -> str:
    return f"{part / whole:6.3f}" if whole else "     -"


def report(
    models: dict[int, BoilerplateModel],
    *,
    label: str,
    misses: bool,
    langs: Sequence[str] = LANGS,
    cold: bool = False,
) -> dict[str, Tally]:
    """Print the figures per split, language and kind (``cold``: of the next round's texts,
    one group); return the tallies by group."""
    groups: dict[str, Tally] = {}
    missed: list[str] = []
    splits = ("cold",) if cold else ("tune", "test")
    for record, lines in evaluate(models, langs, COLD_GLOB if cold else DATA_GLOB):
        split = "cold" if cold else site_split(record["site"])
        result = tally(record, lines)
        for key in (split, f"{split} {record['lang']}"):
            groups.setdefault(key, Tally()).add(result)
        if misses and split == "tune" and not result.exact:
            missed.append(_misses(record, lines))
    print(f"\nnews texts pasted, held-out sites ({label}): lines removed/kept, texts exactly"
          " clean, hard negatives kept whole")  # fmt: skip
    print(f"{'group':9} {'boilerplate removed':>22} {'article kept':>20} {'exact':>11}"
          f" {'hard negatives':>14}")  # fmt: skip
    for split in splits:
        for key in (split, *(f"{split} {lang}" for lang in langs)):
            if key in groups:
                g = groups[key]
                print(
                    f"{key:9} {share(g.removed, g.boilerplate)} ({g.removed:4}/{g.boilerplate:4})"
                    f"    {share(g.kept, g.article)} ({g.kept:4}/{g.article:4})"
                    f" {g.exact:4}/{g.texts:4} {g.negatives_whole:6}/{g.negatives:3}"
                )
    for split in splits:
        kinds = groups.get(split, Tally()).kinds
        names = sorted((k for k in kinds if not k.endswith(" removed")), key=lambda k: -kinds[k])
        print(f"{split} by kind: " + ", ".join(
            f"{k} {share(kinds[k + ' removed'], kinds[k]).strip()} ({kinds[k]})" for k in names
        ))  # fmt: skip
    if missed:
        print("\nmisses on tune sites (- article line lost, + boilerplate line left):")
        print("\n".join(missed))
    return groups


def _misses(record: dict[str, Any], lines: Sequence[Outcome]) -> str:
    shown = [f"  {record['lang']} {record['site']} {record['url']}"]
    for line in lines:
        if line.label == "article" and line.gone:
            shown.append(f"    - {line.rule}: {normalised(line.text)[:110]}")
        elif line.label == "boilerplate" and not line.gone:
            shown.append(f"    + [{line.kind}] {normalised(line.text)[:110]}")
    return "\n".join(shown)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules-alone", action="store_true", help="no learned removals")
    parser.add_argument("--misses", action="store_true", help="list the tune sites' misses")
    parser.add_argument("--shipped", action="store_true", help="the shipped model (not held out)")
    parser.add_argument("--lang", action="append", help="only this language (repeatable)")
    parser.add_argument("--cold", action="store_true", help="the next round's texts (cold/)")
    options = parser.parse_args(argv)
    if options.shipped:
        models: dict[int, BoilerplateModel] | None = dict.fromkeys(range(FOLDS), default_model())
    else:
        models = fold_models(rules_alone=options.rules_alone)
    if models is None:
        print("no fold models: run bench/train_boilerplate.py first", file=sys.stderr)
        return 1
    label = "rules alone" if options.rules_alone else "rules + model"
    misses = options.misses and not options.cold  # the cold texts are never read
    report(models, label=label, misses=misses, langs=options.lang or LANGS, cold=options.cold)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
