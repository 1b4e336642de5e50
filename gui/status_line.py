"""The window title and the status line: the assessment's name and its completion, by the
vocabulary's one rule (a finance form shows its total score and rating instead)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from gui.panels.finance_panel import FinancePanel
from model.records import AssessmentRecord
from model.vocabulary import IN_PROGRESS, NOT_STARTED, UNFINISHED, completion_of_counts

# The unfinished statuses worth a count after the completion, in this order.
SHOWN_OPEN = (IN_PROGRESS, UNFINISHED, NOT_STARTED)


def completion_text(database_name: str, assessment: AssessmentRecord | None,
                    status_counts: Mapping[str, int], finance: FinancePanel) -> tuple[str, str]:
    """(window title, status line) of the assessment shown, from its items per status."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    if assessment is None:
        return (f"{tr('绩效自评')} — {database_name}",
                tr("数据库中还没有自评：文件 → 新建自评"))
    title = assessment.title or f"{assessment.unit_name}{assessment.year}"
    counts = Counter(status_counts)
    rule = completion_of_counts(counts)  # the report's rule: 不适用 counts in neither
    parts = [tr("已完成 %1 / %2").replace("%1", str(rule.done)).replace("%2", str(rule.total))]
    parts += [f"{status} {counts[status]}" for status in SHOWN_OPEN if counts[status]]
    if finance.assessment_id == assessment.id:
        parts = [finance.summary()]  # total, rating and problems of the form
    return f"{title} — {database_name}", " · ".join(parts)
