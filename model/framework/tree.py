"""Table order of a framework: dimensions depth first, each one's own items before its children."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol, TypeVar


class DimensionLike(Protocol):
    id: int
    parent_id: int | None
    position: int


D = TypeVar("D", bound=DimensionLike)


def dimension_order(dimensions: Iterable[D]) -> list[tuple[D, int]]:
    """Dimensions depth first in position order, each with its level (1 = top)."""
    children: dict[int | None, list[D]] = defaultdict(list)
    for dimension in dimensions:
        children[dimension.parent_id].append(dimension)
    for siblings in children.values():
        siblings.sort(key=lambda d: (d.position, d.id))
    ordered: list[tuple[D, int]] = []

    def walk(parent_id: int | None, level: int) -> None:
        for dimension in children.get(parent_id, ()):
            ordered.append((dimension, level))
            walk(dimension.id, level + 1)

    walk(None, 1)
    return ordered


def subtree_ids(dimensions: Sequence[DimensionLike], root_id: int) -> list[int]:
    """root_id and all its descendants, parents first."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for dimension in sorted(dimensions, key=lambda d: (d.position, d.id)):
        children[dimension.parent_id].append(dimension.id)
    result, stack = [], [root_id]
    while stack:
        current = stack.pop(0)
        result.append(current)
        stack.extend(children.get(current, ()))
    return result


def subtree_height(dimensions: Sequence[DimensionLike], root_id: int) -> int:
    """How many levels the subtree under root_id spans (1 for a leaf)."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for dimension in dimensions:
        children[dimension.parent_id].append(dimension.id)

    def height(node: int) -> int:
        return 1 + max((height(child) for child in children.get(node, ())), default=0)

    return height(root_id)


class Counted(Protocol):
    @property
    def items(self) -> int: ...


def items_before(dimension_ids: Iterable[int], counts: Mapping[int, Counted]) -> dict[int, int]:
    """How many items come before each dimension's own in table order (序号 = that + position +
    1), from the dimensions' ids in table order and their own item counts."""
    before, running = {}, 0
    for dimension_id in dimension_ids:
        before[dimension_id] = running
        count = counts.get(dimension_id)
        running += count.items if count else 0
    return before
