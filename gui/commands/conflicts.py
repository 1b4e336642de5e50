"""A field changed elsewhere while the clerk changed it here: what both sides hold, and who
decides (the conflict dialog in the window; an answer given in advance in tests)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

# edit: the clerk's typing is being saved; undo/redo: the stack puts a value back
Action = Literal["edit", "undo", "redo"]


@dataclass(frozen=True)
class FieldConflict:
    kind: str  # item, dimension, assessment, evidence, narrative
    row_id: int
    field: str
    label: str  # the field as the editor names it (落实情况)
    subject: str  # the row as the clerk sees it (第 3 项“…”)
    base: Any  # what this window showed before the clerk's change
    mine: Any  # what this window would write (the typed text, or what an undo puts back)
    theirs: Any  # what another window or program stored meanwhile
    action: Action = "edit"


# The value to store (mine, theirs, or an edit of both); None: decide later, write nothing.
Resolver = Callable[[FieldConflict], Any | None]


def both(conflict: FieldConflict) -> str:
    """Mine and theirs kept together, for the clerk to edit (nothing typed is lost): the
    sentences they start with once, then what each wrote after them (two clerks adding to one
    text is the usual case)."""
    mine, theirs = _text(conflict.mine), _text(conflict.theirs)
    if not theirs or theirs in mine:
        return mine
    if not mine or mine in theirs:
        return theirs
    start = 0
    while start < min(len(mine), len(theirs)) and mine[start] == theirs[start]:
        start += 1
    while start and mine[start - 1] not in SENTENCE_ENDS:  # never split a sentence or a word
        start -= 1
    mine_part, theirs_part = mine[start:], theirs[start:]
    joint = "" if mine_part[-1:] in SENTENCE_ENDS else "\n" if "\n" in mine + theirs else "；"
    return mine[:start] + mine_part + joint + theirs_part


SENTENCE_ENDS = set("。；;，,.!！?？ \n）)")


def _text(value: Any) -> str:
    return "" if value is None else str(value)
