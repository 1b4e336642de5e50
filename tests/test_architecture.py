"""The arrows of dependency: model/ never imports Qt; exporters/ never Qt nor SQLAlchemy; gui/
reaches storage only through model.maintenance, never SQL, the schema or the command line;
model/storage/ is a leaf under the domain (it imports nothing of model/ above it); model/'s modules
form no import cycle; model/ and gui/ keep their modules in feature folders, not at the top level;
cli/ and gui/ reach the report, review, collect, year-compare and audit features through Services."""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

from tests import code_trees

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {
    "model": ("PySide6", "gui", "exporters", "cli", "shiboken6"),
    "exporters": ("PySide6", "sqlalchemy", "alembic", "gui", "cli", "shiboken6"),
    "importers": ("PySide6", "gui", "cli", "shiboken6"),
}
# Dotted prefixes gui/ must not import: storage internals, the schema, SQL, the CLI.
GUI_FORBIDDEN = ("sqlite3", "sqlalchemy", "alembic", "cli", "model.schema", "model.finance.schema",
                 "model.storage", "model.storage.migrations")
# The domain's vocabulary is read by everyone and must stay free of the database.
VOCABULARY_FORBIDDEN = ("sqlalchemy", "alembic", "PySide6", "model.schema")
# What model/storage/ may import of model/ outside itself: leaves that import nothing of model/
# (errors, input-file checks, the extras' JSON, the program's folders, the vocabulary) and the
# table declarations the migrations compare with (the schema modules, which import only these).
# Services, opening the services (model.opening) and every domain module stay above storage.
STORAGE_MAY_IMPORT = frozenset({
    "model.errors", "model.input_files", "model.framework.extras", "model.runtime.program",
    "model.vocabulary", "model.schema", "model.sharing.audit_schema", "model.finance.schema",
    "model.year_compare.schema",
    "model.report.options", "model.format_options",  # the options' declarations; the label marker
})
# The tables declared beside their features, which model.schema imports at its end so that the
# metadata always holds them (they import model.schema's Base): the one cycle allowed in model/.
SCHEMA_PARTS = frozenset({"model.finance.schema", "model.sharing.audit_schema",
                          "model.year_compare.schema"})
# At most this many modules directly in the folder (__init__.py counted): the rest live in feature
# packages (model/framework/, finance/, report/, …; gui/window/, gui/infra/, panels/, dialogs/, …).
MAX_TOP_LEVEL = {"model": 12, "gui": 4}
# The features hung on Services (services.report, .review, .collect, .year_compare, .audit): their
# functions over an open database (first parameter the database, a connection, a session or the
# services) are called by cli/ and gui/ only through the member (or its service class over a database
# opened without the services); their records, options and pure helpers may be imported.
SERVICE_FEATURES = ("model/collect", "model/report", "model/year_compare", "model/sharing/audit.py")
OVER_A_DATABASE = frozenset({"database", "connection", "session", "services"})


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in code_trees.nodes(path):
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


def model_imports(path: Path) -> set[str]:
    """The model modules path imports, at any depth (a function-level import counts too), with
    `from model import x` read as model.x when x is a module."""
    names: set[str] = set()
    for node in code_trees.nodes(path):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:  # `from package import module` names the module
                module = f"{node.module}.{alias.name}"
                folder = ROOT / module.replace(".", "/")
                is_module = folder.with_suffix(".py").is_file() or folder.is_dir()
                names.add(module if is_module else node.module)
    return {name for name in names if name == "model" or name.startswith("model.")}


def wrong_storage_arrows(files: list[Path]) -> list[str]:
    return [
        f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name} imports {name}"
        for path in files
        for name in sorted(model_imports(path))
        if not _forbidden(name, ("model.storage",)) and name not in STORAGE_MAY_IMPORT
    ]


def test_storage_imports_nothing_above_it() -> None:
    assert wrong_storage_arrows(sorted((ROOT / "model" / "storage").rglob("*.py"))) == []


def test_what_storage_may_import_imports_nothing_above_storage() -> None:
    """The allowed modules are leaves indeed: they import only each other and storage."""
    files = [ROOT / (name.replace(".", "/") + ".py") for name in sorted(STORAGE_MAY_IMPORT)]
    assert all(path.is_file() for path in files)
    assert wrong_storage_arrows(files) == []


def test_the_storage_rule_sees_a_wrong_arrow(tmp_path: Path) -> None:
    sample = tmp_path / "up.py"
    sample.write_text("from model.errors import ModelError\nfrom model.storage.db import Database\n"
                      "def f():\n    from model.services import Services\n"
                      "from model.framework import bulk\n", encoding="utf-8")
    assert wrong_storage_arrows([sample]) == ["up.py imports model.framework.bulk",
                                              "up.py imports model.services"]


def test_storage_modules_form_no_cycle() -> None:
    """Not even one cut by a function-level import: the revision facts have their own module."""
    folder = ROOT / "model" / "storage"
    graph = {
        path.stem: {name.split(".")[2] for name in model_imports(path)
                    if name.startswith("model.storage.") and name.count(".") == 2}
        for path in folder.glob("*.py")
    }
    graphlib.TopologicalSorter(graph).prepare()  # raises CycleError naming the cycle


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def model_import_graph() -> dict[str, set[str]]:
    """Every model module (migrations aside) and the model modules it imports, at any depth."""
    files = [p for p in (ROOT / "model").rglob("*.py") if "migrations" not in p.parts]
    graph = {module_name(path): model_imports(path) for path in files}
    return {name: {n for n in imported if n in graph and n != name} for name, imported in graph.items()}


def test_model_modules_form_no_cycle() -> None:
    """Function-level imports count too; only model.schema's closing import of the tables declared
    beside their features is allowed to come back."""
    graph = model_import_graph()
    graph["model.schema"] -= SCHEMA_PARTS
    graphlib.TopologicalSorter(graph).prepare()  # raises CycleError naming the cycle


def test_model_packages_are_only_their_docstring() -> None:
    """Importing one module of a package runs nothing else (no re-exports, no hidden arrows)."""
    inits = [p for p in (ROOT / "model").rglob("__init__.py") if "migrations" not in p.parts]
    assert inits
    for path in inits:
        body = code_trees.tree(path).body
        assert len(body) == 1 and isinstance(body[0], ast.Expr), path.relative_to(ROOT)


@pytest.mark.parametrize("folder", sorted(MAX_TOP_LEVEL))
def test_few_modules_at_the_top_level(folder: str) -> None:
    modules = sorted(p.name for p in (ROOT / folder).glob("*.py"))
    assert len(modules) <= MAX_TOP_LEVEL[folder], modules


def test_the_prefix_rule_sees_storage_internals() -> None:
    assert _forbidden("model.storage.backups", GUI_FORBIDDEN)
    assert _forbidden("sqlite3", GUI_FORBIDDEN)
    assert not _forbidden("model.maintenance", GUI_FORBIDDEN)
    assert not _forbidden("model.storagex", GUI_FORBIDDEN)


def test_the_walker_sees_a_forbidden_import(tmp_path: Path) -> None:
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\nimport sqlalchemy.orm\n", encoding="utf-8")
    assert imported_modules(sample) == {"PySide6.QtCore", "sqlalchemy.orm"}


def functions_over_a_database() -> dict[str, set[str]]:
    """Module → its public top-level functions whose first parameter is the open database."""
    found: dict[str, set[str]] = {}
    for feature in SERVICE_FEATURES:
        place = ROOT / feature
        for path in sorted(place.rglob("*.py") if place.is_dir() else [place]):
            names = {node.name for node in code_trees.tree(path).body
                     if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
                     and node.args.args and node.args.args[0].arg in OVER_A_DATABASE}
            if names:
                found[module_name(path)] = names
    return found


def feature_calls_around_services(files: list[Path]) -> list[str]:
    functions = functions_over_a_database()
    offenders = []
    for path in files:
        for node in code_trees.nodes(path):
            if isinstance(node, ast.ImportFrom) and node.module in functions and node.level == 0:
                offenders += [f"{path.name} imports {node.module}.{alias.name}"
                              for alias in node.names if alias.name in functions[node.module]]
            elif isinstance(node, ast.Import):  # a module imported whole could call any of them
                offenders += [f"{path.name} imports {alias.name}"
                              for alias in node.names if alias.name in functions]
    return offenders


def test_cli_and_gui_reach_the_features_through_services() -> None:
    files = sorted((ROOT / "cli").rglob("*.py")) + sorted((ROOT / "gui").rglob("*.py"))
    assert feature_calls_around_services([*files, ROOT / "main.py"]) == []


def test_the_services_rule_knows_the_features_functions(tmp_path: Path) -> None:
    functions = functions_over_a_database()
    assert {"report_of"} <= functions["model.report.build"]
    assert {"review", "counts"} & functions["model.report.review"] == {"review"}  # counts: pure
    assert {"build_handout", "record_handout"} <= functions["model.collect.handout"]
    assert "department_name" not in functions["model.collect.handout"]
    assert {"compare", "last_year_items"} <= functions["model.year_compare.compare"]
    assert "item_history" in functions["model.sharing.audit"]
    sample = tmp_path / "around.py"
    sample.write_text("from model.collect.merge import CollectOptions, collect\n"
                      "import model.report.build\n", encoding="utf-8")
    assert feature_calls_around_services([sample]) == [
        "around.py imports model.collect.merge.collect", "around.py imports model.report.build"]
