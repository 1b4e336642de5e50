"""Read every worksheet of an .xlsx into grids (openpyxl's streaming reader + our merge scan)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from importers.cell_text import decode_excel_escapes, formatted_text
from importers.errors import ImportFileError, where
from importers.formulas import scan_sheet
from importers.grid import Budget, Grid, check_extent
from importers.present_cells import present_cells


def read_xlsx_grids(path: Path) -> list[Grid]:
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged input
        raise ImportFileError(f"{where(path)}无法解析：{type(exc).__name__}: {exc}") from exc
    budget = Budget(path)
    grids = []
    try:
        for sheet in workbook.worksheets:
            if not hasattr(sheet, "reset_dimensions"):
                continue  # a chart sheet
            grid = Grid(sheet.title)
            # only the cells the file holds (its stored dimension is never trusted)
            for cell in present_cells(sheet, path, budget.spend):
                value = cell.value  # a percent-formatted number as shown: 0.98 → "98%"
                text = formatted_text(value, getattr(cell, "number_format", None))
                grid.put(cell.row, cell.column,
                         decode_excel_escapes(text) if isinstance(value, str) else text)
            scan = scan_sheet(path, sheet.title)
            grid.merges, grid.uncached_formulas = scan.merges, scan.uncached_formulas
            check_extent(grid, path)
            grids.append(grid)
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(f"{where(path)}无法解析：{type(exc).__name__}: {exc}") from exc
    finally:
        workbook.close()
    return grids
