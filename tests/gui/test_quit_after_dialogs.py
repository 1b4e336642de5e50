"""Quitting never crashes: a real program opens every dialog the window opens (the import preview
with its 表头所在行 changed), clicks on as a clerk does all day, and quits (issue #24, defect 6)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from model.services import Services
from tests.importers import clerk_tables

ROOT = Path(__file__).resolve().parents[2]


def test_every_dialog_then_quit_exits_cleanly(demo: Services, tmp_path: Path) -> None:
    workbook = clerk_tables.finance_form(tmp_path / "自评表.xlsx")
    demo.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "tests.gui.dialog_tour", str(demo.db.sqlite_path),
                           str(workbook)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=240)
    assert "Fatal Python error" not in done.stderr, done.stderr[-2000:]
    assert done.returncode == 0, done.stderr[-2000:]
    seen = done.stdout.split("\n")
    for shown in ("import", "ImportPreview", "FinancePreview", "new_assessment", "NewAssessmentDialog",
                  "preferences", "PreferencesDialog", "handout", "undo_history", "review", "check"):
        assert shown in seen, (shown, seen)
