"""Two windows and another program on one database: what one commits, the other shows within a
second, keeping its selection, its scroll position and what its clerk is typing; undo is per
assessment, named, and survives switching (issue #24)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.infra.settings import Settings
from gui.item_models.framework_tree import ID_ROLE, ITEM, RECORD_ROLE
from gui.window.main_window import MainWindow
from model.services import Services
from model.storage.migrate import open_sqlite
from tests.gui.test_editing import select, type_into
from tests.importers import clerk_tables

ROOT = Path(__file__).resolve().parents[2]
LATENCIES: list[float] = []  # seconds from A's commit to B showing it


@pytest.fixture
def two(qtbot: QtBot, demo: Services, answers: list[str]) -> Iterator[tuple[MainWindow, MainWindow]]:
    other = Services.over(open_sqlite(demo.db.sqlite_path))
    first, second = MainWindow(demo, Settings()), MainWindow(other, Settings())
    for window in (first, second):
        qtbot.addWidget(window)
        window.resize(1366, 728)
        window.show()
    yield first, second
    second.close()
    other.close()


def shown_within_a_second(qtbot: QtBot, seen, start: float) -> float:
    qtbot.waitUntil(seen, timeout=max(1, int(1000 - (time.monotonic() - start) * 1000)))
    latency = time.monotonic() - start
    LATENCIES.append(latency)
    print(f"refresh latency: {latency * 1000:.0f} ms")
    return latency


def test_window_b_shows_window_a_edit_within_a_second(qtbot: QtBot, two, demo: Services,
                                                      demo_id: int) -> None:
    a, b = two
    items = demo.items.list(demo_id)
    item = items[2]
    select(a, ITEM, item.id)
    select(b, ITEM, items[30].id)  # B looks at another item, further down, the tree scrolled
    b.tree.verticalScrollBar().setValue(b.tree.verticalScrollBar().maximum() // 2)
    scrolled = b.tree.verticalScrollBar().value()
    type_into(qtbot, a.item_editor.texts["result"].edit, "——A 窗口补充")
    a.commit_editors()
    start = time.monotonic()  # A has committed: B's clock starts
    wanted = item.result + "——A 窗口补充"
    shown_within_a_second(qtbot, lambda: b.tree_model.index_of(ITEM, item.id).data(
        RECORD_ROLE).result == wanted, start)
    assert b.left.current_row() == (ITEM, items[30].id)  # the selection stays
    assert b.tree.verticalScrollBar().value() == scrolled  # and so does the scroll position
    select(b, ITEM, item.id)
    assert b.item_editor.texts["result"].edit.toPlainText() == wanted


def test_status_and_new_items_from_the_other_window_appear_in_place(qtbot: QtBot, two,
                                                                    demo: Services,
                                                                    demo_id: int) -> None:
    a, b = two
    items = demo.items.list(demo_id)
    select(b, ITEM, items[5].id)
    b.tree.selectionModel().select(b.tree_model.index_of(ITEM, items[6].id),
                                   b.tree.selectionModel().SelectionFlag.Select)
    select(a, ITEM, items[0].id)
    a.new_item()  # a structural change: B reads its tree again
    start = time.monotonic()
    shown_within_a_second(qtbot, lambda: b.tree_model.index_of(ITEM, a.left.current_row()[1]).isValid(),
                          start)
    assert b.left.current_row() == (ITEM, items[5].id)
    selected = {i.data(ID_ROLE) for i in b.tree.selectionModel().selectedIndexes()}
    assert selected == {items[5].id, items[6].id}  # a multi-selection survives the reload


def test_typing_while_the_other_window_saves_keeps_the_words_and_asks(
        qtbot: QtBot, two, demo: Services, demo_id: int, answers: list[str]) -> None:
    a, b = two
    item = demo.items.list(demo_id)[3]
    select(a, ITEM, item.id)
    select(b, ITEM, item.id)
    edit_b = b.item_editor.texts["result"].edit
    type_into(qtbot, edit_b, "（B 正在输入）")  # not saved yet: B's clerk is still typing
    type_into(qtbot, a.item_editor.texts["result"].edit, "（A 已保存）")
    a.commit_editors()
    qtbot.waitUntil(lambda: b.live.last_refresh > 0, timeout=1000)
    assert edit_b.toPlainText() == item.result + "（B 正在输入）"  # B's words stay on screen
    assert answers == []  # nothing asked yet: B has not saved
    b.commit_editors()  # B's pause in typing: the save finds A's text and shows both
    assert len(answers) == 1 and answers[0].startswith("conflict:")
    stored = demo.items.get(item.id).result
    assert stored.startswith(item.result) and "（B 正在输入）" in stored and "（A 已保存）" in stored
    assert edit_b.toPlainText() == stored
    qtbot.waitUntil(lambda: a.item_editor.texts["result"].edit.toPlainText() == stored, timeout=1000)
    b.undo()  # B's undo puts back A's text, not the text before A's
    assert demo.items.get(item.id).result == item.result + "（A 已保存）"


def test_another_process_importing_shows_within_a_second(qtbot: QtBot, window: MainWindow,
                                                         demo: Services, demo_id: int,
                                                         tmp_path: Path) -> None:
    workbook = clerk_tables.doubled_category_tasks(tmp_path / "任务.xlsx")
    before = window.tree_model.rowCount()
    select(window, ITEM, demo.items.list(demo_id)[0].id)
    command = [sys.executable, str(ROOT / "main.py"), "import-xlsx", str(workbook), "--db",
               str(demo.db.sqlite_path), "--into", str(demo_id)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    start = time.monotonic()  # the other program has committed and exited; the window looks now
    assert done.returncode == 0, done.stderr
    shown_within_a_second(qtbot, lambda: window.tree_model.rowCount() > before, start)
    assert window.left.current_row() == (ITEM, demo.items.list(demo_id)[0].id)


def test_each_assessment_keeps_its_own_named_undo_history(qtbot: QtBot, window: MainWindow,
                                                          demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[2]
    select(window, ITEM, item.id)
    type_into(qtbot, window.item_editor.texts["result"].edit, "补充")
    window.commit_editors()
    label = window.item_editor.binder._labels["result"]
    assert window.undo_action.toolTip() == f"撤销 编辑“{label}”（第 3 项）"
    assert window.undo_action.text().replace("(&U)", "") == window.undo_action.toolTip()
    other = demo.assessments.create("另一单位", 2023)
    window.fill_assessments(select=other.id)
    assert window.assessment_id == other.id and window.undo_action.toolTip() == "撤销"
    window.fill_assessments(select=demo_id)  # back: the history is still there
    assert window.undo_action.toolTip() == f"撤销 编辑“{label}”（第 3 项）"
    window.undo()
    assert demo.items.get(item.id).result == item.result
    assert window.redo_action.toolTip() == f"重做 编辑“{label}”（第 3 项）"
    window.action("undo_history").trigger()
    view = window.history_dialog.view
    assert view.isVisible()
    assert [view.model().index(r, 0).data() for r in range(view.model().rowCount())] == [
        "<打开时>", f"编辑“{label}”（第 3 项）"]


def test_an_import_is_one_undo_step(qtbot: QtBot, window: MainWindow, demo: Services, demo_id: int,
                                    tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog

    from gui.dialogs.import_excel import ImportPreview

    workbook = clerk_tables.doubled_category_tasks(tmp_path / "任务.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(workbook), "")))

    def into_current(dialog: ImportPreview) -> int:
        dialog.target.setCurrentIndex(1)  # 导入到当前自评
        dialog.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ImportPreview, "exec", into_current)
    before = {i.id: i for i in demo.items.list(demo_id)}
    window.files.import_excel()
    after = demo.items.list(demo_id)
    added = len(after) - len(before)
    assert added > 0
    assert window.undo_action.toolTip() == f"撤销 导入“任务.xlsx”（{added} 项）"
    window.undo()
    assert {i.id: i for i in demo.items.list(demo_id)} == before  # only what it created is gone
    window.redo()
    assert [i.id for i in demo.items.list(demo_id)] == [i.id for i in after]  # the same rows back


def test_report_latency() -> None:
    """Prints what the tests above measured (pytest -s shows it)."""
    if LATENCIES:
        print(json.dumps({"refresh_latency_ms": [round(x * 1000) for x in LATENCIES],
                          "max_ms": round(max(LATENCIES) * 1000)}))
        assert max(LATENCIES) < 1.0



def test_undoing_an_import_into_a_new_assessment_goes_back(qtbot: QtBot, window: MainWindow,
                                                           demo: Services, demo_id: int,
                                                           tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QDialog, QFileDialog

    from gui.dialogs.import_excel import ImportPreview

    workbook = clerk_tables.doubled_category_tasks(tmp_path / "任务.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(workbook), "")))

    def new_assessment(dialog: ImportPreview) -> int:
        dialog.unit.setText(dialog.unit.text() or "市发展改革委")
        dialog.year.setValue(dialog.year.value() or 2024)
        dialog.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ImportPreview, "exec", new_assessment)
    window.files.import_excel()
    created = window.assessment_id
    assert created != demo_id and len(demo.assessments.list()) == 2
    assert window.undo_action.toolTip().startswith("撤销 导入“任务.xlsx”（")
    window.undo()  # the assessment it made is gone; the window shows the one the clerk came from
    assert [s.id for s in demo.assessments.list()] == [demo_id]
    assert window.assessment_id == demo_id


def test_narrative_and_dimension_typed_over_a_change_elsewhere_ask_too(
        qtbot: QtBot, window: MainWindow, demo: Services, demo_id: int, answers: list[str]) -> None:
    other = Services.over(open_sqlite(demo.db.sqlite_path))
    window.show_assessment_editor()
    overview = window.assessment_editor.texts["overview"].edit
    type_into(qtbot, overview, "（本窗口补充）")
    other.narrative.set_text(demo_id, "overview", "另一窗口改写的总体情况。")
    window.commit_editors()
    stored = demo.narrative.sections(demo_id)["overview"].text
    assert "（本窗口补充）" in stored and "另一窗口改写的总体情况。" in stored
    assert overview.toPlainText() == stored
    dimension = demo.dimensions.list(demo_id)[0]
    window.select("dimension", dimension.id)
    type_into(qtbot, window.dimension_editor.heading, "本窗口的标题")
    other.dimensions.update(dimension.id, None, report_heading="另一窗口的标题")
    window.commit_editors()
    assert [a.split(":")[0] for a in answers] == ["conflict", "conflict"]
    heading = demo.dimensions.get(dimension.id).report_heading
    assert "本窗口的标题" in heading and "另一窗口的标题" in heading
    other.close()


def test_typing_into_an_item_deleted_elsewhere_keeps_the_words_on_the_clipboard(
        qtbot: QtBot, window: MainWindow, demo: Services, demo_id: int, answers: list[str]) -> None:
    item = demo.items.list(demo_id)[6]
    select(window, ITEM, item.id)
    type_into(qtbot, window.item_editor.texts["result"].edit, "刚写的一段话")
    other = Services.over(open_sqlite(demo.db.sqlite_path))
    other.items.delete(item.id)
    window.commit_editors()
    assert len(answers) == 1 and answers[0].endswith("您输入的内容已复制到剪贴板。")
    assert "第 7 项" in answers[0]
    assert QApplication.clipboard().text() == item.result + "刚写的一段话"
    other.close()


def test_typing_on_after_the_item_is_deleted_elsewhere_goes_to_no_other_field(
        qtbot: QtBot, window: MainWindow, demo: Services, demo_id: int, answers: list[str]) -> None:
    """The item being typed in is deleted in another window: the editor turns to the next item,
    and the words typed next land in the tree, never in that item's field."""
    item = demo.items.list(demo_id)[6]
    select(window, ITEM, item.id)
    box = window.item_editor.texts["target"].edit
    box.setFocus()
    qtbot.waitUntil(lambda: box.hasFocus() and window.live.digest is not None
                    and not window.live._reading)  # what it shows is the baseline
    other = Services.over(open_sqlite(demo.db.sqlite_path))
    other.items.delete(item.id)
    other.close()
    qtbot.waitUntil(lambda: window.left.current_row() != (ITEM, item.id), timeout=3000)
    assert window.left.tree.hasFocus()
    shown = window.left.current_row()
    qtbot.keyClicks(QApplication.focusWidget(), "EEE")
    window.commit_editors()
    assert shown is not None and shown[0] == ITEM
    assert "EEE" not in demo.items.get(shown[1]).target


def test_a_window_in_the_background_turning_to_another_row_keeps_no_field_focused(
        qtbot: QtBot, two, demo: Services, demo_id: int) -> None:
    """The same while the clerk works in the other window: when they come back, the focus is in
    the tree, not in the field of the row shown now (单位名称 when the find matched only it)."""
    first, second = two
    item = demo.items.list(demo_id)[6]
    select(second, ITEM, item.id)
    second.item_editor.texts["target"].edit.setFocus()
    first.activateWindow()
    qtbot.waitUntil(lambda: first.isActiveWindow() and second.live.digest is not None
                    and not second.live._reading)
    assert second.focusWidget() is second.item_editor.texts["target"].edit
    demo.items.delete(item.id)
    qtbot.waitUntil(lambda: second.left.current_row() != (ITEM, item.id), timeout=3000)
    assert second.focusWidget() is second.left.tree


def test_the_assessment_choice_counts_the_items_after_a_delete_here_and_elsewhere(
        qtbot: QtBot, two, demo: Services, demo_id: int) -> None:
    a, b = two
    title = demo.assessments.list()[0].title
    assert a.left.assessments.currentText() == f"{title}（40项）"
    select(a, ITEM, demo.items.list(demo_id)[3].id)
    a.delete()  # answered yes
    assert a.left.assessments.currentText() == f"{title}（39项）"
    qtbot.waitUntil(lambda: b.left.assessments.currentText() == f"{title}（39项）", timeout=2000)
    a.undo()
    assert a.left.assessments.currentText() == f"{title}（40项）"


def test_the_window_does_not_read_its_own_writes_again(qtbot: QtBot, two, demo: Services,
                                                       demo_id: int) -> None:
    """What this window wrote came back with the write: the live refresh reads only what others
    commit (it read every own edit again, and the whole tree after every own new item)."""
    a, b = two
    refreshed: list[object] = []
    a.live.refreshed.connect(refreshed.append)
    items = demo.items.list(demo_id)
    select(a, ITEM, items[2].id)
    type_into(qtbot, a.item_editor.texts["result"].edit, "——本窗口")
    a.commit_editors()
    a.new_item()  # a structural change: the tree read again here
    type_into(qtbot, a.item_editor.texts["content"].edit, "新事项")
    a.commit_editors()
    qtbot.wait(1000)  # five looks at the change feed
    assert refreshed == []
    select(b, ITEM, items[4].id)
    type_into(qtbot, b.item_editor.texts["result"].edit, "——另一窗口")
    b.commit_editors()
    qtbot.waitUntil(lambda: len(refreshed) == 1, timeout=2000)
    assert refreshed[0].items == (items[4].id,) and not refreshed[0].structure
