"""The learned model's sums over the blocks of one page, a group of features at a time.

``lire.clean.features.feature_groups`` gives each block's features in groups that blocks alike
share, and the second pass's view of a block (``lire.clean.context.context_keys``) repeats too:
the lines of a pasted menu differ by a word or a number. ``PageSums`` hashes and sums each
distinct group once per page, and a block's sum is the sum of its groups'. With a model file's
weights (integers) that is exactly the sum ``BoilerplateModel.scores`` makes feature by feature:
integers add exactly in any order. A model whose weights are floats (one in training) has its
blocks scored feature by feature, in ``scores``'s order.
"""

from __future__ import annotations

from collections.abc import Sequence

from lire.clean.context import Context, context_keys, context_names
from lire.clean.features import Group, hashed
from lire.clean.weights import LANE_FEATURES, BoilerplateModel

__all__ = ["PageSums"]


class PageSums:
    """The scores and kinds the model gives the blocks of a page, whose features are
    ``groups`` (``feature_groups``)."""

    def __init__(self, model: BoilerplateModel, groups: Sequence[tuple[Group, ...]]) -> None:
        self.model = model
        self.groups = groups
        # Each group's indices and sums, and the sum of its kinds' lanes, by the group's id: the
        # page's groups live as long as ``groups``, and equal groups are mostly one object.
        self.sums: dict[int, tuple[list[int], float, float]] = {}
        self.lanes: dict[int, int] = {}
        self.kinds: dict[int, str] = {}  # the kind of each sum of lanes met
        self.named: dict[tuple[int, ...], str] = {}  # the kind of blocks of the same groups

    def scores(self, words: Sequence[int]) -> list[float]:
        """The probability that each block, of ``words`` words, is boilerplate, as
        ``BoilerplateModel.scores`` gives it."""
        model = self.model
        if not model.exact():  # floats: summed feature by feature, as ``scores`` sums them
            return model.scores([_joined(groups) for groups in self.groups], words)
        first: list[float] = []
        second: list[float] = []  # the second pass's sums, the context's weights aside
        alike: dict[tuple[int, ...], tuple[float, float]] = {}  # blocks of the same groups
        for groups in self.groups:
            ids = tuple(map(id, groups))
            found = alike.get(ids)
            if found is None:
                found = alike[ids] = self._first(groups)
            first.append(found[0])
            second.append(found[1])
        if model.context_weights is None:
            return first
        named: dict[Context, float] = {}
        chances: dict[float, float] = {}  # the probability of each sum met
        scores: list[float] = []
        for key, total in zip(context_keys(first, words), second, strict=True):
            extra = named.get(key)
            if extra is None:
                extra = named[key] = model.totals(hashed(context_names(key), model.bits))[1]
            chance = chances.get(total + extra)
            if chance is None:
                chance = chances[total + extra] = model.probability(total + extra)
            scores.append(chance)
        return scores

    def _first(self, groups: tuple[Group, ...]) -> tuple[float, float]:
        """The first pass's probability for a block of ``groups``, and the sum of its second
        pass's weights, the context's aside."""
        one: float = 0  # integers: a model file's weights
        two: float = 0
        for group in groups:
            _, weight, context = self.sums.get(id(group)) or self._sums(group)
            one += weight
            two += context
        return self.model.probability(one), two

    def kind(self, i: int) -> str:
        """The kind of boilerplate block ``i`` is, as ``BoilerplateModel.kind_of`` names it:
        found once for the blocks of the same groups (a menu's lines, mostly)."""
        groups = self.groups[i]
        key = tuple(map(id, groups))
        kind = self.named.get(key)
        if kind is None:
            kind = self.named[key] = self._kind(groups)
        return kind

    def _kind(self, groups: tuple[Group, ...]) -> str:
        model = self.model
        lanes = model.lanes()
        if (
            not lanes.usable
            or model.kind_bits > model.bits
            or sum(map(len, groups)) >= LANE_FEATURES
        ):
            features = _joined(groups)
            return model.kind_of(features, hashed(features, model.bits))
        mask = (1 << model.kind_bits) - 1
        total = 0
        for group in groups:
            lane = self.lanes.get(id(group))
            if lane is None:
                indices = self._sums(group)[0]
                masked = [index & mask for index in indices]
                lane = self.lanes[id(group)] = sum(map(lanes.__getitem__, masked))
            total += lane
        kind = self.kinds.get(total)
        if kind is None:
            kind = self.kinds[total] = model.kind_of_lanes(total)
        return kind

    def _sums(self, group: Group) -> tuple[list[int], float, float]:
        """The weight index of each feature of ``group``, and the sums of the two passes'
        weights there."""
        found = self.sums.get(id(group))
        if found is None:
            indices = hashed(group, self.model.bits)
            found = self.sums[id(group)] = (indices, *self.model.totals(indices))
        return found


def _joined(groups: Sequence[Group]) -> list[str]:
    return [feature for group in groups for feature in group]
