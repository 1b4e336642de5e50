"""The import formats, declared once. Each module of importers/formats/ defines FORMAT; import-xlsx's
options, the window's file filter and the choice of import preview are built from them, and the
command line and the window store through run_import. The first format (in order) that recognises
a file reads it; a new format is one module there (plus its layout in resources/)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from importers.errors import ImportCancelled
from model.errors import ValidationError
from model.format_options import Option, declared_formats

if TYPE_CHECKING:
    from model.services import Services

FORMATS_PACKAGE = "importers.formats"
Options = Mapping[str, Any]
Progress = Callable[[int, int], bool]  # progress(done, total) -> False to cancel


@dataclass(frozen=True)
class StoredImport:
    """What an import stored: the assessment that received it, and what to tell the clerk."""

    assessment_id: int
    summary: str  # "已导入：…"
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportFormat:
    name: str  # the registry's key; the window picks its preview dialog by it
    label: str  # what the clerk is told the file is
    suffixes: tuple[str, ...]  # the open dialog's filter
    recognises: Callable[[Path, Options], bool]  # a quick look (never raises)
    read: Callable[[Path, Options], Any]  # everything read and checked; nothing written
    preview: Callable[[Any], dict[str, Any]]  # the dry run's JSON (a contract)
    store: Callable[[Services, Any, int | None], StoredImport]  # one transaction
    options: tuple[Option, ...] = ()
    order: int = 100  # the order files are tried in (the most particular first)


@cache
def import_formats() -> tuple[ImportFormat, ...]:
    return tuple(declared_formats(FORMATS_PACKAGE))


def import_format(name: str) -> ImportFormat:
    for candidate in import_formats():
        if candidate.name == name:
            return candidate
    raise ValidationError(f"未知的导入格式“{name}”。")


def import_options() -> tuple[Option, ...]:
    """Every format's options once (the import command's flags)."""
    seen: dict[str, Option] = {}
    for fmt in import_formats():
        for option in fmt.options:
            seen.setdefault(option.name, option)
    return tuple(seen.values())


def import_suffixes() -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for f in import_formats() for s in f.suffixes))


def format_for(path: Path, options: Options) -> ImportFormat:
    """The first format that recognises the file; the last one takes any table."""
    formats = import_formats()
    return next((f for f in formats[:-1] if f.recognises(Path(path), options)), formats[-1])


def run_import(fmt: ImportFormat, services: Services, read: Any, into: int | None = None,
               progress: Progress | None = None) -> StoredImport:
    """The one store call of the command line and the window: all or nothing, in one
    transaction. A cancel before the transaction starts writes nothing (ImportCancelled); while
    the items are written, a cancel rolls them all back."""
    from importers.store import storing

    if progress is not None and progress(0, 1) is False:
        raise ImportCancelled()
    with storing(progress):  # told as the items are written; a cancel rolls them back
        stored = fmt.store(services, read, into)
    if progress is not None:
        progress(1, 1)
    return stored
