"""The main window on the demo, offscreen: tree, selection, status bar, screenshot command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gui.infra.settings import Settings
from gui.item_models.evidence_table import EvidenceTableModel
from gui.item_models.framework_tree import FrameworkTreeModel
from gui.item_models.tree_filter import TreeFilter
from gui.window.main_window import MainWindow
from model.services import Services
from tests.db_templates import copy_template

ROOT = Path(__file__).resolve().parents[2]


def test_window_shows_the_demo_framework(qtbot: QtBot, demo: Services) -> None:
    window = MainWindow(demo, Settings())
    qtbot.addWidget(window)
    model = window.tree_model
    tops = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert tops == ["全面依法  24/24", "全面提升  15/15", "全面优化  1/1"]
    window.select_first_item()
    assert window.item_editor.texts["content"].edit.toPlainText() == "落实习近平总书记指示批示"
    assert window.item_editor.status.currentText() == "已完成"
    assert window.right.currentIndex() == 2
    assert window.completion.text() == "已完成 40 / 40"
    assert "北京市卫生健康委员会2021年度" in window.windowTitle()


def test_tree_model_passes_qt_model_tester(qtbot: QtBot, demo: Services, demo_id: int) -> None:
    model = FrameworkTreeModel()
    tester = ModelTester(qtbot)
    tester.check(model)
    model.reset(demo.dimensions.list(demo_id), demo.items.list(demo_id))
    tester.check(model)
    item = demo.items.update(demo.items.list(demo_id)[0].id, None, status="未完成")
    model.update_item(item)
    assert model.index(0, 0).data() == "全面依法  23/24"


def test_filtered_tree_model_passes_qt_model_tester(qtbot: QtBot, demo: Services,
                                                     demo_id: int) -> None:
    model = FrameworkTreeModel()
    model.reset(demo.dimensions.list(demo_id), demo.items.list(demo_id))
    tester = ModelTester(qtbot)
    tester.check(model)
    matcher = TreeFilter()
    matcher.set("政务")
    model.set_filter(matcher.matches(model.items()), matcher.dimension_text(), highlight=True)
    tester.check(model)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["全面提升  15/15"]


def test_evidence_model_passes_qt_model_tester(qtbot: QtBot, demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    demo.evidence.add_note(item.id, "纪要", doc_no="京卫〔2021〕1号", issued_on="2021-03-01")
    model = EvidenceTableModel()
    model.set_rows(demo.evidence.list(item.id))
    ModelTester(qtbot).check(model)
    assert [model.index(0, c).data() for c in range(5)] == [
        "纪要", "京卫〔2021〕1号", "2021-03-01", "", "文字说明"]


def test_screenshot_command_writes_a_png(tmp_path: Path) -> None:
    db, out = tmp_path / "a.db", tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZICHA_DATA_DIR": str(tmp_path)}
    main = [sys.executable, str(ROOT / "main.py")]
    copy_template("demo", db)  # what `demo` makes, migrated once per session
    done = subprocess.run([*main, "--db", str(db), "--screenshot", str(out)], env=env,
                          timeout=120, check=False)
    assert done.returncode == 0
    from PySide6.QtGui import QImage

    from gui.app import SCREENSHOT_SIZE

    image = QImage(str(out))
    assert SCREENSHOT_SIZE == (1256, 669)  # a first start on 1366×768 less a 40 px taskbar
    assert (image.width(), image.height()) == SCREENSHOT_SIZE


def test_first_start_creates_the_default_database_with_demo(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ZICHA_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot",
                           str(tmp_path / "s.png")], env=env, timeout=120, check=False)
    assert done.returncode == 0
    info = subprocess.run([sys.executable, str(ROOT / "main.py"), "info", "--db",
                           str(tmp_path / "assessments.db")], env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    assert '"items": 40' in info.stdout


def test_window_marks_the_database_in_use_while_open(qtbot: QtBot, demo: Services) -> None:
    import os

    marker = demo.db.sqlite_path.with_name(demo.db.sqlite_path.name + ".in-use") / str(os.getpid())
    window = MainWindow(demo, Settings())
    qtbot.addWidget(window)
    window.show()
    assert marker.exists()  # check --fix elsewhere keeps the files our undo may restore
    window.close()
    assert not marker.exists()
