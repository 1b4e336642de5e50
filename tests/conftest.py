"""Shared fixtures: an isolated user data folder, real SQLite databases, offscreen Qt."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
pytest_plugins = ["tests.qt_teardown_warnings"]

from model.services import Services  # noqa: E402
from tests.db_templates import demo_services, empty_services  # noqa: E402


def pytest_collection_finish(session: pytest.Session) -> None:
    """What the collection imported lives for the whole run: out of the collector's full passes,
    which would otherwise walk the libraries' objects again and again (as the app does after
    reading a large find index)."""
    gc.collect()
    gc.freeze()
    # A test makes and drops thousands of short-lived objects (windows, sessions, workbooks):
    # collecting every 700 allocations walked the young ones again and again (8 % of the CPU
    # of the model tests); every 50,000 still finds each test's cycles long before the next.
    gc.set_threshold(50_000, 20, 20)


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real user's data folder, settings or log."""
    folder = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("ZICHA_DATA_DIR", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "config"))
    return folder


@pytest.fixture
def services(tmp_path: Path):
    """Services over a new, empty database file."""
    bundle = empty_services(tmp_path / "test.db")
    yield bundle
    bundle.close()


@pytest.fixture
def demo(tmp_path: Path):
    """Services over a new database holding the demo assessment."""
    bundle = demo_services(tmp_path / "demo.db")
    yield bundle
    bundle.close()


@pytest.fixture
def demo_id(demo: Services) -> int:
    return demo.assessments.list()[0].id
