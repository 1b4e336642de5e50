"""A header's proposal completed and checked against the data under it: the content column chosen
from the texts when no header word names it, numbers never taken for names, a column of a few
repeated values made a dimension; each change given its reason."""

from __future__ import annotations

from dataclasses import replace

from importers.column_profile import ColumnProfile, data_rows, profiles
from importers.grid import Grid
from importers.header_finder import HeaderPlan, PlannedColumn
from importers.vocabulary import DIMENSION_FIELDS, EXTRA, FIELD_LABELS, SKIP

CLERK = "按 --map 指定"
NOT_FOR_NUMBERS = ("content", "owner", "department", "target", "status")
MIN_VALUES = 3  # figures in fewer cells say little about a column
NUMBER_FIELDS = ("score_max", "score", "progress_q1", "progress_q2", "progress_q3", "progress_q4")
SWAP_FACTOR = 1.5  # another column's texts must look this much more like the content to take it
MAX_DIMENSION_LENGTH = 20.0  # a dimension's name is short
DOUBT = 2 / 3  # another column this close to the chosen content: the clerk must say which
NEAR_BEST = 0.8  # columns this close to the best content candidate: the leftmost is taken


def complete_by_data(grid: Grid, plan: HeaderPlan, mapping: dict[str, str]) -> HeaderPlan:
    columns = {c.index: c for c in plan.columns}
    data = profiles(grid, plan.first_data_row, list(columns))
    rows = data_rows(grid, plan.first_data_row)
    fixed = {i for i, c in columns.items() if c.reason == CLERK}
    _numbers_are_numbers(columns, data, fixed)
    _texts_are_texts(columns, data, fixed)
    doubt = _content_from_data(columns, data, rows, fixed)
    _dimensions_from_data(columns, data, rows, fixed)
    return replace(plan, columns=tuple(columns[i] for i in sorted(columns)), doubt=doubt)


def _set(columns: dict[int, PlannedColumn], index: int, field: str, confidence: str,
         reason: str) -> None:
    columns[index] = replace(columns[index], field=field, confidence=confidence, reason=reason)


def _taken(columns: dict[int, PlannedColumn]) -> set[str]:
    return {c.field for c in columns.values() if c.field not in (EXTRA, SKIP)}


def _numbers_are_numbers(columns: dict[int, PlannedColumn], data: dict[int, ColumnProfile],
                         fixed: set[int]) -> None:
    """A column of figures is a score, a points value or an extra, never a name (分值 as 责任人)."""
    for index, column in list(columns.items()):
        if (index in fixed or column.field not in NOT_FOR_NUMBERS or not data[index].numeric
                or data[index].values < MIN_VALUES
                or column.confidence == "high"):  # the header says it in so many words
            continue
        label = FIELD_LABELS[column.field]
        header = column.header.rsplit("/", 1)[-1]
        field = "score" if "得分" in header else "score_max" if "分" in header else EXTRA
        if field in _taken(columns):
            field = EXTRA
        _set(columns, index, field, "medium", f"这一列是数字，不是{label}")


def _texts_are_texts(columns: dict[int, PlannedColumn], data: dict[int, ColumnProfile],
                     fixed: set[int]) -> None:
    """A column of sentences is no score or points value, whatever its header ends with
    (“分项内容及分值” holds the items)."""
    for index, column in list(columns.items()):
        profile = data[index]
        if (index in fixed or column.field not in ("score_max", "score") or not profile.texts
                or profile.mean_length < 4):
            continue
        _set(columns, index, EXTRA, "medium", f"这一列是文字，不是{FIELD_LABELS[column.field]}")


def _content_from_data(columns: dict[int, PlannedColumn], data: dict[int, ColumnProfile],
                       rows: int, fixed: set[int]) -> str:
    """No header word names the content: the column of longest, most distinct texts is it; a
    content column of a few repeated values gives way to such a column (it is a category).
    Returns why the choice is doubtful ("" when it is clear)."""
    free = [i for i, c in columns.items() if c.field == EXTRA and i not in fixed
            and not data[i].repeated(rows)]
    top = max((data[i].content_score(rows) for i in free), default=0.0)
    if top <= 0:
        return ""
    best = min(i for i in free if data[i].content_score(rows) >= NEAR_BEST * top)
    current = next((i for i, c in columns.items() if c.field == "content"), None)
    if current is None:
        _set(columns, best, "content", "low",
             "表头中没有“自查内容/工作任务”等字样，按数据选择：这一列的文字最长、最少重复")
        chosen = data[best]
        grouped = chosen.rows > chosen.values  # merged down over the rows of its details
        rivals = [columns[i].header for i in free
                  if i != best and data[i].content_score(rows) >= DOUBT * chosen.content_score(rows)
                  and not (grouped and data[i].values > chosen.values)]
        if rivals:
            return f"“{columns[best].header}”列与“{'”“'.join(rivals)}”列都像事项内容"
        if data[best].values < 2:
            return "数据行太少，无法按数据判断哪一列是事项内容"
        return ""
    if current in fixed:
        return ""
    if data[current].sparse(rows) and data[best].rows > 2 * data[current].rows and (
            data[best].content_score(rows) > data[current].content_score(rows)):
        _set(columns, current, EXTRA, "medium", "这一列大多为空，不是事项内容")
        _set(columns, best, "content", "low",
             f"“{columns[current].header}”列大多为空；这一列的文字多得多，是事项内容")
        return ""
    if not data[current].repeated(rows):
        return ""
    if data[best].content_score(rows) < SWAP_FACTOR * data[current].content_score(rows):
        return ""
    level = next((f for f in DIMENSION_FIELDS if f not in _taken(columns)), EXTRA)
    _set(columns, current, level, "medium", "只有少数几个重复的值，是类别（维度），不是事项内容")
    _set(columns, best, "content", "low", "这一列的文字最长、最少重复，是事项内容")
    return ""


def _dimensions_from_data(columns: dict[int, PlannedColumn], data: dict[int, ColumnProfile],
                          rows: int, fixed: set[int]) -> None:
    """A column left of the content holding a few repeated short names is a dimension level."""
    content = next((i for i, c in columns.items() if c.field == "content"), None)
    if content is None:
        return
    for index in sorted(i for i, c in columns.items()
                        if c.field == EXTRA and i < content and i not in fixed):
        profile = data[index]
        level = next((f for f in DIMENSION_FIELDS if f not in _taken(columns)), None)
        if level is None:
            return
        if profile.repeated(rows) and profile.median_length <= MAX_DIMENSION_LENGTH:
            _set(columns, index, level, "medium", "只有少数几个重复的值，作为维度")
    _relevel(columns, fixed)


def _relevel(columns: dict[int, PlannedColumn], fixed: set[int]) -> None:
    """Dimension levels left to right (the clerk's own levels kept)."""
    free = [i for i, c in sorted(columns.items())
            if c.field in DIMENSION_FIELDS and i not in fixed]
    levels = [f for f in DIMENSION_FIELDS if f not in {columns[i].field for i in fixed}]
    for index, level in zip(free, levels, strict=False):
        columns[index] = replace(columns[index], field=level)
