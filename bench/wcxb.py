"""WCXB development split: lire beside trafilatura and readability-lxml, per page type.

    python bench/wcxb.py [--part tuning|held-out|all] [--type TYPE] [--limit N]
                         [--only lire|lire-core|trafilatura|readability] [--every N]
                         [--dump-worst N] [--scores FILE]

Reads ../shared/benchmarks/wcxb-dev (html/NNNN.html.gz, ground-truth/NNNN.json) in place and
skips cleanly when it is absent. Every tool reads every page in one process, taking turns page by
page (bench/extraction.py's ``run`` order), so a change in the machine's load touches them alike.

Scored as the benchmark's README says (bench/scoring.py ``score_words``): per page, the ``\\w+``
tokens of the lower-cased prediction and of ``main_content`` as multisets; P, R and F1 per page,
averaged over pages, overall and per page type. Also: the share of ``with`` snippets found, the
share of ``without`` snippets found (boilerplate leakage), refusals (pages where the tool gave
no text at all although the reference has 50 words or more) and the median ms per page, with
the ratio of lire's median to trafilatura's: "lire" is ``lire.read_html`` (extract, clean and
summary), "lire-core" is ``lire.pipeline.read_article`` (extract and clean: what DESIGN.md's
speed budget compares with trafilatura's ``extract``).

The split is by site: a page belongs to the held-out part when the hash of its host (without
``www.``) falls in the held-out share (``held_out``), so no site is in both parts. lire was tuned
on the tuning part only; the held-out part is reported to show what carries over.

lire's learned boilerplate model judges the wide readings of a page (its main column, its whole
text). The shipped model was trained on the text of every page here; so each page is judged by
the fold model that never saw its site (``build/boilerplate/folds/``, written by
bench/train_boilerplate.py) when those are built, else (or with ``--shipped-model``) by the
shipped one, whose figures on these pages are then in part training figures. The first line
says which.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction import readability_alone, trafilatura_alone
from folds import FOLD_DIR, FOLDS, site_fold
from lire.clean import blocks
from lire.clean.learned import BoilerplateModel, load_model
from lire.model import host_of
from scoring import WordScore, mean_word_scores, score_words

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "wcxb-dev"
HELD_OUT_SHARE = 0.3  # of the sites (by a hash of the host), fixed before any tuning
REFUSAL_WORDS = 50
TYPES = ("article", "documentation", "service", "product", "forum", "collection", "listing")
Part = Literal["tuning", "held-out", "all"]
Extractor = Callable[[str, str | None], str]
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class WcxbPage:
    """One page of the split and its reference."""

    page_id: str
    url: str | None
    kind: str
    main_content: str
    with_snippets: tuple[str, ...]
    without_snippets: tuple[str, ...]

    def html(self) -> str:
        raw = gzip.decompress((DATA / "html" / f"{self.page_id}.html.gz").read_bytes())
        return raw.decode("utf-8", "replace")


@dataclass(frozen=True, slots=True)
class PageResult:
    page: WcxbPage
    score: WordScore
    found_with: int
    found_without: int
    refused: bool
    ms: float


def lire_reading(html: str, url: str | None) -> str:
    import lire
    from lire.errors import LireError

    try:
        return lire.read_html(html, url=url).article.text
    except LireError:
        return ""


def lire_core(html: str, url: str | None) -> str:
    """Extract and clean only (no summary): what DESIGN.md's speed budget measures."""
    from lire.errors import LireError
    from lire.model import Page
    from lire.pipeline import read_article

    try:
        page = Page(text=html, media_type="text/html", location=url or "the page", url=url)
        return read_article(page).article.text
    except LireError:
        return ""


def trafilatura_reading(html: str, url: str | None) -> str:
    return trafilatura_alone(html, url or "")


def readability_reading(html: str, url: str | None) -> str:
    return readability_alone(html, url or "")


TOOLS: dict[str, Extractor] = {
    "lire": lire_reading,
    "lire-core": lire_core,
    "trafilatura": trafilatura_reading,
    "readability": readability_reading,
}


def held_out(url: str | None) -> bool:
    """True when the page's site falls in the held-out part of the split."""
    host = (urlsplit(url).hostname or "") if url else ""
    digest = hashlib.blake2b(host.removeprefix("www.").encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64 < HELD_OUT_SHARE


def load_pages(part: Part, kind: str | None = None) -> list[WcxbPage]:
    """The pages of ``part`` (of ``kind`` when given), in id order."""
    pages = []
    for path in sorted((DATA / "ground-truth").glob("*.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        truth = entry["ground_truth"]
        page = WcxbPage(
            page_id=path.name.removesuffix(".json"),
            url=entry.get("url"),
            kind=entry["_internal"]["page_type"]["primary"],
            main_content=truth.get("main_content") or "",
            with_snippets=tuple(truth.get("with") or ()),
            without_snippets=tuple(truth.get("without") or ()),
        )
        in_part = part == "all" or held_out(page.url) == (part == "held-out")
        if in_part and (kind is None or page.kind == kind):
            pages.append(page)
    return pages


def _flat(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def judge(page: WcxbPage, predicted: str, ms: float) -> PageResult:
    flat = _flat(predicted)
    return PageResult(
        page=page,
        score=score_words(predicted, page.main_content),
        found_with=sum(_flat(s) in flat for s in page.with_snippets),
        found_without=sum(_flat(s) in flat for s in page.without_snippets),
        refused=not predicted.strip() and len(page.main_content.split()) >= REFUSAL_WORDS,
        ms=ms,
    )


def fold_models() -> dict[int, BoilerplateModel] | None:
    """The learned model of each fold, when bench/train_boilerplate.py has written them."""
    paths = [FOLD_DIR / f"fold{fold}.model" for fold in range(FOLDS)]
    if not all(path.is_file() for path in paths):
        return None
    return {fold: load_model(path.read_bytes()) for fold, path in enumerate(paths)}


def judge_with(models: dict[int, BoilerplateModel] | None, page: WcxbPage) -> None:
    """Have lire's cleaner judge ``page`` with the model that never saw its site."""
    if models is not None:
        model = models[site_fold(host_of(page.url) or f"wcxb/{page.page_id}")]
        blocks.default_model = lambda: model  # type: ignore[assignment,attr-defined]


def run(
    tools: dict[str, Extractor],
    pages: Sequence[WcxbPage],
    models: dict[int, BoilerplateModel] | None = None,
) -> dict[str, list[PageResult]]:
    """Each tool's result on each page; each tool first reads one page untimed (imports)."""
    results: dict[str, list[PageResult]] = {name: [] for name in tools}
    if not pages:
        return results
    warm = pages[0].html()
    for tool in tools.values():
        tool(warm, pages[0].url)
    for page in pages:
        judge_with(models, page)
        html = page.html()
        for name, tool in tools.items():
            start = time.perf_counter()
            predicted = tool(html, page.url)
            results[name].append(judge(page, predicted, (time.perf_counter() - start) * 1000))
    return results


def _rate(found: int, total: int) -> str:
    return f"{found / total:6.3f}" if total else "     -"


def report(title: str, results: dict[str, list[PageResult]]) -> None:
    print(f"\n{title}")
    print(f"{'type':<14}{'pages':>6}  {'tool':<12}{'F1':>6}{'P':>7}{'R':>7}"
          f"{'with':>7}{'without':>8}{'refused':>8}{'med ms':>8}")  # fmt: skip
    for kind in ("all", *TYPES):
        for name, rows in results.items():
            chosen = [r for r in rows if kind == "all" or r.page.kind == kind]
            if not chosen:
                continue
            scores = mean_word_scores([r.score for r in chosen])
            with_total = sum(len(r.page.with_snippets) for r in chosen)
            without_total = sum(len(r.page.without_snippets) for r in chosen)
            print(f"{kind:<14}{len(chosen):>6}  {name:<12}{scores.f1:6.3f}{scores.precision:7.3f}"
                  f"{scores.recall:7.3f}{_rate(sum(r.found_with for r in chosen), with_total):>7}"
                  f"{_rate(sum(r.found_without for r in chosen), without_total):>8}"
                  f"{sum(r.refused for r in chosen):>8}"
                  f"{statistics.median(r.ms for r in chosen):8.1f}")  # fmt: skip
    for name in ("lire", "lire-core"):
        if name in results and "trafilatura" in results:
            lire_ms = statistics.median(r.ms for r in results[name])
            peer_ms = statistics.median(r.ms for r in results["trafilatura"])
            print(f"median ms {name}/trafilatura: {lire_ms / peer_ms:.2f}")


def dump_worst(rows: Iterable[PageResult], count: int) -> None:
    print(f"\nworst {count} pages for lire by F1:")
    for row in sorted(rows, key=lambda r: r.score.f1)[:count]:
        s = row.score
        print(f"  {s.f1:.3f} p={s.precision:.3f} r={s.recall:.3f} {row.page.page_id}"
              f" {row.page.kind:<13} {row.page.url}")  # fmt: skip


def save_scores(path: Path, results: dict[str, list[PageResult]]) -> None:
    with path.open("w", encoding="utf-8") as file:
        for name, rows in results.items():
            for row in rows:
                s = row.score
                entry = {"tool": name, "id": row.page.page_id, "kind": row.page.kind, "f1": s.f1,
                         "p": s.precision, "r": s.recall, "without": row.found_without}  # fmt: skip
                file.write(json.dumps({**entry, "ms": row.ms}) + "\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--part", choices=("tuning", "held-out", "all"), default="all")
    parser.add_argument("--type", choices=TYPES, default=None, help="only pages of this type")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--every", type=int, default=1, help="only every Nth page (a sample)")
    parser.add_argument("--only", choices=sorted(TOOLS), action="append", help="run these tools")
    parser.add_argument("--dump-worst", type=int, default=0, metavar="N")
    parser.add_argument("--scores", type=Path, default=None, help="write per-page scores (JSONL)")
    parser.add_argument("--shipped-model", action="store_true", help="not the fold models")
    options = parser.parse_args()
    if not (DATA / "ground-truth").is_dir():
        print(f"WCXB data not found at {DATA}", file=sys.stderr)
        return 0
    pages = load_pages(options.part, options.type)[:: options.every][: options.limit]
    names = options.only or list(TOOLS)
    models = None if options.shipped_model else fold_models()
    print(f"{len(pages)} pages ({options.part}) from {DATA}; learned model: "
          + ("each page's fold model (it never saw the page's site)" if models else
             "the shipped one (trained on these pages: in part training figures)"))  # fmt: skip
    results = run({name: TOOLS[name] for name in names}, pages, models)
    if options.part == "all":
        for part in ("tuning", "held-out"):
            wanted = part == "held-out"
            report(part, {n: [r for r in rs if held_out(r.page.url) == wanted]
                          for n, rs in results.items()})  # fmt: skip
    report(f"{options.part} ({len(pages)} pages)", results)
    if options.dump_worst and "lire" in results:
        dump_worst(results["lire"], options.dump_worst)
    if options.scores:
        save_scores(options.scores, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
