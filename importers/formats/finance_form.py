"""项目支出/部门整体绩效自评表 (national, Sichuan, department): recognised before any plain table
and stored as a new scored assessment, every value kept (issue #15)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from importers.registry import ImportFormat, Options, StoredImport
from model.errors import ValidationError
from model.format_options import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from importers.finance_xlsx import FinanceImport
    from model.services import Services

# Options of the plain-table reader mean the clerk wants the form's indicator table read as a
# plain table (a header row, a column map, sheets, --into, a status rule, a layout).
PLAIN_TABLE_OPTIONS = ("map", "header_row", "into", "filled_status")


def asks_for_a_plain_table(options: Options) -> bool:
    return (any(options.get(name) for name in PLAIN_TABLE_OPTIONS)
            or options.get("layout", "auto") not in ("auto", None))


def recognises(path: Path, options: Options) -> bool:
    from importers.finance_xlsx import is_finance_form

    return not asks_for_a_plain_table(options) and is_finance_form(path, _sheet(options))


def _sheet(options: Options) -> str | None:
    """--sheet NAME picks the form's sheet (one name; "all" is a plain-table choice)."""
    sheets = [s for s in options.get("sheet") or [] if s != "all"]
    return sheets[0] if len(sheets) == 1 and not (options.get("sheet") or []).count("all") else (
        "\0" if options.get("sheet") else None)


def read(path: Path, options: Options) -> FinanceImport:
    from importers.finance_xlsx import read_finance_form

    return read_finance_form(path, _sheet(options))


def preview(form: FinanceImport) -> dict[str, Any]:
    """The dry run of a 绩效自评表: the table preview's keys, then "kind": "finance" and what the
    form import stores (the header block, funds and indicators)."""
    data = form.data
    indicators = data["indicators"]
    levels = {(i["level1"],) for i in indicators} | {(i["level1"], i["level2"]) for i in indicators}
    sheet = {"name": form.sheet, "header_row": form.header_row,
             "columns": [{"header": h, "field": f, **_sure(f)} for h, f in form.columns],
             "items": len(indicators), "dimensions": len(levels), "warnings": list(form.warnings)}
    return {"sheets": [sheet], "unit": data["assessment"]["unit_name"] or None,
            "year": data["assessment"]["year"], "kind": "finance",
            "needs": [] if data["assessment"]["unit_name"] else ["unit"],
            "skipped_sheets": list(form.skipped_sheets),
            "finance": {"layout": form.layout, "title": data["assessment"]["title"],
                        "form": {k: v for k, v in data["form"].items() if v},
                        "funds": [f["label"] for f in data["funds"]],
                        "indicators": [i["name"] for i in indicators]}}


def _sure(field: str) -> dict[str, str]:
    """A form's column is one of its own (sure) or one it has no place for (named, not stored)."""
    if field == "skip":
        return {"confidence": "high", "reason": "不是自评表的栏目，不导入"}
    return {"confidence": "high", "reason": "自评表的栏目"}


def store(services: Services, form: FinanceImport, into: int | None) -> StoredImport:
    from importers.store import store_finance_form

    if into is not None:
        raise ValidationError("绩效自评表只能导入为新的自评，请去掉 --into。")
    assessment_id, result = store_finance_form(services, form)
    warnings = (*form.warnings, *(f"{p.indicator}：{p.message}" for p in result.problems),
                *(f"说明：{n.message}" for n in result.notes))
    summary = (f"已导入：工作表“{form.sheet}”（{form.data['assessment']['kind']}绩效自评表，表样 "
               f"{form.layout}），{len(form.data['indicators'])} 项绩效指标 → 自评编号 "
               f"{assessment_id}，总分 {result.total:g}（{result.rating}）")
    return StoredImport(assessment_id, summary, tuple(warnings))


FORMAT = ImportFormat(
    name="finance_form", label=QT_TRANSLATE_NOOP("formats", "绩效自评表（项目支出/部门整体）"),
    suffixes=(".xlsx", ".xls", ".et"), recognises=recognises, read=read, preview=preview,
    store=store, order=10)
