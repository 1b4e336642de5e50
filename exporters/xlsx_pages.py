"""Printed pages of an Excel table: scale to the page width, row breaks from the row heights, so
that merged labels can be cut at each page and shown again (a merged cell prints on one page)."""

from __future__ import annotations

import math
from dataclasses import dataclass

# Paper (portrait) in points, margins in inches (as Excel stores them).
PAPER = {"A4": (595.0, 842.0), "A3": (842.0, 1191.0)}
MARGINS = dict(left=0.5, right=0.5, top=0.6, bottom=0.8, header=0.3, footer=0.3)
# Room kept free on each page: LibreOffice and Excel lay rows out a little differently.
SAFETY = 0.95


@dataclass(frozen=True)
class PagePlan:
    scale: int  # percent
    starts: list[int]  # data rows (0-based) that open a new page, after the first


# Points per unit of Excel column width. The unit is the default font's digit width: 5.25 pt in
# Excel (Calibri 11), up to 7 pt in LibreOffice where Calibri is missing (DejaVu Sans). Pages are
# planned for the widest, so the columns fit everywhere (in Excel with some room to spare).
POINTS_PER_WIDTH = 7.0


def column_points(width: float) -> float:
    return width * POINTS_PER_WIDTH


def plan_pages(widths: list[float], repeated: float, heights: list[float],
               orientation: str = "landscape", paper: str = "A4") -> PagePlan:
    """The scale that fits the columns to the page width (never above 100 %), and where pages
    break: a row that would overflow the printable height starts the next page."""
    page_width, page_height = PAPER[paper]
    if orientation == "landscape":
        page_width, page_height = page_height, page_width
    printable_width = page_width - (MARGINS["left"] + MARGINS["right"]) * 72
    scale = min(100, math.floor(100 * printable_width / sum(column_points(w) for w in widths)))
    room = (page_height - (MARGINS["top"] + MARGINS["bottom"]) * 72) * SAFETY * 100 / scale
    room -= repeated
    starts, used = [], 0.0
    for row, height in enumerate(heights):
        if used and used + height > room:
            starts.append(row)
            used = 0.0
        used += height
    return PagePlan(scale, starts)
