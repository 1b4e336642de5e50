"""The program itself: its version (declared once, in pyproject.toml), the folder it runs from,
and whether that folder is a portable copy keeping its data beside it (a portable.txt there)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

# Source: the checkout's root; bundle: the folder holding the bundle's files (_internal/).
_ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = _ROOT / "pyproject.toml"
PORTABLE_MARKER = "portable.txt"
PORTABLE_DATA = "data"


@cache
def version() -> str:
    """The version of [project] in pyproject.toml (shipped in the bundle), or "?" without it."""
    import tomllib

    try:
        return str(tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"])
    except (OSError, KeyError, TypeError, tomllib.TOMLDecodeError):
        return "?"


def program_folder() -> Path:
    """Where the clerk's copy of the program is: the executables' folder in a bundle (installed
    or unpacked from the portable zip), the checkout when run from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return _ROOT


def portable_data_dir() -> Path | None:
    """<program folder>/data when the program folder holds a portable.txt, else None."""
    folder = program_folder()
    return folder / PORTABLE_DATA if (folder / PORTABLE_MARKER).is_file() else None
