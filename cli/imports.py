"""The import subcommand: a clerk's Excel table into a new or an existing assessment."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.databases import open_services
from importers.xlsx_table import ImportedTable, read_table
from model.bulk import append_tree, create_assessment_tree


def store_table(services, table: ImportedTable, into: int | None) -> tuple[int, int]:
    """Write an imported table in one transaction: (assessment id, items added)."""
    if into is not None:
        return into, append_tree(services.db, into, table.tree())
    data = {"assessment": {"unit_name": table.unit, "year": table.year or 0, "period": table.period,
                           "title": table.title},
            "dimensions": table.tree()}
    if not table.year:
        from datetime import date

        data["assessment"]["year"] = date.today().year
    return create_assessment_tree(services.db, data), len(table.items)


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    table = read_table(Path(args.file), args.layout)  # everything is checked before writing
    services = open_services(args.db, create=True)
    try:
        if args.into is not None:
            services.assessments.get(args.into)  # a clear message when it does not exist
        assessment_id, added = store_table(services, table, args.into)
    finally:
        services.close()
    for warning in table.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    print(f"已导入：工作表“{table.sheet}”（表样 {table.layout}），{table.dimension_count} 个维度，"
          f"{added} 项 → 自评编号 {assessment_id}")
    return 0
