"""What the bundle holds beyond what PyInstaller finds by following imports: the modules the app
imports by name, the data files it opens at run time, and the parts of Qt it never uses."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path, PurePath

# The data files the app opens at run time: (glob relative to the source root, folder in the bundle).
DATA_FILES = [
    ("pyproject.toml", "."),  # the version, declared once (model/runtime/program.py)
    ("resources/header_words.json", "resources"),
    ("resources/demo/*.json", "resources/demo"),
    ("resources/layouts/*.json", "resources/layouts"),
    ("resources/layouts/finance/*.json", "resources/layouts/finance"),
    ("resources/layouts/compare/*.json", "resources/layouts/compare"),
    ("resources/templates/*.docx", "resources/templates"),
    ("resources/guide/*.html", "resources/guide"),
    ("resources/i18n/*.qm", "resources/i18n"),  # compiled by resources/i18n/release.py first
    # Alembic reads the migrations as source files (env.py, then each script of versions/).
    ("model/storage/migrations/env.py", "model/storage/migrations"),
    ("model/storage/migrations/script.py.mako", "model/storage/migrations"),
    ("model/storage/migrations/versions/*.py", "model/storage/migrations/versions"),
    ("model/storage/reference_schemas.json", "model/storage"),
]

# Packages whose modules are imported by name: the commands ("cli.commands:cmd_info"), the
# discovered formats (model.format_options.declared_formats), the migration scripts (so that what
# they import is bundled too).
NAMED_PACKAGES = ["cli", "exporters.formats", "importers.formats", "model.storage.migrations"]

# Never imported by the app (build and test tools that happen to sit in the same environment).
EXCLUDED_MODULES = ["tkinter", "_tkinter", "PyInstaller", "pytest", "_pytest", "hypothesis",
                    "mypy", "docxtpl", "jinja2", "IPython", "pydoc_data", "lib2to3", "doctest",
                    # optional extras of libraries the app uses (Mako's highlighting, lxml's HTML
                    # and objectify: the Word/Excel libraries read and write XML with lxml.etree)
                    "pygments", "lxml.objectify", "lxml.html", "lxml.isoschematron",
                    # Qt modules nothing of the app imports (no network at run time)
                    "PySide6.QtNetwork", "PySide6.QtOpenGL", "PySide6.QtSvg",
                    # SQLAlchemy's dialects other than SQLite and PostgreSQL
                    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.mssql",
                    "sqlalchemy.dialects.oracle"]

# Qt plugins the app loads: a window on Windows, macOS, X11 (and offscreen for the smoke test and
# screenshots), input methods, images, printing. Other plugin folders are left out whole.
QT_PLUGINS = {
    "platforms": ("qwindows", "qcocoa", "qxcb", "qoffscreen", "qminimal"),
    "platforminputcontexts": None, "imageformats": ("qico", "qjpeg", "qgif"),
    "printsupport": None, "styles": None, "xcbglintegrations": None,
    "platformthemes": ("qxdgdesktopportal",),
}
# Linux: the desktop's own libraries, which must match the running X server, font configuration,
# D-Bus, GLib and CUPS (the packages ./dev.sh installs for Qt, QT_PACKAGES, like an AppImage's
# exclude list); the libraries only these link are left out with them.
HOST_LIBRARIES = re.compile(
    r"^lib(X11|X11-xcb|Xau|Xdmcp|Xext|Xrender|xcb|xcb-.+|xkbcommon|xkbcommon-x11|fontconfig|"
    r"freetype|dbus-1|glib-2\.0|gobject-2\.0|gio-2\.0|gmodule-2\.0|gthread-2\.0|cups)\.so(\.\d+)*$")
# Windows: Qt's software OpenGL and shader compiler, used only by OpenGL/Quick windows.
WINDOWS_UNUSED = ("opengl32sw.dll", "d3dcompiler_47.dll")
# Packages that open a shared library of their own with ctypes (not linked by anything).
CTYPES_PACKAGES = ("pypdfium2_raw",)
# Qt's own translations: only its dialogs' Chinese (and English) catalogues are loaded.
QT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qtbase_en.qm")


def bundle_datas(root: Path) -> list[tuple[str, str]]:
    """(file, bundle folder) for every data file; a pattern matching nothing is a build error."""
    found = []
    for pattern, folder in DATA_FILES:
        files = sorted(root.glob(pattern))
        if not files:
            raise SystemExit(f"bundle: no file matches {pattern}")
        found += [(str(path), folder) for path in files]
    return found


def hidden_imports() -> list[str]:
    from PyInstaller.utils.hooks import collect_submodules

    return sorted({name for package in NAMED_PACKAGES for name in collect_submodules(package)})


def excluded_modules() -> list[str]:
    return list(EXCLUDED_MODULES)


def keep_file(destination: str) -> bool:
    """False for what the app never loads (destination: the file's path in the bundle): Qt plugins
    and translations it does not use, the host's desktop libraries on Linux, Qt's OpenGL extras."""
    parts = PurePath(destination).parts
    if sys.platform.startswith("linux") and HOST_LIBRARIES.match(parts[-1]):
        return False
    if parts[-1].lower() in WINDOWS_UNUSED:
        return False
    if parts[0] != "PySide6" or len(parts) < 3:
        return True
    if "plugins" in parts and len(parts) - parts.index("plugins") == 3:  # plugins/<folder>/<file>
        folder = parts[-2]
        if folder not in QT_PLUGINS:
            return False
        wanted = QT_PLUGINS[folder]
        return wanted is None or plugin_name(parts[-1]) in wanted
    if parts[-2] == "translations":
        return parts[-1] in QT_TRANSLATIONS
    return True


def is_shared_library(name: str) -> bool:
    return re.search(r"\.(so(\.\d+)*|dll|dylib)$", name, re.IGNORECASE) is not None


def is_root(destination: str) -> bool:
    """A binary the app loads itself: an extension module, a Qt plugin, libpython, a library a
    package opens by ctypes (pdfium); the other libraries are there only when one of these links them."""
    name = PurePath(destination).name
    return (not is_shared_library(name) or ".cpython-" in name or ".abi3." in name
            or name.lower().endswith(".pyd") or "plugins" in PurePath(destination).parts
            or re.match(r"(lib)?python\d", name, re.IGNORECASE) is not None
            or PurePath(destination).parts[0] in CTYPES_PACKAGES)


def linked_closure(entries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """entries (destination, source, kind) less the libraries no kept binary links (those that came
    only with a plugin left out): PyInstaller collected them before keep_file ran."""
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in entries:
        by_name.setdefault(PurePath(entry[0]).name, []).append(entry)
    wanted = [entry for entry in entries if entry[2] != "SYMLINK" and is_root(entry[0])]
    kept_names = {PurePath(entry[0]).name for entry in wanted}
    while wanted:
        entry = wanted.pop()
        if not is_shared_library(entry[0]) or not Path(entry[1]).is_file():
            continue
        for name in direct_links(entry[1]):
            if name not in kept_names and name in by_name:
                kept_names.add(name)
                wanted += [e for e in by_name[name] if e[2] != "SYMLINK"]
    return [entry for entry in entries if PurePath(entry[0]).name in kept_names]


def direct_links(path: str) -> list[str]:
    """The names of the libraries a binary links itself (ldd would list theirs too)."""
    if sys.platform.startswith("linux"):
        dump = subprocess.run(["objdump", "-p", path], capture_output=True, text=True, check=True)
        return re.findall(r"^\s*NEEDED\s+(\S+)$", dump.stdout, re.M)
    from PyInstaller.depend.bindepend import get_imports

    return [PurePath(name).name for name, _ in get_imports(path)]


def without_dangling_links(entries: list[tuple[str, str, str]],
                           kept: set[str]) -> list[tuple[str, str, str]]:
    """entries less the symbolic links whose target is no longer in the bundle (kept)."""
    def target(entry: tuple[str, str, str]) -> str:
        return str(PurePath(os.path.normpath(PurePath(entry[0]).parent / entry[1])).as_posix())

    return [e for e in entries if e[2] != "SYMLINK" or target(e) in kept]


def plugin_name(file_name: str) -> str:
    """libqxcb.so, qxcb.dll, libqcocoa.dylib → qxcb / qcocoa."""
    stem = file_name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem
