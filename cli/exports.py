"""The export subcommands, one per format of the registry (exporters/formats/): export-docx,
export-pdf, export-xlsx, export-evidence — all through exporters.registry.run_export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.commands import pick_assessment_in
from cli.format_options import option_values
from cli.opened import opened_database
from exporters.errors import ExportResult
from exporters.registry import export_format, run_export
from model.storage.targets import refuse_live_target


def print_result(result: ExportResult) -> None:
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(f"已导出：{result.path}")


class TerminalProgress:
    """Progress on a terminal's stderr (a script's pipe stays quiet); Ctrl+C cancels."""

    def __init__(self) -> None:
        self.shown = -1
        self.live = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> bool:
        percent = done * 100 // total if total else 100
        if self.live and percent != self.shown:
            self.shown = percent
            print(f"\r{percent:3d}%", end="" if percent < 100 else "\r    \r", file=sys.stderr,
                  flush=True)
        return True


def cmd_export(args: argparse.Namespace) -> int:
    fmt = export_format(args.format)
    # refused before the database is opened: a refusal writes nothing, not even a daily backup
    refuse_live_target(Path(args.out), Path(args.db))
    with opened_database(args.db) as database:
        assessment_id = pick_assessment_in(database, args.assessment)
        result = run_export(fmt, database, assessment_id, Path(args.out),
                            option_values(args, fmt.options), TerminalProgress())
    print_result(result)
    return 0
