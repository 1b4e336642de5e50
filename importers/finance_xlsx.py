"""Reading the finance forms (项目支出/部门整体支出绩效自评表, national and Sichuan) from an .xlsx:
the header block above the indicator header, the indicators below it; plain data, checked."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from importers.cell_text import cell_text, header_key
from importers.errors import ImportFileError, where
from importers.grid import Merge
from importers.template_marks import refuse_templates
from importers.workbook_grids import read_grids
from model.finance.layouts import FUND_KEYWORDS, INDICATOR_KEYWORDS, column_key
from model.scoring.target_text import number_too_large, too_large_message
from model.vocabulary import NOT_APPLICABLE, finance_form_title

MAX_ROWS = 5000
MAX_COLUMNS = 60
MAX_TEXT = 10_000
HEADER_VARIANTS = {
    "project_name": ("项目名称",),
    "competent_dept": ("主管部门", "部门（单位）名称", "部门(单位)名称", "部门名称", "单位名称"),
    "implementer": ("实施单位",),
    "conclusion": ("评价结论", "总体评价结论"),
    "problems": ("存在问题", "存在的问题"),
    "improvements": ("改进措施", "改进意见"),
    "project_leader": ("项目负责人",),
    "finance_leader": ("财务负责人",),
}
GOAL_EXPECTED = ("预期目标", "年初设定目标", "年度目标")
GOAL_ACTUAL = ("实际完成情况", "目标实际完成情况", "年度总体目标完成情况", "完成情况")
END_WORDS = ("总分", "合计", *HEADER_VARIANTS["conclusion"], "评价结论")
DIRECTIONS = ("≥", "≤", "=", ">", "<")
EMPTY_MARKS = ("", "—", "-", "--", "/", "——", "无")
TOTAL_FUNDS = "年度资金总额"
FUND_AMOUNTS = ("budget_initial", "budget_adjusted", "spent")


@dataclass
class FinanceImport:
    """A form read from a file: the data FinanceService.create takes, and what to tell the clerk."""

    sheet: str
    layout: str
    data: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    header_row: int = 0  # the indicator header's row
    columns: tuple[tuple[str, str], ...] = ()  # the indicator header: (header, what it holds)
    skipped_sheets: list[dict[str, str]] = field(default_factory=list)  # {"name", "reason"}
    stated: dict[str, tuple[int, float]] = field(default_factory=dict)  # the form's 合计: key → (row, value)

    def total_problems(self, points: float, total: float) -> list[str]:
        """The form's own 合计/总分 against the computed ones (every 分值 with the execution's;
        the scored total), each difference as a problem to check."""
        problems = []
        for key, label, computed in (("points", "分值", points), ("score", "得分", total)):
            if key in self.stated and abs(self.stated[key][1] - computed) > 0.05:
                row, value = self.stated[key]
                problems.append(f"工作表“{self.sheet}”第 {row} 行的{label}合计 {value:g} 与计算的 "
                                f"{computed:g} 不一致，请核对（以计算的为准）。")
        return problems


@dataclass
class _Grid:
    title: str
    cells: dict[tuple[int, int], str]
    merges: list[Merge] = field(default_factory=list)

    def text(self, row: int, column: int) -> str:
        return cell_text(self.cells.get((row, column))).strip()

    def row_texts(self, row: int) -> dict[int, str]:
        return {c: t for (r, c), v in self.cells.items() if r == row and (t := cell_text(v).strip())}

    def merged_over(self, row: int, before_column: int) -> bool:
        """A merged label from the rows above covers this row left of before_column (资金 label
        "预算执行情况（10分）" merged over A5:A6)."""
        return any(min_row < row <= max_row and min_col < before_column
                   and self.text(min_row, min_col)
                   for min_col, min_row, _max_col, max_row in self.merges)

    @property
    def last_row(self) -> int:
        return max((r for r, _ in self.cells), default=0)


def is_finance_form(path: Path, sheet: str | None = None) -> bool:
    """A quick look: does a sheet (the named one) hold a 绩效自评表 (an indicator header with
    三级指标)?"""
    try:
        return _find(_read_grids(Path(path)), sheet)[0] is not None
    except Exception:  # not readable as a form: the generic importer says what is wrong
        return False


def read_finance_form(path: Path, sheet: str | None = None) -> FinanceImport:
    """Every value of the form, or ImportFileError naming file/sheet/row (nothing is written)."""
    path = Path(path)
    found, skipped = _find(_read_grids(path), sheet)
    if found is None:
        raise ImportFileError(f"{where(path, sheet)}中没有找到绩效自评表（“三级指标”表头）。")
    grid, header_row = found
    form = _Reader(path, grid, header_row).read()
    form.skipped_sheets = skipped
    return form


def _read_grids(path: Path) -> list[_Grid]:
    """Every sheet, read as the plain tables are (.xlsx or .xls/.et, the same safety limits; a
    percent-formatted number as shown), then cut to the size a form can have."""
    grids = read_grids(path)
    refuse_templates(path, grids)
    return [_Grid(grid.title, {(r, c): text for (r, c), text in grid.values.items()
                               if r <= MAX_ROWS and c <= MAX_COLUMNS}, list(grid.merges))
            for grid in grids]


OTHER_FORMS = (("执行监控", "执行监控表（预算执行中的监控，不是年终自评表）"),
               ("监控", "执行监控表（预算执行中的监控，不是年终自评表）"),
               ("申报", "申报表（年初申报的绩效目标，不是自评表）"),
               ("计划", "计划表（预算或项目计划，不是自评表）"),
               ("目标表", "绩效目标表（年初目标，不是自评表）"))


def _find(grids: list[_Grid], sheet: str | None = None
          ) -> tuple[tuple[_Grid, int] | None, list[dict[str, str]]]:
    """The sheet and row of the form's indicator header (一级指标 … 三级指标) under the form's
    header block, the 自评表 chosen among 申报表/执行监控/计划 sheets; an indicator table without
    that block is a plain table (the generic importer). Also the sheets passed over, and why."""
    found: list[tuple[int, _Grid, int]] = []
    skipped: list[dict[str, str]] = []
    for grid in grids:
        if sheet is not None and grid.title != sheet:
            continue
        header = _indicator_header(grid)
        if header is None:
            if grid.cells and sheet is None:
                skipped.append({"name": grid.title, "reason": "没有绩效指标表（“三级指标”表头）"})
            continue
        other = _other_form(grid, header)
        if other:  # named or not, a 申报表/执行监控表 is read as the plain table it is
            skipped.append({"name": grid.title, "reason": other})
            continue
        found.append((0 if "自评" in grid.title + _title_of(grid, header) else 1, grid, header))
    if not found:
        return None, skipped
    found.sort(key=lambda t: t[0])
    _rank, grid, header = found[0]
    skipped += [{"name": g.title, "reason": "另一张自评表；请用 --sheet 选择"} for _r, g, _h in found[1:]]
    return (grid, header), skipped


def _indicator_header(grid: _Grid) -> int | None:
    for (row, _column), value in sorted(grid.cells.items()):
        if "三级指标" in header_key(cell_text(value)) and any(
                "一级指标" in header_key(t) for t in grid.row_texts(row).values()) and \
                _has_header_block(grid, row):
            return row
    return None


def _title_of(grid: _Grid, header_row: int) -> str:
    return "".join(t for r in range(1, min(header_row, 4)) for t in grid.row_texts(r).values())


def _other_form(grid: _Grid, header_row: int) -> str:
    """Why a sheet with an indicator table is not the 自评表 (a 申报表, a 执行监控表 …), or ""."""
    text = grid.title + _title_of(grid, header_row)
    if "自评" in text:
        return ""
    return next((why for word, why in OTHER_FORMS if word in text), "")


BLOCK_LABELS = ("项目名称", "主管部门", "实施单位", "部门（单位）名称", "部门(单位)名称", "部门名称")


def _has_header_block(grid: _Grid, header_row: int) -> bool:
    """The form's block above its indicators: 项目名称/主管部门/实施单位 (部门（单位）名称), or
    年度总体目标 with a funds header (预算 … 执行数)."""
    labels = tuple(header_key(label) for label in BLOCK_LABELS)
    goal = funds = False
    for row in range(1, header_row):
        texts = list(grid.row_texts(row).values())
        if any(header_key(t).startswith(labels) for t in texts):
            return True
        goal = goal or any("总体目标" in t for t in texts)
        keys = {column_key(t, FUND_KEYWORDS) for t in texts}
        funds = funds or ("spent" in keys and bool(keys & {"budget_initial", "budget_adjusted"}))
    return goal and funds


class _Reader:
    def __init__(self, path: Path, grid: _Grid, header_row: int) -> None:
        self.path, self.grid, self.header_row = path, grid, header_row
        self.warnings: list[str] = []
        self.stated: dict[str, tuple[int, float]] = {}

    def fail(self, row: int, message: str) -> ImportFileError:
        return ImportFileError(f"{where(self.path, self.grid.title, row)}：{message}")

    def read(self) -> FinanceImport:
        above = range(1, self.header_row)
        title = next((t for r in above for t in self.grid.row_texts(r).values() if "绩效自评表" in t), "")
        kind = "部门整体" if "部门整体" in title else "项目支出"
        indicators, end_row = self._indicators()
        fund_header, funds, reason = self._funds()
        self._check_totals(end_row, indicators, fund_header)
        layout = self._layout(kind, fund_header)
        form = {"layout": layout, **self._labelled(range(1, self.header_row), ("project_name",
                                                   "competent_dept", "implementer")),
                **self._goals(), **self._labelled(range(end_row, self.grid.last_row + 1), (
                    "conclusion", "problems", "improvements", "project_leader", "finance_leader"))}
        form["execution_reason"] = reason
        year = self._year()
        unit = form.get("implementer") or form.get("competent_dept") or ""
        name = form.get("project_name") or ""
        data = {"assessment": {"unit_name": unit, "year": year, "kind": kind,
                               "title": finance_form_title(name or unit, year, kind)},
                "form": form, "funds": funds, "indicators": indicators}
        columns = tuple((t, column_key(t, INDICATOR_KEYWORDS) or "skip")
                        for _c, t in sorted(self.grid.row_texts(self.header_row).items()))
        return FinanceImport(self.grid.title, layout, data, self.warnings, self.header_row, columns,
                             stated=dict(self.stated))

    def _year(self) -> int:
        for row in range(1, self.header_row):
            for text in self.grid.row_texts(row).values():
                if match := re.search(r"(20\d\d|19\d\d)\s*年", text):
                    return int(match.group(1))
        raise self.fail(1, "表头没有写明年度（如“2023年度”），无法确定自评年度")

    def _layout(self, kind: str, fund_header: dict[int, str]) -> str:
        if kind == "部门整体":
            return "department"
        texts = [t for r in range(1, self.header_row + 1) for t in self.grid.row_texts(r).values()]
        sichuan = any("510000" in t or "指标性质" in t or "调整后预算" in t for t in texts)
        return "project-sichuan" if sichuan else "project"

    def _labelled(self, rows: range, fields: tuple[str, ...]) -> dict[str, str]:
        """Header-block values: the label's cell, then the first other text to its right
        ("项目负责人：张三" in one cell counts too)."""
        found: dict[str, str] = {}
        for row in rows:
            texts = self.grid.row_texts(row)
            for column, text in sorted(texts.items()):
                key = header_key(text)
                for name in fields:
                    for label in HEADER_VARIANTS[name]:
                        if name in found or not key.startswith(header_key(label)):
                            continue
                        rest = STAMP.sub("", key[len(header_key(label)):]).lstrip(":：")
                        value = rest or next((t for c, t in sorted(texts.items())
                                              if c > column and not _is_label(t)), "")
                        if _instruction(value):
                            self.warnings.append(f"第 {row} 行“{label}”只有填写说明"
                                                 f"（“{value[:20]}…”），按未填写处理。")
                            value = ""
                        found[name] = self._text(row, value)
        return found

    def _text(self, row: int, text: str) -> str:
        if len(text) > MAX_TEXT:
            raise self.fail(row, f"文字超过 {MAX_TEXT} 字，请检查是否粘贴了整篇文档")
        return text

    def _funds(self) -> tuple[dict[int, str], list[dict[str, Any]], str]:
        for row in range(1, self.header_row):
            columns = {c: k for c, t in self.grid.row_texts(row).items()
                       if (k := column_key(t, FUND_KEYWORDS))}
            if "spent" in columns.values() and len(columns) >= 2:
                return columns, *self._fund_rows(row, columns)
        self.warnings.append("没有找到资金表（年初预算数/全年执行数），预算执行率无法计算。")
        return {}, [], ""

    def _fund_rows(self, header: int, columns: dict[int, str]) -> tuple[list[dict[str, Any]], str]:
        first_amount = min(columns)
        rows: list[dict[str, Any]] = []
        reason = ""
        for row in range(header + 1, self.header_row):
            texts = self.grid.row_texts(row)
            if any(header_key(t) in map(header_key, GOAL_EXPECTED) or "总体目标" in t
                   for t in texts.values()):
                break
            labels = [t for c, t in sorted(texts.items()) if c < first_amount and "万元" not in t]
            amounts = [c for c, k in columns.items() if k in FUND_AMOUNTS and c in texts]
            if not labels and not rows and amounts and self.grid.merged_over(row, first_amount):
                labels = [TOTAL_FUNDS]  # the amounts under the block's merged label: the total
            if not labels:
                continue
            values: dict[str, Any] = {"label": labels[-1]}
            for column, key in columns.items():
                if key in FUND_AMOUNTS:
                    values[key] = self._number(row, column, "金额")
                elif key == "reason" and not rows:
                    reason = self.grid.text(row, column)
            rows.append(values)
        return rows, reason

    def _goals(self) -> dict[str, str]:
        for row in range(1, self.header_row):
            texts = self.grid.row_texts(row)
            expected = next((c for c, t in sorted(texts.items())
                             if header_key(t).endswith(GOAL_EXPECTED)), None)
            actual = next((c for c, t in sorted(texts.items()) if expected is not None
                           and c > expected and (header_key(t) in GOAL_ACTUAL
                                                 or header_key(t).endswith("完成情况"))), None)
            if expected is not None and actual is not None:
                end = next((r for r in range(row + 1, self.header_row)
                            if any(c < expected for c in self.grid.row_texts(r))
                            or self._fund_header(r)), self.header_row)
                below = range(row + 1, end)  # up to the next block's label (2.项目实施内容…)
                return {"goal_expected": self._column_text(below, expected, actual),
                        "goal_actual": self._column_text(below, actual, MAX_COLUMNS + 1)}
        return {}

    def _column_text(self, rows: range, start: int, stop: int) -> str:
        parts = [t for r in rows if not self._fund_header(r)
                 for c, t in sorted(self.grid.row_texts(r).items()) if start <= c < stop]
        kept = [t for t in parts if not _instruction(t)]
        if len(kept) < len(parts):
            self.warnings.append(f"第 {rows.start} 行起的年度目标中有填写说明（“…字以内”），按未填写处理。")
        return self._text(rows.start, "\n".join(kept))

    def _fund_header(self, row: int) -> bool:
        keys = {column_key(t, FUND_KEYWORDS) for t in self.grid.row_texts(row).values()}
        return "spent" in keys

    def _indicators(self) -> tuple[list[dict[str, Any]], int]:
        columns = {c: k for c, t in self.grid.row_texts(self.header_row).items()
                   if (k := column_key(t, INDICATOR_KEYWORDS))}
        missing = {"name", "target", "points"} - set(columns.values())
        if missing and "target" in missing and "actual" in columns.values():
            missing.discard("target")
        if missing:
            raise self.fail(self.header_row, "绩效指标表头缺少“三级指标”“年度指标值”或“分值”栏")
        rows: list[dict[str, Any]] = []
        level1 = level2 = ""
        row = self.header_row + 1
        while row <= self.grid.last_row:
            texts = self.grid.row_texts(row)
            if any(header_key(t) in END_WORDS for t in texts.values()):
                break
            cells = {key: self.grid.text(row, column) for column, key in columns.items()}
            level1 = cells.get("level1") or level1  # merged down: only the first row holds it
            level2 = (cells.get("level2") or level2) if not cells.get("level1") else \
                cells.get("level2", "")
            if cells.get("name") or cells.get("target"):
                rows.append(self._indicator(row, cells, columns, level1, level2))
            row += 1
        self._unread_columns(columns, row)
        return rows, row

    def _check_totals(self, end_row: int, indicators: list[dict[str, Any]],
                      fund_header: dict[int, str]) -> None:
        """The form's own 合计/总分 row: what it states, compared after scoring (store) and, for
        the points, here: a difference is named, never silently replaced."""
        texts = self.grid.row_texts(end_row)
        if not any(header_key(t) in ("总分", "合计") for t in texts.values()):
            return
        columns = {k: c for c, t in self.grid.row_texts(self.header_row).items()
                   if (k := column_key(t, INDICATOR_KEYWORDS)) in ("points", "score")}
        for key in ("points", "score"):
            column = columns.get(key)
            stated = self._number(end_row, column, "合计", strict=False) if column else None
            if stated is not None:
                self.stated[key] = (end_row, stated)

    def _unread_columns(self, columns: dict[int, str], end_row: int) -> None:
        """A column of the indicator table the form has no place for (完成时间, 备注 …) is named."""
        for column, header in sorted(self.grid.row_texts(self.header_row).items()):
            filled = [r for r in range(self.header_row + 1, end_row) if self.grid.text(r, column)]
            if column not in columns and filled:
                self.warnings.append(
                    f"工作表“{self.grid.title}”第 {self.header_row} 行的“{header}”列不是自评表的栏目，"
                    f"其内容（第 {filled[0]} 行起 {len(filled)} 格）未导入。")

    def _indicator(self, row: int, cells: dict[str, str], columns: dict[int, str], level1: str,
                   level2: str) -> dict[str, Any]:
        by_key = {key: column for column, key in columns.items()}
        unit = cells.get("unit", "")
        target = cells.get("target", "")
        direction = cells.get("direction", "")
        if direction in DIRECTIONS:
            target = f"{direction}{target}{'' if target.endswith(unit) else unit}"
        elif unit and _is_number(target):
            target += unit
        actual = cells.get("actual", "")
        applicable = actual != NOT_APPLICABLE
        if not applicable:
            actual = ""
        elif unit and _is_number(actual):
            actual += unit
        for key, label, text in (("target", "年度指标值", target), ("actual", "实际完成值", actual)):
            if number_too_large(text):  # would score as Infinity, which no JSON nor form holds
                cell = f"{get_column_letter(by_key[key])}{row}" if key in by_key else ""
                raise self.fail(row, f"单元格 {cell} 的{too_large_message(label, text)}")
        score = None
        if "score" in by_key and applicable:
            score = self._number(row, by_key["score"], "得分", strict=False)
        return {"level1": level1, "level2": level2, "name": self._text(row, cells.get("name", "")),
                "target": target, "actual": self._text(row, actual),
                "points": self._number(row, by_key["points"], "分值"),
                "score": score, "reason": self._text(row, cells.get("reason", "")),
                "applicable": applicable}

    def _number(self, row: int, column: int, label: str, *, strict: bool = True) -> float | None:
        value = self.grid.cells.get((row, column))
        text = "".join(cell_text(value).split()).replace(",", "")
        if text in EMPTY_MARKS:
            return None
        try:
            number = float(text[:-1]) / 100 if text.endswith("%") else float(text.rstrip("分万元"))
        except ValueError:
            message = f"{label}“{text}”不是数字"
            if strict:
                raise self.fail(row, message) from None
            self.warnings.append(f"工作表“{self.grid.title}”第 {row} 行：{message}，已忽略。")
            return None
        if not math.isfinite(number) or abs(number) > 1e12:
            raise self.fail(row, f"{label}“{value}”不合理")
        return number


STAMP = re.compile(r"^\s*[(（]\s*(?:盖章|签字|签章|公章|盖章\s*/\s*签字)\s*[)）]")
INSTRUCTION = re.compile(r"[(（]\s*\d+\s*字以内\s*[)）]\s*[。.]?$")
LABEL_WORDS = tuple(header_key(w) for words in HEADER_VARIANTS.values() for w in words)


def _is_label(text: str) -> bool:
    """Another label of the form ("财务负责人:", "(盖章)"), never a value."""
    key = header_key(text)
    return (key.endswith((":", "：")) or bool(STAMP.fullmatch(text.strip()))
            or any(key.startswith(w) and len(key) <= len(w) + 6 for w in LABEL_WORDS))


def _instruction(text: str) -> bool:
    """The form's own instruction left in a cell ("…说明项目自评总分…(200字以内)")."""
    return bool(INSTRUCTION.search(text.strip()))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
