"""Find a table's header in a sheet: rows scored by header words and by shape; one- and two-row
headers (a merged group header over sub-headers gives "group/sub" names); columns given fields."""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.cell_text import header_key
from importers.grid import Grid
from importers.vocabulary import DIMENSION, DIMENSION_FIELDS, EXTRA, SKIP, field_scores

HEADER_SEARCH_ROWS = 50
MAX_HEADER_CHARS = 24  # a header word is short; a longer text is data or a note
SAMPLE_ROWS = 8
NUMBER = re.compile(r"^[\d.,%+\-−/（）()]+$")
MAX_GROUP_CHARS = 12  # a group header ("增加分值", "推进情况") is a short name
SUB_RANK = 1.5  # how far a "group/sub" header's match ranks below the same match of a whole header
LABELLED = re.compile(r"[:：]\s*\S")  # "填报单位（盖章）：XX局" is a label with its value


@dataclass(frozen=True)
class PlannedColumn:
    index: int  # 1-based
    header: str  # as shown to the clerk: "分值", "增加分值/得分", or "第F列" when it has none
    field: str  # a field name, "extra" (kept as a named extra field) or "skip"


@dataclass(frozen=True)
class HeaderPlan:
    row: int
    height: int  # 1 or 2 rows
    columns: tuple[PlannedColumn, ...]
    score: float

    @property
    def first_data_row(self) -> int:
        return self.row + self.height

    def fields(self) -> dict[int, str]:
        return {c.index: c.field for c in self.columns}

    def has_content(self) -> bool:
        return any(c.field == "content" for c in self.columns)


def column_names(grid: Grid, row: int, height: int) -> dict[int, str]:
    """Each column's header name over `height` rows (merged cells read in every cell they cover)."""
    names = {}
    for column in range(1, grid.max_col + 1):
        top = grid.shown(row, column).strip()
        sub = ""
        if height == 2 and grid.anchors().get((row + 1, column)) != grid.anchors().get(
                (row, column), (row, column)):
            sub = grid.shown(row + 1, column).strip()
        name = f"{top}/{sub}" if top and sub and top != sub else (sub or top)
        names[column] = " ".join(name.split())
    return names


def plan_header(grid: Grid, row: int, height: int, mapping: dict[str, str]) -> HeaderPlan:
    """The header at `row` over `height` rows, its columns given fields: the clerk's mapping
    first, then the best-scoring header words; each field once (dimension levels left to right)."""
    names = column_names(grid, row, height)
    if _mostly_numbers(names):  # a row of figures (a 统计 row, a total) is never a header
        names = {}
    data_columns = _columns_with_data(grid, row + height)
    wanted = {header_key(k): v for k, v in mapping.items()}
    chosen: dict[int, str] = {}
    for column, name in names.items():
        if name and header_key(name) in wanted:
            chosen[column] = wanted[header_key(name)]
    # a sub-header's match ranks below a one-row header's exact or ending match: 基本分值 is the
    # score_max, not 增加分值/分值; 自评得分 the score, not 增加分值/得分
    candidates = sorted(((score - (SUB_RANK if "/" in name else 0), score, column, field)
                         for column, name in names.items()
                         if column not in chosen for score, field in _scores(name)),
                        key=lambda t: (-t[0], t[2]))
    taken = {f for f in chosen.values() if f not in (EXTRA, SKIP)}
    vocabulary = 0.0
    for _rank, score, column, field in candidates:
        if column in chosen or (field in taken and field != DIMENSION):
            continue
        chosen[column] = field
        taken.add(field)
        vocabulary += score
    chosen = _levels(chosen)
    columns = []
    seen: set[str] = set()
    for column in range(1, grid.max_col + 1):
        name = names.get(column, "")
        if not name and column not in data_columns:
            continue
        shown = name or f"第{_letters(column)}列"
        if shown in seen:  # two columns under one header: each keeps its own name
            shown = f"{shown}（{_letters(column)}列）"
        seen.add(shown)
        columns.append(PlannedColumn(column, shown, chosen.get(column, EXTRA)))
    return HeaderPlan(row, height, tuple(columns), vocabulary * 2 + _shape(grid, row, height, names))


def _mostly_numbers(names: dict[int, str]) -> bool:
    texts = [n for n in names.values() if n]
    figures = sum(1 for t in texts if NUMBER.match(t))
    return bool(texts) and figures * 2 >= len(texts)


def _scores(name: str) -> list[tuple[int, str]]:
    """A "group/sub" name is matched by its sub-header first, then as a whole."""
    if "/" in name:
        sub = name.rsplit("/", 1)[1]
        found = field_scores(sub) or field_scores(name)
        return found
    return field_scores(name)


def _levels(chosen: dict[int, str]) -> dict[int, str]:
    """Dimension columns become levels 1–3 from left to right (explicit levels kept); with no
    content column but two or more dimension columns, the rightmost is the content (考核项目 |
    考核内容 | 分值 …)."""
    result = dict(chosen)
    generic = sorted(c for c, f in result.items() if f == DIMENSION)
    if len(generic) >= 2 and "content" not in result.values():
        result[generic.pop()] = "content"
    free = [f for f in DIMENSION_FIELDS if f not in result.values()]
    for column in generic:
        result[column] = free.pop(0) if free else EXTRA
    return result


def _columns_with_data(grid: Grid, first_row: int) -> set[int]:
    return {c for c, last in grid.last_rows().items() if last >= first_row}


def _shape(grid: Grid, row: int, height: int, names: dict[int, str]) -> float:
    """A header looks like a row of short, distinct texts above rows of longer texts."""
    texts = [n for n in names.values() if n]
    distinct = set(texts)
    if len(distinct) < 2:
        return -10.0
    score = min(len(distinct), 8) / 2
    if all(len(t) <= MAX_HEADER_CHARS and not t.endswith(("。", "；")) for t in distinct):
        score += 2
    else:
        score -= 3
    below = [grid.shown(r, c) for r in range(row + height, row + height + SAMPLE_ROWS)
             for c in names if grid.shown(r, c)]
    if any(grid.merge_of(row, c) and grid.anchors()[(row, c)][0] < row for c in names):
        score -= 3  # the header begins above: merged down into this row
    if height == 2 and _merged_down(grid, row):
        score += 3  # headers merged down over both rows beside the group: a two-row header
    if height == 2 and all("/" in t for t in distinct):
        score -= 5  # a line over every column (单位、日期 under the title) is no group header
    if below:
        mean_header = sum(len(t.rsplit("/", 1)[-1]) for t in distinct) / len(distinct)
        mean_below = sum(len(t) for t in below) / len(below)
        score += 2 if mean_below > mean_header else 0
    else:
        score -= 4
    return score


def _merged_down(grid: Grid, row: int) -> bool:
    """A header cell of `row` merged down over exactly the next row (not the whole width)."""
    return any(min_row == row and max_row == row + 1 and max_col - min_col + 1 < grid.max_col
               for min_col, min_row, max_col, max_row in grid.merges)


def two_row_possible(grid: Grid, row: int) -> bool:
    """A group header: a cell of this row merged across columns (but not the whole width)
    with texts under it in the next row."""
    for min_col, min_row, max_col, max_row in grid.merges:
        if (min_row == row and max_row == row and max_col > min_col
                and max_col - min_col + 1 < grid.max_col
                and _group_like(grid.text(row, min_col))
                and any(grid.text(row + 1, c) for c in range(min_col, max_col + 1))):
            return True
    return False


def _group_like(text: str) -> bool:
    """A group header's text: short, and not a "label：value" line (填报单位：…, 填报时间：…)."""
    text = " ".join(text.split())
    return len(text) <= MAX_GROUP_CHARS and not LABELLED.search(text)


def find_header(grid: Grid, mapping: dict[str, str], header_row: int | None = None) -> HeaderPlan | None:
    """The best header of the sheet (the given row only, when header_row is set), or None."""
    rows = [header_row] if header_row else range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1)
    best: HeaderPlan | None = None
    for row in rows:
        heights = (1, 2) if two_row_possible(grid, row) else (1,)
        for height in heights:
            plan = plan_header(grid, row, height, mapping)
            if best is None or (plan.has_content(), plan.score) > (best.has_content(), best.score):
                best = plan
    return best


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
