"""How well the block cleaner does on plain text alone: fixtures, real news texts, whole pages.

Every page of fixtures/cases.toml is read as plain text through ``lire.read_text`` (the text
files as they are; the HTML pages as the text a reader would copy from them, so without the DOM
pass). A case's ``must_contain`` strings are article, its ``must_not_contain`` strings are
boilerplate. Prints, per language, the share of boilerplate strings removed, the share of
article strings kept, and whether every hard negative kept all of its article; then the pages
that missed. Goal: >= 95 % removed, >= 99 % kept, every hard negative kept. Then the fixture
texts wrapped at 60, 72 and 80 columns with no blank lines: how many read as unwrapped.

Then, when ../shared is beside the repository, the same for the article texts of the summary
benchmarks (BBC and OrangeSum news, already clean): every removal there is a candidate false
positive, so it prints how many articles lost anything, the share of words removed (goal: at
most 0.3 %), and the rules that fired. Then the labelled news texts of ``data/boilerplate/``
pasted line by line on held-out sites (``bench/news_eval.py``: boilerplate lines removed,
article lines kept, texts exactly clean, hard negatives kept whole, per tune/test split, per
language and per kind of boilerplate), with the rules and the model, then with the rules alone.
Then the pages of the development set on held-out sites (``bench/devset.py``: WCXB and the
article benchmark rendered to text, by language, kind of boilerplate, page type and source, and
the word F1 of whole article pages pasted as text against their main content), and the WCXB
pages read as HTML with the rules alone and with the model (word F1, recall, leakage of the
``without`` snippets). Last, the CPU time of ``clean`` alone on the article-extraction benchmark
pages once extracted (the budget: extract + clean no slower than trafilatura's extract).

    python bench/news_data.py           # the labelled texts -> data/boilerplate/news-*.jsonl
    python bench/boilerplate_data.py    # WCXB and article-benchmark pages -> build/boilerplate/
    python bench/train_boilerplate.py   # the fold models (build/boilerplate/folds/) and the
                                        # shipped model (src/lire/clean/packs/boilerplate.model)
    python bench/plaintext.py [--verbose]
    python bench/news_eval.py [--misses] [--rules-alone] [--lang xx]   # the news texts alone
"""

from __future__ import annotations

import gzip
import json
import statistics
import sys
import textwrap
import time
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devset
import lire
import news_eval
from lire.clean import clean, dom_pass
from lire.extract import extract_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WRAP_WIDTHS = (60, 72, 80)
SHARED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks"
SUMMARIES = SHARED / "summaries"
PAGES = SHARED / "article-extraction-benchmark"
BLOCK_TAGS = {
    *("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td"),
    *("section", "article", "aside", "header", "footer", "nav", "figure", "figcaption"),
    *("blockquote", "form", "button", "dialog", "label", "pre", "table", "main"),
}


@dataclass
class Tally:
    boilerplate: int = 0
    removed: int = 0
    article: int = 0
    kept: int = 0
    hard_negatives: int = 0
    hard_negatives_kept: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    return " ".join(text.split())


def pasted_text(path: Path) -> str:
    """The page as a reader would copy it: one line per block element, no scripts or styles."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix != ".html":
        return raw
    root = cast(lxml.html.HtmlElement, lxml.html.document_fromstring(raw))
    for element in root.iter("script", "style", "template", "noscript"):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
            if element.tag != "br":
                element.text = "\n" + (element.text or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def measure(case: dict[str, object], tally: Tally, verbose: bool) -> None:
    path = FIXTURES / str(case["page"])
    text = pasted_text(path)
    started = time.perf_counter()
    article = lire.read_text(text).article
    tally.seconds += time.perf_counter() - started
    clean = normalise(article.text)
    keep = [normalise(s) for s in case.get("must_contain", ())]  # type: ignore[attr-defined]
    drop = [normalise(s) for s in case.get("must_not_contain", ())]  # type: ignore[attr-defined]
    lost = [s for s in keep if s not in clean]
    left = [s for s in drop if s in clean]
    tally.article += len(keep)
    tally.kept += len(keep) - len(lost)
    tally.boilerplate += len(drop)
    tally.removed += len(drop) - len(left)
    if case.get("hard_negative"):
        tally.hard_negatives += 1
        tally.hard_negatives_kept += not lost
    for s in lost:
        tally.misses.append(f"  {case['name']}: article lost: {s[:90]}")
    for s in left:
        tally.misses.append(f"  {case['name']}: boilerplate kept: {s[:90]}")
    if verbose:
        for removal in article.removed:
            print(f"    {case['name']}: {removal.rule}: {normalise(removal.text)[:80]}")


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:6.1f} %" if whole else "     -  "


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    with (FIXTURES / "cases.toml").open("rb") as file:
        cases = tomllib.load(file)["case"]
    tallies: dict[str, Tally] = defaultdict(Tally)
    for case in cases:
        measure(case, tallies[case["lang"]], verbose)
    tallies["all"] = Tally(
        **{
            key: sum(getattr(t, key) for t in list(tallies.values()))
            for key in ("boilerplate", "removed", "article", "kept", "hard_negatives")
        },
        hard_negatives_kept=sum(t.hard_negatives_kept for t in tallies.values()),
        seconds=sum(t.seconds for t in tallies.values()),
    )
    print(f"plain-text cleaning of {len(cases)} fixture pages (lire.read_text)")
    print("lang  boilerplate removed   article kept   hard negatives kept   read_text ms/page")
    for lang, t in sorted(tallies.items(), key=lambda item: (item[0] == "all", item[0])):
        pages = sum(1 for case in cases if lang in ("all", case["lang"]))
        negatives = f"{t.hard_negatives_kept}/{t.hard_negatives}"
        print(
            f"{lang:4}  {share(t.removed, t.boilerplate)} ({t.removed:3}/{t.boilerplate:3})"
            f"   {share(t.kept, t.article)} ({t.kept:3}/{t.article:3})"
            f"   {negatives:>8} {'yes' if t.hard_negatives_kept == t.hard_negatives else 'NO ':>4}"
            f"   {1000 * t.seconds / max(1, pages):8.1f}"
        )
    misses = [miss for lang, t in tallies.items() if lang != "all" for miss in t.misses]
    if misses:
        print("misses:")
        print("\n".join(misses))
    rewrapped(verbose)
    clean_corpora(verbose)
    news_texts(verbose)
    devset.report()
    devset.report(rules_alone=True)
    devset.html_report()
    time_clean()
    return 0


def rewrapped(verbose: bool) -> None:
    """The fixture texts wrapped at an editor's width with no blank lines (a mail, a text file):
    how many read exactly as the text unwrapped does (lire.read_text's article text)."""
    texts = sorted((FIXTURES / "text").glob("*.txt"))
    same = total = 0
    for path in texts:
        text = path.read_text(encoding="utf-8")
        want = lire.read_text(text).article.text
        for width in WRAP_WIDTHS:
            lines = [
                line
                for paragraph in text.splitlines()
                if paragraph.strip()
                for line in textwrap.wrap(paragraph, width) or [paragraph]
            ]
            total += 1
            if lire.read_text("\n".join(lines)).article.text == want:
                same += 1
            elif verbose:
                print(f"  rewrapped at {width} reads otherwise: {path.name}")
    print(
        f"\nfixture texts wrapped at {', '.join(map(str, WRAP_WIDTHS))} columns, no blank lines:"
        f" {same} of {total} read exactly as unwrapped"
    )


def time_clean() -> None:
    """CPU time of ``clean`` alone on extracted benchmark pages (best of three passes)."""
    truth = PAGES / "ground-truth.json"
    if not truth.is_file():
        print(f"\n{PAGES} is absent: clean timing skipped")
        return
    articles = []
    for key, entry in json.loads(truth.read_text(encoding="utf-8")).items():
        html = gzip.decompress((PAGES / "html" / f"{key}.html.gz").read_bytes())
        articles.append(
            extract_html(html.decode("utf-8", "replace"), url=entry["url"], dom_pass=dom_pass())
        )
    best: list[float] = []
    for _ in range(3):
        times = []
        for article in articles:
            started = time.process_time()
            clean(article)
            times.append(time.process_time() - started)
        if not best or sum(times) < sum(best):
            best = times
    print(
        f"\nclean() alone on {len(articles)} extracted benchmark pages, CPU ms per page:"
        f" median {1000 * statistics.median(best):.2f}, mean {1000 * statistics.mean(best):.2f},"
        f" max {1000 * max(best):.1f}"
    )


def news_texts(verbose: bool) -> None:
    """The labelled news texts on held-out sites, with the model and with the rules alone."""
    for rules_alone in (False, True):
        models = news_eval.fold_models(rules_alone=rules_alone)
        if models is None:
            print("\nno fold models: run bench/train_boilerplate.py for the news texts' figures")
            return
        label = "rules alone" if rules_alone else "rules + model"
        news_eval.report(models, label=label, misses=verbose and not rules_alone)


def clean_corpora(verbose: bool) -> None:
    """Clean news articles through the cleaner: whatever goes is a candidate false positive."""
    if not SUMMARIES.is_dir():
        print(f"\n{SUMMARIES} is absent: clean-article corpora skipped")
        return
    print("\nclean news articles (summary benchmarks): what the cleaner removes from them")
    for path in sorted(SUMMARIES.glob("*.jsonl")):
        articles = touched = words = removed_words = 0
        rules: Counter[str] = Counter()
        for line in path.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            removed = lire.read_text(text).article.removed
            articles += 1
            touched += bool(removed)
            words += len(text.split())
            removed_words += sum(len(r.text.split()) for r in removed)
            rules.update(r.rule for r in removed)
            if verbose:
                for removal in removed:
                    print(f"    {path.stem}: {removal.rule}: {normalise(removal.text)[:90]}")
        print(
            f"{path.name}: {touched}/{articles} articles lost something,"
            f" {share(removed_words, words).strip()} of words; rules: {dict(rules.most_common())}"
        )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
