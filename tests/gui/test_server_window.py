"""The main window on a server database as a 处室 clerk: another 处室's item greyed out with the
reason, its own item saved and in 修改记录, the server stopped mid-edit a message (the typed
text stays on screen), no crash."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

import resources
from gui.dialogs.item_history import ItemHistoryDialog
from gui.infra.accelerators import plain_text
from gui.infra.settings import Settings
from gui.window.main_window import MainWindow
from model.framework.bulk import create_assessment_tree
from model.services import Services
from model.sharing.audit import item_history
from model.storage.opening import open_database
from model.storage.server_admin import add_login, server_init
from tests.model.storage.conftest import SUPER_PASSWORD, SUPERUSER, PgServer, pg_server  # noqa: F401

CLERK, PASSWORD = "gui_clerk", "Gui-clerk-pw-9"


@pytest.fixture
def clerk_services(pg_server: PgServer) -> Services:  # noqa: F811
    name = pg_server.create_database()
    owner = open_database(pg_server.url(name).replace(f"{SUPERUSER}@", f"{SUPERUSER}:{SUPER_PASSWORD}@"))
    try:
        create_assessment_tree(owner, resources.demo_assessment())
        server_init(owner, None, None)
        add_login(owner, CLERK, PASSWORD, "办公室", "clerk")
    finally:
        owner.dispose()
    services = Services.over(open_database(pg_server.url(name, CLERK).replace(
        f"{CLERK}@", f"{CLERK}:{PASSWORD}@")))
    yield services
    services.close()


def test_a_clerk_edits_its_own_items_only_and_sees_why(
        qtbot: QtBot, clerk_services: Services, answers: list[str],
        pg_server: PgServer) -> None:  # noqa: F811
    window = MainWindow(clerk_services, Settings())
    qtbot.addWidget(window)
    window.show()
    assert PASSWORD not in window.windowTitle()
    from gui.window.window_menus import find_action

    new_item = find_action(window, "new_item")
    assert new_item is not None and not new_item.isEnabled() and "处室填报人" in new_item.toolTip()
    items = clerk_services.items.list(clerk_services.assessments.list()[0].id)
    theirs = next(i for i in items if i.department != "办公室")
    mine = next(i for i in items if i.department == "办公室")
    editor = window.item_editor
    window.select("item", theirs.id)
    assert editor.read_only_note.isVisible() and "只读" in editor.read_only_note.text()
    assert theirs.department in editor.read_only_note.text()
    assert editor.texts["result"].edit.isReadOnly() and not editor.status.isEnabled()
    assert not window.evidence.add_files_button.isEnabled()
    assert "只读" in window.evidence.add_files_button.toolTip()
    window.select("item", mine.id)
    assert not editor.read_only_note.isVisible() and not editor.texts["result"].edit.isReadOnly()
    assert window.evidence.add_files_button.isEnabled()
    editor.texts["result"].edit.setPlainText("办公室填写的落实情况")
    editor.binder.commit()
    assert clerk_services.items.get(mine.id).result == "办公室填写的落实情况"
    changes = item_history(clerk_services.db, mine.id)
    dialog = ItemHistoryDialog(window, "第 1 项", changes)
    cells = {dialog.table.item(0, c).text() for c in range(5)}
    assert CLERK in cells and "办公室填写的落实情况" in cells

    pg_server.stop()
    try:
        editor.texts["result"].edit.setPlainText("断线时输入的文字")
        editor.binder.commit()
        unsaved = "“落实情况”未保存"
        assert any("连接中断" in shown and unsaved in shown for shown in answers), answers
        assert editor.texts["result"].edit.toPlainText() == "断线时输入的文字"
    finally:
        pg_server.start()
    editor.binder.commit()  # the connection back: the typed text is written at the next try
    assert clerk_services.items.get(mine.id).result == "断线时输入的文字"


def test_the_connect_dialog_keeps_the_password_out_of_the_url(qtbot: QtBot, window: MainWindow) -> None:
    from gui.dialogs.connect_server import ConnectDialog
    from gui.infra import server_login
    from gui.window.window_menus import find_action

    assert plain_text(find_action(window, "connect").text()) == "连接服务器…"
    dialog = ConnectDialog(window)
    qtbot.addWidget(dialog)
    dialog.host.setText("192.168.1.10")
    dialog.database.setText("zicha")
    dialog.login.setText("lisi")
    dialog.password.setText("Geheim-123")
    url = dialog.url()
    assert url == "postgresql+psycopg://lisi@192.168.1.10:5432/zicha" and "Geheim" not in url
    dialog.hand_over_password()
    assert dialog.password.text() == ""
    assert server_login.gui_asker(url) == "Geheim-123"  # for the next connection only
    assert "Geheim-123" not in str(server_login._typed)
