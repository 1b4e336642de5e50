"""The framework tree as a Qt item model: dimensions with their items, status and completion.

It holds records only. Edits go through undo commands; the model is refreshed from the change
notifier (update_item for a field edit, reset for a structural change). A drop is turned into a
move request, never into a write.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from gui.status_icons import status_icon
from model.records import DimensionRecord, ItemRecord
from model.vocabulary import DimensionCounts, is_applicable, is_done, status_colour

DIMENSION, ITEM = "dimension", "item"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3
MIME_TYPE = "application/x-zicha-tree-node"

AnyIndex = QModelIndex | QPersistentModelIndex
ITEM_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren)
DIMENSION_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                   | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)
ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
HIGHLIGHT = QBrush(QColor("#fff3b0"))


@dataclass(eq=False)
class Node:
    kind: str
    record: Any
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    done: int = 0
    total: int = 0
    shown: list[Node] = field(default_factory=list)  # the children that pass the filter
    position: int = 0  # index among the parent's shown children
    unloaded_items: int = 0  # own items not fetched yet (a tree too big to load at once)

    def row(self) -> int:
        return self.position

    def item_count(self) -> int:
        """How many of the children are items (they come before the sub-dimensions)."""
        return sum(1 for child in self.children if child.kind == ITEM)


class FrameworkTreeModel(QAbstractItemModel):
    # kind, id, new parent dimension id (None: top level), index among its kind of siblings
    move_requested = Signal(str, int, object, int)
    items_dropped = Signal(list, int)  # several dragged items (ids), the dimension dropped on

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = Node("root", None)
        self._items: dict[int, Node] = {}
        self._dimensions: dict[int, Node] = {}
        self._filter_items: set[int] | None = None
        self._dimension_text = ""
        self._highlight = False
        self._loader: Callable[[int], list[ItemRecord]] | None = None
        self._load_everything: Callable[[], list[ItemRecord]] | None = None

    def reset(self, dimensions: list[DimensionRecord], items: list[ItemRecord]) -> None:
        self.beginResetModel()
        self._root, self._dimensions, self._items = _build(dimensions, items)
        self._loader = None
        self._apply_filter()
        self.endResetModel()

    def reset_lazy(self, dimensions: list[DimensionRecord], counts: dict[int, DimensionCounts],
                   loader: Callable[[int], list[ItemRecord]],
                   load_all: Callable[[], list[ItemRecord]] | None = None) -> None:
        """The dimensions only, with their counts from SQL; a dimension's items are fetched by
        loader(dimension_id) when the view opens it (canFetchMore/fetchMore), or all at once by
        load_all() when a find needs them."""
        self.beginResetModel()
        self._root, self._dimensions, self._items = _build(dimensions, [])
        self._loader = loader
        self._load_everything = load_all
        for dim_id, count in counts.items():
            node = self._dimensions[dim_id]
            node.unloaded_items = count.items
            ancestor: Node | None = node
            while ancestor is not None and ancestor is not self._root:
                ancestor.total += count.applicable
                ancestor.done += count.done
                ancestor = ancestor.parent
        self._apply_filter()
        self.endResetModel()

    @property
    def lazy(self) -> bool:
        return self._loader is not None

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        if not parent.isValid():
            return bool(self._root.shown)
        node: Node = parent.internalPointer()
        return bool(node.shown) or (node.unloaded_items > 0 and self._filter_items is None)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return parent.isValid() and parent.internalPointer().unloaded_items > 0

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self._load(parent.internalPointer(), parent)

    def ensure_loaded(self, dimension_id: int) -> None:
        node = self._dimensions.get(dimension_id)
        if node is not None and node.unloaded_items:
            self._load(node, self._index_of_node(node))

    def load_all(self) -> None:
        """Fetch every dimension's items (a find needs them all in view)."""
        pending = [node for node in self._dimensions.values() if node.unloaded_items]
        if not pending:
            return
        self.beginResetModel()
        if self._load_everything is not None and len(pending) > 1:
            by_dimension: dict[int, list[ItemRecord]] = {}
            for record in self._load_everything():  # one query instead of one per dimension
                by_dimension.setdefault(record.dimension_id, []).append(record)
            for node in pending:
                self._attach(node, by_dimension.get(node.record.id, []))
        else:
            for node in pending:
                self._attach(node, self._loader(node.record.id))
        self._apply_filter()
        self.endResetModel()

    def _load(self, node: Node, index: QModelIndex) -> None:
        records = self._loader(node.record.id) if self._loader else []
        if not index.isValid() and node is not self._root:
            self._attach(node, records)
            return
        if records:
            self.beginInsertRows(index, 0, len(records) - 1)
        self._attach(node, records)
        if self._filter_items is None:
            node.shown = list(node.children)
            for position, child in enumerate(node.shown):
                child.position = position
        if records:
            self.endInsertRows()

    def _attach(self, node: Node, records: list[ItemRecord]) -> None:
        items = [Node(ITEM, record, node) for record in records]
        node.children[0:0] = items
        node.unloaded_items = 0
        for item in items:
            self._items[item.record.id] = item

    @property
    def filtered(self) -> bool:
        return self._filter_items is not None

    def set_filter(self, item_ids: set[int] | None, dimension_text: str = "",
                   highlight: bool = False) -> None:
        """Show only these items (None: everything) with the dimensions above them, and the
        dimensions whose name contains dimension_text. Done in the model rather than a proxy:
        a 10,000-row tree then lays out in one pass without a proxy's per-row mapping."""
        self.beginResetModel()
        self._filter_items = item_ids
        self._dimension_text = dimension_text
        self._highlight = highlight
        self._apply_filter()
        self.endResetModel()

    def is_highlighted(self, item_id: int) -> bool:
        return self._highlight and self._filter_items is not None and item_id in self._filter_items

    def _apply_filter(self) -> None:
        items, text = self._filter_items, self._dimension_text

        def visible(node: Node) -> bool:
            if node.kind == ITEM:
                return items is None or node.record.id in items
            node.shown = [child for child in node.children if visible(child)]
            for position, child in enumerate(node.shown):
                child.position = position
            return items is None or bool(node.shown) or bool(
                text and text in node.record.name.casefold())

        self._root.shown = [child for child in self._root.children if visible(child)]
        for position, child in enumerate(self._root.shown):
            child.position = position

    def update_item(self, record: ItemRecord) -> None:
        """A field edit: replace the record; recount completion up the tree if the status moved."""
        node = self._items.get(record.id)
        if node is None:
            return
        was_done, was_counted = is_done(node.record.status), is_applicable(node.record.status)
        node.record = record
        self._changed(node)
        now_done, now_counted = is_done(record.status), is_applicable(record.status)
        ancestor = node.parent
        while ancestor is not None and ancestor is not self._root:
            ancestor.done += int(now_done) - int(was_done)
            ancestor.total += int(now_counted) - int(was_counted)
            self._changed(ancestor)
            ancestor = ancestor.parent

    def _changed(self, node: Node) -> None:
        index = self._index_of_node(node)
        if index.isValid():
            self.dataChanged.emit(index, index)

    def _index_of_node(self, node: Node) -> QModelIndex:
        parent = node.parent
        if parent is None or node.position >= len(parent.shown) or \
                parent.shown[node.position] is not node:
            return QModelIndex()  # filtered out
        return self.createIndex(node.position, 0, node)

    def update_dimension(self, record: DimensionRecord) -> None:
        node = self._dimensions.get(record.id)
        if node is not None:
            node.record = record
            self._changed(node)

    def items(self) -> list[ItemRecord]:
        return [node.record for node in self._items.values()]

    # --- Qt model interface ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        # Called tens of thousands of times when a large tree is laid out: kept minimal.
        children = (parent.internalPointer() if parent.isValid() else self._root).shown
        if column or row < 0 or row >= len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        node: Node = child.internalPointer()
        parent = node.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._root.shown)
        return 0 if parent.column() > 0 else len(parent.internalPointer().shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node: Node = index.internalPointer()
        if role == KIND_ROLE:
            return node.kind
        if role == ID_ROLE:
            return node.record.id
        if role == RECORD_ROLE:
            return node.record
        if node.kind == DIMENSION:
            return self._dimension_data(node, role)
        return self._item_data(node, role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("考评维度与自查事项")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return ROOT_FLAGS
        return DIMENSION_FLAGS if index.internalPointer().kind == DIMENSION else ITEM_FLAGS

    # --- drag and drop: a drop becomes a move request --------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        nodes: list[Node] = [i.internalPointer() for i in indexes if i.isValid()]
        dragged = list(dict.fromkeys((n.kind, n.record.id) for n in nodes))
        if len(dragged) > 1:  # several rows: only items move together (onto a dimension)
            dragged = [d for d in dragged if d[0] == ITEM]
        if dragged:
            mime.setData(MIME_TYPE, json.dumps(dragged).encode())
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        if not data.hasFormat(MIME_TYPE):
            return False
        kind, _ = _dragged(data)[0]
        target = self._node(parent)
        return target.kind == DIMENSION or (kind == DIMENSION and target is self._root)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: AnyIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        dragged = _dragged(data)
        kind, row_id = dragged[0]
        target = self._node(parent)
        if len(dragged) > 1:
            self.items_dropped.emit([d[1] for d in dragged], target.record.id)
            return False
        items_before = target.item_count()
        row = len(target.shown) if row < 0 else row
        index = min(row, items_before) if kind == ITEM else max(row - items_before, 0)
        parent_id = None if target is self._root else target.record.id
        self.move_requested.emit(kind, row_id, parent_id, index)
        return False  # the move arrives as a reset from the notifier, not as a row removal

    # --- lookups --------------------------------------------------------------------------
    def index_of(self, kind: str, row_id: int) -> QModelIndex:
        node = (self._items if kind == ITEM else self._dimensions).get(row_id)
        return self._index_of_node(node) if node else QModelIndex()

    def first_item_index(self) -> QModelIndex:
        for node in _walk(self._root):
            if node.kind == DIMENSION and node.unloaded_items:
                self.ensure_loaded(node.record.id)
            if node.kind == ITEM:
                return self.createIndex(node.row(), 0, node)
        return QModelIndex()

    def dimension_ids(self) -> list[int]:
        return list(self._dimensions)

    def _node(self, index: AnyIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def _dimension_data(self, node: Node, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{node.record.name}  {node.done}/{node.total}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.record.report_heading or node.record.name
        if role == Qt.ItemDataRole.FontRole and node.record.level == 1:
            return _bold_font()
        return None

    def _item_data(self, node: Node, role: int) -> Any:
        record: ItemRecord = node.record
        if role == Qt.ItemDataRole.DisplayRole:
            first_line = record.content.splitlines()[0] if record.content else self.tr("（未填写）")
            return f"{record.seq}. {first_line}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(status_colour(record.status)))
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(record.status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{record.status}｜{record.content}"
        if role == Qt.ItemDataRole.BackgroundRole and self.is_highlighted(record.id):
            return HIGHLIGHT
        return None


def _build(dimensions: list[DimensionRecord], items: list[ItemRecord]
           ) -> tuple[Node, dict[int, Node], dict[int, Node]]:
    root = Node("root", None)
    dims: dict[int, Node] = {}
    for dim in dimensions:  # table order: parents come before children
        parent = dims[dim.parent_id] if dim.parent_id is not None else root
        node = Node(DIMENSION, dim, parent)
        dims[dim.id] = node
        parent.children.append(node)
    item_nodes: dict[int, Node] = {}
    item_slots: dict[int, int] = {}
    for item in items:
        parent = dims[item.dimension_id]
        node = Node(ITEM, item, parent)
        # a dimension's own items come before its sub-dimensions, as in the table
        slot = item_slots.get(item.dimension_id, 0)
        parent.children.insert(slot, node)
        item_slots[item.dimension_id] = slot + 1
        item_nodes[item.id] = node
        ancestor: Node | None = parent
        while ancestor is not None and ancestor is not root:
            ancestor.total += is_applicable(item.status)
            ancestor.done += is_done(item.status)
            ancestor = ancestor.parent
    for node in (root, *dims.values()):
        for position, child in enumerate(node.children):
            child.position = position
    return root, dims, item_nodes


def _dragged(data: QMimeData) -> list[tuple[str, int]]:
    """The (kind, id) rows a drag carries."""
    return [(kind, row_id) for kind, row_id in json.loads(bytes(data.data(MIME_TYPE)).decode())]


def _walk(node: Node):
    for child in node.shown:
        yield child
        yield from _walk(child)


def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
