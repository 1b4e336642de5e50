"""Every data file the app opens at run time is in the bundle: the code's resource lookups
(resources.path/read_json, Path(__file__) neighbours) walked and matched against the spec's datas;
the modules imported by name are declared; and, once built, the bundle holds them all."""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from main import build_parser
from resources.i18n.release import release

ROOT = Path(__file__).resolve().parents[2]
RUNTIME_PACKAGES = ("cli", "gui", "model", "exporters", "importers", "resources")
# Build and maintenance scripts kept beside the data, never imported by the running app.
NOT_RUNTIME = ("resources/i18n/release.py", "resources/i18n/update.py",
               "resources/i18n/fill_english.py", "resources/templates/build_gongwen_template.py")
BUNDLE = ROOT / "dist" / "jixiao-zicha"


def load_manifest() -> ModuleType:
    """packaging/bundle_manifest.py (packaging/ is no package: the name belongs to PyPI's)."""
    path = ROOT / "packaging" / "bundle_manifest.py"
    spec = importlib.util.spec_from_file_location("bundle_manifest", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


manifest = load_manifest()


def runtime_sources(root: Path = ROOT) -> list[Path]:
    return sorted(p for package in RUNTIME_PACKAGES for p in (root / package).rglob("*.py")
                  if p.relative_to(root).as_posix() not in NOT_RUNTIME)


def string_constants(files: list[Path]) -> dict[str, str]:
    """NAME = "text" at module level, over all files (TEMPLATE is imported from another module)."""
    found: dict[str, str] = {}
    for path in files:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Name)
                    and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
                found[node.targets[0].id] = node.value.value
    return found


class Lookups(ast.NodeVisitor):
    """The files one module opens: glob patterns relative to the source root."""

    def __init__(self, path: Path, constants: dict[str, str], root: Path) -> None:
        self.path, self.constants, self.root = path, constants, root
        self.patterns: list[str] = []
        self.unresolved: list[str] = []
        self.file_names: dict[str, Path] = {}  # module-level names bound to Path(__file__)…
        self.inside_resources = path == root / "resources" / "__init__.py"

    def text(self, node: ast.expr) -> str | None:
        """A string argument as a glob: f-string holes become *, constants are looked up."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            return self.constants.get(node.id)
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                if isinstance(value, ast.Constant):
                    parts.append(str(value.value))
                else:
                    inner = value.value if isinstance(value, ast.FormattedValue) else value
                    named = self.text(inner) if isinstance(inner, ast.Name) else None
                    parts.append(named or "*")
            return "".join(parts)
        return None

    def file_path(self, node: ast.expr) -> Path | None:
        """Path(__file__) with .resolve(), .parent, .parents[n], .with_name(x), / x evaluated."""
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Path":
            is_file = (len(node.args) == 1 and isinstance(node.args[0], ast.Name)
                       and node.args[0].id == "__file__")
            return self.path if is_file else None
        if isinstance(node, ast.Name):
            return self.file_names.get(node.id)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            base = self.file_path(node.func.value)
            if base is None:
                return None
            if node.func.attr == "resolve":
                return base
            if node.func.attr == "with_name" and node.args:
                name = self.text(node.args[0])
                return base.with_name(name) if name else None
            return None
        if isinstance(node, ast.Attribute) and node.attr == "parent":
            base = self.file_path(node.value)
            return base.parent if base else None
        if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute)
                and node.value.attr == "parents" and isinstance(node.slice, ast.Constant)):
            base = self.file_path(node.value.value)
            return base.parents[node.slice.value] if base else None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            base, name = self.file_path(node.left), self.text(node.right)
            return base / name if base is not None and name else None
        return None

    def visit_Module(self, node: ast.Module) -> None:
        for statement in node.body:  # names bound to a path beside the module, in order
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1 \
                    and isinstance(statement.targets[0], ast.Name):
                found = self.file_path(statement.value)
                if found is not None:
                    self.file_names[statement.targets[0].id] = found
                    if found not in (self.path, self.root):  # a file or folder beside the code
                        self.patterns.append(found.relative_to(self.root).as_posix())
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        named = (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                 and func.value.id == "resources" and func.attr in ("path", "read_json"))
        local = (self.inside_resources and isinstance(func, ast.Name)
                 and func.id in ("path", "read_json"))
        if (named or local) and node.args:
            relative = self.text(node.args[0])
            if relative is not None:
                self.patterns.append(f"resources/{relative}")
            elif not local:  # resources' own path()/read_json() pass their argument on
                self.unresolved.append(f"{self.path.name}:{node.lineno}")
        self.generic_visit(node)


def looked_up(root: Path = ROOT) -> tuple[set[Path], list[str], list[str]]:
    """(files the code opens, patterns matching nothing, lookups the walker cannot read)."""
    files = runtime_sources(root)
    constants = string_constants(files)
    opened: set[Path] = set()
    empty, unresolved = [], []
    for path in files:
        walker = Lookups(path, constants, root)
        walker.visit(ast.parse(path.read_text(encoding="utf-8")))
        unresolved += walker.unresolved
        for pattern in walker.patterns:
            matched = [p for p in root.glob(pattern) if "__pycache__" not in p.parts]
            found = {f for m in matched for f in ([m] if m.is_file() else m.rglob("*"))
                     if f.is_file() and "__pycache__" not in f.parts
                     and f.name != "__init__.py" and f.suffix != ".pyc"}
            if not found:
                empty.append(pattern)
            opened |= found
    return opened, empty, unresolved


def bundled(root: Path = ROOT) -> set[Path]:
    return {Path(source).resolve() for source, _ in manifest.bundle_datas(root)}


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues() -> None:
    release()  # the .qm the app loads (a build artefact, as ./dev.sh makes it)


def test_every_file_the_code_opens_is_in_the_bundle() -> None:
    opened, empty, unresolved = looked_up()
    assert unresolved == []
    assert empty == []
    names = {p.relative_to(ROOT).as_posix() for p in opened}
    # the walker reaches every kind of lookup: resources.path / read_json, f-strings, constants
    # imported from another module, Path(__file__).with_name (a folder, a file), parents[n] / x
    assert {"pyproject.toml", "resources/header_words.json", "resources/demo/selfcheck_2021.json",
            "resources/templates/gongwen.docx", "resources/guide/guide_zh_CN.html",
            "resources/i18n/app_en.qm", "resources/layouts/finance/project.json",
            "model/storage/reference_schemas.json", "model/storage/migrations/env.py",
            "model/storage/migrations/versions/r0001_initial.py"} <= names
    missing = sorted(p.relative_to(ROOT).as_posix() for p in opened - bundled())
    assert missing == []


def test_the_walker_reports_a_lookup_the_spec_lacks(tmp_path: Path) -> None:
    for package in RUNTIME_PACKAGES:
        (tmp_path / package).mkdir()
    (tmp_path / "resources" / "new").mkdir()
    (tmp_path / "resources" / "new" / "table.json").write_text("{}", encoding="utf-8")
    (tmp_path / "model" / "tables.py").write_text(
        'import resources\nNEW = "new"\n\ndef load(name):\n'
        '    return resources.read_json(f"{NEW}/{name}.json")\n', encoding="utf-8")
    opened, empty, unresolved = looked_up(tmp_path)
    assert opened == {tmp_path / "resources" / "new" / "table.json"} and not empty and not unresolved
    assert opened - bundled(ROOT) == opened


def test_every_command_module_is_declared_as_imported_by_name() -> None:
    handlers = set()
    parser = build_parser()
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        for command in action.choices.values():
            handlers.add(command.get_default("handler").split(":")[0])
    assert handlers and all(h.split(".")[0] in manifest.NAMED_PACKAGES for h in handlers)
    assert {"exporters.formats", "importers.formats"} <= set(manifest.NAMED_PACKAGES)


@pytest.mark.parametrize(("destination", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/plugins/tls/qschannelbackend.dll", False),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/translations/qt_ar.qm", False),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("resources/i18n/app_en.qm", True),
    ("PySide6/opengl32sw.dll", False),
])
def test_qt_parts_kept_and_left_out(destination: str, kept: bool) -> None:
    assert manifest.keep_file(destination) is kept


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("objdump") is None,
                    reason="the closure is computed on Linux, with objdump")
def test_a_library_only_a_left_out_plugin_linked_is_left_out_too() -> None:
    import _ssl

    ssl_ext = Path(_ssl.__file__)
    linked = manifest.direct_links(str(ssl_ext))
    assert "libssl.so.3" in linked or not any(n.startswith("libssl") for n in linked)
    system = Path("/usr/lib/x86_64-linux-gnu")
    if not (system / "libssl.so.3").is_file() or "libssl.so.3" not in linked:
        pytest.skip("this Python's _ssl does not link the system's libssl.so.3")
    entries = [(f"python3.11/lib-dynload/{ssl_ext.name}", str(ssl_ext), "EXTENSION"),
               ("libssl.so.3", str(system / "libssl.so.3"), "BINARY"),
               ("libcrypto.so.3", str(system / "libcrypto.so.3"), "BINARY"),
               ("libunused.so.1", str(system / "libcrypto.so.3"), "BINARY"),
               ("libunused-link.so.1", "libunused.so.1", "SYMLINK")]
    kept = [entry[0] for entry in manifest.linked_closure(entries)]
    assert kept == [entries[0][0], "libssl.so.3", "libcrypto.so.3"]


def built_bundle() -> Path:
    if not (BUNDLE / "_internal").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail("CI runs ./dev.sh bundle before the tests: dist/jixiao-zicha is missing")
        pytest.skip("no bundle built here (./dev.sh bundle); CI builds it")
    return BUNDLE


def test_the_built_bundle_holds_every_data_file() -> None:
    internal = built_bundle() / "_internal"
    for source, folder in manifest.bundle_datas(ROOT):
        copy = internal / folder / Path(source).name
        assert copy.is_file(), copy
        assert copy.read_bytes() == Path(source).read_bytes(), f"{copy} differs from {source}: rebuild"
    suffix = ".exe" if os.name == "nt" else ""
    assert (BUNDLE / f"jixiao-zicha{suffix}").is_file()
    assert (BUNDLE / f"jixiao-zicha-cli{suffix}").is_file()


def test_the_built_bundle_is_small() -> None:
    folder = built_bundle()
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    assert sum(p.stat().st_size for p in files) <= 160 * 1024 * 1024
    assert not [p for p in files if p.suffix in (".ts", ".py") and "migrations" not in p.parts]
    assert not [p for p in folder.rglob("*") if p.name in ("tests", "__pycache__")]
