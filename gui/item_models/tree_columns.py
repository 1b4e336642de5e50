"""The framework tree's columns, declared once (like Anki's browser columns): the title always
first, then what a clerk may show beside it (状态, 责任处室), each an item field read as the editor
shows it. The model answers every declared column; the view hides the ones not chosen."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gui.window.menus import QT_TRANSLATE_NOOP
from model.records import ItemRecord

CONTEXT = "TreeColumns"  # the translation context of the headers


@dataclass(frozen=True)
class TreeColumn:
    key: str  # the name kept in the settings
    header: str  # the header's text (Chinese; translated in CONTEXT)
    value: Callable[[ItemRecord], str]  # an item's cell; a dimension's is empty
    width: str = ""  # a sample of the widest usual cell: the column's first width
    status_coloured: bool = False  # the cell takes the status colour, as the title does


TITLE = TreeColumn("title", QT_TRANSLATE_NOOP("TreeColumns", "考评维度与自查事项"), lambda record: "")
COLUMNS: tuple[TreeColumn, ...] = (
    TITLE,
    # the status as the editor's 状态 box lists it (model.vocabulary.STATUS_NAMES)
    TreeColumn("status", QT_TRANSLATE_NOOP("TreeColumns", "状态"), lambda record: record.status,
               width="超额完成", status_coloured=True),
    # the 处室 as typed in the editor's 责任处室 box
    TreeColumn("department", QT_TRANSLATE_NOOP("TreeColumns", "责任处室"),
               lambda record: record.department, width="办公室（党办）"),
)
OPTIONAL = tuple(column.key for column in COLUMNS if column is not TITLE)


def column_index(key: str) -> int:
    return next(i for i, column in enumerate(COLUMNS) if column.key == key)


def known(keys: Iterable[str]) -> list[str]:
    """The optional columns among keys (what a settings file says may be stale or edited), in
    declared order, each once."""
    wanted = set(keys)
    return [key for key in OPTIONAL if key in wanted]
