"""The GUI side of issue 12: evidence opens through a private copy (programs only shown in their
folder), 另存副本 carries the evidence files and passes check, the restore dialog names the
database its backups belong to and restores onto a damaged database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.dialogs.restore_backup import RestoreDialog, restore_chosen
from gui.panels.evidence_panel import open_in_viewer
from gui.window.main_window import MainWindow
from model.services import Services
from model.storage.backups import make_backup
from model.storage.examine import examine
from model.storage.integrity import check_database
from model.storage.migrate import open_sqlite
from tests.model.storage.crafted import assert_decoys_untouched, damage, decoys


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What was handed to the desktop (the system viewer cannot run in a test)."""
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: urls.append(QUrl(url).toLocalFile()) or True))
    return urls


@pytest.mark.parametrize(("stored_name", "opens_file"), [
    ("报告.pdf", True), ("/etc/cron.daily/evil.sh", False), ("..\\..\\setup.EXE", False),
    ("发票\u202efdp.exe", False),
])
def test_evidence_opens_safely(window: MainWindow, demo: Services, tmp_path: Path,
                               opened: list[str], answers: list[str], stored_name: str,
                               opens_file: bool) -> None:
    decoy = decoys(tmp_path / "clerk")
    stored = tmp_path / "stored"
    stored.write_bytes(b"content")
    copy = open_in_viewer(window, stored, stored_name)
    assert copy is not None and copy.read_bytes() == b"content"
    assert "/" not in copy.name and ".." not in copy.name
    assert opened == [str(copy) if opens_file else str(copy.parent)]
    assert any("不直接打开" in a for a in answers) == (not opens_file)
    assert_decoys_untouched(decoy)


def test_save_a_copy_carries_the_evidence_and_checks_clean(
        window: MainWindow, demo: Services, demo_id: int, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    item = demo.items.list(demo_id)[0]
    source = tmp_path / "材料.pdf"
    source.write_bytes(b"%PDF evidence")
    demo.evidence.attach_file(item.id, source)
    target = tmp_path / "copies" / "not-a-database.db"
    target.parent.mkdir()
    target.write_text("an unrelated file the clerk chose to replace")
    monkeypatch.setattr("gui.dialogs.save_copy.QFileDialog.getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    window.files.save_copy()
    copy = Services.over(open_sqlite(target, create=False))
    try:
        report = check_database(copy.db)
        assert report.ok and report.files_checked == 1
    finally:
        copy.close()


def test_save_a_copy_onto_the_live_database_is_refused(window: MainWindow, demo: Services,
                                                        answers: list[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    live = demo.db.sqlite_path
    before = live.read_bytes()
    monkeypatch.setattr("gui.dialogs.save_copy.QFileDialog.getSaveFileName",
                        staticmethod(lambda *a, **k: (str(live), "")))
    window.files.save_copy()
    assert any("正在使用的数据库" in a for a in answers)
    assert live.read_bytes() == before


def test_restore_dialog_names_its_database(qtbot: QtBot, demo: Services) -> None:
    path = demo.db.sqlite_path
    make_backup(path, reason="manual")
    dialog = RestoreDialog(None, path)
    qtbot.addWidget(dialog)
    assert str(path.resolve()) in dialog.origin.text()


def test_restore_onto_a_damaged_database(qtbot: QtBot, demo: Services, tmp_path: Path,
                                         answers: list[str]) -> None:
    backup = make_backup(demo.db.sqlite_path, reason="manual")
    demo.close()
    broken = damage(demo.db.sqlite_path, tmp_path / "broken.db", "zeroed page")
    parent = QWidget()
    qtbot.addWidget(parent)
    assert restore_chosen(parent, backup, broken)
    assert examine(broken).ok
    assert any("已原样移到" in a for a in answers)


def test_exporting_onto_the_live_database_is_refused(window: MainWindow, demo: Services,
                                                      answers: list[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QDialog

    from gui.dialogs import exports

    live = demo.db.sqlite_path
    before = live.read_bytes()

    def accept(dialog: exports.ExportDialog) -> int:
        dialog.path.setText(str(live))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(exports.ExportDialog, "exec", accept)
    # the demo has review problems; the offer to look at them first is tested with the review panel
    monkeypatch.setattr("gui.window.file_actions.offer_review", lambda *_args: True)
    for name in ("word", "excel"):
        action = next(a for a in window.findChildren(type(window.undo_action))
                      if a.objectName() == name)
        action.trigger()
    assert sum("正在使用的数据库" in a for a in answers) == 2
    assert live.read_bytes() == before


def test_no_program_for_the_file_says_so_and_offers_its_folder(
        window: MainWindow, tmp_path: Path, answers: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The desktop finds no application for the file (openUrl fails): a message, then the folder."""
    asked: list[str] = []

    def no_viewer(url: QUrl) -> bool:
        asked.append(QUrl(url).toLocalFile())
        return Path(asked[-1]).is_dir()  # a folder opens; the file has no program

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(no_viewer))
    stored = tmp_path / "stored"
    stored.write_bytes(b"scan")
    copy = open_in_viewer(window, stored, "扫描件.xyz")
    assert copy is not None
    assert asked == [str(copy), str(copy.parent)]
    assert any("没有能打开“扫描件.xyz”的程序" in a for a in answers)
