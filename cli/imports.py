"""The import subcommand: a clerk's Excel table into a new or an existing assessment."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cli.finance import import_finance
from importers.finance_xlsx import FinanceImport, is_finance_form, read_finance_form
from importers.store import store_tables
from importers.xlsx_table import (
    ALL_SHEETS,
    ImportedTable,
    ImportedWorkbook,
    ImportOptions,
    column_summary,
    normalised_mapping,
    read_workbook,
)
from model.storage.opening import open_services


def options_of(args: argparse.Namespace) -> ImportOptions:
    sheets = (ALL_SHEETS,) if ALL_SHEETS in args.sheet else tuple(args.sheet)
    return ImportOptions(sheets=sheets, mapping=normalised_mapping(args.map),
                         header_row=args.header_row, unit=args.unit, year=args.year,
                         filled_status=args.filled_status, layout=args.layout)


def asks_for_a_plain_table(args: argparse.Namespace) -> bool:
    """Options of the generic table importer (a header row, a column map, sheets, --into, a dry
    run) mean the clerk wants the form's indicator table read as a plain table."""
    return bool(args.map or args.header_row or args.sheet or args.into
                or args.filled_status or args.layout != "auto")


def cmd_import_xlsx(args: argparse.Namespace) -> int:
    if not asks_for_a_plain_table(args) and is_finance_form(Path(args.file)):
        if args.dry_run:  # the dry run shows what the import would do: the form's own reading
            json.dump(finance_preview(read_finance_form(Path(args.file))), sys.stdout,
                      ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return 0
        return import_finance(args)  # the finance forms (issue #15): their own importer
    options = options_of(args)
    workbook = read_workbook(Path(args.file), options)  # everything is checked before writing
    if args.dry_run:
        chosen = workbook.chosen(options.sheets) if options.sheets else workbook.tables
        json.dump(preview(workbook, chosen), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    tables = workbook.chosen(options.sheets)
    services = open_services(args.db, create=True)
    try:
        assessment_id, added = store_tables(services, workbook, tables, args.into)
    finally:
        services.close()
    for table in tables:
        for warning in table.warnings:
            print(f"注意：工作表“{table.sheet}”：{warning}", file=sys.stderr)
    for warning in workbook.items_of(tables)[1]:
        print(f"注意：{warning}", file=sys.stderr)
    names = "、".join(f"“{t.sheet}”" for t in tables)
    dimensions = sum(t.dimension_count for t in tables) + (len(tables) if len(tables) > 1 else 0)
    print(f"已导入：工作表{names}（表样 {tables[0].layout}），{dimensions} 个维度，"
          f"{added} 项 → 自评编号 {assessment_id}")
    return 0


def preview(workbook: ImportedWorkbook, tables: list[ImportedTable]) -> dict[str, Any]:
    """The dry run's JSON (a contract: these key names stay)."""
    sheets = [{"name": t.sheet, "header_row": t.header_row, "columns": column_summary(t),
               "items": len(t.items), "dimensions": t.dimension_count, "warnings": list(t.warnings)}
              for t in tables]
    if len(tables) == len(workbook.tables):  # sheets whose header was not recognised, and why
        sheets += [{"name": p.sheet, "header_row": p.header_row,
                    "columns": [{"header": c.header, "field": c.field} for c in p.columns],
                    "items": 0, "dimensions": 0, "warnings": [p.message]} for p in workbook.problems]
    return {"sheets": sheets, "unit": workbook.unit or None, "year": workbook.year}


def finance_preview(form: FinanceImport) -> dict[str, Any]:
    """The dry run of a 绩效自评表: the preview's keys, then "kind": "finance" and what the form
    import stores (the header block, funds and indicators)."""
    data = form.data
    indicators = data["indicators"]
    levels = {(i["level1"],) for i in indicators} | {(i["level1"], i["level2"]) for i in indicators}
    sheet = {"name": form.sheet, "header_row": form.header_row,
             "columns": [{"header": h, "field": f} for h, f in form.columns],
             "items": len(indicators), "dimensions": len(levels), "warnings": list(form.warnings)}
    return {"sheets": [sheet], "unit": data["assessment"]["unit_name"] or None,
            "year": data["assessment"]["year"], "kind": "finance",
            "finance": {"layout": form.layout, "title": data["assessment"]["title"],
                        "form": {k: v for k, v in data["form"].items() if v},
                        "funds": [f["label"] for f in data["funds"]],
                        "indicators": [i["name"] for i in indicators]}}
