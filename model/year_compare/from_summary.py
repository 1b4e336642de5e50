"""Last year as a Word summary only (imported without a table): each of this year's items paired
with the summary paragraphs that report on it, as if they were last year's item."""

from __future__ import annotations

import re

from model.report.records import Report, ReportItem
from model.text.similarity import bigrams

THRESHOLD = 0.5
NEAR_BEST = 0.8
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]"
                      r"|\d{1,2}[.．、](?!\d)|【)")
MAX_HEADING = 42


def items_from_summary(last: Report, this: list[ReportItem]) -> list[ReportItem]:
    """Pseudo-items of last year (ids below zero), one per item of this year that the narrative
    reports on, its 落实情况 the paragraphs that do."""
    lines: list[tuple[str, str]] = []  # (the heading above, the paragraph)
    heading = ""
    for text in last.sections.values():
        for line in (t.strip() for t in text.split("\n")):
            if not line:
                continue
            if _HEADING.match(line) and len(line) <= MAX_HEADING:
                heading = line
            else:
                lines.append((heading, line))
    grams = [(bigrams(above), bigrams(line), line) for above, line in lines]
    made: list[ReportItem] = []
    for n, item in enumerate(this, start=1):
        content = bigrams(item.content)
        if not content:
            continue
        scored = [(max(len(content & text), len(content & above) * 0.9) / len(content), line)
                  for above, text, line in grams]
        best = max((s for s, _line in scored), default=0.0)
        if best < THRESHOLD:
            continue
        result = "\n".join(line for s, line in scored if s >= best * NEAR_BEST)
        made.append(ReportItem(id=-n, seq=n, dimension_id=0, path=item.path, content=item.content,
                               result=result, status=""))
    return made
