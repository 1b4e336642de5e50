"""What a column's data looks like under its header (numbers, lengths, repeats), and the fields
the data itself suggests when no header word names them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.grid import Grid

NUMERIC = re.compile(r"^\s*[-+]?\d+(?:[.,]\d+)*\s*(?:%|分|万元|元|个|次|项|件)?\s*$")
DATE = re.compile(r"^\s*\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?"
                  r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
RANGE = re.compile(r"^\s*\d+(?:\.\d+)?\s*[-~～—]\s*\d+(?:\.\d+)?\s*(?:分)?\s*$")
PROFILE_ROWS = 200  # enough rows to see what a column holds
CONTENT_MIN_LENGTH = 2.0  # a content column holds texts, not single marks
TEXT_FIELDS = ("content", "owner", "department", "target", "result", "deadline", "note")
PERSON_FIELDS = ("owner", "department")


@dataclass(frozen=True)
class ColumnProfile:
    column: int
    values: int  # cells with text (a merged block once)
    numbers: int  # of them, figures or ranges ("0.5-1.5")
    distinct: int
    mean_length: float
    rows: int = 0  # rows the column's texts cover (a merged block over each of its rows)
    shown_distinct: int = 0
    median_length: float = 0.0

    @property
    def numeric(self) -> bool:
        return self.values > 0 and self.numbers * 3 >= self.values * 2

    @property
    def distinct_ratio(self) -> float:
        return self.distinct / self.values if self.values else 0.0

    def repeated(self, rows: int) -> bool:
        """A few values again and again, or merged down over several rows each (a category or
        dimension column)."""
        few = self.shown_distinct <= max(2, rows // 3) or self.values * 2 <= self.rows
        return self.rows >= 4 and not self.numeric and few and self.shown_distinct < self.rows

    @property
    def texts(self) -> bool:
        """Mostly words, not figures."""
        return self.values > 0 and self.numbers * 3 < self.values

    def content_score(self, rows: int = 0) -> float:
        """How much this column looks like the rows' main text: long, distinct texts, in every
        one of the `rows` data rows (a column filled in two rows of five is a remark)."""
        if self.numeric or self.values == 0 or self.mean_length < CONTENT_MIN_LENGTH:
            return 0.0
        score = self.distinct_ratio * min(self.mean_length, 40.0) * (1 - self.numbers / self.values)
        return score * min(1.0, self.rows / rows) ** 2 if rows else score

    def sparse(self, rows: int) -> bool:
        """Empty in most data rows."""
        return self.rows * 2 < rows


def is_figure(text: str) -> bool:
    return bool(NUMERIC.match(text) or RANGE.match(text) or DATE.match(text))


def profiles(grid: Grid, first_row: int, columns: list[int]) -> dict[int, ColumnProfile]:
    """Each column's profile over the data rows (a merged block counted once, by its own text)."""
    last = min(grid.max_row, first_row + PROFILE_ROWS)
    result = {}
    for column in columns:
        texts = [t for r in range(first_row, last + 1)
                 if (t := " ".join(grid.text(r, column).split()))]
        shown = [t for r in range(first_row, last + 1)
                 if (t := " ".join(grid.shown(r, column).split()))]
        numbers = sum(1 for t in texts if is_figure(t))
        result[column] = ColumnProfile(
            column, len(texts), numbers, len(set(texts)),
            sum(map(len, texts)) / len(texts) if texts else 0.0, len(shown), len(set(shown)),
            sorted(map(len, texts))[len(texts) // 2] if texts else 0.0)
    return result


def data_rows(grid: Grid, first_row: int) -> int:
    last = min(grid.max_row, first_row + PROFILE_ROWS)
    return sum(1 for r in range(first_row, last + 1)
               if any((r, c) in grid.values for c in range(1, grid.max_col + 1)))
