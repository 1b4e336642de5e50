"""Two windows (and two processes) on one database: a stale edit is never written blindly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui.infra.settings import Settings
from gui.item_models.framework_tree import ITEM
from gui.window.main_window import MainWindow
from model.errors import ConflictError
from model.services import Services
from model.storage.migrate import open_sqlite
from tests.gui.test_editing import type_into

ROOT = Path(__file__).resolve().parents[2]


def test_two_windows_editing_the_same_item(qtbot: QtBot, demo: Services, demo_id: int,
                                           answers: list[str]) -> None:
    second = Services.over(open_sqlite(demo.db.sqlite_path))
    first_window, second_window = MainWindow(demo, Settings()), MainWindow(second, Settings())
    for window in (first_window, second_window):
        qtbot.addWidget(window)
        window.show()
    item = demo.items.list(demo_id)[0]
    for window in (first_window, second_window):
        window.select(ITEM, item.id)
    type_into(qtbot, first_window.item_editor.texts["result"].edit, "——窗口一补充")
    first_window.commit_editors()
    type_into(qtbot, second_window.item_editor.texts["result"].edit, "——窗口二补充")
    second_window.commit_editors()
    # neither clerk's words are lost: the second was shown both and kept both (the default)
    both = demo.items.get(item.id).result
    assert both.startswith(item.result + "——窗口二补充") and both.endswith("——窗口一补充")
    assert [a.split(":")[0] for a in answers] == ["conflict"]
    assert second_window.item_editor.texts["result"].edit.toPlainText() == both
    second.close()


def test_another_process_wins_and_our_stale_write_is_refused(demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    code = (f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
            "from pathlib import Path\nfrom model.storage.migrate import open_sqlite\n"
            "from model.services import Services\n"
            f"s = Services.over(open_sqlite(Path({str(demo.db.sqlite_path)!r})))\n"
            f"s.items.update({item.id}, {item.version}, result='另一进程')\n")
    subprocess.run([sys.executable, "-c", code], check=True)
    with pytest.raises(ConflictError):
        demo.items.update(item.id, item.version, result="本进程的过时写入")
    assert demo.items.get(item.id).result == "另一进程"


def test_a_second_window_on_the_same_database_says_so_once(qtbot: QtBot, demo: Services) -> None:
    first = MainWindow(demo, Settings())
    qtbot.addWidget(first)
    assert first.statusBar().currentMessage() == ""
    second_services = Services.over(open_sqlite(demo.db.sqlite_path))
    second = MainWindow(second_services, Settings())
    qtbot.addWidget(second)
    assert second.statusBar().currentMessage().startswith("另一个窗口或程序也打开了这个数据库")
    assert second.completion.text() == "已完成 40 / 40"  # the notice does not hide the count
    second.close()
    second_services.close()
