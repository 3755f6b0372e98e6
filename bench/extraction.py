"""Article-extraction benchmark: lire against readability-lxml alone and trafilatura.

    python bench/extraction.py [--limit N]
                               [--only lire|lire-core|extract|readability|trafilatura]
                               [--dump-worst N]

Reads ../shared/benchmarks/article-extraction-benchmark (html/<id>.html.gz, ground-truth.json),
runs every tool over the same pages in one process, and prints per tool precision, recall, F1
(bench/scoring.py), a bootstrap 95% interval of F1 and the median ms per page, then the ratio
of lire's median time to trafilatura's. "lire" is ``lire.read_html`` (extract + clean +
summary); "lire-core" is ``lire.pipeline.read_article`` (extract + clean, every candidate
reading: what DESIGN.md's speed budget compares with trafilatura's ``extract``); "extract" is
readability's reading alone (``lire.extract.extract_html``) after the cleaner's DOM pass.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import cast

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import PageScore, bootstrap_f1, score_page, score_pages

DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "article-extraction-benchmark"
)
Extractor = Callable[[str, str], str]


def lire_reading(html: str, url: str) -> str:
    import lire

    return lire.read_html(html, url=url).article.text


def lire_core(html: str, url: str) -> str:
    from lire.errors import LireError
    from lire.model import Page
    from lire.pipeline import read_article

    try:
        page = Page(text=html, media_type="text/html", location=url, url=url)
        return read_article(page).article.text
    except LireError:
        return ""


def lire_extract(html: str, url: str) -> str:
    from lire.clean import dom_pass
    from lire.errors import ExtractionError
    from lire.extract import extract_html

    try:
        return extract_html(html, url=url, dom_pass=dom_pass()).text
    except ExtractionError:
        return ""


def readability_alone(html: str, url: str) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html, url=url).summary(html_partial=True)
    if not summary.strip():
        return ""
    return str(cast(lxml.html.HtmlElement, lxml.html.fromstring(summary)).text_content())


def trafilatura_alone(html: str, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


TOOLS: dict[str, Extractor] = {
    "lire": lire_reading,
    "lire-core": lire_core,
    "extract": lire_extract,
    "readability": readability_alone,
    "trafilatura": trafilatura_alone,
}


def load_pages(limit: int | None) -> list[tuple[str, str, str, str]]:
    """(id, html, url, expected text) for each page, in id order."""
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        html = gzip.decompress((DATA / "html" / f"{page_id}.html.gz").read_bytes())
        entry = truth[page_id]
        pages.append((page_id, html.decode("utf-8"), entry["url"], entry["articleBody"]))
    return pages


def run(
    tools: dict[str, Extractor], pages: list[tuple[str, str, str, str]]
) -> dict[str, tuple[list[PageScore], list[float]]]:
    """Scores and ms per page for each tool; the tools take turns on each page, so a change in
    the machine's load touches them all alike. Each tool first reads one page untimed (imports,
    caches)."""
    results: dict[str, tuple[list[PageScore], list[float]]] = {name: ([], []) for name in tools}
    for tool in tools.values():
        tool(pages[0][1], pages[0][2])
    for _page_id, html, url, expected in pages:
        for name, tool in tools.items():
            start = time.perf_counter()
            predicted = tool(html, url)
            elapsed = (time.perf_counter() - start) * 1000
            results[name][0].append(score_page(predicted, expected))
            results[name][1].append(elapsed)
    return results


def dump_worst(scores: list[PageScore], pages: list[tuple[str, str, str, str]], count: int) -> None:
    for label, key in (("precision", "precision"), ("recall", "recall")):
        print(f"\nworst {count} pages by lire extract {label}:")
        ranked = sorted(zip(scores, pages, strict=True), key=lambda pair: getattr(pair[0], key))
        for score, (page_id, _html, url, _expected) in ranked[:count]:
            print(f"  {getattr(score, key):.3f} p={score.precision:.3f} r={score.recall:.3f}"
                  f" {page_id[:12]} {url}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--only", choices=sorted(TOOLS), action="append", help="run these tools")
    parser.add_argument("--dump-worst", type=int, default=0, metavar="N",
                        help="print the N pages where lire extract loses most")  # fmt: skip
    options = parser.parse_args()
    if not DATA.is_dir():
        print(f"benchmark data not found at {DATA}", file=sys.stderr)
        return 0
    pages = load_pages(options.limit)
    names = options.only or list(TOOLS)
    if options.dump_worst and "extract" not in names:
        names.append("extract")
    print(f"{len(pages)} pages from {DATA}")
    print(f"{'tool':<12} {'F1':>6} {'prec':>6} {'recall':>6}  {'F1 95% CI':<15} {'median ms':>9}")
    medians: dict[str, float] = {}
    results = run({name: TOOLS[name] for name in names}, pages)
    for name, (scores, times) in results.items():
        result, (low, high) = score_pages(scores), bootstrap_f1(scores)
        medians[name] = statistics.median(times)
        print(f"{name:<12} {result.f1:6.3f} {result.precision:6.3f} {result.recall:6.3f}"
              f"  [{low:.3f}, {high:.3f}]  {medians[name]:9.1f}")  # fmt: skip
        if name == "extract" and options.dump_worst:
            worst = (scores, pages)
    for name in ("lire", "lire-core", "extract"):
        if name in medians and "trafilatura" in medians:
            ratio = medians[name] / medians["trafilatura"]
            print(f"median ms {name}/trafilatura: {ratio:.2f}")
    if options.dump_worst:
        dump_worst(*worst, options.dump_worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
