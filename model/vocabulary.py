"""The domain's words, declared once: item fields, statuses and the completion rule.

Everything reads this module (schema constraints, search, importers, exporters, editors, the tree,
the status bar and the report), so the window and the printed summary can never disagree.
It imports nothing but the standard library: exporters and Qt code may read it freely.
Migrations keep frozen copies of what they need (a migration must not change when this does).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

MAX_DIMENSION_DEPTH = 3  # 考评维度 → 考评内容 → a third level, no deeper

# --- statuses -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Status:
    name: str
    colour: str  # the tree's text and the status dot (readable on white)
    done: bool  # counts as completed
    applicable: bool = True  # counted in the total at all (不适用 is not)


STATUSES = (
    Status("未开始", "#6d6d6d", done=False),
    Status("推进中", "#b86e00", done=False),
    Status("已完成", "#2e7d32", done=True),
    Status("超额完成", "#1565c0", done=True),
    Status("未完成", "#c62828", done=False),
    Status("不适用", "#8a8a8a", done=False, applicable=False),
)
STATUS_NAMES = tuple(s.name for s in STATUSES)
BY_STATUS = {s.name: s for s in STATUSES}
DONE_STATUSES = tuple(s.name for s in STATUSES if s.done)
# Each status by name, for the code that means one of them (their words are declared above only).
NOT_STARTED, IN_PROGRESS, COMPLETED, EXCEEDED, UNFINISHED, NOT_APPLICABLE = STATUS_NAMES
assert next(s.name for s in STATUSES if not s.applicable) == NOT_APPLICABLE
UNKNOWN_COLOUR = "#000000"
# The order of the statistics sheet's columns: what is done first, then what is under way.
STATISTICS_ORDER = (COMPLETED, EXCEEDED, IN_PROGRESS, NOT_STARTED, UNFINISHED, NOT_APPLICABLE)
assert sorted(STATISTICS_ORDER) == sorted(STATUS_NAMES)
COMPLETION_RULE = f"（{COMPLETED}+{EXCEEDED}）÷（事项数−{NOT_APPLICABLE}）"


def is_done(status: str) -> bool:
    return status in DONE_STATUSES


def is_applicable(status: str) -> bool:
    return status != NOT_APPLICABLE


def status_colour(status: str) -> str:
    known = BY_STATUS.get(status)
    return known.colour if known else UNKNOWN_COLOUR


@dataclass(frozen=True)
class Completion:
    """The one completion rule: done items over applicable items (不适用 counts in neither)."""

    total: int  # applicable items
    done: int

    @property
    def not_done(self) -> int:
        return self.total - self.done

    @property
    def rate(self) -> str:
        if not self.total:
            return "0%"
        percent = round(self.done * 100 / self.total, 1)
        return f"{int(percent)}%" if percent == int(percent) else f"{percent}%"


def completion(statuses: Iterable[str]) -> Completion:
    total = done = 0
    for status in statuses:
        total += is_applicable(status)
        done += is_done(status)
    return Completion(total=total, done=done)


def completion_of_counts(counts: Mapping[str, int]) -> Completion:
    """The rule applied to a {status: number of items} aggregate (from SQL)."""
    return Completion(total=sum(n for s, n in counts.items() if is_applicable(s)),
                      done=sum(n for s, n in counts.items() if is_done(s)))


class DimensionCounts(NamedTuple):
    """A dimension's own items: how many, how many count (not 不适用), how many are done."""

    items: int
    applicable: int
    done: int


# --- periods --------------------------------------------------------------------------------------
# What an assessment covers: the year, or one of its quarters (the first is the default).
PERIODS = ("年度", "第一季度", "第二季度", "第三季度", "第四季度")
ANNUAL = PERIODS[0]


# --- item fields ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemField:
    code: str  # the attribute and column name, and the name `--map` takes
    label: str  # Chinese, as a clerk reads it
    kind: str = "text"  # text | status | number | extras
    searchable: bool = False  # the find bar and the full-text index look into it
    cleared_in_new_year: bool = False  # a year's result: emptied when copied into a new year
    importable: bool = True  # a column of a table may be mapped onto it
    exportable: bool = True  # a layout may name it


ITEM_FIELDS = (
    ItemField("content", "自查内容", searchable=True),
    ItemField("target", "年度任务目标", searchable=True),
    ItemField("result", "落实情况", searchable=True, cleared_in_new_year=True),
    ItemField("department", "责任处室", searchable=True),
    ItemField("progress_q1", "一季度进展", searchable=True, cleared_in_new_year=True),
    ItemField("progress_q2", "二季度进展", searchable=True, cleared_in_new_year=True),
    ItemField("progress_q3", "三季度进展", searchable=True, cleared_in_new_year=True),
    ItemField("progress_q4", "四季度进展", searchable=True, cleared_in_new_year=True),
    ItemField("indicator_target", "年度指标值", searchable=True),
    ItemField("indicator_actual", "实际完成值", searchable=True, cleared_in_new_year=True),
    ItemField("deviation_reason", "偏差原因分析及改进措施", searchable=True, cleared_in_new_year=True),
    ItemField("owner", "责任人", searchable=True),
    ItemField("deadline", "时限", searchable=True),
    ItemField("note", "备注", searchable=True),
    ItemField("status", "状态", kind="status"),
    ItemField("score_max", "分值", kind="number"),
    ItemField("score", "得分", kind="number", cleared_in_new_year=True),
    ItemField("extras", "其他列", kind="extras", searchable=True, importable=False),
)
FIELDS_BY_CODE = {f.code: f for f in ITEM_FIELDS}
ITEM_TEXT_FIELDS = tuple(f.code for f in ITEM_FIELDS if f.kind == "text")
ITEM_EDITABLE_FIELDS = tuple(f.code for f in ITEM_FIELDS)
SEARCHABLE_FIELDS = tuple(f.code for f in ITEM_FIELDS if f.searchable)
RESULT_TEXT_FIELDS = tuple(f.code for f in ITEM_FIELDS if f.cleared_in_new_year and f.kind == "text")
RESULT_NUMBER_FIELDS = tuple(f.code for f in ITEM_FIELDS
                             if f.cleared_in_new_year and f.kind == "number")
IMPORTABLE_FIELDS = tuple(f.code for f in ITEM_FIELDS if f.importable)
EXPORTABLE_FIELDS = tuple(f.code for f in ITEM_FIELDS if f.exportable)
# The fields of a scored form: a table with any of them is one; the editor shows them only there.
SCORE_FIELDS = ("score_max", "score", "indicator_target", "indicator_actual", "deviation_reason")


def status_constraint_sql(column: str = "status") -> str:
    """The schema's check constraint, built from the list above."""
    return f"{column} IN ({','.join(repr(name) for name in STATUS_NAMES)})"


# --- default titles -------------------------------------------------------------------------------
# What an assessment, its 自查表 and its 工作总结 are called when the clerk gave no title: the
# unit and the year, then these words.
TitleKind = Literal["assessment", "table", "summary"]
DEFAULT_TITLE_ENDINGS: dict[TitleKind, str] = {
    "assessment": "年度自查",
    "table": "年度自查表",
    "summary": "年度工作总结",
}


def titled(title: str | None, kind: TitleKind, unit: str, year: int) -> str:
    """title, or when it is empty the default title of kind (assessment, table or summary)."""
    return title or f"{unit}{year}{DEFAULT_TITLE_ENDINGS[kind]}"


def finance_form_title(name: str, year: int, kind: str) -> str:
    """The title a new 绩效自评 form gets (name: its project, else its unit; kind: 项目支出 or
    部门整体)."""
    kind_name = "项目支出" if kind == "项目支出" else "部门整体支出"
    return f"{name}{year}年度{kind_name}绩效自评"
