"""Work on several selected items at once: set 状态 or 责任处室, move, delete (one undo step each)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTreeView

from gui.commands.base import ServiceCommand
from gui.commands.bulk import BulkDeleteCommand, BulkFieldCommand, BulkMoveCommand
from gui.item_models.framework_tree import ITEM, KIND_ROLE, RECORD_ROLE, FrameworkTreeModel
from gui.panels.item_editor import item_subject
from gui.window.window_context import WindowContext
from model.records import ItemRecord


class BulkActions(QObject):
    def __init__(self, ctx: WindowContext, tree: QTreeView) -> None:
        super().__init__(ctx.widget)
        self.tree = tree
        self.context, self.stack, self.window = ctx.edit, ctx.undo, ctx.widget

    def selected_items(self) -> list[ItemRecord]:
        """The selected items in table order (dimensions in the selection are not included)."""
        indexes = self.tree.selectionModel().selectedIndexes()  # a row's every column
        records = [i.data(RECORD_ROLE) for i in indexes if i.column() == 0 and i.data(KIND_ROLE) == ITEM]
        return sorted(records, key=lambda record: record.seq)

    def select_dimension_items(self) -> None:
        """Ctrl+A in the tree: every item of the current item's (or the current) dimension."""
        current = self.tree.currentIndex()
        if not current.isValid():
            return
        parent = current.parent() if current.data(KIND_ROLE) == ITEM else current
        if not self.tree.isExpanded(parent) and parent.isValid():
            self.tree.expand(parent)
        model = self.tree.model()
        selection = QItemSelection()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(KIND_ROLE) == ITEM:
                selection.select(index, index)
        self.tree.selectionModel().select(  # whole rows, as a click selects them
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    # --- actions ------------------------------------------------------------------------------
    def set_status(self, status: str) -> None:
        items = self.selected_items()
        if items:
            self._push(items, BulkFieldCommand(
                self.context, items, "status", status,
                self.tr("把 %1 项设为“%2”").replace("%1", str(len(items))).replace("%2", status)))

    def set_department(self) -> None:
        items = self.selected_items()
        if not items:
            return
        # starts with the selection's common 处室, else empty: never an unrelated one
        common = {item.department for item in items}
        start = common.pop() if len(common) == 1 else ""
        names = [start, *(n for n in self.context.services.items.departments(
            items[0].assessment_id) if n != start)]
        name, ok = QInputDialog.getItem(self.window, self.tr("设置责任处室"),
                                        self.tr("%1 项的责任处室：").replace("%1", str(len(items))),
                                        names, 0, True)
        if ok:
            self._push(items, BulkFieldCommand(
                self.context, items, "department", name.strip(),
                self.tr("设置 %1 项的责任处室").replace("%1", str(len(items)))))

    def move(self) -> None:
        items = self.selected_items()
        if not items:
            return
        dims = self.context.services.dimensions.list(items[0].assessment_id)
        labels = ["　" * (d.level - 1) + d.name for d in dims]
        label, ok = QInputDialog.getItem(self.window, self.tr("移到考评维度"),
                                         self.tr("把 %1 项移到：").replace("%1", str(len(items))),
                                         labels, 0, False)
        if ok and label in labels:
            self.move_to(items, dims[labels.index(label)].id)

    def drop(self, item_ids: list[int], dimension_id: int) -> None:
        """Several items dragged onto a dimension: moved there together, one undo step."""
        model = self.tree.model()
        assert isinstance(model, FrameworkTreeModel)  # the framework pane's tree
        items = [model.index_of(ITEM, i).data(RECORD_ROLE) for i in item_ids]
        if not model.filtered and all(items):
            self.move_to(sorted(items, key=lambda item: item.seq), dimension_id)

    def move_to(self, items: list[ItemRecord], dimension_id: int) -> None:
        self._push(items, BulkMoveCommand(
            self.context, items, dimension_id,
            self.tr("移动 %1 项").replace("%1", str(len(items)))))

    def delete(self) -> None:
        items = self.selected_items()
        if not items:
            return
        seqs = "、".join(str(item.seq) for item in items[:12]) + ("…" if len(items) > 12 else "")
        question = self.tr("删除选中的 %1 项（序号 %2）及其证明材料？").replace(
            "%1", str(len(items))).replace("%2", seqs)
        answer = QMessageBox.question(self.window, self.tr("删除"),
                                      question + "\n" + self.tr("（可以撤销）"))
        if answer == QMessageBox.StandardButton.Yes:
            self._push(items, BulkDeleteCommand(
                self.context, [item.id for item in items],
                self.tr("删除 %1 项").replace("%1", str(len(items)))))

    def _push(self, items: list[ItemRecord], command: ServiceCommand) -> None:
        """A refusal names the item it is about as the clerk sees it (第 3 项“…”), never its id."""
        command.subjects = {("check_item", item.id): item_subject(item) for item in items}
        self.stack.push(command)

    def several_selected(self) -> bool:
        return len(self.selected_items()) > 1

