"""The window title and the status line: the assessment's name and its completion, by the
vocabulary's one rule (a finance form shows its total score and rating instead)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from gui.window.menus import QT_TRANSLATE_NOOP
from model.vocabulary import IN_PROGRESS, NOT_STARTED, UNFINISHED, completion_of_counts

if TYPE_CHECKING:  # the first paint (gui.window.first_paint) shows these lines before the services load
    from gui.panels.finance_panel import FinancePanel
    from model.records import AssessmentRecord

CONTEXT = "MainWindow"  # the texts marked QT_TRANSLATE_NOOP("MainWindow", …): lupdate finds them
# The unfinished statuses worth a count after the completion, in this order.
SHOWN_OPEN = (IN_PROGRESS, UNFINISHED, NOT_STARTED)


def assessment_label(title: str, items: int) -> str:
    """An assessment's entry in the choice above the tree: its title and how many items."""
    return _tr(QT_TRANSLATE_NOOP("MainWindow", "%1（%2项）")).replace("%1", title).replace(
        "%2", str(items))


def completion_text(database_name: str, assessment: AssessmentRecord | None,
                    status_counts: Mapping[str, int], finance: FinancePanel) -> tuple[str, str]:
    """(window title, status line) of the assessment shown, from its items per status."""
    if assessment is None:
        app_name = _tr(QT_TRANSLATE_NOOP("MainWindow", "绩效自评"))
        return (f"{app_name} — {database_name}",
                _tr(QT_TRANSLATE_NOOP("MainWindow", "数据库中还没有自评：文件 → 新建自评")))
    status = (finance.summary() if finance.assessment_id == assessment.id  # total, rating
              else completion_line(status_counts))
    return window_title(assessment, database_name), status


def window_title(assessment: AssessmentRecord, display_name: str) -> str:
    title = assessment.title or f"{assessment.unit_name}{assessment.year}"
    return f"{title} — {display_name}"


def completion_line(status_counts: Mapping[str, int]) -> str:
    """已完成 done / total, then the unfinished statuses' counts."""
    counts = Counter(status_counts)
    rule = completion_of_counts(counts)  # the report's rule: 不适用 counts in neither
    done = _tr(QT_TRANSLATE_NOOP("MainWindow", "已完成 %1 / %2"))
    parts = [done.replace("%1", str(rule.done)).replace("%2", str(rule.total))]
    parts += [f"{status} {counts[status]}" for status in SHOWN_OPEN if counts[status]]
    return " · ".join(parts)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
