"""Filtering the framework tree by text (any text field), status and department.

Matching items keep their dimensions visible (recursive filtering); matches are highlighted.
The match set is computed once per keystroke over plain strings, so each row's test is a set
lookup.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from gui.item_models.framework_tree import ID_ROLE, ITEM, KIND_ROLE, RECORD_ROLE, FrameworkTreeModel
from model.records import ITEM_TEXT_FIELDS, ItemRecord

HIGHLIGHT = QBrush(QColor("#fff3b0"))


def search_blob(item: ItemRecord) -> str:
    return "\n".join(getattr(item, name) for name in ITEM_TEXT_FIELDS).casefold()


class TreeFilterModel(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.text = ""
        self.status = ""
        self.department = ""
        self._matches: set[int] | None = None
        self._blobs: dict[int, str] = {}

    def setSourceModel(self, model: FrameworkTreeModel) -> None:  # type: ignore[override]
        super().setSourceModel(model)
        model.modelReset.connect(self._source_reset)
        model.dataChanged.connect(self._source_changed)

    @property
    def active(self) -> bool:
        return bool(self.text or self.status or self.department)

    def set_filter(self, text: str = "", status: str = "", department: str = "") -> None:
        self.text, self.status, self.department = text.strip().casefold(), status, department
        self._recompute()
        self.beginFilterChange()
        self.endFilterChange()

    def matching_item_ids(self) -> set[int]:
        return set(self._matches or ())

    # --- QSortFilterProxyModel ------------------------------------------------------------
    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
                         ) -> bool:
        if self._matches is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        if index.data(KIND_ROLE) == ITEM:
            return index.data(ID_ROLE) in self._matches
        # a dimension shows when its name matches a text-only filter (its items show anyway)
        if self.text and not (self.status or self.department):
            return self.text in index.data(RECORD_ROLE).name.casefold()
        return False

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        highlight = role == Qt.ItemDataRole.BackgroundRole and self.text and self._matches
        if highlight and index.data(KIND_ROLE) == ITEM and index.data(ID_ROLE) in self._matches:
            return HIGHLIGHT
        return super().data(index, role)

    # --- keeping the match set in step --------------------------------------------------------
    def _source_reset(self) -> None:
        self._blobs = {}
        self._recompute()

    def _source_changed(self, *_args: object) -> None:
        self._blobs = {}
        if self.active:
            self._recompute()
            self.beginFilterChange()
            self.endFilterChange()

    def _recompute(self) -> None:
        if not self.active:
            self._matches = None
            return
        source: FrameworkTreeModel = self.sourceModel()  # type: ignore[assignment]
        items = source.items()
        if not self._blobs:
            self._blobs = {item.id: search_blob(item) for item in items}
        self._matches = {
            item.id for item in items
            if (not self.text or self.text in self._blobs[item.id])
            and (not self.status or item.status == self.status)
            and (not self.department or item.department == self.department)
        }
