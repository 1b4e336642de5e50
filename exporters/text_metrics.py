"""How much room a text needs in a cell: CJK characters count double, lines wrap at the width."""

from __future__ import annotations

import math
import unicodedata


def display_width(text: str) -> int:
    """Width in Excel character units: wide (CJK, full-width) characters count 2, others 1."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrapped_lines(text: str, column_width: float) -> int:
    """Lines a wrapped text takes in a column of column_width Excel units (at least 1)."""
    usable = max(column_width - 1.5, 2.0)  # cell padding
    return max(1, sum(max(1, math.ceil(display_width(line) / usable)) for line in text.split("\n")))
