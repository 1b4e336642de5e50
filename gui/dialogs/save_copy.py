"""File → 另存副本: a verified copy of the open database with its evidence files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui.infra.errors import describe
from model.errors import ModelError
from model.maintenance import copy_database, save_server_copy
from model.services import Services


def save_copy(parent: QWidget, services: Services, folder: str) -> Path | None:
    """Ask for a file name and write the copy there; returns it (None: cancelled or refused)."""
    source = services.db.sqlite_path
    if source is None:
        return _save_server_copy(parent, services, folder)
    name, _ = QFileDialog.getSaveFileName(parent, parent.tr("另存副本为"),
                                          str(Path(folder or ".") / f"{source.stem}-副本.db"),
                                          parent.tr("自评数据库 (*.db)"))
    if not name:
        return None
    try:
        copy_database(source, Path(name))
    except (ModelError, OSError) as exc:
        QMessageBox.critical(parent, parent.tr("无法另存副本"), describe(exc))
        return None
    return Path(name)


def _save_server_copy(parent: QWidget, services: Services, folder: str) -> Path | None:
    """A server database's copy: a complete SQLite file (rows and evidence files)."""
    name, _ = QFileDialog.getSaveFileName(parent, parent.tr("另存副本为（服务器数据库的完整副本）"),
                                          str(Path(folder or ".") / "服务器数据库-副本.db"),
                                          parent.tr("自评数据库 (*.db)"))
    if not name:
        return None
    try:
        save_server_copy(services.db, Path(name))
    except (ModelError, OSError) as exc:
        QMessageBox.critical(parent, parent.tr("无法另存副本"), describe(exc))
        return None
    return Path(name)
