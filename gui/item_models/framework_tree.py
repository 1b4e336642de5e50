"""The framework tree as a Qt item model: dimensions with their items, status and completion."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from model.records import DimensionRecord, ItemRecord

DIMENSION, ITEM = "dimension", "item"
KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
DONE_STATUSES = ("已完成", "超额完成")
STATUS_COLOURS = {
    "未开始": "#8a8a8a", "推进中": "#c77c00", "已完成": "#2e7d32",
    "超额完成": "#1565c0", "未完成": "#c62828", "不适用": "#6d6d6d",
}

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(eq=False)
class Node:
    kind: str
    record: Any
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    done: int = 0
    total: int = 0

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class FrameworkTreeModel(QAbstractItemModel):
    """Holds records only; edits go through services, then reset() or update_item()."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = Node("root", None)
        self._items: dict[int, Node] = {}

    def reset(self, dimensions: list[DimensionRecord], items: list[ItemRecord]) -> None:
        self.beginResetModel()
        self._root, self._items = _build(dimensions, items)
        self.endResetModel()

    # --- Qt model interface ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        node = self._node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        node: Node = child.internalPointer()
        parent = node.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        return len(self._node(parent).children)

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
        if node.kind == DIMENSION:
            return self._dimension_data(node, role)
        return self._item_data(node, role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("考评维度与自查事项")
        return None

    # --- lookups --------------------------------------------------------------------------
    def index_of_item(self, item_id: int) -> QModelIndex:
        node = self._items.get(item_id)
        return self.createIndex(node.row(), 0, node) if node else QModelIndex()

    def first_item_index(self) -> QModelIndex:
        for node in _walk(self._root):
            if node.kind == ITEM:
                return self.createIndex(node.row(), 0, node)
        return QModelIndex()

    def _node(self, index: AnyIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._root

    def _dimension_data(self, node: Node, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{node.record.name}  {node.done}/{node.total}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.record.report_heading or node.record.name
        return None

    def _item_data(self, node: Node, role: int) -> Any:
        record: ItemRecord = node.record
        if role == Qt.ItemDataRole.DisplayRole:
            first_line = record.content.splitlines()[0] if record.content else self.tr("（未填写）")
            return f"{record.seq}. {first_line}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATUS_COLOURS.get(record.status, "#000000")))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{record.status}｜{record.content}"
        return None


def _build(dimensions: list[DimensionRecord], items: list[ItemRecord]
           ) -> tuple[Node, dict[int, Node]]:
    root = Node("root", None)
    by_id: dict[int, Node] = {}
    for dim in dimensions:  # table order: parents come before children
        parent = by_id[dim.parent_id] if dim.parent_id is not None else root
        node = Node(DIMENSION, dim, parent)
        by_id[dim.id] = node
        parent.children.append(node)
    item_nodes: dict[int, Node] = {}
    item_slots: dict[int, int] = {}
    for item in items:
        parent = by_id[item.dimension_id]
        node = Node(ITEM, item, parent)
        # a dimension's own items come before its sub-dimensions, as in the table
        slot = item_slots.get(item.dimension_id, 0)
        parent.children.insert(slot, node)
        item_slots[item.dimension_id] = slot + 1
        item_nodes[item.id] = node
        done = item.status in DONE_STATUSES
        ancestor: Node | None = parent
        while ancestor is not None and ancestor is not root:
            ancestor.total += 1
            ancestor.done += done
            ancestor = ancestor.parent
    return root, item_nodes


def _walk(node: Node):
    for child in node.children:
        yield child
        yield from _walk(child)
