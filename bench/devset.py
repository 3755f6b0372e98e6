"""The development set's pages, scored on held-out sites (used by bench/plaintext.py).

The pages are those bench/boilerplate_data.py renders from the benchmarks (WCXB, the article
benchmark); the labelled news texts are scored line by line by bench/news_eval.py.

Each text is cleaned by ``lire.clean.clean`` with the model of the fold its site was left out of
(``build/boilerplate/folds/``, written by bench/train_boilerplate.py), so no figure here comes
from a site the model was trained on. A text is its blocks as lire reads them from the pasted
page (``lire.extract.text_blocks``); the labels are those of bench/boilerplate_data.py and of
``data/boilerplate/``. Figures, per group (language, kind of boilerplate, page type, source):

- boilerplate blocks removed, article blocks kept (``mixed`` blocks count for neither);
- texts exactly clean: every boilerplate block removed and every article block kept;
- for pages with a reviewed main content (WCXB, the article benchmark): the benchmark's word F1
  of the clean text against it (per page, ``\\w+`` tokens lower-cased, multiset overlap;
  averaged over pages), and the share of the page's ``without`` snippets still there.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from folds import BUILD, FOLD_DIR, FOLDS, rules_only, site_fold
from lire.clean import clean
from lire.clean.learned import BoilerplateModel, load_model
from lire.model import Article, Block, BlockKind, host_of
from train_boilerplate import read_records

SHARED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
_WORD = re.compile(r"\w+")


@dataclass
class Group:
    """Tallies of one group of texts."""

    boilerplate: int = 0
    removed: int = 0
    article: int = 0
    kept: int = 0
    texts: int = 0
    exact: int = 0
    f1: list[tuple[float, float, float]] = field(default_factory=list)
    snippets: int = 0
    leaked: int = 0

    def add(self, other: Group) -> None:
        for name in ("boilerplate", "removed", "article", "kept", "texts", "exact"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.snippets += other.snippets
        self.leaked += other.leaked
        self.f1 += other.f1


def word_prf(predicted: str, expected: str) -> tuple[float, float, float]:
    got = Counter(_WORD.findall(predicted.lower()))
    want = Counter(_WORD.findall(expected.lower()))
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def fold_models() -> dict[int, BoilerplateModel] | None:
    paths = [FOLD_DIR / f"fold{fold}.model" for fold in range(FOLDS)]
    if not all(path.is_file() for path in paths):
        return None
    return {fold: load_model(path.read_bytes()) for fold, path in enumerate(paths)}


def truth_of(source: str) -> tuple[str, list[str]] | None:
    """The reviewed main content and the ``without`` snippets of a benchmark page."""
    origin, _, key = source.partition("/")
    if origin == "wcxb":
        path = SHARED / "wcxb-dev" / "ground-truth" / f"{key}.json"
        truth = json.loads(path.read_text(encoding="utf-8"))["ground_truth"]
        return truth.get("main_content") or "", list(truth.get("without") or ())
    if origin == "aeb":
        entries = _aeb_truth()
        return entries[key]["articleBody"], []
    return None


_AEB: dict[str, Any] = {}


def _aeb_truth() -> dict[str, Any]:
    if not _AEB:
        path = SHARED / "article-extraction-benchmark" / "ground-truth.json"
        _AEB.update(json.loads(path.read_text(encoding="utf-8")))
    return _AEB


def score_text(record: dict[str, Any], model: BoilerplateModel) -> tuple[Group, Counter[str]]:
    """One text's tallies, and per kind of boilerplate its blocks and how many went."""
    blocks = tuple(Block(BlockKind(b["block"]), b["text"]) for b in record["blocks"])
    lang = record["lang"] if record["lang"] != "und" else None
    article = Article(blocks=blocks, title=record["title"], lang=lang, media_type="text/plain")
    cleaned = clean(article, model=model).article
    gone = {removal.index for removal in cleaned.removed if not removal.cut}
    group = Group(texts=1)
    kinds: Counter[str] = Counter()
    wrong = 0
    for i, block in enumerate(record["blocks"]):
        if block["label"] == "boilerplate":
            group.boilerplate += 1
            group.removed += i in gone
            wrong += i not in gone
            kinds[block["kind"]] += 1
            kinds[block["kind"] + " removed"] += i in gone
        elif block["label"] == "article":
            group.article += 1
            group.kept += i not in gone
            wrong += i in gone
    group.exact = int(wrong == 0)
    truth = truth_of(record["source"])
    if truth is not None and (
        record["source"].startswith("aeb") or record["page_type"] == "article"
    ):
        main, without = truth
        group.f1.append(word_prf(cleaned.text, main))
        lowered = cleaned.text.lower()
        group.snippets += len(without)
        group.leaked += sum(snippet.lower() in lowered for snippet in without)
    return group, kinds


def held_out(*, rules_alone: bool = False) -> Iterator[tuple[dict[str, Any], Group, Counter[str]]]:
    """Every text of the development set scored with the model that never saw its site."""
    models = fold_models()
    if models is None:
        return
    if rules_alone:
        models = {fold: rules_only(m) for fold, m in models.items()}
    for record in read_records(sorted(BUILD.glob("*.jsonl"))):
        if record["blocks"]:
            group, kinds = score_text(record, models[site_fold(record["site"])])
            yield record, group, kinds


def share(part: int, whole: int) -> str:
    return f"{part / whole:6.3f}" if whole else "     -"


def report(*, rules_alone: bool = False) -> None:
    label = "rules alone" if rules_alone else "rules + model"
    groups: dict[str, Group] = {}
    kinds: Counter[str] = Counter()
    for record, group, found in held_out(rules_alone=rules_alone):
        origin = record["source"].partition("/")[0]
        for key in (
            "all",
            f"lang {record['lang']}",
            f"source {origin}",
            f"type {record['page_type']}",
            *(["hard negatives"] if record.get("hard_negative") else []),
        ):
            groups.setdefault(key, Group()).add(group)
        kinds.update(found)
    if not groups:
        print("\nno development set or fold models: run bench/boilerplate_data.py, then"
              " bench/train_boilerplate.py")  # fmt: skip
        return
    print(f"\ndevelopment set, held-out sites ({label}): blocks removed/kept, texts exactly"
          " clean, word F1 of pasted article pages against their main content, without-snippets"
          " left")  # fmt: skip
    print(f"{'group':22} {'boilerplate removed':>26} {'article kept':>22} {'exact':>13}"
          f" {'F1':>6} {'P':>6} {'R':>6} {'pages':>5} {'leak':>6}")  # fmt: skip
    for key, g in sorted(groups.items()):
        p, r, f = (sum(x[k] for x in g.f1) / len(g.f1) if g.f1 else float("nan") for k in range(3))
        print(
            f"{key:22} {share(g.removed, g.boilerplate)} ({g.removed:6}/{g.boilerplate:6})"
            f" {share(g.kept, g.article)} ({g.kept:6}/{g.article:6})"
            f" {g.exact:5}/{g.texts:5} {f:6.3f} {p:6.3f} {r:6.3f} {len(g.f1):5}"
            f" {share(g.leaked, g.snippets)}"
        )
    print("by kind of boilerplate (blocks removed):")
    for kind in sorted(k for k in kinds if not k.endswith(" removed")):
        print(f"  {kind or '?':14} {share(kinds[kind + ' removed'], kinds[kind])} of {kinds[kind]}")


def html_report(limit: int | None = None) -> None:
    """The WCXB pages read as HTML (DOM pass, extraction, block pass), with the rules alone and
    with the held-out model: word F1 against the main content, and the boilerplate leakage (the
    share of ``without`` snippets still in the text)."""
    from lire.clean import dom_pass
    from lire.errors import ExtractionError
    from lire.extract import extract_html

    models = fold_models()
    root = SHARED / "wcxb-dev"
    if models is None or not root.is_dir():
        print("\nWCXB pages or fold models absent: HTML figures skipped")
        return
    tallies = {name: Group() for name in ("rules alone", "rules + model")}
    for path in sorted((root / "ground-truth").glob("*.json"))[:limit]:
        data = json.loads(path.read_text(encoding="utf-8"))
        truth = data["ground_truth"]
        main, without = truth.get("main_content") or "", list(truth.get("without") or ())
        html = gzip.decompress((root / "html" / f"{path.stem}.html.gz").read_bytes())
        url = data.get("url") or None
        try:
            article = extract_html(html.decode("utf-8", "replace"), url=url, dom_pass=dom_pass())
        except ExtractionError:
            article = Article(blocks=())
        model = models[site_fold(host_of(url) or f"wcxb/{path.stem}")]
        for name, chosen in (
            ("rules alone", rules_only(model)),
            ("rules + model", model),
        ):
            text = clean(article, model=chosen).article.text
            group = tallies[name]
            group.f1.append(word_prf(text, main))
            group.snippets += len(without)
            group.leaked += sum(snippet.lower() in text.lower() for snippet in without)
    print("\nWCXB pages read as HTML (held-out model): word F1, precision, recall, leakage")
    for name, g in tallies.items():
        p, r, f = (sum(x[k] for x in g.f1) / len(g.f1) for k in range(3))
        print(f"  {name:14} F1 {f:.3f}  P {p:.3f}  R {r:.3f}  leakage {share(g.leaked, g.snippets)}"
              f" ({g.leaked}/{g.snippets}) over {len(g.f1)} pages")  # fmt: skip


if __name__ == "__main__":
    report()
    html_report()
