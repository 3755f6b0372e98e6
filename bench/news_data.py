"""Bring the hand-labelled news texts into the development set, and say what it holds.

The labelling team writes real news texts (each a stored public page's text as a reader would
paste it, from the ``search`` tool's ``pages`` corpus), labelled line by line (the guideline:
``data/boilerplate/LABELLING.md``), to
``/work/labels/news-*.jsonl`` (or the folder given). This script checks every record, keeps one
text per site (none of a site the set's other files hold), and writes them to
``data/boilerplate/`` under the same file names, each text with its source address. Re-run it as
the labels grow: the files are rewritten whole.

A record: ``source``, ``url``, ``site``, ``lang``, ``page_type``, ``hard_negative`` and
``lines``, each line ``{"label", "kind", "text"}`` (``"mixed": true`` on an article line that
carries some boilerplate glued to it). Labels: ``article``; ``meta`` (a byline, a date, a
caption: neutral, counted for neither side); ``boilerplate`` with a ``kind`` (``KINDS``).

Each site belongs to a split (``site_split``): the ``tune`` sites are the ones rules and
thresholds are written and tuned from; the ``test`` sites are only ever scored, in aggregate.

    python bench/news_data.py [LABELS_DIR]     # writes data/boilerplate/news-*.jsonl, prints sizes
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from folds import DATA, site_split

LABELS = Path("/work/labels")
LABELS_FILES = "news-*.jsonl"
LABELS_OF_LINES = frozenset({"article", "meta", "boilerplate"})
# The kinds of boilerplate the labels name (the maintainers count these).
KINDS = frozenset(
    {
        *("paywall", "subscription", "login", "newsletter", "donation", "comment", "related"),
        *("ad", "app", "adblock", "consent", "rating", "sponsored", "legal", "source"),
        *("share", "follow", "nav", "author_box", "other"),
    }
)
LANGS = ("en", "fr", "de", "es", "it", "pt", "nl")


class BadRecord(ValueError):
    """A record that does not follow the schema."""


def checked(record: dict[str, Any], where: str) -> dict[str, Any]:
    """The record, with its fields in a fixed order, or ``BadRecord`` saying what is wrong."""
    for key in ("url", "site", "lang", "lines"):
        if not record.get(key):
            raise BadRecord(f"{where}: no {key!r}")
    if record["lang"] not in LANGS:
        raise BadRecord(f"{where}: language {record['lang']!r}")
    lines = []
    for number, line in enumerate(record["lines"], start=1):
        label, kind, text = line.get("label"), line.get("kind") or "", line.get("text")
        if label not in LABELS_OF_LINES or not isinstance(text, str) or not text.strip():
            raise BadRecord(f"{where}: line {number}: label {label!r} or text {text!r}")
        if label == "boilerplate" and kind not in KINDS:
            raise BadRecord(f"{where}: line {number}: kind {kind!r}")
        entry = {"label": label, "kind": kind if label == "boilerplate" else "", "text": text}
        if line.get("mixed"):
            entry["mixed"] = True
        lines.append(entry)
    return {
        "source": f"news/{record['lang']}-{record['site']}",
        "url": record["url"],
        "site": record["site"].removeprefix("www."),
        "lang": record["lang"],
        "page_type": record.get("page_type") or "article",
        "hard_negative": bool(record.get("hard_negative")),
        "lines": lines,
    }


def read_labels(
    paths: Iterable[Path], taken: Iterable[str] = ()
) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every well-formed record, once per site (the first one written wins), none of a site in
    ``taken`` (the sites of the set's other files) or a subdomain of one of them."""
    seen: set[str] = set(taken)
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path.name}:{number}"
            try:
                record = checked(json.loads(line), where)
            except (BadRecord, json.JSONDecodeError) as error:
                print(f"skipped {where}: {error}", file=sys.stderr)
                continue
            site = record["site"].lower()
            if any(site == other or site.endswith("." + other) for other in seen):
                print(f"skipped {where}: site {site} is in the set already", file=sys.stderr)
                continue
            seen.add(site)
            yield path, record


def _sites_of_other_files(names: set[str]) -> set[str]:
    """The sites of the set's files other than ``names`` (which this run rewrites whole)."""
    sites: set[str] = set()
    for path in sorted(DATA.glob("news*.jsonl")):
        if path.name not in names:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    sites.add(json.loads(line)["site"].lower())
    return sites


def describe(records: Iterable[dict[str, Any]]) -> None:
    """Texts and lines per language, and boilerplate lines per kind, per split."""
    texts: Counter[tuple[str, str]] = Counter()
    lines: Counter[tuple[str, str]] = Counter()
    kinds: Counter[tuple[str, str]] = Counter()
    sites: dict[str, set[str]] = {}
    for record in records:
        split = site_split(record["site"])
        for key in (record["lang"], "all"):
            texts[(key, split)] += 1
            texts[(key, "hard negatives")] += record["hard_negative"]
            sites.setdefault(key, set()).add(record["site"])
            for line in record["lines"]:
                lines[(key, line["label"])] += 1
        kinds.update((line["kind"], split) for line in record["lines"] if line["kind"])
    print(f"{'lang':5} {'texts':>5} {'sites':>5} {'tune':>5} {'test':>5} {'hard neg':>8}"
          f" {'article':>8} {'meta':>6} {'boilerplate':>11}")  # fmt: skip
    for key in (*LANGS, "all"):
        print(
            f"{key:5} {texts[(key, 'tune')] + texts[(key, 'test')]:5} {len(sites.get(key, ())):5}"
            f" {texts[(key, 'tune')]:5} {texts[(key, 'test')]:5}"
            f" {texts[(key, 'hard negatives')]:8} {lines[(key, 'article')]:8}"
            f" {lines[(key, 'meta')]:6} {lines[(key, 'boilerplate')]:11}"
        )
    print("boilerplate lines by kind (tune + test):")
    for kind in sorted({kind for kind, _ in kinds}, key=lambda k: -kinds[(k, "tune")]):
        tune, test = kinds[(kind, "tune")], kinds[(kind, "test")]
        print(f"  {kind:13} {tune + test:4} = {tune:4} + {test:4}")


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else LABELS
    paths = sorted(folder.glob(LABELS_FILES))
    if not paths:
        print(f"no {LABELS_FILES} in {folder}", file=sys.stderr)
        return 1
    written: dict[str, list[dict[str, Any]]] = {path.name: [] for path in paths}
    for path, record in read_labels(paths, _sites_of_other_files({path.name for path in paths})):
        written[path.name].append(record)
    DATA.mkdir(parents=True, exist_ok=True)
    for name, records in written.items():
        with (DATA / name).open("w", encoding="utf-8") as out:
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        print(f"{DATA.name}/{name}: {len(records)} texts")
    describe(record for records in written.values() for record in records)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
