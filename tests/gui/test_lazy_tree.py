"""A tree too big to load at once: dimensions with SQL counts first, items when opened."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

import gui.framework_pane
from gui.item_models.framework_tree import DIMENSION, ITEM, FrameworkTreeModel
from gui.main_window import MainWindow
from gui.settings import Settings
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
    monkeypatch.setattr(gui.framework_pane, "LAZY_ITEMS", 10)
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
    assert len(model.items()) == 40  # a find looks everywhere
    assert model.rowCount() == 1
    lazy_window.filter_bar.text.setText("")
    assert model.index_of(DIMENSION, demo.dimensions.list(demo_id)[0].id).isValid()
