"""Rebuild the boilerplate development set from the benchmark pages beside the repository.

Each page of ``../shared/benchmarks/wcxb-dev`` and of
``../shared/benchmarks/article-extraction-benchmark`` is rendered to text as a browser copy would
render it (``html_text``: a line per block element), split into blocks as lire reads pasted text
(``lire.extract.text_blocks``), and each block is labelled by the page's reviewed main content:
``article`` when the main content (or the title) holds it, ``boilerplate`` when it holds none of
it, ``mixed`` in between (left out of training and scoring). A boilerplate block's ``kind`` comes
from the markup it was rendered from: the nearest element that the DOM pass's rules name
(``packs/dom.toml``: newsletter, consent, related...), else its ``nav``, ``header``, ``footer``,
``aside`` or ``form`` ancestor, else ``other``.

Nothing of ``../shared`` is copied into the repository: this script writes the lines to
``build/boilerplate/`` (ignored by git), and ``data/boilerplate/`` holds only the texts gathered
from public news pages in the other languages, labelled by hand, with their source addresses.

    python bench/boilerplate_data.py            # writes build/boilerplate/{wcxb,aeb}.jsonl
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, cast

import html_text
import lxml.html
from lxml import etree

from lire.clean.dom import _rule_for
from lire.clean.dom_rules import load_dom_rules
from lire.extract.text_blocks import text_blocks
from lire.model import host_of
from lire.text.language import detect_language

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "benchmarks"
WCXB = SHARED / "wcxb-dev"
AEB = SHARED / "article-extraction-benchmark"
OUT = ROOT / "build" / "boilerplate"
_WORD = re.compile(r"\w+")
SHORT = 3  # a line of at most this many words is article only when it is a line of the truth
STRUCTURE = {"nav": "nav", "header": "nav", "footer": "footer", "aside": "related", "form": "form"}
# DOM categories -> the kinds reported
KINDS = {
    "hidden": "nav",
    "dialog": "consent",
    "form": "form",
    "nav": "nav",
    "consent": "consent",
    "share": "share",
    "follow": "share",
    "newsletter": "newsletter",
    "paywall": "subscription",
    "subscription": "subscription",
    "login": "subscription",
    "donation": "subscription",
    "related": "related",
    "comment": "comment",
    "ad": "ad",
    "author": "author",
    "credit": "author",
    "tags": "nav",
    "app": "subscription",
    "footer": "footer",
}


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def rendered_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


class Truth:
    """The main content of a page, for labelling its rendered lines; the article's title (the
    benchmark's, and the page's ``<h1>``) counts as article too: a reader keeps it."""

    def __init__(self, main: str, titles: Sequence[str] = ()) -> None:
        self.titles = {" ".join(tokens(title)) for title in titles} - {""}
        words = tokens(main)
        self.joined = " " + " ".join(words) + " "
        self.trigrams = {tuple(words[i : i + 3]) for i in range(len(words) - 2)}
        self.lines = {" ".join(tokens(line)) for line in main.splitlines() if line.strip()}

    def label(self, line: str) -> str:
        words = tokens(line)
        if not words:
            return "boilerplate"
        joined = " ".join(words)
        if joined in self.titles:
            return "article"
        if len(words) <= SHORT:
            whole = joined in self.lines or any(
                (part.startswith(joined + " ") or part.endswith(" " + joined))
                and len(part) <= 3 * len(joined)
                for part in self.lines
            )
            return "article" if whole else "boilerplate"
        if f" {joined} " in self.joined:
            return "article"
        grams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
        share = sum(gram in self.trigrams for gram in grams) / len(grams)
        if share >= 0.7:
            return "article"
        return "boilerplate" if share <= 0.2 else "mixed"


def kinds_of(root: lxml.html.HtmlElement) -> dict[str, str]:
    """Normalised rendered line -> the kind of the innermost element naming its role."""
    rules = load_dom_rules()
    named: dict[str, str | None] = {}
    found: list[tuple[int, str, lxml.html.HtmlElement]] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        rule = _rule_for(element, element.tag, rules, named, listing=False)
        category = rule.partition("/")[0] if rule else STRUCTURE.get(element.tag)
        if category == "hidden" and element.tag in {"button", "select", "input", "textarea"}:
            category = "form"
        if category:
            depth = sum(1 for _ in element.iterancestors())
            found.append((depth, KINDS.get(category, "other"), element))
    kinds: dict[str, str] = {}
    for _depth, kind, element in sorted(found, key=lambda item: item[0]):
        text = html_text.etree_to_text(element)
        if len(text) > 20_000:
            continue
        for line in rendered_lines(text):
            kinds[" ".join(tokens(line))] = kind
    return kinds


def page_record(
    source: str, html: str, url: str, main: str, page_type: str, title: str | None = None
) -> dict[str, Any] | None:
    try:
        tree = html_text.parse_html(html)
    except (etree.ParserError, ValueError):
        return None
    cleaned = cast(lxml.html.HtmlElement, html_text.cleaner.clean_html(tree))
    text = html_text.etree_to_text(cleaned)
    if not text.strip() or not main.strip():
        return None
    headings = [" ".join(h.text_content().split()) for h in cleaned.iter("h1")]
    titles = [title, *headings] if title else headings
    return {
        "source": source,
        "url": url,
        "site": host_of(url) or source,
        "lang": detect_language(main) or "und",
        "page_type": page_type,
        **labelled_blocks(text, Truth(main, titles), kinds_of(cleaned)),
    }


def labelled_blocks(text: str, truth: Truth, kinds: dict[str, str]) -> dict[str, Any]:
    """The title and the blocks lire reads from ``text``, each labelled by ``truth``."""
    title, blocks = text_blocks(text)
    labelled = []
    for block in blocks:
        label = truth.label(block.text)
        kind = kinds.get(" ".join(tokens(block.text)), "other") if label == "boilerplate" else ""
        labelled.append(
            {"text": block.text, "block": block.kind.value, "label": label, "kind": kind}
        )
    return {"title": title, "blocks": labelled}


def wcxb_pages() -> Iterator[dict[str, Any]]:
    for truth_path in sorted((WCXB / "ground-truth").glob("*.json")):
        data = json.loads(truth_path.read_text(encoding="utf-8"))
        main = data["ground_truth"].get("main_content") or ""
        html_path = WCXB / "html" / f"{truth_path.stem}.html.gz"
        if not html_path.is_file():
            continue
        html = gzip.decompress(html_path.read_bytes()).decode("utf-8", "replace")
        page_type = data["_internal"]["page_type"]["primary"]
        url = data.get("url") or ""
        title = data["ground_truth"].get("title")
        record = page_record(f"wcxb/{truth_path.stem}", html, url, main, page_type, title)
        if record is not None:
            yield record


def aeb_pages() -> Iterator[dict[str, Any]]:
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        html = gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        entry = truth[key]
        record = page_record(f"aeb/{key}", html, entry["url"], entry["articleBody"], "article")
        if record is not None:
            yield record


def main() -> int:
    if not WCXB.is_dir() or not AEB.is_dir():
        print(f"{SHARED} is absent: nothing to rebuild", file=sys.stderr)
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name, pages in (("wcxb", wcxb_pages()), ("aeb", aeb_pages())):
        labels: Counter[str] = Counter()
        count = 0
        with (OUT / f"{name}.jsonl").open("w", encoding="utf-8") as out:
            for record in pages:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
                labels.update(block["kind"] or block["label"] for block in record["blocks"])
        print(f"{name}: {count} pages, lines {dict(labels.most_common())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
