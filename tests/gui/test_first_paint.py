"""The first paint: shown before the ORM loads, looking as the main window opens, and the main
window takes its place with what the clerk did meanwhile."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.infra.settings import Settings
from gui.item_models.framework_tree import ID_ROLE, ITEM, LAZY_ITEMS
from gui.window.first_paint import FirstPaint, remember_export_entries
from gui.window.main_window import MainWindow
from model.framework.first_view import read_first_view
from model.services import Services

ROOT = Path(__file__).resolve().parents[2]


def rows(tree_model, parent: QModelIndex = QModelIndex()) -> list[str]:
    shown = []
    for row in range(tree_model.rowCount(parent)):
        index = tree_model.index(row, 0, parent)
        shown += [index.data(), *rows(tree_model, index)]
    return shown


def first(qtbot: QtBot, demo: Services, *, whole_tree_up_to: int = LAZY_ITEMS) -> FirstPaint:
    view = read_first_view(str(demo.db.sqlite_path), whole_tree_up_to=whole_tree_up_to)
    assert view is not None
    window = FirstPaint(view, Settings())
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_first_paint_looks_as_the_main_window_opens(qtbot: QtBot, demo: Services,
                                                       answers: list[str]) -> None:
    early = first(qtbot, demo)
    main = MainWindow(demo, Settings())
    qtbot.addWidget(main)
    assert rows(early.tree_model) == rows(main.tree_model)
    assert early.windowTitle() == main.windowTitle()
    assert early.statusBar().findChildren(type(main.completion))[0].text() == main.completion.text()
    assert early.assessments.currentText() == main.left.assessments.currentText()
    toolbar = [a.text() for a in early.findChildren(type(main.undo_action))
               if a.objectName() in ("word", "excel", "new_item", "import")]
    assert sorted(toolbar) == sorted(a.text() for a in main.findChildren(type(main.undo_action))
                                     if a.objectName() in ("word", "excel", "new_item", "import"))


def headers_shown(tree) -> list[tuple[str, int]]:
    """The tree's header as seen: each shown column's text and width."""
    model = tree.model()
    return [(model.headerData(c, Qt.Orientation.Horizontal),
             tree.columnWidth(c) if c else tree.columnWidth(c) > 300)  # the title: the rest
            for c in range(model.columnCount()) if not tree.isColumnHidden(c)]


@pytest.mark.parametrize("chosen", [[], ["department"], ["status", "department"]])
def test_the_first_paint_shows_the_chosen_tree_columns(qtbot: QtBot, demo: Services, tmp_path: Path,
                                                      answers: list[str], chosen: list[str]) -> None:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set_tree_columns(chosen)
    view = read_first_view(str(demo.db.sqlite_path), whole_tree_up_to=LAZY_ITEMS)
    assert view is not None
    early = FirstPaint(view, settings)
    qtbot.addWidget(early)
    early.resize(1000, 700)
    early.show()
    main = MainWindow(demo, settings)
    qtbot.addWidget(main)
    main.resize(1000, 700)
    main.splitter.setSizes(early.splitter.sizes())
    main.show()
    assert not early.tree.isHeaderHidden()
    assert headers_shown(early.tree) == headers_shown(main.tree)  # no column comes or goes
    QApplication.processEvents()  # the status bars laid out
    early_line = early.statusBar().findChildren(type(main.completion))[0]
    assert early_line.geometry() == main.completion.geometry()  # on the right, where it stays


def test_the_main_window_takes_over_what_the_clerk_did(qtbot: QtBot, demo: Services,
                                                       demo_id: int, answers: list[str]) -> None:
    early = first(qtbot, demo)
    item = next(i for i in demo.items.list(demo_id) if "疫苗" in i.content)
    early.filter_bar.text.setText("疫")
    early.tree.setCurrentIndex(early.tree_model.index_of(ITEM, item.id))
    next(a for a in early.findChildren(type(early.menuBar().actions()[0]))
         if a.objectName() == "review").trigger()  # 体检, asked before the services were there
    main = MainWindow(demo, Settings())
    qtbot.addWidget(main)
    assert early.hand_over(main)
    assert main.isVisible() and not early.isVisible()
    assert main.filter_bar.text.text() == "疫"
    assert main.tree.currentIndex().data(ID_ROLE) == item.id
    assert main.item_editor.record.id == item.id
    assert main.review.isVisible()  # the entry triggered meanwhile ran in the main window


def test_a_large_tree_is_opened_as_the_main_window_opens_it(qtbot: QtBot, demo: Services,
                                                            answers: list[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import gui.window.framework_pane

    monkeypatch.setattr(gui.window.framework_pane, "LAZY_ITEMS", 10)
    early = first(qtbot, demo, whole_tree_up_to=10)
    main = MainWindow(demo, Settings())
    qtbot.addWidget(main)
    main.show()
    QApplication.processEvents()
    assert early.tree_model.lazy and main.tree_model.lazy
    assert rows(early.tree_model) == rows(main.tree_model)
    assert early.tree_model.items() == main.tree_model.items()  # the same dimensions opened
    assert len(early.tree_model.items()) < len(demo.items.list(main.assessment_id or 0))


def test_closed_before_the_services_loaded(qtbot: QtBot, demo: Services,
                                           answers: list[str]) -> None:
    early = first(qtbot, demo)
    early.close()
    main = MainWindow(demo, Settings())
    qtbot.addWidget(main)
    assert not early.hand_over(main)
    assert not main.isVisible()


def test_the_first_paint_imports_no_orm(demo: Services) -> None:
    """What a start imports before the window is shown: Qt and the plain read, not SQLAlchemy,
    the services, the main window nor (remembered from the last start) the export formats."""
    # the last start's settings, where the child's QSettings (named as gui.app names the
    # application) finds them: this process's Qt read its configuration folder before this test
    store = QSettings(os.path.join(os.environ["XDG_CONFIG_HOME"], "jixiao-zicha", "jixiao-zicha.conf"),
                      QSettings.Format.IniFormat)
    remember_export_entries(Settings(store))
    store.sync()
    path = demo.db.sqlite_path
    demo.close()
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "app.setApplicationName('jixiao-zicha'); app.setOrganizationName('jixiao-zicha')\n"
        "from gui.infra.settings import Settings\n"
        "from gui.window.first_paint import first_paint\n"
        f"window = first_paint({str(path)!r}, Settings())\n"
        "assert window is not None and window.isVisible()\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')\n"
        "          or m in ('model.services', 'gui.window.main_window', 'exporters.registry')]\n"
        "print(sorted(loaded))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_start_shows_the_first_paint_then_the_main_window(demo: Services) -> None:
    """python main.py --db FILE as a clerk starts it: the first paint is shown before SQLAlchemy
    is imported, then the main window takes its place; quitting exits cleanly."""
    path = demo.db.sqlite_path
    demo.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", START, str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split("\n")[:2] == ["first False 3", "main 3"], done.stdout


# main.py run as a clerk starts it, each window's show() watched as its module is first imported
START = r'''
import importlib.machinery, runpy, sys
def watch(module):
    if module.__name__ == "gui.window.first_paint":
        show = module.FirstPaint.show
        def shown(self):
            show(self)
            print("first", "sqlalchemy" in sys.modules, self.tree_model.rowCount(), flush=True)
        module.FirstPaint.show = shown
    else:
        show = module.MainWindow.show
        def shown(self):
            show(self)
            print("main", self.tree_model.rowCount(), flush=True)
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication
            quitting = module.quitting = QTimer()  # again and again: quit() works in exec() only
            quitting.timeout.connect(lambda: (QApplication.closeAllWindows(), QApplication.quit()))
            quitting.start(200)
        module.MainWindow.show = shown
class Watcher:
    def find_spec(self, name, path, target=None):
        if name not in ("gui.window.first_paint", "gui.window.main_window"):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            watch(module)
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, Watcher())
sys.argv = ["main.py", "--db", sys.argv[1]]
runpy.run_path("main.py", run_name="__main__")
'''
