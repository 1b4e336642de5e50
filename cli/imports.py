"""The import subcommand: a clerk's Excel table into a new or an existing assessment."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.databases import open_services
from cli.finance import import_finance
from importers.finance_xlsx import is_finance_form
from importers.store import store_table
from importers.xlsx_table import read_table


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    if is_finance_form(Path(args.file)):  # the finance forms (issue #15): their own importer
        return import_finance(args)
    table = read_table(Path(args.file), args.layout)  # everything is checked before writing
    services = open_services(args.db, create=True)
    try:
        assessment_id, added = store_table(services, table, args.into)
    finally:
        services.close()
    for warning in table.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(f"已导入：工作表“{table.sheet}”（表样 {table.layout}），{table.dimension_count} 个维度，"
          f"{added} 项 → 自评编号 {assessment_id}")
    return 0
