"""A tree too big to load at once: dimensions with SQL counts first, items when opened."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

import gui.window.framework_pane
from gui.infra.settings import Settings
from gui.item_models.framework_tree import DIMENSION, ITEM, FrameworkTreeModel
from gui.window.main_window import MainWindow
from model.services import Services


def test_lazy_model_passes_qt_model_tester(qtbot: QtBot, demo: Services, demo_id: int) -> None:
    model = FrameworkTreeModel()
    model.reset_lazy(demo.dimensions.list(demo_id), demo.items.counts(demo_id),
                     demo.items.list_for_dimension)
    top = model.index(0, 0)
    assert top.data() == "全面依法  24/24" and model.items() == []
    assert model.hasChildren(top) and model.canFetchMore(top)
    assert model.rowCount(top) == 1  # only the sub-dimension until the items are fetched
    model.fetchMore(top)
    assert model.rowCount(top) == 22 and not model.canFetchMore(top)
    assert model.index(0, 0, top).data() == "1. 落实习近平总书记指示批示"
    assert model.index(21, 0, top).data().startswith("法治政府建设")
    ModelTester(qtbot).check(model)  # it fetches what is left as a view would


@pytest.fixture
def lazy_window(qtbot: QtBot, demo: Services, answers: list[str],
                monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(gui.window.framework_pane, "LAZY_ITEMS", 10)
    window = MainWindow(demo, Settings())
    qtbot.addWidget(window)
    window.show()
    return window


def test_window_opens_without_loading_items(lazy_window: MainWindow, demo: Services,
                                            demo_id: int) -> None:
    model = lazy_window.tree_model
    assert model.lazy
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "全面依法  24/24", "全面提升  15/15", "全面优化  1/1"]
    assert lazy_window.completion.text() == "已完成 40 / 40"
    item = demo.items.list(demo_id)[30]
    lazy_window.select(ITEM, item.id)  # loads just that item's dimension
    assert lazy_window.item_editor.record.id == item.id
    loaded = {record.id for record in model.items()}
    assert item.id in loaded and len(loaded) < 40
    lazy_window.filter_bar.text.setText("疫苗")
    matches = [i.id for i in demo.items.list(demo_id) if "疫苗" in i.content + i.result]
    assert [r.id for r in model.items()] == matches  # a find reads its matches only
    assert model.rowCount() == 1 and model.index_of(ITEM, matches[0]).isValid()
    lazy_window.filter_bar.text.setText("")
    assert model.index_of(DIMENSION, demo.dimensions.list(demo_id)[0].id).isValid()
    assert item.id in {record.id for record in model.items()}  # what was opened stays loaded


def test_a_large_find_shows_dimensions_and_fetches_matches_when_opened(
        qtbot: QtBot, lazy_window: MainWindow, demo: Services, demo_id: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gui.window.framework_pane, "OPEN_FOUND", 1)
    model, bar = lazy_window.tree_model, lazy_window.filter_bar
    items = demo.items.list(demo_id)
    bar.status.setCurrentIndex(bar.status.findData("已完成"))
    assert model.items() == []  # many matches: their dimensions, nothing read yet
    dim = next(i.dimension_id for i in items if not model.has_sub_dimensions(i.dimension_id))
    index = model.index_of(DIMENSION, dim)
    assert model.hasChildren(index) and model.canFetchMore(index)
    lazy_window.tree.expand(index)
    wanted = {i.id for i in items if i.dimension_id == dim and i.status == "已完成"}
    # the view fetches an opened dimension's matches when it lays the rows out
    qtbot.waitUntil(lambda: wanted <= {r.id for r in model.items()})
    assert len(model.items()) < len(items)
    lazy_window.select(ITEM, items[0].id)
    assert lazy_window.item_editor.record.id == items[0].id
    lazy_window.select(ITEM, items[1].id)
    lazy_window.item_editor.texts["result"].edit.setPlainText("只在这里的说法")
    lazy_window.item_editor.binder.commit()  # typed in the window: the index follows
    bar.status.setCurrentIndex(0)
    bar.text.setText("只在这里的说法")
    assert [r.id for r in model.items()] == [items[1].id]


def test_typing_as_the_window_opens_shows_what_is_read_then_the_whole_find(
        qtbot: QtBot, lazy_window: MainWindow, demo: Services, demo_id: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A clerk who types before the find index is read: the keystroke shows the matches among
    the items read so far at once, and every match when a thread has found the rest."""
    pane = lazy_window.left
    pane._indexing.stop()  # the reading held after its first page (it goes on in idle time)
    monkeypatch.setattr("model.search.find_index.PAGE", 7)
    index = pane.tree_filter.index
    assert index is not None
    index.start()
    index.step()  # the reading begun again: the common words chosen, nothing read yet
    while len(index) < 7:
        index.step()
    assert len(index) == 7 and not pane.find_ready()
    items = demo.items.list(demo_id)
    matches = sorted(i.id for i in items if "工作" in i.content + i.target + i.result)
    read = [i for i in matches if i in index._slot]
    assert 0 < len(read) < len(matches)
    pane._typing.setInterval(3_600_000)  # the clerk types on: the reading stays held
    lazy_window.filter_bar.text.setText("工作")
    assert not pane._indexing.isActive()  # no page of reading waits on the next keystroke
    assert {r.id for r in lazy_window.tree_model.items()} <= set(read)  # at once: of the part
    qtbot.waitUntil(lambda: sorted(r.id for r in lazy_window.tree_model.items()) == matches)
    assert len(index) == 7  # the whole came from the thread, not from reading the index
    lazy_window.filter_bar.text.setText("疫苗")  # typing on, then the reading finishes
    pane._indexing.start()
    qtbot.waitUntil(pane.find_ready)
    qtbot.waitUntil(lambda: [r.id for r in lazy_window.tree_model.items()] == [
        i.id for i in items if "疫苗" in i.content + i.result])
