"""The test run fails on a Qt warning wherever a test emits it: in the test (pytest-qt), and while
its widgets close or its fixtures end (tests/qt_teardown_warnings.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = '''
import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

KEEP = []


def warn():
    widget = QWidget()
    QVBoxLayout(widget)
    QVBoxLayout(widget)  # Qt: "QLayout: Attempting to add QLayout … which already has a layout"


class WarnsOnClose(QWidget):
    def closeEvent(self, event):
        warn()
        super().closeEvent(event)


@pytest.fixture
def warns_at_teardown():
    yield
    warn()


def test_quiet(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    KEEP.append(widget)


def test_in_the_test(qtbot):
    warn()


def test_as_its_widget_closes(qtbot):
    widget = WarnsOnClose()
    qtbot.addWidget(widget)
    KEEP.append(widget)  # alive until pytest-qt closes it after the test
    widget.show()


def test_as_its_fixture_ends(qtbot, warns_at_teardown):
    pass
'''
INI = '''[pytest]
qt_api = pyside6
qt_log_level_fail = WARNING
qt_log_ignore = This plugin does not support propagateSizeHints
'''


def test_a_qt_warning_at_teardown_fails_the_test(tmp_path: Path) -> None:
    (tmp_path / "test_warnings.py").write_text(TESTS, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text(INI, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider",
                           "-p", "tests.qt_teardown_warnings", "test_warnings.py"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    outcomes = {line.split(" ")[1].split("::")[-1]: line.split(" ")[0]
                for line in done.stdout.splitlines()
                if line.startswith(("PASSED ", "FAILED ", "ERROR "))}
    assert outcomes == {"test_quiet": "PASSED", "test_in_the_test": "FAILED",
                        "test_as_its_widget_closes": "ERROR",
                        "test_as_its_fixture_ends": "ERROR"}, done.stdout[-3000:]
    assert "which already has a layout" in done.stdout
