"""Score lire's offline summary against lead-3 and the first sentence (ROUGE-1/2/Lsum F).

Reads ../shared/benchmarks/summaries/{en_xsum,fr_orangesum_dev}.jsonl (skips a missing file).
For each data set, at 3 sentences and at 1, prints each system's mean ROUGE, the paired
bootstrap 95% interval of lire minus each baseline, and lire's milliseconds per article (wall
clock, and CPU time of the thread, which a busy machine does not inflate).
With --half first|second, scores only that half of each file (tuning was done on the first).

    python bench/summary.py [--half first|second] [--limit N] [--resamples 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer

import lire.summarize.offline as summarize_module
from lire.model import Article
from lire.summarize.offline import article_from_text, lead, summarize
from lire.text.sentences import split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "summaries"
SETS = {"en_xsum.jsonl": "en", "fr_orangesum_dev.jsonl": "fr"}
METRICS = ("rouge1", "rouge2", "rougeLsum")
System = Callable[[Article, int], list[str]]


class UnicodeTokenizer:
    """Lower-case, split on anything that is not a letter or digit, no stemming (French)."""

    _SPLIT = re.compile(r"[^\w]+|_+")

    def tokenize(self, text: str) -> list[str]:
        return [token for token in self._SPLIT.split(text.lower()) if token]


def lire_system(article: Article, points: int) -> list[str]:
    return [p.text for p in summarize(article, points=points).points]


def lead_system(article: Article, points: int) -> list[str]:
    return [p.text for p in lead(article, points=points).points]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("first", "second"))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--resamples", type=int, default=2000)
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent", file=sys.stderr)
        return 0
    print(f"lire settings: {_settings()}")
    for name, lang in SETS.items():
        path = DATA / name
        if not path.is_file():
            print(f"skipped: {path} is absent", file=sys.stderr)
            continue
        items = _select(_load(path), args.half, args.limit)
        print(f"\n== {name} ({lang}, {len(items)} articles, half={args.half or 'all'})")
        for points in (3, 1):
            _report(items, lang, points, args.resamples)
    return 0


def _settings() -> str:
    names: tuple[str, ...] = (
        "MIN_WORDS",
        "MAX_WORDS",
        "POSITION_WEIGHT",
        "POSITION_POWER",
        "POSITION_DECAY",
    )
    names += ("DUPLICATE_OVERLAP",)
    return ", ".join(f"{name}={getattr(summarize_module, name)}" for name in names)


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _select(items: list[dict[str, Any]], half: str | None, limit: int | None) -> list[Any]:
    middle = len(items) // 2
    items = {"first": items[:middle], "second": items[middle:]}.get(half or "", items)
    return items[:limit] if limit else items


def _report(items: list[dict[str, Any]], lang: str, points: int, resamples: int) -> None:
    scorer = _scorer(lang)
    articles = [article_from_text(item["text"]) for item in items]  # language detected
    times: list[float] = []
    cpu: list[float] = []
    outputs: dict[str, list[list[str]]] = {"lire": [], "lead": [], "first": []}
    for article in articles:
        started, started_cpu = time.perf_counter(), time.thread_time()
        outputs["lire"].append(lire_system(article, points))
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        outputs["lead"].append(lead_system(article, points))
        outputs["first"].append(lead_system(article, 1))
    scores = {
        system: [
            _rouge(scorer, item["summary"], summary)
            for item, summary in zip(items, out, strict=True)
        ]
        for system, out in outputs.items()
    }
    print(f"-- {points} sentence(s)")
    for system, rows in scores.items():
        means = " / ".join(f"{100 * statistics.fmean(r[m] for r in rows):5.2f}" for m in METRICS)
        print(f"   {system:6} R1/R2/RLsum F: {means}")
    for baseline in ("lead", "first"):
        if baseline == "lead" and points == 1:
            continue  # lead-1 is the first sentence
        cells = [
            _interval(
                [a[m] - b[m] for a, b in zip(scores["lire"], scores[baseline], strict=True)],
                resamples,
            )
            for m in METRICS
        ]
        text = "  ".join(
            f"{m} {d:+.2f} [{lo:+.2f}, {hi:+.2f}]"
            for m, (d, lo, hi) in zip(METRICS, cells, strict=True)
        )
        print(f"   lire - {baseline:5} (paired bootstrap 95%): {text}")
    print(f"   lire ms/article, wall: {_spread(times)}; cpu: {_spread(cpu)}")


def _spread(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"median {statistics.median(ordered):.2f}, p95 {p95:.2f}"


def _scorer(lang: str) -> rouge_scorer.RougeScorer:
    if lang == "en":
        return rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    return rouge_scorer.RougeScorer(list(METRICS), tokenizer=UnicodeTokenizer())


def _rouge(
    scorer: rouge_scorer.RougeScorer, reference: str, summary: list[str]
) -> dict[str, float]:
    reference = "\n".join(s.text for s in split_sentences(reference))
    result = scorer.score(reference, "\n".join(summary))
    return {metric: result[metric].fmeasure for metric in METRICS}


def _interval(differences: list[float], resamples: int) -> tuple[float, float, float]:
    """Mean difference (x100) and its paired bootstrap 95% interval (fixed seed)."""
    generator = random.Random(20261126)
    count = len(differences)
    means = sorted(
        statistics.fmean(differences[generator.randrange(count)] for _ in range(count))
        for _ in range(resamples)
    )
    low, high = means[int(0.025 * resamples)], means[int(0.975 * resamples) - 1]
    return 100 * statistics.fmean(differences), 100 * low, 100 * high


if __name__ == "__main__":
    sys.exit(main())
