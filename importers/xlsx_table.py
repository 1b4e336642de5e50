"""Read a clerk's workbook (.xlsx, .xls, .et) into plain records: every sheet holding a table,
its header found and its columns given fields, its rows read as items.

Nothing here writes to the database: the caller stores the chosen tables in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from importers.cell_text import header_key
from importers.errors import ImportFileError, where
from importers.grid import Grid
from importers.header_finder import HEADER_SEARCH_ROWS, HeaderPlan, PlannedColumn, find_header, numbered_grid
from importers.plan_sheets import plan_reason
from importers.sheet_rows import ImportedItem, SkippedRow, read_items
from importers.template_marks import refuse_templates
from importers.title import period_of, title_facts
from importers.vocabulary import EXTRA, FIELD_LABELS
from importers.workbook_grids import read_grids
from model.errors import ValidationError
from model.report.layouts import layout_names, load_layout
from model.vocabulary import ANNUAL, MAX_DIMENSION_DEPTH
from model.vocabulary import STATUS_NAMES as STATUSES

ALL_SHEETS = "all"
MAX_CELL_WARNINGS = 20

__all__ = ["ALL_SHEETS", "ImportOptions", "ImportedItem", "ImportedTable", "ImportedWorkbook",
           "read_table", "read_workbook"]


@dataclass(frozen=True)
class ImportOptions:
    sheets: tuple[str, ...] = ()  # () = the only table; ("all",) = every table
    mapping: dict[str, str] = field(default_factory=dict)  # header → field (or extra / skip)
    header_row: int | None = None
    header_rows: dict[str, int] = field(default_factory=dict)  # per sheet, over header_row
    unit: str | None = None
    year: int | None = None
    filled_status: str | None = None  # the status of items whose 完成情况 is filled
    layout: str = "auto"
    # rows taken as items though they look like notes, totals or sections: sheet → rows
    # ("" = every sheet, the command line's --include-row N)
    include_rows: dict[str, frozenset[int]] = field(default_factory=dict)

    def included(self, sheet: str) -> frozenset[int]:
        return self.include_rows.get(sheet, frozenset()) | self.include_rows.get("", frozenset())


@dataclass
class ImportedTable:
    """One sheet's table."""

    file: Path
    sheet: str
    layout: str
    header_row: int
    header_height: int
    columns: tuple[PlannedColumn, ...]
    title: str
    unit: str
    year: int | None
    period: str
    items: list[ImportedItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sample: list[tuple[int, list[str]]] = field(default_factory=list)  # first rows: (row, cells)
    doubt: str = ""  # the refusal of a real import when the proposal is not safe ("" = safe)
    unit_source: str = ""  # where the unit and the year were read ("标题", "第 2 行", "文件名")
    year_source: str = ""
    skipped_rows: list[SkippedRow] = field(default_factory=list)  # rows not items, and why
    plan: str = ""  # why this is a budget-plan sheet, not items ("" = an item table)

    @property
    def dimension_count(self) -> int:
        return len({item.path[:n] for item in self.items for n in range(1, len(item.path) + 1)})

    def tree(self) -> list[dict[str, Any]]:
        return tree_of(self.items)

    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


@dataclass
class SheetProblem:
    """A sheet with content where no table header was recognised (the preview lets the clerk
    choose its columns' fields)."""

    sheet: str
    message: str
    columns: tuple[PlannedColumn, ...] = ()
    header_row: int = 0
    sample: list[tuple[int, list[str]]] = field(default_factory=list)


@dataclass
class ImportedWorkbook:
    file: Path
    tables: list[ImportedTable]  # every sheet holding a table, in workbook order
    problems: list[SheetProblem]
    unit: str
    year: int | None
    order: list[str] = field(default_factory=list)  # every sheet's name, in workbook order

    def chosen(self, sheets: tuple[str, ...]) -> list[ImportedTable]:
        """The tables named (all of them for "all"); with none named, the only one."""
        if sheets == (ALL_SHEETS,):
            return _safe(self._item_tables())
        if sheets:
            by_name = {t.sheet: t for t in self.tables}
            missing = [s for s in sheets if s not in by_name]
            if missing:
                problem = next((p for p in self.problems if p.sheet == missing[0]), None)
                raise ImportFileError(problem.message if problem else (
                    f"{where(self.file, missing[0])}不存在；有表格的工作表："
                    f"{'、'.join(by_name) or '无'}。"))
            return _safe([by_name[s] for s in sheets])
        tables = self._item_tables()
        if len(tables) > 1:
            names = "、".join(f"“{t.sheet}”（{len(t.items)} 项）" for t in tables)
            raise ImportFileError(
                f"{where(self.file)}有 {len(tables)} 个工作表含有表格：{names}；请用 --sheet 名称 "
                f"选择一个（可重复），或用 --sheet {ALL_SHEETS} 全部导入（每个工作表成为一个维度）。")
        return _safe(tables)

    def _item_tables(self) -> list[ImportedTable]:
        """The tables holding items: budget-plan sheets are left out beside an item table (a
        workbook of plans only is read as it is)."""
        return [t for t in self.tables if not t.plan] or list(self.tables)

    def needs(self) -> list[str]:
        """The options a new assessment from this workbook still needs ("year", "unit")."""
        return [name for name, value in (("year", self.year), ("unit", self.unit)) if not value]

    def skipped_sheets(self, chosen: list[ImportedTable] | None = None) -> list[dict[str, str]]:
        """The sheets not taken, and why: no table recognised, or a budget plan not chosen."""
        names = {t.sheet for t in chosen or []}
        plans = {t.sheet: f"{where(self.file, t.sheet)}{t.plan}，未导入（需要时请用 --sheet “{t.sheet}”）。"
                 for t in self.tables if t.plan and t.sheet not in names}
        problems = {p.sheet: p.message for p in self.problems}
        order = self.order or [*problems, *plans]
        return [{"name": name, "reason": plans.get(name) or problems[name]} for name in order
                if name in plans or name in problems]

    def items_of(self, tables: list[ImportedTable]) -> tuple[list[ImportedItem], list[str]]:
        """The items of the chosen tables; several tables: each under its sheet's name."""
        if len(tables) == 1:
            return list(tables[0].items), []
        items, warnings = [], []
        for table in tables:
            for item in table.items:
                path = _collapsed((dimension_name(table.sheet, table.title), *item.path))
                if len(path) > MAX_DIMENSION_DEPTH:
                    warnings.append(
                        f"工作表“{table.sheet}”第 {item.row} 行的维度超过 {MAX_DIMENSION_DEPTH} 级"
                        f"（含工作表名），只保留前 {MAX_DIMENSION_DEPTH} 级。")
                    path = path[:MAX_DIMENSION_DEPTH]
                items.append(ImportedItem(item.row, path, item.values))
        return items, warnings


GENERIC_SHEET = re.compile(r"^\s*(?:sheet|工作表|表)\s*\d*\s*$", re.IGNORECASE)


def dimension_name(sheet: str, title: str) -> str:
    """The dimension a sheet's table stands for: its name, unless that is only "Sheet2"."""
    return title if GENERIC_SHEET.match(sheet) and title else sheet


def _safe(tables: list[ImportedTable]) -> list[ImportedTable]:
    """The tables to import, unless a proposal needs the clerk's word (then refused, saying
    which --map or --header-row would import it)."""
    for table in tables:
        if table.doubt:
            raise ImportFileError(table.doubt)
    return tables


def read_workbook(path: Path, options: ImportOptions | None = None) -> ImportedWorkbook:
    """Every sheet's table; ImportFileError with file/sheet/row when there is none."""
    options = options or ImportOptions()
    _check_options(options)
    workbook = analyse(Path(path), load_grids(Path(path)), options)
    _check_mapped_headers(workbook, options.mapping)
    _check_included(workbook, options)
    if not workbook.tables:
        raise ImportFileError(workbook.problems[0].message)
    return workbook


def _check_mapped_headers(workbook: ImportedWorkbook, mapping: dict[str, str]) -> None:
    """A --map naming a header no sheet has (a typo, another table's header) is refused: ignored,
    the column the clerk meant would silently get another field."""
    sheets: list[ImportedTable | SheetProblem] = [*workbook.tables, *workbook.problems]
    found = list(dict.fromkeys(c.header for sheet in sheets for c in sheet.columns))
    keys = {header_key(h) for h in found}
    for header, name in mapping.items():
        if header_key(header) not in keys:
            raise ValidationError(
                f"--map “{header}={name}”：{where(workbook.file)}的表头中没有“{header}”；"
                f"找到的表头：{'、'.join(found) or '无'}。")


def _check_included(workbook: ImportedWorkbook, options: ImportOptions) -> None:
    """An --include-row naming a row that was not left out (an item already, empty, outside the
    table) is refused: the clerk meant another row."""
    for sheet, rows in options.include_rows.items():
        tables = [t for t in workbook.tables if not sheet or t.sheet == sheet]
        for row in sorted(rows):
            if not any(s.row == row for t in tables for s in t.skipped_rows):
                skipped = "、".join(f"{s.row}" if not sheet and len(tables) == 1 else
                                   f"{t.sheet}!{s.row}" for t in tables for s in t.skipped_rows[:20])
                raise ValidationError(
                    f"--include-row {f'{sheet}!' if sheet else ''}{row}："
                    f"{where(workbook.file, sheet or None, row)}不是未导入的行；"
                    f"未导入的行：{skipped or '无'}。")


def load_grids(path: Path) -> list[Grid]:
    """Every sheet's cells, after the file passed the safety checks; refuses an empty workbook."""
    grids = read_grids(path)
    if not any(grid.values for grid in grids):
        raise ImportFileError(f"{where(path)}是空工作簿，没有任何内容。")
    refuse_templates(path, grids)
    return grids


def analyse(path: Path, grids: list[Grid], options: ImportOptions) -> ImportedWorkbook:
    """The tables of sheets already read (the preview calls this again as the clerk maps columns)."""
    tables, problems = [], []
    for grid in grids:
        if not grid.values:
            continue
        table = _read_sheet(path, grid, options)
        if isinstance(table, SheetProblem):
            problems.append(table)
        else:
            tables.append(table)
    # the unit and year of the first item table that names them (a budget plan's only when no
    # item table does)
    named = sorted(tables, key=lambda t: bool(t.plan))
    unit = options.unit if options.unit is not None else next((t.unit for t in named if t.unit), "")
    year = options.year if options.year is not None else next(
        (t.year for t in named if t.year is not None), None)
    return ImportedWorkbook(path, tables, problems, unit, year, [g.title for g in grids])


def read_table(path: Path, layout_name: str = "auto",
               options: ImportOptions | None = None) -> ImportedTable:
    """The one table of a workbook (or the first named by options.sheets)."""
    options = options or ImportOptions(layout=layout_name)
    workbook = read_workbook(path, options)
    return workbook.chosen(options.sheets)[0]


def _check_options(options: ImportOptions) -> None:
    for header, name in options.mapping.items():
        if name not in FIELD_LABELS or name == "dimension":
            fields = "、".join(FIELD_LABELS)
            raise ValidationError(f"--map “{header}={name}”：没有字段“{name}”；可用的字段：{fields}。")
    if options.filled_status is not None and options.filled_status not in STATUSES:
        raise ValidationError(f"状态“{options.filled_status}”无效，应为：{'、'.join(STATUSES)}。")
    if options.layout != "auto" and options.layout not in layout_names():
        load_layout(options.layout)  # refuses with the list of layouts


def _read_sheet(path: Path, grid: Grid, options: ImportOptions) -> ImportedTable | SheetProblem:
    plan = find_header(grid, options.mapping, options.header_rows.get(grid.title, options.header_row))
    numbered = numbered_grid(plan) if plan is not None else ""
    if plan is not None and numbered and options.header_rows.get(grid.title, options.header_row) is None \
            and not options.mapping:
        return SheetProblem(grid.title, f"{where(path, grid.title, plan.row)}：表头是编号"
                            f"（“{numbered}”…），是座次图或对照矩阵，不是事项表格，未导入。",
                            plan.columns, plan.row, _sample(grid, plan))
    if grid.max_col == 1 and (plan is None or not options.mapping):
        return SheetProblem(grid.title, f"{where(path, grid.title)}只有一列文字（说明或备注），"
                            "不是表格，未导入。")
    if plan is None or not plan.has_content():
        return SheetProblem(grid.title, _no_header_message(path, grid, plan, options),
                            plan.columns if plan else (), plan.row if plan else 0,
                            _sample(grid, plan) if plan else [])
    if grid.uncached_formulas:
        _refuse_uncached_formulas(path, grid.title, grid.uncached_formulas)
    facts = title_facts(grid, plan.row, path.stem)
    rows = read_items(grid, plan, options.filled_status, dimension_name(grid.title, facts.title or path.stem),
                      options.included(grid.title))
    if not rows.items:
        hint = _merged_title_hint(grid, plan.row).rstrip("，")
        return SheetProblem(grid.title, f"{where(path, grid.title, plan.row)}：表头下面没有任何数据行。"
                            + (f"{hint}后再导入。" if hint else ""), plan.columns, plan.row)
    result_header = next((c.header for c in plan.columns if c.field == "result"), "")
    period = period_of(result_header) if period_of(result_header) != ANNUAL else facts.period
    table = ImportedTable(
        file=path, sheet=grid.title, layout=_layout_name(plan, options.layout),
        header_row=plan.row, header_height=plan.height, columns=plan.columns,
        title=facts.title or path.stem, unit=facts.unit if options.unit is None else options.unit,
        year=facts.year if options.year is None else options.year, period=period,
        items=rows.items, sample=_sample(grid, plan),
        doubt=_no_header_message(path, grid, plan, options, plan.doubt) if plan.doubt else "",
        unit_source="--unit" if options.unit is not None else facts.unit_source,
        year_source="--year" if options.year is not None else facts.year_source,
        skipped_rows=rows.skipped, plan=plan_reason(grid, plan, facts.title))
    table.warnings.extend(f"“{c.header}”列按数据选为事项内容：{c.reason}。" for c in plan.columns
                          if c.field == "content" and c.confidence == "low")
    table.warnings.extend(_above_header(grid, plan))
    table.warnings.extend(rows.warnings)
    table.warnings.extend(_cleaned(grid))
    return table


def _sample(grid: Grid, plan: HeaderPlan, rows: int = 8) -> list[tuple[int, list[str]]]:
    """The first non-empty rows under the header, with their row numbers, as the preview shows them."""
    sample = []
    for row in range(plan.first_data_row, grid.max_row + 1):
        cells = [grid.shown(row, c.index) for c in plan.columns]
        if any(cells):
            sample.append((row, cells))
        if len(sample) == rows:
            break
    return sample


def _layout_name(plan: HeaderPlan, wanted: str) -> str:
    """The official layout this table is most like (its export format), or the one asked for."""
    if wanted != "auto":
        return wanted
    fields = {c.field for c in plan.columns}
    scores = {name: len(fields & {c.field for c in load_layout(name).columns}) for name in layout_names()}
    return max(sorted(scores), key=lambda name: scores[name])


def _above_header(grid: Grid, plan: HeaderPlan) -> list[str]:
    """Lines above the header besides the title (a header block): named, as they are not items."""
    rows = sorted({r for (r, _c) in grid.values if r < plan.row})
    if len(rows) <= 1:
        return []
    span = f"{rows[1]}–{rows[-1]}" if rows[-1] > rows[1] else str(rows[1])
    return [f"表头上方第 {span} 行（标题下的表头区、填报说明等）不是事项，未导入。"]


def _cleaned(grid: Grid) -> list[str]:
    cells = grid.cleaned_cells
    if not cells:
        return []
    more = f"等 {len(cells)} 个" if len(cells) > MAX_CELL_WARNINGS else ""
    shown = "、".join(cells[:MAX_CELL_WARNINGS]) + more
    return [f"单元格 {shown} 含有不可见的控制字符，已删除。"]


def _no_header_message(path: Path, grid: Grid, plan: HeaderPlan | None,
                       options: ImportOptions, doubt: str = "") -> str:
    if plan is None:
        return f"{where(path, grid.title)}：找不到表头。"
    headers = [c.header for c in plan.columns if not c.header.startswith("第")][:12]
    # the column the data proposes, else the one with the longest texts no header word claimed
    proposed = next((c for c in plan.columns if c.field == "content"), None)
    free = [c for c in plan.columns if c.field == EXTRA] or list(plan.columns)
    longest = proposed or max(free, key=lambda c: _mean_length(grid, plan, c.index), default=None)
    example = f'--map "{longest.header}=content"' if longest else '--map "表头=content"'
    hint = _merged_title_hint(grid, plan.row)
    rows = f"第 {options.header_row} 行" if options.header_row else f"前 {HEADER_SEARCH_ROWS} 行中"
    band = (f"第 {plan.row} 行" if plan.height == 1
            else f"第 {plan.row}–{plan.first_data_row - 1} 行")
    why = f"按数据判断，{doubt}。" if doubt else ""
    return (f"{where(path, grid.title)}：{rows}找不到“自查内容/工作任务”等可识别的表头；"
            f"最像表头的是{band}：{'、'.join(headers) or '（空）'}。{why}{hint}"
            f"请用 {example} 指明哪一列是事项内容（可再用 --map 指明其他列，字段见 --help），"
            "或用 --header-row 指定表头所在行；在程序中导入时，可在预览中为各列选择字段。")


def _mean_length(grid: Grid, plan: HeaderPlan, column: int) -> float:
    texts = [grid.shown(r, column) for r in range(plan.first_data_row, plan.first_data_row + 10)]
    texts = [t for t in texts if t]
    return sum(map(len, texts)) / len(texts) if texts else 0.0


def _merged_title_hint(grid: Grid, best_row: int) -> str:
    """Only a wide merge over several of the top rows can hide a header: say so then."""
    for min_col, min_row, max_col, max_row in grid.merges:
        if (min_row <= 3 and max_row > min_row and max_row >= best_row - 1
                and max_col - min_col + 1 >= max(2, grid.max_col - 1)):
            return (f"第 {min_row}–{max_row} 行是跨整个表宽的合并单元格，表头可能被合并单元格遮住了；"
                    "请取消合并、让表头单独占一行，")
    return ""


def _refuse_uncached_formulas(path: Path, sheet: str, cells: list[str]) -> None:
    """A sheet whose table is imported must not hold formulas without a value: its text is unknown."""
    shown = "、".join(cells[:10]) + ("等" if len(cells) > 10 else "")
    raise ImportFileError(
        f"{where(path, sheet)}：单元格 {shown} 是公式但没有计算结果（文件未在 Excel 中"
        "重新计算保存过），无法知道其内容；请在 Excel/WPS 中打开并保存后再导入。")


def _collapsed(path: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for k, n in enumerate(path) if k == 0 or n != path[k - 1])


def tree_of(items: list[ImportedItem]) -> list[dict[str, Any]]:
    """The dimensions with their items, in file order, as model.framework.bulk expects them."""
    roots: list[dict[str, Any]] = []
    nodes: dict[tuple[str, ...], dict[str, Any]] = {}
    for item in items:
        siblings = roots
        for depth in range(1, len(item.path) + 1):
            key = item.path[:depth]
            if key not in nodes:
                nodes[key] = {"name": key[-1], "items": [], "children": []}
                siblings.append(nodes[key])
            siblings = nodes[key]["children"]
        nodes[item.path]["items"].append(dict(item.values))
    return roots


def column_summary(table: ImportedTable | SheetProblem) -> list[dict[str, str]]:
    """The dry-run's columns: header, the field it fills (extra / skip included), how sure the
    proposal is and why."""
    return [{"header": c.header, "field": c.field, "confidence": c.confidence, "reason": c.reason}
            for c in table.columns]


def normalised_mapping(pairs: list[str]) -> dict[str, str]:
    """--map "header=field" arguments as a dict (header compared without spaces/width)."""
    mapping = {}
    for pair in pairs:
        header, sep, name = pair.rpartition("=")
        if not sep or not header.strip() or not name.strip():
            raise ValidationError(f"--map “{pair}” 应写成 “表头=字段”，如 --map \"工作内容=content\"。")
        mapping[header.strip()] = name.strip()
    return mapping


