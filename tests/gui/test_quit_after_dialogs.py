"""Quitting never crashes: a real program opens every dialog the window opens (the import preview
with its 表头所在行 changed), clicks on as a clerk does all day, and quits (issue #24, defect 6)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.db_templates import copy_template
from tests.importers import clerk_tables

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tour(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    """One real program's tour of every dialog (both tests read it: it takes a while)."""
    folder = tmp_path_factory.mktemp("tour")
    workbook = clerk_tables.finance_form(folder / "自评表.xlsx")
    database = copy_template("demo", folder / "demo.db")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "tests.gui.dialog_tour", str(database),
                           str(workbook)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=240)


def test_every_dialog_then_quit_exits_cleanly(tour: subprocess.CompletedProcess[str]) -> None:
    done = tour
    assert "Fatal Python error" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 0, done.stderr[-2000:]
    seen = done.stdout.split("\n")
    for shown in ("import", "ImportPreview", "FinancePreview", "new_assessment", "NewAssessmentDialog",
                  "preferences", "PreferencesDialog", "handout", "undo_history", "review", "check"):
        assert shown in seen, (shown, seen)


def test_every_dialog_button_has_its_own_accelerator(tour: subprocess.CompletedProcess[str]) -> None:
    """Alt+letter presses each button of every dialog the window opens (确定(&O), 浏览(&B)…)."""
    seen = tour.stdout.split("\n")
    assert "ExportDialog" in seen and "QMessageBox" in seen, seen
    assert [line for line in seen if line.startswith("accelerator:")] == []
