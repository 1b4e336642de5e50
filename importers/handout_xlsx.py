"""Read a returned hand-out workbook (.xlsx, or .xls re-saved by WPS/Excel) into plain records.

Columns are found by the hidden key row (field codes) and else by their headers, so moved and
inserted columns do not matter; rows carry their stable key in the hidden 编号 column; the hidden
分发信息 sheet gives the assessment, the hand-out time and the values handed out (the merge base).
Nothing is written anywhere: the caller merges the result in one transaction.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Literal

import openpyxl
import xlrd

from importers.cell_text import cell_text, header_key
from importers.errors import ImportFileError, where
from importers.formulas import scan_sheet
from importers.grid import Budget
from importers.present_cells import present_cells
from importers.xlsx_safety import OLE2_SIGNATURE, check_xlsx, require_regular_workbook
from model.collect.fields import FILL_CODES
from model.collect.records import BaseRow, ReturnedBook, ReturnedRow
from model.collect.vocabulary import BY_CODE, BY_LABEL, FORMAT_TAG, UID_CODE, UID_LABEL

Grid = dict[tuple[int, int], str]
HEADER_SEARCH_ROWS = 10
MAX_XLS_BYTES = 50 * 1024 * 1024
UID = re.compile(r"^[0-9a-f]{32}$")
CONTENT_LABEL = header_key(BY_CODE["content"].label)


def read_returned(path: Path) -> ReturnedBook:
    """The returned workbook at path; ImportFileError naming file/sheet/row when it cannot."""
    path = Path(path)
    require_regular_workbook(path)  # a FIFO would block the first read forever
    sheets = _read_xls(path) if _is_ole2(path) else _read_xlsx(path)
    info = next((grid for grid in sheets.values() if _is_info(grid)), None)
    title, items = _items_sheet(path, sheets)
    columns, first_row = _columns(items)
    if "content" not in columns.values():
        raise ImportFileError(f"{where(path, title)}：找不到“自查内容”列，无法汇总。")
    rows = _rows(items, columns, first_row)
    fields = tuple(code for code in columns.values() if code in FILL_CODES)
    if info is None:
        return ReturnedBook(path, None, "", "", None, fields, rows, None)
    facts = _facts(info)
    return ReturnedBook(
        file=path, assessment_uid=facts.get("assessment", "") or None,
        assessment_title=facts.get("title", ""), department=facts.get("department", ""),
        handed_out_at=_time(facts.get("handed_out_at", "")), fields=fields, rows=rows,
        base=_base_rows(info))


def _is_ole2(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(8) == OLE2_SIGNATURE
    except OSError as exc:
        raise ImportFileError(f"{where(path)}无法读取：{exc.strerror}") from exc


def _read_xlsx(path: Path) -> dict[str, Grid]:
    check_xlsx(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged input
        raise ImportFileError(f"{where(path)}无法解析：{type(exc).__name__}: {exc}") from exc
    sheets: dict[str, Grid] = {}
    budget = Budget(path)
    try:
        for sheet in workbook.worksheets:
            if not hasattr(sheet, "reset_dimensions"):
                continue  # a chart sheet
            grid: Grid = {}
            for cell in present_cells(sheet, path, budget.spend):  # never the empty ones between
                if (text := cell_text(cell.value)) != "":
                    grid[(cell.row, cell.column)] = text
            uncached = scan_sheet(path, sheet.title).uncached_formulas
            if uncached:
                raise ImportFileError(
                    f"{where(path, sheet.title)}：单元格 {'、'.join(uncached[:10])} 是公式但没有计算"
                    "结果，无法知道其内容；请在 Excel/WPS 中打开并保存后再交回。")
            sheets[sheet.title] = grid
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(f"{where(path)}无法解析：{type(exc).__name__}: {exc}") from exc
    finally:
        workbook.close()
    return sheets


def _read_xls(path: Path) -> dict[str, Grid]:
    """An old-format workbook (WPS/Excel "save as .xls"); xlrd reads cached values only."""
    if path.stat().st_size > MAX_XLS_BYTES:
        raise ImportFileError(f"{where(path)}超过 {MAX_XLS_BYTES // 1024 // 1024} MB，疑似异常文件。")
    data = path.read_bytes()
    if "EncryptionInfo".encode("utf-16-le") in data:
        raise ImportFileError(f"{where(path)}设有打开密码，请取消密码后再交回。")
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True,
                                   ragged_rows=True)  # rows end at their last cell
    except Exception as exc:  # xlrd.XLRDError (also "Workbook is encrypted") and damaged files
        if "encrypted" in str(exc).lower():
            raise ImportFileError(f"{where(path)}设有打开密码，请取消密码后再交回。") from exc
        raise ImportFileError(f"{where(path)}无法解析（.xls）：{exc}") from exc
    sheets: dict[str, Grid] = {}
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            grid: Grid = {}
            for r in range(sheet.nrows):
                for c, cell in enumerate(sheet.row(r)):
                    text = _xls_text(cell, book.datemode)
                    if text:
                        grid[(r + 1, c + 1)] = text
            sheets[sheet.name] = grid
    except Exception as exc:
        raise ImportFileError(f"{where(path)}无法解析（.xls）：{exc}") from exc
    finally:
        book.release_resources()
    return sheets


def _xls_text(cell: xlrd.sheet.Cell, datemode: Literal[0, 1]) -> str:
    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return ""
    if kind == xlrd.XL_CELL_DATE:
        return cell_text(xlrd.xldate.xldate_as_datetime(float(value), datemode))
    if kind == xlrd.XL_CELL_BOOLEAN:
        return cell_text(bool(value))
    return cell_text(value)


def _is_info(grid: Grid) -> bool:
    return any(grid.get((r, 1)) == "format" and grid.get((r, 2)) == FORMAT_TAG
               for r in range(1, HEADER_SEARCH_ROWS + 1))


def _items_sheet(path: Path, sheets: dict[str, Grid]) -> tuple[str, Grid]:
    for title, grid in sheets.items():
        if _is_info(grid):
            continue
        if any(header_key(text) == CONTENT_LABEL or text == "content"
               for (r, _c), text in grid.items() if r <= HEADER_SEARCH_ROWS):
            return title, grid
    raise ImportFileError(f"{where(path)}中没有“自查事项”表（找不到“自查内容”表头），"
                          "不是分发的填报表，未汇总。")


def _columns(grid: Grid) -> tuple[dict[int, str], int]:
    """column → field code, and the first data row. The hidden key row wins over headers."""
    top = [(r, c, text) for (r, c), text in grid.items() if r <= HEADER_SEARCH_ROWS]
    key_rows = {r for r, _c, text in top if text == UID_CODE} & {
        r for r, _c, text in top if text == "content"}
    header_rows = {r for r, _c, text in top if header_key(text) == CONTENT_LABEL}
    key_row = min(key_rows) if key_rows else None
    header_row = min(header_rows) if header_rows else None
    columns: dict[int, str] = {}
    for r, c, text in top:
        if r == header_row and c not in columns:
            label = header_key(text)
            if label == header_key(UID_LABEL):
                columns[c] = UID_CODE
            elif (spec := _by_label(label)) is not None:
                columns[c] = spec
    if key_row is not None:
        for r, c, text in top:
            if r == key_row and (text in BY_CODE or text == UID_CODE):
                columns[c] = text  # the key row names the field even under a renamed header
    seen: set[str] = set()
    unique = {}
    for column in sorted(columns):
        if columns[column] not in seen:
            seen.add(columns[column])
            unique[column] = columns[column]
    return unique, max(r for r in (key_row, header_row) if r is not None) + 1


def _by_label(label: str) -> str | None:
    for text, spec in BY_LABEL.items():
        if header_key(text) == label:
            return spec.code
    return None


def _rows(grid: Grid, columns: dict[int, str], first_row: int) -> list[ReturnedRow]:
    by_row: dict[int, dict[str, str]] = {}
    for (r, c), text in grid.items():
        if r >= first_row and c in columns:
            by_row.setdefault(r, {})[columns[c]] = text
    rows = []
    for r in sorted(by_row):
        cells = by_row[r]
        if not any(v.strip() for code, v in cells.items() if code != "seq"):
            continue
        uid = cells.get(UID_CODE, "").strip().lower()
        rows.append(ReturnedRow(
            sheet_row=r, uid=uid if UID.match(uid) else "", seq=cells.get("seq", "").strip(),
            path=cells.get("path", ""), content=cells.get("content", ""),
            values={code: cells.get(code, "") for code in columns.values() if code in FILL_CODES}))
    return rows


def _facts(grid: Grid) -> dict[str, str]:
    facts = {}
    for r in range(1, HEADER_SEARCH_ROWS + 1):
        key = grid.get((r, 1))
        if key:
            facts[key] = grid.get((r, 2), "")
    return facts


def _base_rows(grid: Grid) -> list[BaseRow]:
    header_row = next((r for (r, c), text in sorted(grid.items()) if c == 1 and text == UID_CODE),
                      None)
    if header_row is None:
        return []
    # only the cells present: two far-out cells must not make a walk over the whole sheet
    codes = {c: text for (r, c), text in grid.items() if r == header_row}
    by_row: dict[int, dict[str, str]] = {}
    for (r, c), text in grid.items():
        if r > header_row and c in codes:
            by_row.setdefault(r, {})[codes[c]] = text
    base = []
    for r in sorted(by_row):
        values = {code: by_row[r].get(code, "") for code in codes.values()}
        if UID.match(values.get(UID_CODE, "")):
            base.append(BaseRow(values[UID_CODE], values.get("seq", ""), values.get("content", ""),
                                {code: values.get(code, "") for code in FILL_CODES if code in values}))
    return base


def _time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
