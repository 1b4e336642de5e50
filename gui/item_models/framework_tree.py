"""The framework tree as a Qt item model: dimensions with their items, status and completion,
in the declared columns (tree_columns: the title, then 状态 and 责任处室 the view may show).

It holds records only, in a Qt-free NodeTree (framework_nodes) that builds, filters and counts;
this adapter maps it onto Qt's indexes, roles, lazy fetching and drag and drop. Edits go through
undo commands; the model is refreshed from the change notifier (update_item for a field edit,
reset for a structural change). A drop is turned into a move request, never into a write.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from gui.infra.status_icons import status_icon
from gui.item_models.framework_nodes import DIMENSION, ITEM, Node, NodeTree, dragged_rows
from gui.item_models.tree_columns import COLUMNS, CONTEXT, TITLE, TreeColumn
from model.records import DimensionRecord, ItemRecord
from model.vocabulary import DimensionCounts, status_colour

__all__ = ["DIMENSION", "ID_ROLE", "ITEM", "KIND_ROLE", "LAZY_ITEMS", "MIME_TYPE", "RECORD_ROLE",
           "FrameworkTreeModel"]

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3
MIME_TYPE = "application/x-zicha-tree-node"

LAZY_ITEMS = 3000  # above this, a dimension's items are loaded when it is opened (reset_lazy)
AnyIndex = QModelIndex | QPersistentModelIndex
ITEM_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren)
DIMENSION_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                   | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)
ROOT_FLAGS = Qt.ItemFlag.ItemIsDropEnabled
HIGHLIGHT = QBrush(QColor("#fff3b0"))


class FrameworkTreeModel(QAbstractItemModel):
    # kind, id, new parent dimension id (None: top level), index among its kind of siblings
    move_requested = Signal(str, int, object, int)
    items_dropped = Signal(list, int)  # several dragged items (ids), the dimension dropped on

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tree = NodeTree()
        self._base: NodeTree | None = None  # under a find over a lazy tree: the whole tree
        self._highlight = False
        self._loader: Callable[[int], list[ItemRecord]] | None = None
        self._base_loader: Callable[[int], list[ItemRecord]] | None = None
        self._load_everything: Callable[[], list[ItemRecord]] | None = None

    def reset(self, dimensions: list[DimensionRecord], items: list[ItemRecord]) -> None:
        self._loader, self._base = None, None
        self._replace(NodeTree(dimensions, items))

    def reset_lazy(self, dimensions: list[DimensionRecord], counts: dict[int, DimensionCounts],
                   loader: Callable[[int], list[ItemRecord]],
                   load_all: Callable[[], list[ItemRecord]] | None = None) -> None:
        """The dimensions only, with their counts from SQL; a dimension's items are fetched by
        loader(dimension_id) when the view opens it (canFetchMore/fetchMore), or all at once by
        load_all() when a find needs them."""
        self._loader = self._base_loader = loader
        self._load_everything = load_all
        self._base = None
        self._replace(NodeTree.lazy(dimensions, counts))

    def _replace(self, tree: NodeTree) -> None:
        """A new tree under the current filter."""
        self.beginResetModel()
        old, self._tree = self._tree, tree
        if old.filtered or old.dimension_text:  # the find stays as it was
            tree.set_filter(old.filter_items, old.dimension_text)
        self.endResetModel()

    @property
    def lazy(self) -> bool:
        return self._loader is not None

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        return parent.column() <= 0 and self._tree.has_children(self._node(parent))

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return parent.isValid() and parent.column() == 0 \
            and parent.internalPointer().unloaded_items > 0

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self._load(parent.internalPointer(), parent)

    def ensure_loaded(self, dimension_id: int) -> None:
        node = self._tree.node(DIMENSION, dimension_id)
        if node is not None and node.unloaded_items:
            self._load(node, self._index_of_node(node))

    def load_all(self) -> None:
        """Fetch every dimension's items (a find needs them all in view)."""
        pending = self._tree.pending()
        if not pending or self._loader is None:
            return
        self.beginResetModel()
        if self._load_everything is not None and len(pending) > 1:
            self._tree.attach_all(self._load_everything())  # one query, not one per dimension
        else:
            for node in pending:
                self._tree.attach(node.record.id, self._loader(node.record.id))
        self._tree.apply_filter()
        self.endResetModel()

    def _load(self, node: Node, index: AnyIndex) -> None:
        records = self._loader(node.record.id) if self._loader else []
        appear = bool(records) and index.isValid() and not self._tree.filtered
        if appear:  # the items come before the sub-dimensions
            self.beginInsertRows(index, 0, len(records) - 1)
        self._tree.attach(node.record.id, records)
        if appear:
            self.endInsertRows()

    @property
    def filtered(self) -> bool:
        return self._tree.filtered or self._tree.pruned

    def show_found(self, tree: NodeTree | None,
                   loader: Callable[[int], list[ItemRecord]] | None = None,
                   highlight: bool = False) -> None:
        """A lazy tree's find: show tree (NodeTree.found: the dimensions with matches, each
        one's matching items fetched by loader when opened), or with None the whole tree
        again, as it was (what was opened stays loaded). One reset over the dimensions: no
        item is read or walked for it."""
        self.beginResetModel()
        if self._base is None:
            self._base = self._tree
        if tree is None:
            self._tree, self._base = self._base, None
            self._loader = self._base_loader
        else:
            self._tree, self._loader = tree, loader
        self._highlight = highlight
        self.endResetModel()

    def attach_found(self, records: list[ItemRecord]) -> None:
        """A small find's matching items, all at once (their dimensions then open at once)."""
        by_dimension: dict[int, list[ItemRecord]] = {}
        for record in records:
            by_dimension.setdefault(record.dimension_id, []).append(record)
        self.beginResetModel()
        for dimension_id, found in by_dimension.items():
            if self._tree.node(DIMENSION, dimension_id) is not None:
                self._tree.attach(dimension_id, found)
        self.endResetModel()

    def set_filter(self, item_ids: set[int] | None, dimension_text: str = "",
                   highlight: bool = False) -> None:
        """Show only these items (None: everything) with the dimensions above them, and the
        dimensions whose name contains dimension_text. Done in the model rather than a proxy:
        a 10,000-row tree then lays out in one pass without a proxy's per-row mapping."""
        self.beginResetModel()
        self._tree.set_filter(item_ids, dimension_text)
        self._highlight = highlight
        self.endResetModel()

    def is_highlighted(self, item_id: int) -> bool:
        return self._highlight and self._tree.is_match(item_id)

    def update_item(self, record: ItemRecord) -> None:
        """A field edit: replace the record; recount completion up the tree if the status moved."""
        if self._base is not None:  # the whole tree, shown again when the find is cleared
            self._base.update_item(record)
        for node in self._tree.update_item(record):
            self._changed(node)

    def update_dimension(self, record: DimensionRecord) -> None:
        if self._base is not None:
            self._base.update_dimension(record)
        node = self._tree.update_dimension(record)
        if node is not None:
            self._changed(node)

    def items(self) -> list[ItemRecord]:
        return self._tree.items()

    def _changed(self, node: Node) -> None:
        index = self._index_of_node(node)
        if index.isValid():  # the whole row: the columns beside the title show the record too
            self.dataChanged.emit(index, index.siblingAtColumn(len(COLUMNS) - 1))

    def _index_of_node(self, node: Node) -> QModelIndex:
        if not self._tree.is_shown(node):
            return QModelIndex()  # filtered out
        return self.createIndex(node.position, 0, node)

    # --- Qt model interface ---------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        # Called tens of thousands of times when a large tree is laid out: kept minimal.
        if parent.isValid() and parent.column():
            return QModelIndex()  # only the first column holds children
        children = (parent.internalPointer() if parent.isValid() else self._tree.root).shown
        if not 0 <= column < len(COLUMNS) or row < 0 or row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    # the stub overloads parent() (QObject's) and parent(child); a model answers the second
    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid():
            return QModelIndex()
        parent = child.internalPointer().parent
        if parent is None or parent is self._tree.root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._tree.root.shown)
        return 0 if parent.column() > 0 else len(parent.internalPointer().shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return len(COLUMNS)

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
        column = COLUMNS[index.column()]
        if column is not TITLE:
            return _cell(column, node, role)
        if node.kind == DIMENSION:
            return self._dimension_data(node, role)
        return self._item_data(node.record, role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(CONTEXT, COLUMNS[section].header)
        if role == Qt.ItemDataRole.ToolTipRole:  # how the columns are chosen
            return self.tr("右键单击此处，选择在标题旁显示的列（状态、责任处室）")
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

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        dragged = dragged_rows(i.internalPointer() for i in indexes if i.isValid())
        if dragged:
            mime.setData(MIME_TYPE, json.dumps(dragged).encode())
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: AnyIndex) -> bool:
        if not data.hasFormat(MIME_TYPE):
            return False
        kind, _ = _dragged(data)[0]
        return self._tree.can_drop(kind, self._node(parent))

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
        parent_id, index = self._tree.drop_destination(kind, target, row)
        self.move_requested.emit(kind, row_id, parent_id, index)
        return False  # the move arrives as a reset from the notifier, not as a row removal

    # --- lookups --------------------------------------------------------------------------
    def index_of(self, kind: str, row_id: int) -> QModelIndex:
        node = self._tree.node(kind, row_id)
        return self._index_of_node(node) if node else QModelIndex()

    def first_item_index(self) -> QModelIndex:
        for node in self._tree.walk_shown():
            if node.kind == DIMENSION and node.unloaded_items:
                self.ensure_loaded(node.record.id)
            if node.kind == ITEM:
                return self.createIndex(node.row(), 0, node)
        return QModelIndex()

    def dimension_ids(self) -> list[int]:
        return self._tree.dimension_ids()

    def has_sub_dimensions(self, dimension_id: int) -> bool:
        """Whether the dimension holds other dimensions (a lazy tree opens down to them)."""
        return self._tree.has_sub_dimensions(dimension_id)

    def _node(self, index: AnyIndex) -> Node:
        return index.internalPointer() if index.isValid() else self._tree.root

    def _dimension_data(self, node: Node, role: int) -> Any:
        record: DimensionRecord = node.record
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{record.name}  {node.done}/{node.total}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.report_heading or record.name
        if role == Qt.ItemDataRole.FontRole and record.level == 1:
            return _bold_font()
        return None

    def _item_data(self, record: ItemRecord, role: int) -> Any:
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


def _cell(column: TreeColumn, node: Node, role: int) -> Any:
    """A column beside the title: an item's field as the editor shows it; empty for a dimension."""
    if node.kind != ITEM:
        return None
    record: ItemRecord = node.record
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        return column.value(record)
    if role == Qt.ItemDataRole.ForegroundRole and column.status_coloured:
        return QBrush(QColor(status_colour(record.status)))
    return None


def _dragged(data: QMimeData) -> list[tuple[str, int]]:
    """The (kind, id) rows a drag carries."""
    raw = bytes(data.data(MIME_TYPE))  # type: ignore[call-overload]  # stub: QByteArray is a buffer
    return [(kind, row_id) for kind, row_id in json.loads(raw.decode())]


def _bold_font() -> QFont:
    font = QFont()
    font.setBold(True)
    return font
