"""How much room a text needs in a table cell: CJK characters count double, lines wrap at the width,
a row's height grows with its lines (shared by the Excel writer and the review's length check)."""

from __future__ import annotations

import math
import re

# The wide and full-width blocks (Unicode East Asian Width W/F) that tables meet: Hangul Jamo,
# CJK punctuation and radicals, kana, CJK ideographs and extensions, Hangul syllables,
# compatibility ideographs, vertical and full-width forms, emoji.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U0001f300-\U0001f64f\U0001f900-\U0001f9ff\U00020000-\U0002fffd\U00030000-\U0003fffd]")


def display_width(text: str) -> int:
    """Width in Excel character units: wide (CJK, full-width) characters count 2, others 1."""
    if text.isascii():
        return len(text)
    return 2 * len(text) - len(_WIDE.sub("", text))  # len + the wide ones (what sub removes)


def wrapped_lines(text: str, column_width: float) -> int:
    """Lines a wrapped text takes in a column of column_width Excel units (at least 1)."""
    usable = max(column_width - 1.5, 2.0)  # cell padding
    return max(1, sum(max(1, math.ceil(display_width(line) / usable)) for line in text.split("\n")))


EXCEL_CELL_LIMIT = 32_767  # characters; openpyxl would cut a longer text without a word
LINE_HEIGHT = 1.35  # points of row height per point of font size, per line (仿宋 at 11 pt ≈ 14.9 pt)
ROW_PADDING = 6.0
MAX_ROW_HEIGHT = 409.0  # Excel's limit: a taller text is cut off on screen and on paper


def row_height(lines: int, font_size: float) -> float:
    """Points of row height that show lines of text at font_size."""
    return lines * font_size * LINE_HEIGHT + ROW_PADDING
