"""The notifier's one signal: the Changes a write made, and who started it (edit, undo, redo)."""

from __future__ import annotations

from gui.commands.fields import EditFieldCommand
from gui.commands.structure import CreateCommand
from gui.window.main_window import MainWindow
from model.edits.changes import Changes
from model.records import ItemRecord
from model.services import Services


def test_a_field_edit_says_item_record_and_origin(window: MainWindow, demo: Services,
                                                   demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    seen: list[tuple[Changes, str]] = []
    window.notifier.changed.connect(lambda changes, origin: seen.append((changes, origin)))
    window.undo_stack.push(EditFieldCommand(window.context, "item", item.id, "note", item.note,
                                            "已核对", visit=1, label="备注"))
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert [(origin, c.items, c.fields, c.records(ItemRecord)[0].note) for c, origin in seen] == [
        ("edit", {item.id}, {"note"}, "已核对"), ("undo", {item.id}, {"note"}, item.note),
        ("redo", {item.id}, {"note"}, "已核对")]
    assert not any(c.structure or c.dimensions or c.evidence or c.assessment for c, _ in seen)


def test_a_structural_edit_names_the_row_to_select(window: MainWindow, demo: Services,
                                                    demo_id: int) -> None:
    dimension = demo.dimensions.list(demo_id)[0]
    seen: list[tuple[Changes, str]] = []
    window.notifier.changed.connect(lambda changes, origin: seen.append((changes, origin)))
    command = CreateCommand(window.context, "item", "新建自查事项", dimension_id=dimension.id)
    window.undo_stack.push(command)
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert [(origin, c.structure, c.select) for c, origin in seen] == [
        ("edit", True, ("item", command.row_id)),
        ("undo", True, None),
        ("redo", True, ("item", command.row_id))]
