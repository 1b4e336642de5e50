"""Tools → Restore from backup: the backups with their date and contents; the chosen one replaces
the database (its current state is backed up first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.infra.errors import describe
from model.errors import ModelError
from model.maintenance import BackupInfo, backup_origin_of, backups_of, restore

REASONS = {"daily": "每日自动", "manual": "手动", "before-restore": "恢复前",
           "before-upgrade": "升级前"}


class RestoreDialog(QDialog):
    def __init__(self, parent: QWidget, database: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从备份恢复"))
        self.backups: list[BackupInfo] = backups_of(database)
        self.table = QTableWidget(len(self.backups), 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("类型"), self.tr("自评"),
                                              self.tr("事项")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, info in enumerate(self.backups):
            reason = next((v for k, v in REASONS.items() if info.reason.startswith(k)), info.reason)
            for column, text in enumerate((info.created.strftime("%Y-%m-%d %H:%M:%S"), reason,
                                           str(info.assessments), str(info.items))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("恢复"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # Which database these backups belong to: same file names in other folders never mix.
        self.origin = QLabel(self.tr("数据库：%1").replace(
            "%1", backup_origin_of(database)), self)
        self.origin.setWordWrap(True)
        layout.addWidget(self.origin)
        layout.addWidget(QLabel(self.tr("恢复前会先备份当前状态，恢复后也可以再恢复回来。"), self))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 400)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None


def restore_chosen(parent: QWidget, backup: Path, database: Path) -> bool:
    """Restore backup onto database and say what happened (a damaged file is set aside)."""
    try:
        result = restore(backup, database)
    except (ModelError, OSError) as exc:
        QMessageBox.critical(parent, parent.tr("无法恢复"), describe(exc))
        return False
    if result.damaged:
        message = parent.tr("原数据库已损坏或无法备份，已原样移到“%1”保留；数据已从备份恢复。")
        QMessageBox.information(parent, parent.tr("已恢复"),
                                message.replace("%1", str(result.previous)))
    return True
