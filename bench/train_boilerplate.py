"""Train the learned boilerplate model, evaluate it on held-out sites, and ship it.

    python bench/boilerplate_data.py         # first: rebuild build/boilerplate/ from ../shared
    python bench/train_boilerplate.py        # folds in build/boilerplate/folds/, the model in
                                             # src/lire/clean/packs/boilerplate.model

Reads the development set (``build/boilerplate/*.jsonl``, rebuilt from the benchmark pages, and
``data/boilerplate/*.jsonl``, the news texts labelled by hand), turns every block into the
features of ``lire.clean.features`` (the rules' verdicts included, as ``lire.clean.blocks``
computes them), and fits linear models with numpy, by Adagrad with an L2 penalty: a logistic
one (boilerplate or article), a second logistic one that reads besides each block's features
what the first said of it and its neighbours (``lire.clean.context``; trained on first-pass
scores from models that did not see the page's fold, as on an unseen site), and a multinomial
one (which kind of boilerplate).

Sites are split into ``FOLDS`` groups by a hash of their host: each fold's model is trained on
the other folds' sites only and written to ``build/boilerplate/folds/`` for ``bench/plaintext.py``
to evaluate on the sites it never saw; the held-out block figures print here. The shipped model
is trained on every site.
"""

from __future__ import annotations

import argparse
import json
import sys
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from folds import BUILD, DATA, FOLD_DIR, FOLDS, ROOT, SHIPPED, site_fold
from lire.clean.blocks import rule_hints
from lire.clean.context import context_features
from lire.clean.features import block_features, hashed
from lire.clean.learned import BoilerplateModel, save_model
from lire.clean.title import with_title_block
from lire.extract import extract_text
from lire.model import Article, Block, BlockKind
from lire.sanitize import sanitize

BITS = 18  # 2^18 weights (2026-12-07: against 2^17, on the tune sites 5 fewer article lines lost,
# 1 fewer boilerplate line removed, 3 more texts exactly clean, every hard negative kept; 2^19 did
# no better; model 0.9 MB)
KIND_BITS = 13
THRESHOLD = 0.85  # inside the article's span, and for running text anywhere
OUTSIDE = 0.75  # beyond it, in a run of such blocks
ALONE = 0.85  # beyond it, alone (chosen on the tune sites, 2026-12-07 night, with the model of
# rounds 8-17 and 15: 0.8 / 0.7 / 0.8 lost 20 more article lines for 33 more boilerplate lines
# removed (kept 0.9894 against 0.9910), 0.9 / 0.8 / 0.9 removed 77 fewer for 1 more kept)
VERSION = "5"  # 5: 2^18 weights; 4: the words of a block after its twelfth; 3: topic by place
KINDS = (
    *("nav", "footer", "related", "share", "follow", "newsletter", "consent", "comment"),
    *("subscription", "paywall", "login", "donation", "ad", "sponsored", "app", "legal"),
    *("source", "author", "form", "other"),
)
# The labels' names for kinds the model files under another name.
KIND_ALIASES = {"author_box": "author", "adblock": "ad", "rating": "form"}
NEWS_WEIGHT = 20.0  # a news text's line weighs this many benchmark page blocks in training
# (150 removed more of the tune sites' boilerplate, 0.779 against 0.754, but lost a hard
# negative line and pasted whole pages' F1, 0.891 against 0.897: 20 kept; 2026-12-06)
OTHER_PAGE_WEIGHT = 0.3  # a block of a benchmark page that is no article (a listing's titles,
# a shop's product names: the main content there reads like other articles' teasers); chosen on
# the tune sites, 2026-12-07: 0.3 removed 890 of their 1,082 boilerplate lines against 867 at 1
# and 888 at 0.1, losing 36 article lines against 34 and 38
L2 = 3e-4  # the L2 penalty of the boilerplate score (chosen on the tune sites' held-out folds;
# 2026-12-08, with 5,423 texts: against 1e-3, on the tune sites 29 more boilerplate lines removed
# and 5 more article lines kept, 6 more texts exactly clean, hard negatives unchanged; 1e-4 the
# same but two hard negatives fewer; 3e-3 did worse; WCXB tuning part 0.849 -> 0.848)
Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


@dataclass
class Page:
    """One text of the development set, its blocks' feature indices and labels."""

    source: str
    site: str
    lang: str
    page_type: str
    texts: list[str]
    labels: list[str]  # article, boilerplate, mixed, meta
    kinds: list[str]
    indices: list[array[int]]
    weight: float = 1.0

    @property
    def fold(self) -> int:
        return site_fold(self.site)


def read_records(paths: Sequence[Path]) -> Iterator[dict[str, Any]]:
    """The texts of the development set, each with the blocks lire reads from it."""
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                yield record if "blocks" in record else with_blocks(record)


def with_blocks(record: dict[str, Any]) -> dict[str, Any]:
    """A text labelled line by line (``data/boilerplate/``) with the blocks lire reads from it:
    each block takes the label of its line (unknown when lire joined or split lines)."""
    keys = [_key(line["text"]) for line in record["lines"]]
    labels = {
        key: ("mixed" if line.get("mixed") else line["label"], line["kind"])
        for key, line in zip(keys, record["lines"], strict=True)
    }
    article = extract_text(sanitize("\n".join(line["text"] for line in record["lines"])))
    title, blocks = article.title, article.blocks
    labelled = []
    for block in blocks:
        key = _key(block.text)
        label, kind = labels.get(key) or _joined_label(key, keys, record["lines"])
        labelled.append(
            {"text": block.text, "block": block.kind.value, "label": label, "kind": kind}
        )
    title_label = labels.get(_key(title), ("mixed", ""))[0] if title else "mixed"
    return {
        **record,
        "title": title,
        "title_label": title_label,
        "blocks": labelled,
        "read_lang": article.lang,
    }


def _joined_label(
    key: str, keys: Sequence[str], lines: Sequence[dict[str, Any]]
) -> tuple[str, str]:
    """The label of a block (its ``key``) lire joined from several consecutive ``lines`` (their
    ``keys``; a hard-wrapped paragraph): theirs when they all have the same, else ``mixed``."""
    for start, first in enumerate(keys):
        if not first or not key.startswith(first):
            continue
        joined, end = first, start + 1
        while len(joined) < len(key) and end < len(keys):
            joined, end = f"{joined} {keys[end]}".strip(), end + 1
        if joined == key:
            found = {(line["label"], line["kind"]) for line in lines[start:end]}
            if len(found) == 1 and not any(line.get("mixed") for line in lines[start:end]):
                return found.pop()
            break
    return ("mixed", "")


def _key(text: str) -> str:
    """A line as lire reads it into a block: without its list marker, its spaces collapsed."""
    return " ".join(sanitize(text).strip("-*•‣◦ \t").split())


def featurize(record: dict[str, Any]) -> Page:
    """A text's blocks as the cleaner judges them (plain text's title first, as a heading) with
    their features and labels; the title's label is its line's, when it was labelled."""
    blocks = tuple(Block(BlockKind(b["block"]), b["text"]) for b in record["blocks"])
    lang = record.get("read_lang", record["lang"])  # as lire reads it (news texts)
    article = Article(
        blocks=blocks,
        title=record.get("title"),
        lang=None if lang == "und" else lang,
        media_type="text/plain",
    )
    judged = with_title_block(article)
    labelled = list(record["blocks"])
    if judged is not article:
        labelled.insert(0, {"label": record.get("title_label", "mixed"), "kind": ""})
    features = block_features(judged.blocks, rule_hints(judged), article.title)
    return Page(
        source=record["source"],
        site=record["site"],
        lang=record["lang"],
        page_type=record["page_type"],
        texts=[block.text for block in judged.blocks],
        labels=[b["label"] for b in labelled],
        kinds=[b["kind"] for b in labelled],
        indices=[array("i", hashed(found, BITS)) for found in features],
        weight=page_weight(record),
    )


def page_weight(record: dict[str, Any]) -> float:
    """What a block of ``record`` weighs in training: a news text's line ``NEWS_WEIGHT``, a
    benchmark page's block 1, or ``OTHER_PAGE_WEIGHT`` when the page is no article."""
    if record["source"].startswith("news/"):
        return NEWS_WEIGHT
    return 1.0 if record["page_type"] == "article" else OTHER_PAGE_WEIGHT


def model_kind(kind: str) -> str:
    """The model's name for a labelled kind of boilerplate."""
    kind = KIND_ALIASES.get(kind, kind)
    return kind if kind in KINDS else "other"


def load_pages(paths: Sequence[Path]) -> list[Page]:
    return [featurize(record) for record in read_records(paths) if record["blocks"]]


@dataclass
class Matrix:
    """Sparse binary rows: ``indices[starts[r]:starts[r + 1]]`` are row r's features."""

    indices: Ints
    starts: Ints

    @classmethod
    def of(cls, rows: Sequence[array[int]]) -> Matrix:
        lengths = np.fromiter((len(row) for row in rows), dtype=np.int64, count=len(rows))
        starts = np.concatenate([[0], np.cumsum(lengths)])
        flat = np.concatenate([np.frombuffer(row, dtype=np.int32) for row in rows])
        return cls(flat.astype(np.int64), starts)

    def rows(self, chosen: Ints) -> tuple[Ints, Ints]:
        """The flat feature indices of rows ``chosen`` and the row (0..) each belongs to."""
        lengths = self.starts[chosen + 1] - self.starts[chosen]
        owner = np.repeat(np.arange(len(chosen)), lengths)
        offsets = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        return self.indices[np.repeat(self.starts[chosen], lengths) + offsets], owner


def train_binary(
    matrix: Matrix,
    y: Floats,
    size: int,
    sample_weights: Floats | None = None,
    *,
    epochs: int = 4,
    rate: float = 0.1,
    l2: float = 1e-4,
) -> Floats:
    """Logistic regression by mini-batch Adagrad (each row's loss times its weight)."""
    weights = np.zeros(size)
    squares = np.full(size, 1e-8)
    generator = np.random.default_rng(0)
    count = len(y)
    for _ in range(epochs):
        order = generator.permutation(count)
        for start in range(0, count, 2048):
            chosen = order[start : start + 2048]
            flat, owner = matrix.rows(chosen)
            margin = np.bincount(owner, weights=weights[flat], minlength=len(chosen))
            delta = 1.0 / (1.0 + np.exp(-margin)) - y[chosen]
            if sample_weights is not None:
                delta *= sample_weights[chosen]
            gradient = np.bincount(flat, weights=delta[owner], minlength=size) / len(chosen)
            touched = np.unique(flat)
            gradient[touched] += l2 * weights[touched]
            squares += gradient**2
            weights -= rate * gradient / np.sqrt(squares)
    return weights


def train_kinds(
    matrix: Matrix, y: Ints, classes: int, size: int, *, epochs: int = 6, rate: float = 0.3
) -> npt.NDArray[np.float64]:
    """Multinomial logistic regression by mini-batch Adagrad: weights[class, feature]."""
    weights = np.zeros((classes, size))
    squares = np.full((classes, size), 1e-8)
    generator = np.random.default_rng(0)
    count = len(y)
    for _ in range(epochs):
        order = generator.permutation(count)
        for start in range(0, count, 2048):
            chosen = order[start : start + 2048]
            flat, owner = matrix.rows(chosen)
            flat = flat & (size - 1)
            scores = np.stack(
                [np.bincount(owner, weights=w[flat], minlength=len(chosen)) for w in weights]
            )
            scores -= scores.max(axis=0)
            probability = np.exp(scores)
            probability /= probability.sum(axis=0)
            probability[y[chosen], np.arange(len(chosen))] -= 1.0
            for k in range(classes):
                gradient = np.bincount(flat, weights=probability[k][owner], minlength=size) / len(
                    chosen
                )
                squares[k] += gradient**2
                weights[k] -= rate * gradient / np.sqrt(squares[k])
    return weights


def fit_score(pages: Sequence[Page], rows_of: Callable[[Page], list[array[int]]]) -> Floats:
    """The weights of the boilerplate score over the rows ``rows_of`` gives each page."""
    rows: list[array[int]] = []
    labels: list[float] = []
    sample_weights: list[float] = []
    for page in pages:
        for indices, label in zip(rows_of(page), page.labels, strict=True):
            if label not in ("article", "boilerplate"):
                continue  # mixed blocks, and meta lines (bylines, dates, captions): neutral
            rows.append(indices)
            labels.append(1.0 if label == "boilerplate" else 0.0)
            sample_weights.append(page.weight)
    matrix = Matrix.of(rows)
    return train_binary(matrix, np.array(labels), 1 << BITS, np.array(sample_weights), l2=L2)


def first_pass(weights: Floats, page: Page) -> list[float]:
    """The first pass's score of each block of ``page``."""
    return [float(1.0 / (1.0 + np.exp(-weights[np.asarray(row)].sum()))) for row in page.indices]


def with_context(page: Page, scores: Sequence[float]) -> list[array[int]]:
    """Each block's features and the second pass's, from the first pass's ``scores``."""
    words = [len(text.split()) for text in page.texts]
    extra = context_features(scores, words)
    return [
        array("i", [*row, *hashed(more, BITS)])
        for row, more in zip(page.indices, extra, strict=True)
    ]


def out_of_fold(pages: Sequence[Page]) -> dict[int, list[float]]:
    """The first pass's scores of every page (by ``id``) from a model that did not see its fold:
    the second pass learns from scores like those it will meet on unseen sites."""
    scores: dict[int, list[float]] = {}
    for fold in sorted({page.fold for page in pages}):
        weights = fit_score([page for page in pages if page.fold != fold], lambda p: p.indices)
        scores.update({id(page): first_pass(weights, page) for page in pages if page.fold == fold})
    return scores


def fit(pages: Sequence[Page]) -> BoilerplateModel:
    weights = fit_score(pages, lambda page: page.indices)
    first = out_of_fold(pages)
    context = fit_score(pages, lambda page: with_context(page, first[id(page)]))
    kind_rows: list[array[int]] = []
    kind_labels: list[int] = []
    for page in pages:
        for indices, label, kind in zip(page.indices, page.labels, page.kinds, strict=True):
            if label == "boilerplate":
                kind_rows.append(indices)
                kind_labels.append(KINDS.index(model_kind(kind)))
    kind_weights = train_kinds(
        Matrix.of(kind_rows), np.array(kind_labels), len(KINDS), 1 << KIND_BITS
    )
    return BoilerplateModel(
        bits=BITS,
        weights=weights.tolist(),
        kind_bits=KIND_BITS,
        kinds=KINDS,
        kind_weights=tuple(row.tolist() for row in kind_weights),
        threshold=THRESHOLD,
        outside=OUTSIDE,
        alone=ALONE,
        version=VERSION,
        context_weights=context.tolist(),
    )


def page_scores(model: BoilerplateModel, page: Page) -> list[float]:
    """The model's scores of the blocks of ``page``, as ``BoilerplateModel.scores`` gives them."""
    return model.scores_indices(page.indices, [len(text.split()) for text in page.texts])


def held_out_report(pages: Sequence[Page], models: dict[int, BoilerplateModel]) -> None:
    """The local scores alone (no span) on held-out sites, and how often the kind is right."""
    tally: Counter[str] = Counter()
    for page in pages:
        model = models[page.fold]
        scores = page_scores(model, page)
        for score, label, kind, indices in zip(
            scores, page.labels, page.kinds, page.indices, strict=True
        ):
            if label not in ("article", "boilerplate"):
                continue
            gone = score >= 0.5
            tally[label] += 1
            tally[f"{label} removed"] += gone
            if label == "boilerplate":
                named = model.kind_indices(indices)
                tally["kind right"] += named == model_kind(kind)
    removed = tally["boilerplate removed"] / tally["boilerplate"]
    kept = 1 - tally["article removed"] / tally["article"]
    right = tally["kind right"] / tally["boilerplate"]
    print(f"held-out sites, local score >= 0.5: boilerplate blocks removed {removed:.3f},"
          f" article blocks kept {kept:.3f}; kind right {right:.3f}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-ship", action="store_true", help="only the folds and the report")
    parser.add_argument("--no-folds", action="store_true", help="only the shipped model")
    options = parser.parse_args()
    paths = sorted(BUILD.glob("*.jsonl")) + sorted(DATA.glob("*.jsonl"))
    if not paths:
        print("no development set: run bench/boilerplate_data.py first", file=sys.stderr)
        return 1
    pages = load_pages(paths)
    print(f"{len(pages)} texts, {sum(len(p.labels) for p in pages)} blocks")
    FOLD_DIR.mkdir(parents=True, exist_ok=True)
    models: dict[int, BoilerplateModel] = {}
    for fold in range(0 if options.no_folds else FOLDS):
        models[fold] = fit([page for page in pages if page.fold != fold])
        (FOLD_DIR / f"fold{fold}.model").write_bytes(save_model(models[fold]))
        print(f"fold {fold}: trained on the other folds' sites")
    if models:
        held_out_report(pages, models)
    if not options.no_ship:
        SHIPPED.write_bytes(save_model(fit(pages)))
        print(f"shipped {SHIPPED.relative_to(ROOT)}: {SHIPPED.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
