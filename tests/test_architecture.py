"""The arrows of dependency: model/ never imports Qt; exporters/ never Qt nor SQLAlchemy; gui/
reaches storage only through model.maintenance, never SQL, the schema or the command line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "model": ("PySide6", "gui", "exporters", "cli", "shiboken6"),
    "exporters": ("PySide6", "sqlalchemy", "alembic", "gui", "cli", "shiboken6"),
    "importers": ("PySide6", "gui", "cli", "shiboken6"),
}
# Dotted prefixes gui/ must not import: storage internals, the schema, SQL, the CLI.
GUI_FORBIDDEN = ("sqlite3", "sqlalchemy", "alembic", "cli", "model.schema", "model.finance_schema",
                 "model.storage", "model.storage.migrations")
# The domain's vocabulary is read by everyone and must stay free of the database.
VOCABULARY_FORBIDDEN = ("sqlalchemy", "alembic", "PySide6", "model.schema")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_does_not_import_forbidden_layers(package: str) -> None:
    files = list((ROOT / package).rglob("*.py"))
    assert files or package == "exporters"
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in files
        for name in imported_modules(path)
        if name.split(".")[0] in FORBIDDEN[package]
    ]
    assert offenders == []


def _forbidden(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes)


def test_gui_reaches_storage_only_through_maintenance() -> None:
    offenders = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in (ROOT / "gui").rglob("*.py")
        for name in imported_modules(path)
        if _forbidden(name, GUI_FORBIDDEN)
    ]
    assert offenders == []


def test_the_vocabulary_needs_no_database() -> None:
    names = imported_modules(ROOT / "model" / "vocabulary.py")
    assert [n for n in names if _forbidden(n, VOCABULARY_FORBIDDEN)] == []


def test_the_prefix_rule_sees_storage_internals() -> None:
    assert _forbidden("model.storage.backups", GUI_FORBIDDEN)
    assert _forbidden("sqlite3", GUI_FORBIDDEN)
    assert not _forbidden("model.maintenance", GUI_FORBIDDEN)
    assert not _forbidden("model.storagex", GUI_FORBIDDEN)


def test_the_walker_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport sqlalchemy.orm\n", encoding="utf-8")
    assert imported_modules(sample) == {"PySide6.QtCore", "sqlalchemy.orm"}
