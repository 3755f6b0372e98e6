"""The learned boilerplate model's weights, and the file they ship in.

Two linear models over the hashed features of ``lire.clean.features``: a logistic one that
scores each block (the probability that it is boilerplate), and a multinomial one that names the
kind of a block it removes. The score has two passes when the model has ``context_weights``: the
first from a block's own features, the second from those and what the first said of the block
and its neighbours (``lire.clean.context``). Weights are applied in plain Python: a block's score
is the sum of its features' weights.

The file is zlib-compressed: a JSON header line (``bits``, ``kind_bits``, ``kinds``, ``scale``,
``threshold``, ``outside``, ``alone``, ``context``, ``version``), then the weights as
little-endian 16-bit integers (``weight * scale``): the boilerplate weights first, then those of
each kind in the header's order, then the second pass's when ``context`` is true.
"""

from __future__ import annotations

import functools
import json
import math
import struct
import sys
import zlib
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from operator import itemgetter

from lire.clean.context import context_features
from lire.clean.features import hashed

__all__ = ["MODEL_FILE", "BoilerplateModel", "Lanes", "default_model", "load_model", "save_model"]

MODEL_FILE = "boilerplate.model"
LANE_BIAS = 1 << 15  # added to a 16-bit weight in its lane: lanes hold no negative number
LANE_FEATURES = 1 << 16  # summing fewer lanes than this, no lane overflows its 32 bits


@dataclass(frozen=True, slots=True)
class BoilerplateModel:
    """Weights of the boilerplate score and of the kind of boilerplate, and the score a block
    must reach to be removed: ``threshold`` inside the article's span, ``outside`` beyond it in
    a run of such blocks, ``alone`` beyond it on its own."""

    bits: int
    weights: Sequence[float]
    kind_bits: int
    kinds: tuple[str, ...]
    kind_weights: tuple[Sequence[float], ...]
    threshold: float
    outside: float
    version: str
    alone: float = 1.0  # beyond the article's span a block that is no sentence goes alone
    context_weights: Sequence[float] | None = None  # the second pass's, over the same hashes
    scale: float = 1.0  # every weight above is the weight times this (a file's integers as read)
    # The kinds' weights by index (every kind's weight at an index together), built the first
    # time a kind is asked for: a block's kind then sums its features' lanes in one sum
    # (``Lanes``), or with weights that are no 16-bit integers their rows in one pass.
    kind_rows: list[tuple[float, ...]] | None = field(
        default=None, init=False, compare=False, repr=False
    )
    kind_lanes: Lanes | None = field(default=None, init=False, compare=False, repr=False)
    integers: bool | None = field(default=None, init=False, compare=False, repr=False)

    def scores(self, features: Sequence[Sequence[str]], words: Sequence[int]) -> list[float]:
        """The probability that each block of a page, with its ``features`` and number of
        ``words``, is boilerplate: the second pass's when the model has one."""
        return self.scores_indices([hashed(found, self.bits) for found in features], words)

    def scores_indices(self, indices: Sequence[Sequence[int]], words: Sequence[int]) -> list[float]:
        """``scores`` of the blocks whose hashed features are ``indices``."""
        first = [self.score_indices(found) for found in indices]
        if self.context_weights is None:
            return first
        weights = self.context_weights
        return [
            _sigmoid(_total(weights, [*found, *hashed(extra, self.bits)]) / self.scale)
            for found, extra in zip(indices, context_features(first, words), strict=True)
        ]

    def exact(self) -> bool:
        """Whether the score's weights (both passes') are integers, as a model file's are: their
        sums are then exact, whatever the order they are summed in (``lire.clean.sums``)."""
        if self.integers is None:
            second = self.context_weights or ()
            exact = all(map(_integers, (self.weights, second)))
            object.__setattr__(self, "integers", exact)  # a cache: the weights do not change
            return exact
        return self.integers

    def totals(self, indices: Sequence[int]) -> tuple[float, float]:
        """The sums of the first and the second pass's weights at ``indices`` (0 without a
        second pass)."""
        second = self.context_weights
        return _total(self.weights, indices), 0 if second is None else _total(second, indices)

    def probability(self, total: float) -> float:
        """The probability that a block whose features' weights sum to ``total`` is
        boilerplate."""
        return _sigmoid(total / self.scale)

    def score(self, features: Sequence[str]) -> float:
        """The probability that a block with ``features`` is boilerplate."""
        return self.score_indices(hashed(features, self.bits))

    def score_indices(self, indices: Sequence[int]) -> float:
        """The probability that a block whose hashed features are ``indices`` is boilerplate."""
        return _sigmoid(_total(self.weights, indices) / self.scale)

    def kind(self, features: Sequence[str]) -> str:
        """The most likely kind of boilerplate for a block with ``features``."""
        return self.kind_indices(hashed(features, self.kind_bits))

    def kind_of(self, features: Sequence[str], indices: Sequence[int]) -> str:
        """``kind`` of a block whose ``features`` were hashed to ``indices`` for its score: the
        kind reads their low bits (the same CRC) unless it has more bits than the score."""
        if self.kind_bits > self.bits:
            return self.kind(features)
        return self.kind_indices(indices)

    def kind_indices(self, indices: Sequence[int]) -> str:
        """The most likely kind of boilerplate for a block whose hashed features are
        ``indices``, hashed for the kind or with more bits (only their low ``kind_bits`` bits
        count)."""
        mask = (1 << self.kind_bits) - 1
        lanes = self.lanes()
        if lanes.usable and len(indices) < LANE_FEATURES:
            return self.kind_of_lanes(sum(lanes[index & mask] for index in indices))
        rows = self.kind_rows
        if rows is None:
            rows = list(zip(*self.kind_weights, strict=True))
            object.__setattr__(self, "kind_rows", rows)  # a cache: the weights do not change
        picked = [rows[index & mask] for index in indices]
        if not picked:
            return self.kinds[0]
        totals = [sum(column) for column in zip(*picked, strict=True)]
        return self.kinds[max(range(len(totals)), key=totals.__getitem__)]

    def lanes(self) -> Lanes:
        """Every kind's weight at each index of ``kind_bits`` bits, packed in one integer."""
        lanes = self.kind_lanes
        if lanes is None:
            lanes = Lanes(self.kind_weights)
            object.__setattr__(self, "kind_lanes", lanes)  # a cache: the weights do not change
        return lanes

    def kind_of_lanes(self, total: int) -> str:
        """The kind of a block whose features' ``lanes`` sum to ``total`` (fewer than
        ``LANE_FEATURES`` of them): the kind with the largest sum, the first of equals, as
        ``kind_indices`` sums them one by one (every lane holds as many biases)."""
        sums = _lane_format(len(self.kinds)).unpack(total.to_bytes(4 * len(self.kinds), "little"))
        return self.kinds[max(range(len(sums)), key=sums.__getitem__)]


def _integers(weights: Sequence[float]) -> bool:
    """Whether every weight is an integer (a model file's weights, as read)."""
    if isinstance(weights, array) and weights.typecode in "bBhHiIlLqQ":
        return True
    return all(type(w) is int for w in weights)


def _short(weights: Sequence[float]) -> bool:
    """Whether every weight is an integer of 16 bits (a model file's weights, as read)."""
    if isinstance(weights, array) and weights.typecode in "bBh":
        return True
    return all(type(w) is int and -LANE_BIAS <= w < LANE_BIAS for w in weights)


@functools.cache
def _lane_format(kinds: int) -> struct.Struct:
    """The bytes of ``kinds`` lanes of 32 bits, little-endian whatever the machine."""
    return struct.Struct(f"<{kinds}I")


class Lanes(dict[int, int]):
    """Every kind's weight at an index of ``kind_bits`` bits, plus ``LANE_BIAS``, in one integer
    (kind k in bits 32k to 32k + 31), packed the first time the index is met: adding such
    integers adds every kind at once, exactly (integers), and no lane runs into the next under
    ``LANE_FEATURES`` of them. Not ``usable`` when the kinds' weights are no 16-bit integers (a
    model in training): their rows are summed instead."""

    def __init__(self, kind_weights: Sequence[Sequence[float]]) -> None:
        super().__init__()
        self.columns = kind_weights
        self.usable = all(map(_short, kind_weights))
        self.pack = _lane_format(len(kind_weights)).pack

    def __missing__(self, index: int) -> int:
        biased = (int(column[index]) + LANE_BIAS for column in self.columns)
        lane = self[index] = int.from_bytes(self.pack(*biased), "little")
        return lane


def _total(weights: Sequence[float], indices: Sequence[int]) -> float:
    """The sum of the ``weights`` at ``indices``."""
    if len(indices) > 1:
        return sum(itemgetter(*indices)(weights))  # type: ignore[no-any-return]
    return sum(weights[index] for index in indices)


def _sigmoid(value: float) -> float:
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    exp = math.exp(value)
    return exp / (1.0 + exp)


def load_model(data: bytes) -> BoilerplateModel:
    """A model from the bytes of a model file."""
    raw = zlib.decompress(data)
    header, _, body = raw.partition(b"\n")
    meta = json.loads(header)
    values = array("h")
    values.frombytes(body)
    if sys.byteorder != "little":
        values.byteswap()
    scale = float(meta["scale"])
    if not scale > 0:
        raise ValueError("the model file's scale is not a positive number")
    size, kind_size = 1 << meta["bits"], 1 << meta["kind_bits"]
    kinds = tuple(meta["kinds"])
    context = bool(meta.get("context", False))
    if len(values) != size * (1 + context) + kind_size * len(kinds):
        raise ValueError("the model file does not hold as many weights as its header says")
    weights = values[:size]  # integers, scaled when a block's score is summed
    kind_weights = tuple(
        values[size + k * kind_size : size + (k + 1) * kind_size] for k in range(len(kinds))
    )
    return BoilerplateModel(
        bits=meta["bits"],
        weights=weights,
        kind_bits=meta["kind_bits"],
        kinds=kinds,
        kind_weights=kind_weights,
        threshold=float(meta["threshold"]),
        outside=float(meta["outside"]),
        version=str(meta["version"]),
        alone=float(meta.get("alone", meta["threshold"])),
        context_weights=values[-size:] if context else None,
        scale=scale,
    )


def save_model(model: BoilerplateModel, scale: float = 1000.0) -> bytes:
    """The bytes of a model file for ``model`` (weights rounded to ``1 / scale``)."""
    header = {
        "bits": model.bits,
        "kind_bits": model.kind_bits,
        "kinds": list(model.kinds),
        "scale": scale,
        "threshold": model.threshold,
        "outside": model.outside,
        "alone": model.alone,
        "context": model.context_weights is not None,
        "version": model.version,
    }
    limit = 32767
    values = array("h")
    second = () if model.context_weights is None else (model.context_weights,)
    for weights in (model.weights, *model.kind_weights, *second):
        values.extend(max(-limit, min(limit, round(w * scale / model.scale))) for w in weights)
    if sys.byteorder != "little":
        values.byteswap()
    return zlib.compress(json.dumps(header).encode() + b"\n" + values.tobytes(), 9)


@functools.cache
def default_model() -> BoilerplateModel:
    """The model shipped with lire, read once."""
    data = resources.files("lire.clean").joinpath("packs", MODEL_FILE).read_bytes()
    return load_model(data)
