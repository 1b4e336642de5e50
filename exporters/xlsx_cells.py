"""openpyxl's shortcuts the workbook exporters take, typed once: a new workbook's sheet, a cell's
packed style and raw text (what openpyxl itself does when copying cells; its stubs leave these
private attributes out), and page setup parts that openpyxl always creates but types as optional.

Every text goes into a cell as text: put_text / put_value write one, save_workbook is the last
guard every workbook writer saves through (no cell leaves as a formula or an error code, a text a
spreadsheet could take for a formula carries Excel's quote prefix), csv_text does the same for CSV.
"""

from __future__ import annotations

from copy import copy
from pathlib import Path
from typing import Protocol, cast

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet


class _RawCell(Protocol):
    _style: StyleArray | None  # None until the cell is styled
    _value: object


def active_sheet(workbook: Workbook) -> Worksheet:
    """The one worksheet a new Workbook() starts with."""
    sheet = workbook.active
    if not isinstance(sheet, Worksheet):
        raise TypeError(f"a new workbook starts with a worksheet, not {sheet!r}")
    return sheet


def packed_style(cell: Cell | MergedCell) -> StyleArray | None:
    """A copy of the cell's packed style (its fonts, borders… as indexes into the workbook's)."""
    return copy(cast(_RawCell, cell)._style)


def set_packed_style(cell: Cell | MergedCell, style: StyleArray | None) -> None:
    cast(_RawCell, cell)._style = copy(style)


# What makes a spreadsheet read a typed or imported text as a formula (CSV/DDE injection).
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def set_raw_text(cell: Cell, text: str) -> None:
    """Store text as text, even when it looks like a formula, a number or an error code."""
    cast(_RawCell, cell)._value = text
    cell.data_type = "s"


def put_text(cell: Cell | MergedCell, text: str) -> None:
    """text into cell as text; one that starts like a formula also gets Excel's quote prefix
    (the "'" a clerk would type), so that editing the cell later keeps it text."""
    set_raw_text(cast(Cell, cell), text)
    if text.startswith(FORMULA_LEADS):
        _quote_prefix(cast(Cell, cell))


def put_value(cell: Cell | MergedCell, value: str | float | None) -> None:
    """A number (or nothing) as it is, any text through put_text."""
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cast(Cell, cell).value = value


def texts_only(workbook: Workbook) -> None:
    """Make every cell of every sheet that would be saved as a formula or an error a text, and
    give every text that starts like a formula the quote prefix (whatever wrote it)."""
    for sheet in workbook.worksheets:
        if not isinstance(sheet, Worksheet):
            continue
        for cell in sheet._cells.values():
            if not isinstance(cell, Cell):
                continue
            value = cast(_RawCell, cell)._value
            if cell.data_type in ("f", "e"):
                put_text(cell, str(value))
            elif isinstance(value, str) and value.startswith(FORMULA_LEADS) and not cell.quotePrefix:
                _quote_prefix(cell)


def save_workbook(workbook: Workbook, path: Path | str) -> None:
    """What every workbook writer saves through: texts_only first."""
    texts_only(workbook)
    workbook.save(str(path))


def csv_text(text: str) -> str:
    """A text for a CSV cell: one that starts like a formula gets the "'" a spreadsheet shows as
    text (OWASP's advice against CSV injection)."""
    return "'" + text if text.startswith(FORMULA_LEADS) else text


def _quote_prefix(cell: Cell) -> None:
    raw = cast(_RawCell, cell)
    raw._style = copy(raw._style) if raw._style is not None else StyleArray()  # never shared
    cell.quotePrefix = True


def fit_to_page(sheet: Worksheet) -> None:
    properties = sheet.sheet_properties
    if properties.pageSetUpPr is None:
        properties.pageSetUpPr = PageSetupProperties()
    properties.pageSetUpPr.fitToPage = True


def set_footer_center(sheet: Worksheet, text: str) -> None:
    if sheet.oddFooter is None:
        sheet.oddFooter = HeaderFooterItem()
    sheet.oddFooter.center.text = text
