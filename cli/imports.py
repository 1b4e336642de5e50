"""The import subcommand: a clerk's file into a new or an existing assessment. The format that
recognises the file (importers/formats/) reads it; the dry run prints its preview."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.commands import print_json
from cli.format_options import option_values
from cli.opened import opened_services
from importers.registry import format_for, import_options, run_import


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    path = Path(args.file)
    options = {**option_values(args, import_options()), "into": args.into,
               "dry_run": args.dry_run}
    fmt = format_for(path, options)
    read = fmt.read(path, options)  # everything is checked before writing
    if args.dry_run:
        print_json(fmt.preview(read))
        return 0
    with opened_services(args.db, create=True) as services:
        stored = run_import(fmt, services, read, args.into)
    for warning in stored.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(stored.summary)
    return 0
