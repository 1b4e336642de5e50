"""Find a table's header in a sheet: rows scored by header words and by shape (how the header band
differs from the rows under it); one- to three-row headers (a group header over sub-headers gives
"group/sub" names); columns given fields, with a confidence and a reason each."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from importers.cell_text import header_key
from importers.column_profile import is_figure
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
    confidence: str = "high"  # "high" | "medium" | "low": how sure the proposal is
    reason: str = ""  # why this field, as the clerk reads it


@dataclass(frozen=True)
class HeaderPlan:
    row: int
    height: int  # 1 to 3 rows
    columns: tuple[PlannedColumn, ...]
    score: float
    doubt: str = ""  # why the proposal is not safe to import without the clerk's word ("" = safe)

    @property
    def first_data_row(self) -> int:
        return self.row + self.height

    def fields(self) -> dict[int, str]:
        return {c.index: c.field for c in self.columns}

    def has_content(self) -> bool:
        return any(c.field == "content" for c in self.columns)



def column_names(grid: Grid, row: int, height: int) -> dict[int, str]:
    """Each column's header name over `height` rows: the distinct texts from the top down joined
    by "/" (a merged cell read in every cell it covers; a group written once over unmerged
    sub-columns read over each of them)."""
    anchors = grid.anchors()
    names = {}
    for column in range(1, grid.max_col + 1):
        parts: list[str] = []
        seen: set[tuple[int, int]] = set()
        for r in range(row, row + height):
            anchor = anchors.get((r, column), (r, column))
            text = grid.values.get(anchor, "").strip()
            if not text and r < row + height - 1:
                anchor, text = _unmerged_group(grid, r, column, row + height - 1)
            if text and anchor not in seen and (not parts or parts[-1] != text):
                parts.append(" ".join(text.split()))
            seen.add(anchor)
        names[column] = "/".join(parts)
    return names


def _unmerged_group(grid: Grid, row: int, column: int, last: int) -> tuple[tuple[int, int], str]:
    """A group name written once, left, over sub-headers in the rows below (not merged): the
    cell itself is empty, the row under it names a sub-column, and so does the group's own."""
    if not any(grid.shown(r, column) for r in range(row + 1, last + 1)):
        return (row, column), ""
    for left in range(column - 1, 0, -1):
        if grid.anchors().get((row, left)) not in (None, (row, left)):
            return (row, column), ""
        text = grid.text(row, left).strip()
        if text:
            if _group_like(text) and any(grid.shown(r, left) for r in range(row + 1, last + 1)):
                return (row, left), text
            return (row, column), ""
    return (row, column), ""


def plan_header(grid: Grid, row: int, height: int, mapping: dict[str, str]) -> HeaderPlan:
    """The header at `row` over `height` rows, its columns given fields: the clerk's mapping
    first, then the best-scoring header words; each field once (dimension levels left to right)."""
    names = column_names(grid, row, height)
    if _mostly_numbers(names):  # a row of figures (a 统计 row, a total) is never a header
        names = {}
    data_columns = _columns_with_data(grid, row + height)
    wanted = {header_key(k): v for k, v in mapping.items()}
    chosen: dict[int, str] = {}
    why: dict[int, tuple[str, str]] = {}
    mapped = 0  # the clerk's own headers found here: the strongest sign this row is the header
    for column, name in names.items():
        if name and header_key(name) in wanted:
            chosen[column] = wanted[header_key(name)]
            why[column] = ("high", "按 --map 指定")
            mapped += 1
    # a sub-header's match ranks below a one-row header's exact or ending match: 基本分值 is the
    # score_max, not 增加分值/分值; 自评得分 the score, not 增加分值/得分
    candidates = sorted(((score - (SUB_RANK if "/" in name else 0), score, column, field)
                         for column, name in names.items()
                         if column not in chosen for score, field in _scores(name)),
                        key=lambda t: (-t[0], t[2]))
    taken = {f for f in chosen.values() if f not in (EXTRA, SKIP)}
    vocabulary = float(MAPPED_SCORE * mapped)  # as an exact field name: a remembered mapping
    for _rank, score, column, field in candidates:
        if column in chosen or (field in taken and field != DIMENSION):
            continue
        chosen[column] = field
        why[column] = WORD_REASONS[score]
        taken.add(field)
        vocabulary += score
    chosen = _levels(chosen)
    columns = []
    seen: set[str] = set()
    for column in range(1, grid.max_col + 1):
        name = names.get(column, "")
        if column not in data_columns and (not name or _continues_left(grid, row + height - 1, column)):
            continue  # no data, and no header of its own (a header merged over it from the left)
        shown = name or f"第{_letters(column)}列"
        if shown in seen:  # two columns under one header: each keeps its own name
            shown = f"{shown}（{_letters(column)}列）"
        seen.add(shown)
        confidence, reason = why.get(column, ("low", "表头没有可识别的字，保留为附加字段"))
        columns.append(PlannedColumn(column, shown, chosen.get(column, EXTRA), confidence, reason))
    return HeaderPlan(row, height, tuple(columns), vocabulary * 2 + _shape(grid, row, height, names))


MAPPED_SCORE = 3  # a header named in the mapping weighs as a header equal to a field name
WORD_REASONS = {3: ("high", "表头与字段名相同"), 2: ("medium", "表头以字段名结尾"),
                1: ("low", "表头包含字段名")}


def _continues_left(grid: Grid, row: int, column: int) -> bool:
    anchor = grid.anchors().get((row, column))
    return anchor is not None and anchor[1] < column


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
    """A header looks like a row of short, distinct texts above rows of longer texts, with
    other kinds of values (figures, repeats) under it and no table rows above it."""
    texts = [n for n in names.values() if n]
    distinct = set(texts)
    if len(distinct) < 2:
        return -10.0
    score = min(len(distinct), 8) / 2
    if all(len(part) <= MAX_HEADER_CHARS for t in distinct for part in t.split("/")) and not any(
            t.endswith(("。", "；")) for t in distinct):
        score += 2
    else:
        score -= 3
    first = row + height
    below = [grid.shown(r, c) for r in range(first, first + SAMPLE_ROWS)
             for c in names if grid.shown(r, c)]
    if any(grid.merge_of(row, c) and grid.anchors()[(row, c)][0] < row for c in names):
        score -= 3  # the header begins above: merged down into this row
    if height >= 2 and _merged_down(grid, row, height):
        score += 3  # headers merged down over the band beside the group: a grouped header
    if height == 1 and _split_below(grid, row):
        score -= 4  # a group's name read as a column's: its sub-headers are in the next row
    if height >= 2 and all("/" in t for t in distinct):
        score -= 5  # a line over every column (单位、日期 under the title) is no group header
    if below:
        mean_header = sum(len(t.rsplit("/", 1)[-1]) for t in distinct) / len(distinct)
        mean_below = sum(len(t) for t in below) / len(below)
        score += 2 if mean_below > mean_header else 0
    else:
        score -= 4
    return score - _data_like(grid, row, height, names) - _table_above(grid, row, names)


def _data_like(grid: Grid, row: int, height: int, names: dict[int, str]) -> float:
    """How much the band reads like one more data row: figures as names, names that come again
    as values in their column below."""
    penalty = 0.0
    first = row + height
    subs = {c: n.rsplit("/", 1)[-1] for c, n in names.items() if n}
    repeats: dict[int, set[int]] = {}  # row below → columns where it says the name again
    for r in range(first, first + SAMPLE_ROWS):
        for column, sub in subs.items():
            if " ".join(grid.text(r, column).split()) == sub:
                repeats.setdefault(r, set()).add(column)
    again = {c for found in repeats.values() if len(found) == 1 for c in found}
    for column, sub in subs.items():  # a whole header again below is a printed page header
        penalty += (1.5 if is_figure(sub) else 0.0) + (1.0 if column in again else 0.0)
    return penalty


def _table_above(grid: Grid, row: int, names: dict[int, str]) -> float:
    """Rows above the band filled like table rows (not a title or a 填报单位 line) would be lost:
    a header is rarely below them."""
    width = sum(1 for n in names.values() if n)
    needed = max(3, (width + 1) // 2)
    rows = 0
    for above in range(1, row):
        filled = sum(1 for c in range(1, grid.max_col + 1) if grid.text(above, c))
        if filled >= needed:
            rows += 1
    return min(2.0 * rows, 6.0)


def _merged_down(grid: Grid, row: int, height: int = 2) -> bool:
    """A header cell of `row` merged down over exactly the band (not the whole width)."""
    return any(min_row == row and max_row == row + height - 1
               and max_col - min_col + 1 < grid.max_col
               for min_col, min_row, max_col, max_row in grid.merges)


def _split_below(grid: Grid, row: int) -> bool:
    """A cell of this row merged across columns with two or more short labels under it."""
    for min_col, min_row, max_col, max_row in grid.merges:
        if min_row == row == max_row and max_col > min_col and _group_like(grid.text(row, min_col)):
            labels = [t for c in range(min_col, max_col + 1) if (t := grid.text(row + 1, c).strip())]
            if len(set(labels)) >= 2 and all(len(t) <= MAX_HEADER_CHARS and not is_figure(t)
                                             for t in labels):
                return True
    return False


def two_row_possible(grid: Grid, row: int) -> bool:
    """A group header: a cell of this row merged across columns (but not the whole width) with
    texts under it in the next row, or a group written over empty cells with short sub-header
    labels under them (in what would otherwise be the first data row)."""
    for min_col, min_row, max_col, max_row in grid.merges:
        if (min_row == row and max_row == row and max_col > min_col
                and max_col - min_col + 1 < grid.max_col
                and _group_like(grid.text(row, min_col))
                and any(grid.text(row + 1, c) for c in range(min_col, max_col + 1))
                and any(grid.shown(row, c) for c in range(1, grid.max_col + 1)
                        if not min_col <= c <= max_col)):  # a title has no header beside it
            return True
    return _sub_labels_below(grid, row)


def _sub_labels_below(grid: Grid, row: int) -> bool:
    below = {c: grid.text(row + 1, c).strip() for c in range(1, grid.max_col + 1)}
    below = {c: t for c, t in below.items() if t}
    if len(below) < 2 or any(len(t) > MAX_GROUP_CHARS or is_figure(t) for t in below.values()):
        return False
    top = {c for c in range(1, grid.max_col + 1) if grid.shown(row, c)}
    under_empty = [c for c in below if c not in top]  # a sub-column of a group written once
    alone = [c for c in top if c not in below]  # a header standing over both rows
    return bool(under_empty) and bool(alone) and len(top) >= 2


def header_heights(grid: Grid, row: int) -> tuple[int, ...]:
    if not two_row_possible(grid, row):
        return (1,)
    if two_row_possible(grid, row + 1) or _merged_down(grid, row, 3):
        return (1, 2, 3)
    return (1, 2)


def _group_like(text: str) -> bool:
    """A group header's text: short, and not a "label：value" line (填报单位：…, 填报时间：…)."""
    text = " ".join(text.split())
    return 0 < len(text) <= MAX_GROUP_CHARS and not LABELLED.search(text)


CONTENT_BONUS = 3.0  # a header naming the content column wins over one that does not, if alike


def find_header(grid: Grid, mapping: dict[str, str], header_row: int | None = None) -> HeaderPlan | None:
    """The best header of the sheet (the given row only, when header_row is set), its fields
    completed from the data (importers.column_fields), or None."""
    from importers.column_fields import complete_by_data

    rows = [header_row] if header_row else range(1, min(grid.max_row, HEADER_SEARCH_ROWS) + 1)
    best: HeaderPlan | None = None
    best_score = 0.0
    for row in rows:
        for height in header_heights(grid, row):
            plan = plan_header(grid, row, height, mapping)
            score = plan.score + (CONTENT_BONUS if plan.has_content() else 0.0)
            if best is None or score > best_score:
                best, best_score = plan, score
    if best is None:
        return None
    plan = complete_by_data(grid, best, mapping)
    if header_row and not best.has_content() and plan.has_content():
        better = find_header(grid, mapping)  # the clerk's row has no content word: is one below?
        if better is not None and better.row != header_row and any(
                c.field == "content" and c.confidence != "low" for c in better.columns):
            plan = replace(plan, doubt=f"第 {better.row} 行才像表头（--header-row {better.row}）")
    return plan


NUMBERED = re.compile(r"^(\D*?)\s*\d+\s*(\D*)$")
MIN_NUMBERED = 4


def numbered_grid(plan: HeaderPlan) -> str:
    """A header of numbered places ("左1 左2 … 右8", "1 2 3 …") heads a seat map or a matrix,
    not a table of items: the repeated name, or ""."""
    stems: dict[tuple[str, str], int] = {}
    named = [c for c in plan.columns if not c.header.startswith("第")]
    for column in named:
        match = NUMBERED.match(column.header.rsplit("/", 1)[-1])
        if match:
            key = (match.group(1), match.group(2))
            stems[key] = stems.get(key, 0) + 1
    if not stems:
        return ""
    (stem, tail), count = max(stems.items(), key=lambda pair: pair[1])
    numbered = sum(stems.values())
    if numbered >= MIN_NUMBERED and numbered * 2 >= len(named) and count >= 2:
        return f"{stem}1{tail}"
    return ""


def _letters(column: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
