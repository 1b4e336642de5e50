"""Read every worksheet of an old binary workbook (.xls, WPS .et) into grids, through xlrd."""

from __future__ import annotations

from pathlib import Path

import xlrd

from importers.cell_text import formatted_text
from importers.errors import ImportFileError, where
from importers.grid import Budget, Grid, check_extent

MAX_XLS_BYTES = 200 * 1024 * 1024


def read_xls_grids(path: Path) -> list[Grid]:
    if path.stat().st_size > MAX_XLS_BYTES:
        raise ImportFileError(
            f"{where(path)}超过 {MAX_XLS_BYTES // 1024 // 1024} MB，不像是一张自查表，已拒绝。")
    try:
        # formatting_info: the only way xlrd reports merged cells; on_demand: one sheet at a time.
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True,
                                   ragged_rows=True)  # rows end at their last cell
    except Exception as exc:  # xlrd raises XLRDError, struct errors, … on damaged input
        text = str(exc)
        if "encrypt" in text.lower():
            raise ImportFileError(f"{where(path)}设有打开密码，请在 Excel/WPS 中取消密码后再导入。") from exc
        raise ImportFileError(
            f"{where(path)}是旧版 Excel 格式（.xls/.et），但无法读取（{text}），可能已损坏；"
            "请在 Excel/WPS 中打开并另存为 .xlsx 后再导入。") from exc
    budget = Budget(path)
    grids = []
    try:
        for index in range(book.nsheets):
            sheet = book.get_sheet(index)
            grid = _grid(book, sheet, budget)
            check_extent(grid, path)
            grids.append(grid)
            book.unload_sheet(index)
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(f"{where(path)}无法解析：{type(exc).__name__}: {exc}") from exc
    finally:
        book.release_resources()
    return grids


def _grid(book: xlrd.book.Book, sheet: xlrd.sheet.Sheet, budget: Budget) -> Grid:
    grid = Grid(sheet.name)
    for row in range(sheet.nrows):
        cells = sheet.row(row)
        budget.spend(len(cells) or 1)
        for column, cell in enumerate(cells):
            value = _value(book, cell)
            if value is not None:
                grid.put(row + 1, column + 1, formatted_text(value, _number_format(book, cell)))
    # xlrd: (first row, row after last, first column, column after last), 0-based
    grid.merges = [(c0 + 1, r0 + 1, c1, r1) for r0, r1, c0, c1 in sheet.merged_cells]
    return grid


def _number_format(book: xlrd.book.Book, cell: xlrd.sheet.Cell) -> str | None:
    if cell.ctype != xlrd.XL_CELL_NUMBER:
        return None
    if cell.xf_index is None:
        return None
    try:
        return book.format_map[book.xf_list[cell.xf_index].format_key].format_str
    except (AttributeError, IndexError, KeyError, TypeError):
        return None


def _value(book: xlrd.book.Book, cell: xlrd.sheet.Cell) -> object:
    kind = cell.ctype
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(float(cell.value), book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return cell.value
