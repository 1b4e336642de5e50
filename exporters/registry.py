"""The export formats, declared once. Each module of exporters/formats/ defines FORMAT; the command
line's export commands, the window's File menu and export dialog and the print preview are built
from them, and all of them export through run_export. A new format is one module there (plus its
layout or template file in resources/)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from exporters.errors import ExportResult, Progress
from model.errors import ValidationError
from model.format_options import Option, declared_formats, with_defaults
from model.records import AssessmentRecord
from model.storage.db import Database
from model.storage.targets import refuse_live_target

FORMATS_PACKAGE = "exporters.formats"


@dataclass(frozen=True)
class ExportRequest:
    """What one export is asked to do: the format's run function receives it."""

    database: Database
    assessment_id: int
    out: Path
    options: Mapping[str, Any]
    progress: Progress | None = None


@dataclass(frozen=True)
class ExportFormat:
    name: str  # the window's action name and the registry's key ("word", "excel", …)
    command: str  # the command-line subcommand (a contract: scripts call it)
    label: str  # the File menu's entry
    help: str  # the subcommand's help
    suffix: str  # ".docx"
    file_filter: str  # the save dialog's filter
    busy: str  # the progress dialog's text
    run: Callable[[ExportRequest], ExportResult]  # reads plain records, writes out (atomically)
    suggested_name: Callable[[AssessmentRecord], str]  # the save dialog's file name
    options: tuple[Option, ...] = ()
    order: int = 100  # place in the menu and in the command list
    review_first: bool = True  # the window offers the content review before writing

    def option(self, name: str) -> Option:
        return next(o for o in self.options if o.name == name)


@cache
def export_formats() -> tuple[ExportFormat, ...]:
    """Every format of exporters/formats/, in menu order. Only the declarations load: a
    format's writer (Word, Excel, LibreOffice) is imported when it runs."""
    return tuple(declared_formats(FORMATS_PACKAGE))


def export_format(name: str) -> ExportFormat:
    for candidate in export_formats():
        if name in (candidate.name, candidate.command):
            return candidate
    known = "、".join(f.name for f in export_formats())
    raise ValidationError(f"未知的导出格式“{name}”，可选：{known}。")


def run_export(fmt: ExportFormat, database: Database, assessment_id: int, out: Path,
               options: Mapping[str, Any] | None = None,
               progress: Progress | None = None) -> ExportResult:
    """The one export call of the command line and the window: refuses the live database (and its
    folder) as a target, then the format reads and writes; progress may cancel (ExportCancelled)."""
    out = Path(out)
    refuse_live_target(out, database.sqlite_path)
    values = with_defaults(fmt.options, options or {})
    return fmt.run(ExportRequest(database, assessment_id, out, values, progress))
