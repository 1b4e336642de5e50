"""Framework edits from the tree: new dimension / sub-dimension / item, delete, move, drop."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QTreeView

from gui.commands.structure import CreateCommand, DeleteCommand, MoveCommand
from gui.item_models.framework_tree import (
    DIMENSION,
    ITEM,
    KIND_ROLE,
    RECORD_ROLE,
    FrameworkTreeModel,
)
from gui.panels.item_editor import item_subject, shorten
from gui.window.window_context import WindowContext
from model.vocabulary import MAX_DIMENSION_DEPTH


class StructureActions(QObject):
    def __init__(self, ctx: WindowContext, tree: QTreeView, model: FrameworkTreeModel) -> None:
        super().__init__(ctx.widget)
        self.ctx, self.tree, self.model = ctx, tree, model
        self.context, self.stack, self.window = ctx.edit, ctx.undo, ctx.widget

    @property
    def assessment_id(self) -> int | None:
        return self.ctx.assessment_id

    def selected(self) -> tuple[str | None, Any]:
        """The current row's kind and record (an ItemRecord or DimensionRecord, as kind says)."""
        index = self.tree.currentIndex()
        if not index.isValid():
            return None, None
        return index.data(KIND_ROLE), index.data(RECORD_ROLE)

    # --- create ---------------------------------------------------------------------------
    def new_dimension(self) -> None:
        """A dimension at the level of the selected one (or of the selected item's), after it."""
        if self.assessment_id is None:
            return
        kind, record = self.selected()
        parent_id, index = None, None
        if kind == DIMENSION:
            parent_id, index = record.parent_id, record.position + 1
        elif kind == ITEM:
            dimension = self.context.services.dimensions.get(record.dimension_id)
            parent_id, index = dimension.parent_id, dimension.position + 1
        self.stack.push(CreateCommand(self.context, DIMENSION, self.tr("新建考评维度"),
                                      assessment_id=self.assessment_id, name=self.tr("新考评维度"),
                                      parent_id=parent_id, index=index))

    def new_sub_dimension(self) -> None:
        kind, record = self.selected()
        if kind != DIMENSION:
            return
        if record.level >= MAX_DIMENSION_DEPTH:
            QMessageBox.information(self.window, self.tr("新建下级维度"),
                                    self.tr("考评维度最多 3 级。"))
            return
        self.stack.push(CreateCommand(self.context, DIMENSION, self.tr("新建下级维度"),
                                      assessment_id=self.assessment_id,
                                      name=self.tr("新考评维度"), parent_id=record.id))

    def new_item(self) -> None:
        kind, record = self.selected()
        if kind == DIMENSION:
            dimension_id, index = record.id, None
        elif kind == ITEM:
            dimension_id, index = record.dimension_id, record.position + 1
        else:
            QMessageBox.information(self.window, self.tr("新建事项"),
                                    self.tr("请先在左侧选择一个考评维度。"))
            return
        self.stack.push(CreateCommand(self.context, ITEM, self.tr("新建自查事项"),
                                      dimension_id=dimension_id, index=index))

    # --- delete -----------------------------------------------------------------------------
    def delete(self) -> None:
        kind, record = self.selected()
        if kind is None:
            return
        if kind == DIMENSION:
            question = self.tr("删除考评维度“%1”及其下的全部事项和证明材料？").replace("%1", record.name)
        else:
            question = self.tr("删除第 %1 项“%2”？").replace("%1", str(record.seq)).replace(
                "%2", shorten(record.content, 30))
        answer = QMessageBox.question(self.window, self.tr("删除"),
                                      question + "\n" + self.tr("（可以撤销）"))
        if answer == QMessageBox.StandardButton.Yes:
            command = DeleteCommand(self.context, kind, record.id, self.tr("删除"))
            command.subject = self._subject(kind, record)
            self.stack.push(command)

    # --- move -------------------------------------------------------------------------------
    def move_up(self) -> None:
        self._move_by(-1)

    def move_down(self) -> None:
        self._move_by(+1)

    def _move_by(self, step: int) -> None:
        kind, record = self.selected()
        if kind is None:
            return
        siblings = self._sibling_count(kind, record)
        target = record.position + step
        if not 0 <= target < siblings:
            return
        parent = record.dimension_id if kind == ITEM else record.parent_id
        self._push_move(kind, record, (parent, record.position), (parent, target))

    def move_to(self, kind: str, row_id: int, parent_id: int | None, index: int) -> None:
        """A drop on the tree: move the dragged node under parent_id at index."""
        if self.model.filtered:
            return  # positions in a filtered view are not the real ones
        record = self.model.index_of(kind, row_id).data(RECORD_ROLE)
        if record is None:
            return
        old_parent = record.dimension_id if kind == ITEM else record.parent_id
        if old_parent == parent_id and index > record.position:
            index -= 1  # the node itself leaves its old place first
        if (old_parent, record.position) == (parent_id, index):
            return
        self._push_move(kind, record, (old_parent, record.position), (parent_id, index))

    def _push_move(self, kind: str, record: Any, source: tuple, target: tuple) -> None:
        command = MoveCommand(self.context, kind, record.id, source, target, self.tr("移动"))
        command.subject = self._subject(kind, record)
        self.stack.push(command)

    def _subject(self, kind: str, record: Any) -> str:
        if kind == ITEM:
            return item_subject(record)
        return self.tr("考评维度“%1”").replace("%1", record.name)

    def _sibling_count(self, kind: str, record: Any) -> int:
        index = self.tree.currentIndex()
        parent = index.parent()
        count = 0
        for row in range(self.model.rowCount(parent)):
            if self.model.index(row, 0, parent).data(KIND_ROLE) == kind:
                count += 1
        return count if not self.model.filtered else 0


