"""A clerk's own table (自查表, 任务表, 台账…): any sheet with a recognisable header, its columns
mapped to item fields (resources/import_vocabulary), every other cell kept or shown as skipped."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from importers.registry import ImportFormat, Options, StoredImport
from model.format_options import QT_TRANSLATE_NOOP, Option
from model.report.layouts import layout_names
from model.vocabulary import IMPORTABLE_FIELDS, STATUS_NAMES

if TYPE_CHECKING:
    from importers.xlsx_table import ImportedTable, ImportedWorkbook, ImportOptions
    from model.services import Services

OPTIONS = (
    Option("layout", QT_TRANSLATE_NOOP("formats", "表样"), "表样", kind="choice", default="auto",
           choices=lambda _kind: ["auto", *layout_names()]),
    Option("sheet", QT_TRANSLATE_NOOP("formats", "工作表"),
           "要导入的工作表（可重复；all = 全部，每个工作表成为一个维度）", kind="list",
           metavar="NAME|all"),
    Option("map", QT_TRANSLATE_NOOP("formats", "列对应的字段"),
           f"指定某列对应的字段，如 \"工作内容=content\"；字段：{' '.join(IMPORTABLE_FIELDS)} seq "
           "dimension_1…3 extra（保留为附加字段） skip（不导入）",
           kind="list", metavar="表头=字段"),
    Option("header_row", QT_TRANSLATE_NOOP("formats", "表头所在行"), "表头所在行（从 1 起）",
           kind="int"),
    Option("unit", QT_TRANSLATE_NOOP("formats", "单位名称"), "单位名称（标题中没有时）", kind="text"),
    Option("year", QT_TRANSLATE_NOOP("formats", "年度"), "年度（标题中没有时）", kind="int"),
    Option("include_row", QT_TRANSLATE_NOOP("formats", "导入跳过的行"),
           "把被跳过的行（说明、合计、分节、占位行，见 --dry-run 的 skipped_rows）也作为事项导入"
           "（可重复）；N 为行号，工作表!N 指明工作表", kind="list", metavar="N|工作表!N",
           in_dialog=False),
    Option("filled_status", QT_TRANSLATE_NOOP("formats", "完成情况已填写的事项的状态"),
           "没有状态列时：完成情况已填写的事项设为此状态", kind="choice",
           choices=lambda _kind: list(STATUS_NAMES)),
)


@dataclass(frozen=True)
class TableImport:
    """The tables chosen from a workbook: what store() writes (the window's preview makes one too)."""

    workbook: ImportedWorkbook
    tables: list[ImportedTable]


def import_options_of(options: Options) -> ImportOptions:
    from importers.xlsx_table import ALL_SHEETS, ImportOptions, normalised_mapping

    sheets = (ALL_SHEETS,) if ALL_SHEETS in (options.get("sheet") or []) \
        else tuple(options.get("sheet") or ())
    return ImportOptions(sheets=sheets, mapping=normalised_mapping(options.get("map") or []),
                         header_row=options.get("header_row"), unit=options.get("unit"),
                         year=options.get("year"), filled_status=options.get("filled_status"),
                         layout=options.get("layout") or "auto",
                         include_rows=included_rows(options.get("include_row") or []))


def included_rows(given: list[str]) -> dict[str, frozenset[int]]:
    """--include-row values ("12", "台账!12") as sheet → rows ("" = every sheet)."""
    from model.errors import ValidationError

    rows: dict[str, set[int]] = {}
    for value in given:
        sheet, _mark, number = str(value).rpartition("!")
        if not number.strip().isdigit() or int(number) < 1:
            raise ValidationError(f"--include-row “{value}” 应是行号，如 --include-row 12，"
                                  "或 工作表!行号，如 --include-row \"台账!12\"。")
        rows.setdefault(sheet.strip(), set()).add(int(number))
    return {sheet: frozenset(numbers) for sheet, numbers in rows.items()}


def read(path: Path, options: Options) -> TableImport:
    """Every sheet read and checked; the sheets chosen (a dry run shows them all when none is
    named, an import insists on a choice when several sheets hold tables)."""
    from importers.errors import ImportFileError
    from importers.xlsx_table import read_workbook

    chosen = import_options_of(options)
    workbook = read_workbook(Path(path), chosen)
    if options.get("dry_run") and not chosen.sheets:
        return TableImport(workbook, [t for t in workbook.tables if not t.plan] or list(workbook.tables))
    try:
        return TableImport(workbook, workbook.chosen(chosen.sheets))
    except ImportFileError as refused:  # several sheets: every other missing option said too
        from importers.store import missing_options

        missing = missing_options(workbook) if options.get("into") is None else []
        if len(workbook.tables) > 1 and not chosen.sheets and missing:
            raise ImportFileError(f"{refused.message}另外，文件中没有{'和'.join(missing)}，"
                                  "请一并指定。") from None
        raise


def preview(read_tables: TableImport) -> dict[str, Any]:
    """The dry run's JSON (a contract: these key names stay)."""
    from importers.xlsx_table import column_summary

    workbook, tables = read_tables.workbook, read_tables.tables
    sheets = [{"name": t.sheet, "header_row": t.header_row, "header_rows": t.header_height,
               "columns": column_summary(t), "items": len(t.items),
               "dimensions": t.dimension_count, "warnings": list(t.warnings),
               "skipped_rows": [{"row": r.row, "reason": r.reason, "text": r.text,
                                 "included": r.included} for r in t.skipped_rows],
               **({"refused": t.doubt} if t.doubt else {})}
              for t in tables]
    if {t.sheet for t in tables} >= {t.sheet for t in workbook.tables if not t.plan}:
        # every item table shown: the sheets whose header was not recognised too, and why
        sheets += [{"name": p.sheet, "header_row": p.header_row, "columns": column_summary(p),
                    "items": 0, "dimensions": 0, "warnings": [p.message]} for p in workbook.problems]
    unit_from = next((t for t in workbook.tables if t.unit == workbook.unit and workbook.unit), None)
    year_from = next((t for t in workbook.tables if t.year == workbook.year and workbook.year), None)
    return {"sheets": sheets, "unit": workbook.unit or None, "year": workbook.year,
            "unit_source": _source(unit_from, unit_from.unit_source if unit_from else ""),
            "year_source": _source(year_from, year_from.year_source if year_from else ""),
            "needs": workbook.needs() + (["sheet"] if len(workbook.tables) > 1 and len(tables) > 1
                                          else []),
            "skipped_sheets": workbook.skipped_sheets(tables)}


def _source(table: ImportedTable | None, where: str) -> str | None:
    """Where a value was read: "--unit", or "工作表“X”标题" and the like."""
    if table is None or not where:
        return None
    return where if where.startswith("--") or where == "文件名" else f"工作表“{table.sheet}”{where}"


def store(services: Services, read_tables: TableImport, into: int | None) -> StoredImport:
    from importers.store import store_tables

    workbook, tables = read_tables.workbook, read_tables.tables
    assessment_id, added = store_tables(services, workbook, tables, into)
    warnings = [f"工作表“{t.sheet}”：{w}" for t in tables for w in t.warnings]
    warnings += workbook.items_of(tables)[1]
    names = "、".join(f"“{t.sheet}”" for t in tables)
    dimensions = sum(t.dimension_count for t in tables) + (len(tables) if len(tables) > 1 else 0)
    summary = (f"已导入：工作表{names}（表样 {tables[0].layout}），{dimensions} 个维度，"
               f"{added} 项 → 自评编号 {assessment_id}")
    return StoredImport(assessment_id, summary, tuple(warnings))


FORMAT = ImportFormat(
    name="clerk_table", label=QT_TRANSLATE_NOOP("formats", "自查表、任务表等表格"),
    suffixes=(".xlsx", ".xls", ".et"), recognises=lambda _path, _options: True, read=read,
    preview=preview, store=store, options=OPTIONS, order=90)
