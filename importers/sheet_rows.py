"""The data rows under a header, as items: merged blocks, category and note rows, repeated page
headers, statuses and scores read; every cell either stored or named in a warning."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from importers.cell_text import header_key
from importers.column_profile import is_figure
from importers.grid import Grid, cell_name
from importers.header_finder import HeaderPlan
from importers.vocabulary import DIMENSION_FIELDS, EXTRA, SKIP, field_scores, status_of
from model.records import ITEM_TEXT_FIELDS
from model.vocabulary import MAX_DIMENSION_DEPTH

CATEGORY_MARK = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+部分)")
NOTE_MARK = re.compile(r"^\s*(注|备注|说明|填表说明|填表人|填报人|审核人|制表人|联系人|联系电话|"
                       r"单位负责人|负责人|分管领导|填报日期|日期)\s*[:：]")
NUMBER = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*分?\s*$")
TOTAL_MARK = re.compile(r"^(合计|小计|总计|总分)(?:$|[:：（(])")  # a 合计 row sums the items above
PLACEHOLDER = re.compile(r"保留格式|勿删|请勿删除|此行(?:为)?示例|示例行|（?以下空白）?$")
NOTE_LENGTH = 30  # a text merged across the table this long is a note, not a category name
SECTION_FILL = 3  # rows of a table filling this many cells: a row with one text is a section
NOTE_WIDTH = 0.6  # a block merged over this share of the table's columns is a note, not data
UNFILED = "未分类"
NEW_HEADER_LENGTH = 24  # a header inside the table holds labels, not sentences
OWN_ROW_FIELDS = ("seq", "owner", "department", "deadline", "status", "score", "score_max")
MAX_WARNINGS = 50


@dataclass(frozen=True)
class ImportedItem:
    row: int
    path: tuple[str, ...]
    values: dict[str, Any]  # item fields; "extras": {header: text} when the table has more


@dataclass(frozen=True)
class SkippedRow:
    """A row under the header that is not an item (a note, a total, a section, a repeated
    header, a placeholder), why, and its text; included: the clerk asked for it as an item."""

    row: int
    reason: str
    text: str
    included: bool = False


@dataclass
class RowsRead:
    items: list[ImportedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)  # in row order


def read_items(grid: Grid, plan: HeaderPlan, filled_status: str | None = None,
               dimension: str | None = None, include: frozenset[int] = frozenset()) -> RowsRead:
    """The items; `dimension` names the one dimension of a table without any (the sheet's name
    when None); rows in `include` are items even where they look like a note, a total or a
    section (the clerk's word)."""
    return _Reader(grid, plan, filled_status, dimension, include).read()


class _Reader:
    def __init__(self, grid: Grid, plan: HeaderPlan, filled_status: str | None,
                 dimension: str | None = None, include: frozenset[int] = frozenset()) -> None:
        self.grid, self.plan, self.filled_status = grid, plan, filled_status
        self.dimension = dimension or grid.title
        self.include = include
        self.skipped: dict[str, list[int]] = {}  # reason → rows, warned once as ranges
        self._fill: int | None = None
        self.columns = [c for c in plan.columns if c.field != SKIP]
        self.names = {c.index: c.header for c in plan.columns}
        self.mapped = {c.index for c in self.columns}
        self.dimension_columns = sorted((c.field, c.index) for c in self.columns
                                        if c.field.startswith("dimension_"))
        self.out = RowsRead()
        self.blanked: set[tuple[int, int]] = set()
        self.group_of: dict[int, int] = {}
        self.across: set[int] = set()
        self.repeated: list[int] = []
        self._keys: list[dict[int, str]] | None = None
        self._row = 0
        self.skipped_content: list[int] = []  # items whose content cell is empty
        self.renamed: dict[int, str] = {}  # extra columns named anew by a header inside the table

    def read(self) -> RowsRead:
        self._classify_merges()
        category: str | None = None
        rows = range(self.plan.first_data_row, self.grid.max_row + 1)
        for group in self._groups(rows):
            cells = self._cells(group)
            kind, text = self._kind(group, cells)
            if kind == "category" and group[0] in self.include:
                self._listed(group[0], f"是分节行（作为维度“{_excerpt(text)}”）", cells)
                kind = "item"
            elif kind == "category":
                if not any((group[0], c.index) in self.blanked for c in self.columns):  # a note's
                    self._listed(group[0], f"是分节行（作为维度“{_excerpt(text)}”）", cells)
                category = text
            if kind == "item":
                self._add_item(group, cells, category)
        self.out.skipped = sorted({s.row: s for s in reversed(self.out.skipped)}.values(),
                                  key=lambda s: s.row)  # the first reason a row was given
        if self.repeated:
            self.warn(f"第 {_rows(self.repeated)} 行是重复的表头（分页打印时的页眉行），已跳过。")
        if self.skipped_content:
            self.warn(f"第 {_ranges(self.skipped_content)} 行的事项内容为空（其他各列有值），"
                      "已作为单独的事项导入，请补写自查内容。")
        for reason, skipped in self.skipped.items():
            self.warn(f"第 {_ranges(skipped)} 行{reason}，未导入。")
        self.out.warnings = collapsed(self.out.warnings)
        if len(self.out.warnings) > MAX_WARNINGS:  # listed up to a screenful, the rest counted
            more = len(self.out.warnings) - MAX_WARNINGS
            self.out.warnings[MAX_WARNINGS:] = [f"……另有 {more} 条同类提示未逐条列出。"]
        return self.out

    def warn(self, text: str) -> None:
        self.out.warnings.append(text)

    # merged ranges in the data area
    def _classify_merges(self) -> None:
        width = len(self.columns)
        indexes = {c.index for c in self.columns}
        content = {c.index for c in self.columns if c.field == "content"}
        for min_col, min_row, max_col, max_row in sorted(self.grid.merges, key=lambda m: (m[1], m[0])):
            if max_row < self.plan.first_data_row:
                continue
            covered = len(indexes & set(range(min_col, max_col + 1)))
            wide = covered >= max(2, math.ceil(NOTE_WIDTH * width))
            if wide and max_row > min_row:
                self._note_block(min_col, min_row, max_col, max_row)
            elif wide:
                self.across.add(min_row)
            elif max_row > min_row and content & set(range(min_col, max_col + 1)):
                for row in range(min_row, max_row + 1):  # the rows of one item
                    self.group_of.setdefault(row, min_row)

    def _note_block(self, min_col: int, min_row: int, max_col: int, max_row: int) -> None:
        text = self.grid.text(min_row, min_col)
        if text:
            self.out.skipped.append(SkippedRow(min_row, "是合并的说明文字", " ".join(text.split()),
                                               min_row in self.include))
        if min_row in self.include:  # the clerk's word: the block is one item
            for row in range(min_row, max_row + 1):
                self.group_of.setdefault(row, min_row)
            return
        for row in range(min_row, max_row + 1):
            for column in range(min_col, max_col + 1):
                self.blanked.add((row, column))
        if text:
            self.warn(f"第 {min_row}–{max_row} 行合并的说明文字（{cell_name(min_row, min_col)}）"
                      f"不是事项，未导入：“{_excerpt(text)}”")

    def _groups(self, rows: range) -> list[list[int]]:
        groups: list[list[int]] = []
        for row in rows:
            anchor = self.group_of.get(row)
            if anchor is not None and groups and self.group_of.get(groups[-1][0]) == anchor:
                groups[-1].append(row)
            else:
                groups.append([row])
        return groups

    def _cells(self, group: list[int]) -> dict[int, str]:
        """Each column's text over the group's rows: distinct texts in order, one per line."""
        cells = {}
        for column in (c.index for c in self.columns):
            texts: list[str] = []
            for row in group:
                if (row, column) in self.blanked:
                    continue
                if self._inside_across(row, column):
                    continue  # a text merged across columns belongs to its first column only
                text = self.grid.shown(row, column).strip()
                if text and text not in texts:
                    texts.append(text)
            cells[column] = "\n".join(texts)
        return cells

    def _inside_across(self, row: int, column: int) -> bool:
        """A cell of a merged range right of a mapped column the range also covers (its text was
        taken there: "和客户在一起" merged over D:G is the content, not also 工作细则)."""
        merge = self.grid.merge_of(row, column)
        if merge is None or merge[0] == column:
            return False
        return any(merge[0] <= c < column for c in self.mapped)

    def _kind(self, group: list[int], cells: dict[int, str]) -> tuple[str, str]:
        texts = [t for t in cells.values() if t]
        if not texts:
            return "skip", ""
        row = group[0]
        alone = len(set(texts)) == 1 and (row in self.across or len(texts) == 1)
        first = next(cells[c.index] for c in self.columns if cells.get(c.index))
        if TOTAL_MARK.match(header_key(first)):
            return self._skip(row, cells, "是合计行",
                              f"第 {row} 行是合计行，不是事项，未导入：{self._quoted(cells)}。")
        if all(NOTE_MARK.match(t) for t in texts):  # "注：…", or "填表人：… 审核人：…"
            return self._skip(row, cells, "是说明文字", f"第 {row} 行的说明文字未导入："
                              f"“{_excerpt(' '.join(dict.fromkeys(texts)))}”")
        if row in self.across and self._across_note(row):
            text = self._across_text(row)
            return self._skip(row, cells, "是合并的说明文字",
                              f"第 {row} 行合并的说明文字不是事项，未导入：“{_excerpt(text)}”")
        if any(PLACEHOLDER.search(t) for t in texts) and len(set(texts)) <= 2:
            return self._skip(row, cells, "是占位行（如“保留格式，勿删”）")
        if self._only_seq(row, cells):
            return self._skip(row, cells, "只有序号、没有内容（空白行）")
        if alone and (row in self.across or CATEGORY_MARK.match(texts[0])):
            return "category", texts[0]
        if alone and len(group) == 1 and self._section(cells, texts[0]):
            return "category", texts[0]
        if len(group) == 1 and self._repeats_header(row):
            if row in self.include:
                self._listed(row, "是重复的表头（分页打印时的页眉行）", cells)
                return "item", ""
            self.repeated.append(row)
            self._listed(row, "是重复的表头（分页打印时的页眉行）", cells)
            return "skip", ""
        if len(group) == 1 and (renamed := self._new_header(row, cells)) is not None:
            return self._skip(row, cells, "是表中的又一个表头", renamed)
        return "item", ""

    def _new_header(self, row: int, cells: dict[int, str]) -> str | None:
        """A second header inside the table (a new part with some columns renamed, as in a
        考核表's "Part Ⅲ"): several of the header's words again in their columns, the rest short
        labels, no figures. The rows under it keep their extras under its names. Returns the
        warning saying so, None for any other row."""
        texts = {t for t in cells.values() if t}
        if any(len(t) > NEW_HEADER_LENGTH or is_figure(t) for t in texts):
            return None
        keys = self._header_keys()[-1] if self._header_keys() else {}
        same = sum(1 for column, key in keys.items()
                   if cells.get(column) and header_key(cells[column]) == key)
        worded = sum(1 for t in texts if header_key(t) in keys.values() or _header_word(t))
        if same < 1 or worded < 2 or worded * 2 < len(texts):
            return None
        renamed = {c.index: " ".join(cells[c.index].split()) for c in self.columns
                   if c.field == EXTRA and cells.get(c.index)
                   and header_key(cells[c.index]) != keys.get(c.index)}
        if row not in self.include:
            self.renamed.update(renamed)
        names = "、".join(f"{self.names[i]}→{n}" for i, n in renamed.items())
        return f"第 {row} 行是表中的又一个表头，已跳过" + (
            f"；其下各行的附加字段改按它命名：{names}。" if names else "。")

    def _skip(self, row: int, cells: dict[int, str], reason: str,
              warning: str = "") -> tuple[str, str]:
        """A row that is not an item: listed with why; warned (one line per reason when no
        warning of its own); an item all the same when the clerk included it."""
        self._listed(row, reason, cells)
        if row in self.include:
            return "item", ""
        if warning:
            self.warn(warning)
        else:
            self.skipped.setdefault(reason, []).append(row)
        return "skip", ""

    def _listed(self, row: int, reason: str, cells: dict[int, str]) -> None:
        text = " ".join(dict.fromkeys(" ".join(t.split()) for t in cells.values() if t))
        self.out.skipped.append(SkippedRow(row, reason, text, row in self.include))

    def _across_text(self, row: int) -> str:
        return next((self.grid.text(row, c) for c in range(1, self.grid.max_col + 1)
                     if self.grid.text(row, c) and self.grid.merge_of(row, c)
                     and self.grid.merge_of(row, c)[2] > c), "")  # type: ignore[index]

    def _across_note(self, row: int) -> bool:
        """A one-row merge across the table holding a sentence is a note (not a category)."""
        text = " ".join(self._across_text(row).split())
        return len(text) > NOTE_LENGTH or bool(re.search(r"[。；;]", text.rstrip("。")))

    def _only_seq(self, row: int, cells: dict[int, str]) -> bool:
        """Only a 序号 (not a heading merged across from the 序号 column)."""
        seq = {c.index for c in self.columns if c.field == "seq"}
        filled = {i for i, t in cells.items() if t}
        across = any((m := self.grid.merge_of(row, i)) and m[2] > m[0] for i in filled)
        return bool(filled) and filled <= seq and not across

    def _section(self, cells: dict[int, str], text: str) -> bool:
        """A row holding one short text (in the first or the content column) inside a table whose
        rows fill several cells: a section heading ("与集团签订的合同"), not an item."""
        if (self._typical_fill() < SECTION_FILL or len(text) > NOTE_LENGTH
                or text.rstrip().endswith(("。", "；", ";", "."))):  # a sentence is an item's text
            return False
        column = next(i for i, t in cells.items() if t)
        first = min(c.index for c in self.columns)
        content = {c.index for c in self.columns if c.field == "content"}
        return column == first or column in content

    def _typical_fill(self) -> int:
        """How many cells the table's rows usually fill (the median over the data rows)."""
        if self._fill is None:
            counts = sorted(sum(1 for c in self.columns if self.grid.shown(r, c.index))
                            for r in range(self.plan.first_data_row,
                                           min(self.grid.max_row, self.plan.first_data_row + 200) + 1))
            counts = [n for n in counts if n]
            self._fill = counts[len(counts) // 2] if counts else 0
        return self._fill

    def _quoted(self, cells: dict[int, str]) -> str:
        """Every text of a row with its column's header (a cell merged across columns once)."""
        parts, previous = [], ""
        for column in self.columns:
            text = cells.get(column.index, "")
            if text and text != previous:
                parts.append(f"{column.header}“{' '.join(text.split())}”")
            previous = text
        return "、".join(parts)

    def _repeats_header(self, row: int) -> bool:
        """A printed page header: most of the header's words again, in the same columns."""
        for keys in self._header_keys():
            needed = max(2, math.ceil(0.6 * len(keys)))
            misses_allowed, same = len(keys) - needed, 0
            for column, key in keys.items():
                text = self.grid.shown(row, column)
                # header_key only for texts short enough to be this header word (a fast no)
                if text and len(text) <= 2 * len(key) + 4 and header_key(text) == key:
                    same += 1
                else:
                    misses_allowed -= 1
                    if misses_allowed < 0:
                        break
            if len(keys) >= 2 and same >= needed:
                return True
        return False

    def _header_keys(self) -> list[dict[int, str]]:
        if self._keys is None:
            self._keys = []
            for header_row in range(self.plan.row, self.plan.first_data_row):
                keys = {c.index: header_key(self.grid.shown(header_row, c.index)) for c in self.columns}
                self._keys.append({c: k for c, k in keys.items() if k})
        return self._keys

    # one item
    def _add_item(self, group: list[int], cells: dict[int, str], category: str | None) -> None:
        row = self._row = group[0]
        if row in self.include:
            cells = self._own_cells(row, cells)
        values: dict[str, Any] = {}
        extras: dict[str, str] = {}
        for column in self.columns:
            text = cells.get(column.index, "")
            name = column.field
            if name in ITEM_TEXT_FIELDS:
                values[name] = _joined(values.get(name, ""), text)
            elif name == EXTRA and text:
                extras[self.renamed.get(column.index, column.header)] = text
            elif name == "status" and text:
                self._status(row, column.index, column.header, text, values, extras)
            elif name in ("score_max", "score") and text:
                self._number(row, column.index, column.header, name, text, values, extras)
        if not any(v for k, v in values.items() if k in ITEM_TEXT_FIELDS) and not extras:
            noted = any((row, c.index) in self.blanked for c in self.columns)
            if any(cells.get(i) for _f, i in self.dimension_columns) and not noted:
                self._skip(row, cells, "只有维度名称、没有事项")
            if row not in self.include:
                return
        if row in self.include and not values.get("content"):  # its own text is its content
            values["content"] = next((t for c in self.columns if (t := cells.get(c.index, ""))), "")
        if "status" not in values and self.filled_status and values.get("result"):
            values["status"] = self.filled_status
        if extras:
            values["extras"] = extras
        path = self._path(row, cells, category)
        if self._continues(cells, values, path):
            return
        if not values.get("content") and self._blank_template_row(group, cells):
            return
        if not values.get("content"):
            self.skipped_content.append(row)
        self.out.items.append(ImportedItem(row, path, values))

    def _own_cells(self, row: int, cells: dict[int, str]) -> dict[int, str]:
        """An included row's texts: one merged across columns (a note, a heading) is its content,
        once, not every field's value."""
        own, wide = dict(cells), ""
        for column, text in cells.items():
            merge = self.grid.merge_of(row, column)
            if text and merge is not None and merge[2] > merge[0]:
                wide = wide or self.grid.text(merge[1], merge[0])
                own[column] = ""
        content = next((c.index for c in self.columns if c.field == "content"), None)
        if wide and content is not None and not own.get(content):
            own[content] = wide
        return own

    def _continues(self, cells: dict[int, str], values: dict[str, Any], path: tuple[str, ...]) -> bool:
        """A row without content or 序号 under an item of the same dimension continues it (clerks
        write a long result over several rows): its texts are added to that item's, reported."""
        if (values.get("content") or not self.out.items or self.out.items[-1].path != path
                or self._own_row(cells, values)):
            return False
        previous = self.out.items[-1]
        for name, text in values.items():
            if name in ITEM_TEXT_FIELDS and text:
                previous.values[name] = _joined(previous.values.get(name, ""), text)
            elif name == "extras":
                merged = previous.values.setdefault("extras", {})
                for header, extra in text.items():
                    merged[header] = _joined(merged.get(header, ""), extra)
            elif name not in previous.values:
                previous.values[name] = text
        self.warn(f"第 {self._row} 行没有事项内容，已并入上一项（第 {previous.row} 行）。")
        return True

    def _blank_template_row(self, group: list[int], cells: dict[int, str]) -> bool:
        """A row with no content holding only dates or figures (a diary's day), or only the same
        preset values as the row beside it (a list's defaults "Open"), is a blank row."""
        if group[0] in self.include:
            return False
        kept = {c.index for c in self.columns if c.field not in ("seq", *DIMENSION_FIELDS)}
        own = {i: t for i, t in cells.items() if t and i in kept}
        beside = [group[0] - 1, group[-1] + 1]
        if all(is_figure(t) for t in own.values()):
            reason = "只有日期或数字、没有内容（空白行）"
        elif any(self._kept_cells(row, kept) == own for row in beside
                 if row >= self.plan.first_data_row):
            reason = "只有与相邻行相同的预设值、没有内容（空白行）"
        else:
            return False
        self._skip(group[0], cells, reason)
        return True

    def _kept_cells(self, row: int, kept: set[int]) -> dict[int, str]:
        return {i: t for i, t in self._cells([row]).items() if t and i in kept}

    def _own_row(self, cells: dict[int, str], values: dict[str, Any]) -> bool:
        """A row that says something of its own (a 序号, a status, a person, a date, a figure) is an
        item even with its content cell empty: only sentences continue the item above."""
        own = {c.index for c in self.columns if c.field in OWN_ROW_FIELDS}
        if any(cells.get(i) for i in own) or any(k in values for k in ("status", "score", "score_max")):
            return True
        return any(is_figure(text) for text in values.get("extras", {}).values())

    def _status(self, row: int, column: int, header: str, text: str, values: dict[str, Any],
                extras: dict[str, str]) -> None:
        status = status_of(text)
        if status is None:
            extras[header] = text
            self.warn(f"单元格 {cell_name(row, column)} 的状态“{_excerpt(text)}”无法识别，"
                      f"事项状态保持“未开始”，原文保留在附加字段“{header}”。")
        else:
            values["status"] = status

    def _number(self, row: int, column: int, header: str, name: str, text: str,
                values: dict[str, Any], extras: dict[str, str]) -> None:
        match = NUMBER.match(text)
        if match:
            values[name] = float(match.group(1))
        else:
            extras[header] = text
            self.warn(f"单元格 {cell_name(row, column)} 的“{header}”不是数字（“{_excerpt(text)}”），"
                      "原文保留在同名附加字段。")

    def _path(self, row: int, cells: dict[int, str], category: str | None) -> tuple[str, ...]:
        names = [cells[i] for _f, i in self.dimension_columns if cells.get(i)]
        if category is not None and len(names) < MAX_DIMENSION_DEPTH:
            names = [category, *names]
        collapsed = [n for k, n in enumerate(names) if k == 0 or n != names[k - 1]]
        if len(collapsed) > MAX_DIMENSION_DEPTH:
            self.warn(f"第 {row} 行的维度超过 {MAX_DIMENSION_DEPTH} 级，只保留前 {MAX_DIMENSION_DEPTH} 级。")
            collapsed = collapsed[:MAX_DIMENSION_DEPTH]
        if not collapsed and not self.dimension_columns and category is None:
            return (self.dimension,)  # a table without categories: its sheet (or title) is it
        if not collapsed:
            if not any(UNFILED in w for w in self.out.warnings):
                self.warn(f"第 {row} 行起有事项没有所属维度，已归入“{UNFILED}”。")
            return (UNFILED,)
        return tuple(collapsed)


def _header_word(text: str) -> bool:
    """A header's word for a field ("序号", "备注", "具体事项"), not merely a word in it."""
    scores = field_scores(text)
    return bool(scores) and scores[0][0] >= 2


def _joined(old: str, new: str) -> str:
    return f"{old}\n{new}" if old and new else old or new


def _excerpt(text: str, limit: int = 30) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


CELL_WARNING = re.compile(r"^单元格 ([A-Z]+\d+) ")
CELL_VALUE = re.compile(r"“[^”]*”(?=无法识别)|（“[^”]*”）")
SHOWN_CELLS = 5


def collapsed(warnings: list[str]) -> list[str]:
    """The same remark about many cells (“不是数字”, a status not understood) once, with the
    cells and their count, where the first of them stood."""
    groups: dict[str, list[int]] = {}
    for index, warning in enumerate(warnings):
        if CELL_WARNING.match(warning):
            key = CELL_VALUE.sub("", CELL_WARNING.sub("", warning))
            groups.setdefault(key, []).append(index)
    result = []
    for index, warning in enumerate(warnings):
        match = CELL_WARNING.match(warning)
        group = groups.get(CELL_VALUE.sub("", CELL_WARNING.sub("", warning))) if match else None
        if group is None or len(group) < 3:
            result.append(warning)
        elif group[0] == index:
            cells = [CELL_WARNING.match(warnings[i]).group(1) for i in group]  # type: ignore[union-attr]
            shown = "、".join(cells[:SHOWN_CELLS]) + ("等" if len(cells) > SHOWN_CELLS else "")
            rest = CELL_VALUE.sub("", CELL_WARNING.sub("", warning))
            result.append(f"单元格 {shown} 共 {len(cells)} 处{rest}")
    return result


def _ranges(rows: list[int]) -> str:
    """3、5–9、12: rows as runs."""
    runs: list[list[int]] = []
    for row in sorted(rows):
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    shown = [f"{a}–{b}" if b > a else str(a) for a, b in runs]
    return "、".join(shown[:10]) + ("等" if len(shown) > 10 else "")


def _rows(rows: list[int]) -> str:
    return "、".join(str(r) for r in rows[:10]) + ("等" if len(rows) > 10 else "")
