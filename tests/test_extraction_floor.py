"""The extraction floor: extract_html's F1 on the whole article-extraction benchmark.

The figure is measured with ``python bench/extraction.py``; the floor sits a little under it so
that a change which loses real ground fails here. Scored with bench/scoring.py.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from lire.errors import ExtractionError
from lire.extract import extract_html

BENCH = Path(__file__).resolve().parents[1] / "bench"
DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "article-extraction-benchmark"
)
F1_FLOOR = 0.975  # measured 0.980 (precision 0.974, recall 0.986)
PRECISION_FLOOR = 0.968
RECALL_FLOOR = 0.980

pytestmark = pytest.mark.shared


def test_extract_html_f1_stays_above_the_floor_on_the_benchmark() -> None:
    truth_path = DATA / "ground-truth.json"
    if not truth_path.is_file():
        pytest.skip(f"benchmark data not found at {DATA}")
    sys.path.insert(0, str(BENCH))
    try:
        from scoring import score_page, score_pages
    finally:
        sys.path.remove(str(BENCH))
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    scores = []
    for page_id, entry in sorted(truth.items()):
        html = gzip.decompress((DATA / "html" / f"{page_id}.html.gz").read_bytes()).decode()
        try:
            predicted = extract_html(html, url=entry["url"]).text
        except ExtractionError:
            predicted = ""
        scores.append(score_page(predicted, entry["articleBody"]))
    result = score_pages(scores)
    assert len(scores) == 181
    assert result.f1 >= F1_FLOOR, result
    assert result.precision >= PRECISION_FLOOR, result
    assert result.recall >= RECALL_FLOOR, result
