"""File menu: a new assessment copied into a new year, and a copy of the database saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from gui.dialogs.new_assessment import NewAssessmentDialog
from gui.window.main_window import MainWindow
from model.services import Services


def test_new_assessment_copied_into_a_new_year(window: MainWindow, demo: Services, demo_id: int,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def accept(dialog: NewAssessmentDialog) -> int:
        dialog.source.setCurrentIndex(dialog.source.findData(demo_id))
        dialog.year.setValue(2022)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NewAssessmentDialog, "exec", accept)
    window.files.new_assessment()
    [copy] = [s for s in demo.assessments.list() if s.year == 2022]
    assert window.assessment_id == copy.id and copy.items == 40
    assert "2022" in window.windowTitle()
    assert window.completion.text() == "已完成 0 / 40 · 未开始 40"


def test_save_a_copy(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "副本.db"
    monkeypatch.setattr("gui.window.file_actions.QFileDialog.getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    window.files.save_copy()
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT count(*) FROM check_item").fetchone()[0] == 40
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_dialogs_start_in_documents_not_where_evidence_came_from(tmp_path) -> None:
    from PySide6.QtCore import QSettings, QStandardPaths

    from gui.infra.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert settings.last_folder() == documents
    settings.set_evidence_folder(str(tmp_path))
    assert settings.last_folder() == documents
    settings.set_last_folder(str(tmp_path))
    assert settings.last_folder() == str(tmp_path)
    settings.set_last_folder(str(tmp_path / "gone"))
    assert settings.last_folder() == documents


def test_evidence_files_are_picked_from_documents_at_first(tmp_path) -> None:
    from PySide6.QtCore import QSettings, QStandardPaths

    from gui.infra.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert settings.evidence_folder() == documents
    settings.set_evidence_folder(str(tmp_path))
    assert settings.evidence_folder() == str(tmp_path)
