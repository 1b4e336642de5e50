"""openpyxl's shortcuts the workbook exporters take, typed once: a new workbook's sheet, a cell's
packed style and raw text (what openpyxl itself does when copying cells; its stubs leave these
private attributes out), and page setup parts that openpyxl always creates but types as optional."""

from __future__ import annotations

from copy import copy
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


def set_raw_text(cell: Cell, text: str) -> None:
    """Store text as text, even when it looks like a formula or a number."""
    cast(_RawCell, cell)._value = text
    cell.data_type = "s"


def fit_to_page(sheet: Worksheet) -> None:
    properties = sheet.sheet_properties
    if properties.pageSetUpPr is None:
        properties.pageSetUpPr = PageSetupProperties()
    properties.pageSetUpPr.fitToPage = True


def set_footer_center(sheet: Worksheet, text: str) -> None:
    if sheet.oddFooter is None:
        sheet.oddFooter = HeaderFooterItem()
    sheet.oddFooter.center.text = text
