"""The framework tree without Qt: nodes, lazy placeholders, the filter and completion counts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from model.records import DimensionRecord, ItemRecord
from model.vocabulary import Completion, DimensionCounts, is_applicable, is_done

DIMENSION, ITEM, ROOT = "dimension", "item", "root"


@dataclass(eq=False)
class Node:
    kind: str
    record: Any  # DimensionRecord, ItemRecord, or None for the root
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    done: int = 0
    total: int = 0  # applicable items below (不适用 counts in neither done nor total)
    shown: list[Node] = field(default_factory=list)  # the children that pass the filter
    position: int = 0  # index among the parent's shown children
    unloaded_items: int = 0  # own items not fetched yet (a tree too big to load at once)

    def row(self) -> int:
        return self.position

    def item_count(self) -> int:
        """How many of the children are items (they come before the sub-dimensions)."""
        return sum(1 for child in self.children if child.kind == ITEM)


class NodeTree:
    """Dimensions and items as nodes, with the filter's shown children and done/total counts."""

    def __init__(self, dimensions: Iterable[DimensionRecord] = (),
                 items: Iterable[ItemRecord] = ()) -> None:
        self.root = Node(ROOT, None)
        self._dimensions: dict[int, Node] = {}
        self._items: dict[int, Node] = {}
        self._filter_items: set[int] | None = None
        self._dimension_text = ""
        self._prune = False  # a found tree: a dimension without matches below is not shown
        self.touched = 0
        for dim in dimensions:  # table order: parents come before children
            parent = self._dimensions[dim.parent_id] if dim.parent_id is not None else self.root
            node = Node(DIMENSION, dim, parent)
            self._dimensions[dim.id] = node
            parent.children.append(node)
        item_slots: dict[int, int] = {}
        for item in items:
            parent = self._dimensions[item.dimension_id]
            node = Node(ITEM, item, parent)
            # a dimension's own items come before its sub-dimensions, as in the table
            slot = item_slots.get(item.dimension_id, 0)
            parent.children.insert(slot, node)
            item_slots[item.dimension_id] = slot + 1
            self._items[item.id] = node
            self._recount(parent, int(is_done(item.status)), int(is_applicable(item.status)))
        self.apply_filter()

    @classmethod
    def lazy(cls, dimensions: Iterable[DimensionRecord],
             counts: Mapping[int, DimensionCounts]) -> NodeTree:
        """The dimensions only: each one's items are placeholders counted from SQL."""
        tree = cls(dimensions)
        for dim_id, count in counts.items():
            node = tree._dimensions[dim_id]
            node.unloaded_items = count.items
            tree._recount(node, count.done, count.applicable)
        return tree

    @classmethod
    def found(cls, dimensions: Iterable[DimensionRecord], counts: Mapping[int, DimensionCounts],
              matches: Mapping[int, int], dimension_text: str = "") -> NodeTree:
        """A find's tree over a lazy one: the dimensions with matches below them (or whose name
        holds dimension_text), each one's matching items placeholders (matches[dimension id])
        fetched when opened; done/total stay the whole dimension's. Built from the dimensions
        and the counts alone: its cost does not grow with the items."""
        tree = cls.lazy(dimensions, counts)
        tree._prune, tree._dimension_text = True, dimension_text
        for dim_id, node in tree._dimensions.items():
            node.unloaded_items = matches.get(dim_id, 0)
        tree.apply_filter()
        return tree

    @property
    def pruned(self) -> bool:
        return self._prune

    # --- lookups --------------------------------------------------------------------------
    def node(self, kind: str, row_id: int) -> Node | None:
        return (self._items if kind == ITEM else self._dimensions).get(row_id)

    def dimension_ids(self) -> list[int]:
        return list(self._dimensions)

    def items(self) -> list[ItemRecord]:
        """The loaded items' records."""
        return [node.record for node in self._items.values()]

    def completion(self, dimension_id: int) -> Completion:
        node = self._dimensions[dimension_id]
        return Completion(total=node.total, done=node.done)

    def has_sub_dimensions(self, dimension_id: int) -> bool:
        node = self._dimensions.get(dimension_id)
        return node is not None and any(c.kind == DIMENSION for c in node.children)

    def is_shown(self, node: Node) -> bool:
        """Whether the node is among its parent's shown children (the root never is)."""
        parent = node.parent
        return parent is not None and node.position < len(parent.shown) \
            and parent.shown[node.position] is node

    def has_children(self, node: Node) -> bool:
        return bool(node.shown) or (node.unloaded_items > 0 and self._filter_items is None)

    def walk_shown(self, node: Node | None = None) -> Iterator[Node]:
        """The shown nodes depth first (a node's children are read after it is yielded)."""
        for child in (node or self.root).shown:
            yield child
            yield from self.walk_shown(child)

    # --- lazy loading ---------------------------------------------------------------------
    def pending(self) -> list[Node]:
        """The dimensions whose own items are not loaded yet."""
        return [node for node in self._dimensions.values() if node.unloaded_items]

    def attach(self, dimension_id: int, records: list[ItemRecord]) -> None:
        """A dimension's fetched items, placed before its sub-dimensions; the counts were
        already there (from SQL). Shown at once unless a filter is set."""
        node = self._dimensions[dimension_id]
        items = [Node(ITEM, record, node) for record in records]
        node.children[0:0] = items
        node.unloaded_items = 0
        for item in items:
            self._items[item.record.id] = item
        if self._filter_items is None:  # the items come before the sub-dimensions shown
            _show(node, items + [child for child in node.shown if child.kind == DIMENSION])

    def attach_all(self, records: Iterable[ItemRecord]) -> None:
        """Every pending dimension's items, from one list of them all."""
        by_dimension: dict[int, list[ItemRecord]] = {}
        for record in records:
            by_dimension.setdefault(record.dimension_id, []).append(record)
        for node in self.pending():
            self.attach(node.record.id, by_dimension.get(node.record.id, []))

    # --- the filter -----------------------------------------------------------------------
    @property
    def filtered(self) -> bool:
        return self._filter_items is not None

    @property
    def filter_items(self) -> set[int] | None:
        return self._filter_items

    @property
    def dimension_text(self) -> str:
        return self._dimension_text

    def set_filter(self, item_ids: set[int] | None, dimension_text: str = "") -> None:
        """Show only these items (None: everything) with the dimensions above them, and the
        dimensions whose name contains dimension_text (casefolded)."""
        self._filter_items = item_ids
        self._dimension_text = dimension_text
        self.apply_filter()

    def is_match(self, item_id: int) -> bool:
        """Whether a find matched the item (in a found tree, every item it holds)."""
        if self._prune:
            return item_id in self._items
        return self._filter_items is not None and item_id in self._filter_items

    def apply_filter(self) -> None:
        items, text, prune = self._filter_items, self._dimension_text, self._prune
        self.touched = 0  # nodes walked (tests check a find's cost does not grow with items)

        def visible(node: Node) -> bool:
            self.touched += 1
            if node.kind == ITEM:
                return items is None or node.record.id in items
            _show(node, [child for child in node.children if visible(child)])
            if items is None and not prune:
                return True
            return bool(node.shown) or (prune and node.unloaded_items > 0) or bool(
                text and text in node.record.name.casefold())

        _show(self.root, [child for child in self.root.children if visible(child)])

    # --- edits ----------------------------------------------------------------------------
    def update_item(self, record: ItemRecord) -> list[Node]:
        """Replace an item's record and recount its dimensions; the nodes changed (the item
        first, then its ancestors), or none when the item is not loaded."""
        node = self._items.get(record.id)
        if node is None:
            return []
        old = node.record.status
        node.record = record
        self._recount(node.parent, int(is_done(record.status)) - int(is_done(old)),
                      int(is_applicable(record.status)) - int(is_applicable(old)))
        return [node, *self._ancestors(node)]

    def update_dimension(self, record: DimensionRecord) -> Node | None:
        node = self._dimensions.get(record.id)
        if node is not None:
            node.record = record
        return node

    # --- drag and drop --------------------------------------------------------------------
    def can_drop(self, kind: str, target: Node) -> bool:
        """Items and dimensions go into a dimension; only dimensions go to the top level."""
        return target.kind == DIMENSION or (kind == DIMENSION and target is self.root)

    def drop_destination(self, kind: str, target: Node, row: int) -> tuple[int | None, int]:
        """A drop at row (-1: the end) of target's shown children as (parent dimension id or
        None for the top level, index among the siblings of the same kind)."""
        items_before = target.item_count()
        row = len(target.shown) if row < 0 else row
        index = min(row, items_before) if kind == ITEM else max(row - items_before, 0)
        return (None if target is self.root else target.record.id), index

    # --- internals ------------------------------------------------------------------------
    def _ancestors(self, node: Node) -> list[Node]:
        found, ancestor = [], node.parent
        while ancestor is not None and ancestor is not self.root:
            found.append(ancestor)
            ancestor = ancestor.parent
        return found

    def _recount(self, node: Node | None, done: int, total: int) -> None:
        """Add to the counts of node and every dimension above it."""
        while node is not None and node is not self.root:
            node.done += done
            node.total += total
            node = node.parent


def dragged_rows(nodes: Iterable[Node]) -> list[tuple[str, int]]:
    """The (kind, id) rows a drag carries: several rows move only as items (onto a dimension)."""
    dragged = list(dict.fromkeys((n.kind, n.record.id) for n in nodes))
    if len(dragged) > 1:
        dragged = [d for d in dragged if d[0] == ITEM]
    return dragged


def _show(node: Node, children: list[Node]) -> None:
    node.shown = children
    for position, child in enumerate(children):
        child.position = position
