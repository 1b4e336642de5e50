"""The notifier's Change: what changed, and who started it (the clerk's edit, undo, redo)."""

from __future__ import annotations

from gui.change import Change
from gui.commands.fields import EditFieldCommand
from gui.commands.structure import CreateCommand
from gui.main_window import MainWindow
from model.records import ItemRecord
from model.services import Services


def test_a_field_edit_says_item_record_and_origin(window: MainWindow, demo: Services,
                                                   demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    seen: list[Change] = []
    window.notifier.item_changed.connect(seen.append)
    window.undo_stack.push(EditFieldCommand(window.context, "item", item.id, "note", item.note,
                                            "已核对", visit=1, label="备注"))
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert [(c.kind, c.origin, c.record.note) for c in seen] == [
        ("item", "edit", "已核对"), ("item", "undo", item.note), ("item", "redo", "已核对")]
    assert all(isinstance(c.record, ItemRecord) and c.record.id == item.id for c in seen)


def test_a_structural_edit_names_the_row_to_select(window: MainWindow, demo: Services,
                                                    demo_id: int) -> None:
    dimension = demo.dimensions.list(demo_id)[0]
    seen: list[Change] = []
    window.notifier.structure_changed.connect(seen.append)
    command = CreateCommand(window.context, "item", "新建自查事项", dimension_id=dimension.id)
    window.undo_stack.push(command)
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert [(c.kind, c.origin, c.row_kind, c.row_id, c.record) for c in seen] == [
        ("structure", "edit", "item", command.row_id, None),
        ("structure", "undo", "item", 0, None),
        ("structure", "redo", "item", command.row_id, None)]
