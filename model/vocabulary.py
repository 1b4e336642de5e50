"""The domain's words, declared once: item fields, statuses and the completion rule.

Everything reads this module (schema constraints, search, importers, exporters, editors, the tree,
the status bar and the report), so the window and the printed summary can never disagree.
It imports nothing but the standard library (and the Qt-free translation marker): exporters and Qt
code may read it freely.
Migrations keep frozen copies of what they need (a migration must not change when this does).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

from model.format_options import QT_TRANSLATE_NOOP  # Qt-free, like this module

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
PERIODS = (QT_TRANSLATE_NOOP("Choice", "年度"), QT_TRANSLATE_NOOP("Choice", "第一季度"),
           QT_TRANSLATE_NOOP("Choice", "第二季度"), QT_TRANSLATE_NOOP("Choice", "第三季度"),
           QT_TRANSLATE_NOOP("Choice", "第四季度"))
CHOICE_CONTEXT = "Choice"  # the translation context of stored choices shown in the window
ANNUAL = PERIODS[0]


# --- item fields ----------------------------------------------------------------------------------


Storage = Literal["text", "line", "status", "number", "extras"]
EditorPlace = Literal["form", "head", "hidden"]
# How each storage kind is typed in a record, and its value when nothing was given.
PYTHON_TYPES: dict[Storage, str] = {"text": "str", "line": "str", "status": "str",
                                    "number": "float | None", "extras": "tuple[tuple[str, str], ...]"}


@dataclass(frozen=True)
class ItemField:
    """The whole specification of one field of a self-check item: the database column (ORM and
    plain queries), the records, the report, the importer's and the hand-out's vocabularies, the
    editor and the exporters' own columns are all built from these entries. Adding a field is one
    entry here and one Alembic migration adding its column."""

    code: str  # the attribute and column name, and the name `--map` takes
    label: str  # Chinese, as a clerk reads it everywhere (marked for the "ItemField" catalogue)
    storage: Storage = "text"  # text: Text; line: String(200); status: String(10); number: Float
    searchable: bool = False  # the find bar and the full-text index look into it
    cleared_in_new_year: bool = False  # a year's result: emptied when copied into a new year
    importable: bool = True  # a column of a table may be mapped onto it
    exportable: bool = True  # a layout may name it
    scored: bool = False  # a scored form's field: a table with one is scored; edited only there
    header_words: tuple[str, ...] = ()  # a clerk's header words for it besides the label
    # a hand-out workbook's column width when departments fill it in (None: they don't)
    fill_width: float | None = None
    own_column: bool = False  # exported after a layout's columns when an item holds it
    editor: EditorPlace = "form"  # head: beside 序号; hidden: shown read-only below the form
    editor_lines: int = 1  # the editor's text box height in lines (text storage)
    # existing rows take the empty value (a column added by a migration); False: the first schema's
    server_default: bool = True

    @property
    def kind(self) -> str:  # text | status | number | extras: what its value is
        return "text" if self.storage == "line" else self.storage

    @property
    def python_type(self) -> str:
        return PYTHON_TYPES[self.storage]

    @property
    def empty(self) -> object:
        """The value of an item that says nothing (a new item's, a record's default)."""
        return {"number": None, "extras": (), "status": STATUS_NAMES[0]}.get(self.storage, "")


LABEL_CONTEXT = "ItemField"  # the translation context of the labels (marked below)


def _quarter(n: int, label: str) -> ItemField:
    return ItemField(f"progress_q{n}", label, searchable=True, cleared_in_new_year=True,
                     fill_width=18, server_default=False)


ITEM_FIELDS = (
    ItemField("content", QT_TRANSLATE_NOOP("ItemField", "自查内容"), searchable=True,
              editor_lines=2, server_default=False),
    ItemField("target", QT_TRANSLATE_NOOP("ItemField", "年度任务目标"), searchable=True,
              fill_width=26, editor_lines=2, server_default=False),
    ItemField("result", QT_TRANSLATE_NOOP("ItemField", "落实情况"), searchable=True,
              cleared_in_new_year=True, fill_width=40, editor_lines=4, server_default=False),
    ItemField("status", QT_TRANSLATE_NOOP("ItemField", "状态"), storage="status", fill_width=10,
              editor="head", server_default=False),
    ItemField("department", QT_TRANSLATE_NOOP("ItemField", "责任处室"), storage="line",
              searchable=True, editor="head", server_default=False),
    _quarter(1, QT_TRANSLATE_NOOP("ItemField", "第一季度进展")),
    _quarter(2, QT_TRANSLATE_NOOP("ItemField", "第二季度进展")),
    _quarter(3, QT_TRANSLATE_NOOP("ItemField", "第三季度进展")),
    _quarter(4, QT_TRANSLATE_NOOP("ItemField", "第四季度进展")),
    ItemField("score_max", QT_TRANSLATE_NOOP("ItemField", "分值"), storage="number", scored=True,
              server_default=False),
    ItemField("score", QT_TRANSLATE_NOOP("ItemField", "得分"), storage="number", scored=True,
              cleared_in_new_year=True, server_default=False),
    ItemField("indicator_target", QT_TRANSLATE_NOOP("ItemField", "年度指标值"), searchable=True,
              scored=True, server_default=False),
    ItemField("indicator_actual", QT_TRANSLATE_NOOP("ItemField", "实际完成值"), searchable=True,
              cleared_in_new_year=True, scored=True, server_default=False),
    ItemField("deviation_reason", QT_TRANSLATE_NOOP("ItemField", "偏差原因分析及改进措施"),
              searchable=True, cleared_in_new_year=True, scored=True, server_default=False),
    ItemField("owner", QT_TRANSLATE_NOOP("ItemField", "责任人"), storage="line", searchable=True,
              fill_width=10, own_column=True),
    ItemField("deadline", QT_TRANSLATE_NOOP("ItemField", "时限"), storage="line", searchable=True,
              own_column=True),
    ItemField("note", QT_TRANSLATE_NOOP("ItemField", "备注"), searchable=True, fill_width=18,
              own_column=True),
    ItemField("extras", QT_TRANSLATE_NOOP("ItemField", "其他列"), storage="extras",
              searchable=True, importable=False, editor="hidden"),
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
SCORE_FIELDS = tuple(f.code for f in ITEM_FIELDS if f.scored)
# Departments fill these in a hand-out workbook, in this order.
FILL_FIELDS = tuple(f for f in ITEM_FIELDS if f.fill_width is not None)


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
