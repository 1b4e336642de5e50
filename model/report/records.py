"""The export view-model's records: plain, frozen, free of SQLAlchemy (exporters import these)."""

from __future__ import annotations

from dataclasses import dataclass, field

from model.field_records import DeclaredFieldsRecord, with_item_fields_slotted
from model.records import EvidenceRecord
from model.report.options import ReportOptions
from model.vocabulary import Completion as Counts

SECTION_TITLES = {
    "overview": "总体情况",
    "problems": "存在问题及改进措施",
    "plans": "下一步工作打算",
}


EXTRA_PREFIX = "extra:"  # a layout field naming one of an item's extra fields


@with_item_fields_slotted  # slots: 100,000 items take 29 MB less than with __dict__
class ReportItem(DeclaredFieldsRecord):
    """An item as the report shows it: these, then one attribute per item field (model.vocabulary)."""

    id: int
    seq: int
    dimension_id: int
    path: tuple[str, ...]  # names of its dimensions, top first
    evidence: tuple[EvidenceRecord, ...] = ()

    def numbered_evidence(self) -> list[tuple[str, EvidenceRecord]]:
        """The item's evidence with its attachment numbers, 附件{序号}-{n}, as in the table."""
        return [(f"附件{self.seq}-{n}", e) for n, e in enumerate(self.evidence, start=1)]

    def field(self, name: str) -> str:
        """A table cell's text by layout field name (dimension_1…3, seq, progress_qN, …)."""
        if name.startswith("dimension_"):
            level = int(name.rsplit("_", 1)[1])
            return self.path[level - 1] if len(self.path) >= level else ""
        if name == "seq":
            return str(self.seq)
        if name.startswith(EXTRA_PREFIX):
            return dict(self.extras).get(name[len(EXTRA_PREFIX):], "")
        value = getattr(self, name)
        return "" if value is None else _number(value) if isinstance(value, float) else str(value)


@dataclass(frozen=True)
class ReportDimension:
    id: int
    name: str
    heading: str  # the report heading, or else the name
    level: int
    items: tuple[ReportItem, ...]
    children: tuple[ReportDimension, ...]


@dataclass(frozen=True)
class Report:
    assessment_id: int
    unit: str
    year: int
    period: str
    title: str  # the report's title (工作总结)
    table_title: str  # the self-check table's title
    sections: dict[str, str]  # narrative by key, placeholders filled
    dimensions: tuple[ReportDimension, ...]
    items: tuple[ReportItem, ...]  # every item in table order
    counts: Counts
    options: ReportOptions = field(default_factory=ReportOptions)

    def section_title(self, key: str) -> str:
        return SECTION_TITLES.get(key, key)  # a key from someone else's database: its own name


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
