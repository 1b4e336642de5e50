"""The cells a worksheet of an .xlsx really holds, streamed from its XML: never the empty ones
between them (two cells at A1048576 and XFD1 are two cells, not 17 billion), positions inside
Excel's limits, at most a budget of cells examined."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

from importers.errors import ImportFileError, where

EXCEL_MAX_ROW, EXCEL_MAX_COLUMN = 1_048_576, 16_384


def present_cells(sheet: ReadOnlyWorksheet, path: Path,
                  spend: Any = None) -> Iterator[ReadOnlyCell]:
    """Each cell of sheet that holds a value, in file order; spend(n) is called with the cells
    examined (empty ones included), so that a budget can stop a file of millions of them.
    The stored dimension is never trusted: only the cells the XML holds are visited."""
    # what ReadOnlyWorksheet._cells_by_row does, without filling the gaps (its stubs leave
    # these private attributes out)
    raw: Any = sheet
    workbook: Any = sheet.parent
    with raw._get_source() as source:
        parser = WorkSheetParser(source, raw._shared_strings, data_only=workbook.data_only,
                                 epoch=workbook.epoch, date_formats=workbook._date_formats,
                                 timedelta_formats=workbook._timedelta_formats)
        for _row, cells in parser.parse():
            if spend is not None:
                spend(len(cells) or 1)
            for cell in cells:
                if cell["value"] is None:
                    continue
                row, column = cell["row"], cell["column"]
                if not (1 <= row <= EXCEL_MAX_ROW and 1 <= column <= EXCEL_MAX_COLUMN):
                    raise ImportFileError(f"{where(path, sheet.title)}：单元格位置（第 {row} 行第 "
                                          f"{column} 列）超出 Excel 的范围，文件已损坏或被改动。")
                yield ReadOnlyCell(sheet, row, column, cell["value"], cell["data_type"],
                                   cell.get("style_id", 0))
