"""The bundle of services over one open database: what the GUI and the CLI are handed."""

from __future__ import annotations

from dataclasses import dataclass

import model.text.cleaning  # noqa: F401 — installs the cleaning of every row written
from model.collect.service import CollectService
from model.finance.fields import FinanceFields
from model.finance.service import FinanceService
from model.framework.assessments import AssessmentService
from model.framework.dimensions import DimensionService
from model.framework.evidence import EvidenceService
from model.framework.items import ItemService
from model.framework.narrative import NarrativeService
from model.report.review_service import ReviewService
from model.report.service import ReportService
from model.search.full_text import SearchService
from model.sharing.audit_service import AuditService
from model.storage.db import Database
from model.year_compare.service import YearCompareService


@dataclass(frozen=True)
class Services:
    db: Database
    assessments: AssessmentService
    dimensions: DimensionService
    items: ItemService
    evidence: EvidenceService
    narrative: NarrativeService
    search: SearchService
    finance: FinanceService
    finance_fields: FinanceFields  # one field of a form at a time, checked against a stale write
    report: ReportService  # what an export shows: the report view-model, the summaries
    review: ReviewService  # 体检
    collect: CollectService  # 分发 and 汇总
    year_compare: YearCompareService  # last year's assessment and the comparison with it
    audit: AuditService  # the history of an item's changes

    @classmethod
    def over(cls, database: Database) -> Services:
        assessments = AssessmentService(database)
        return cls(database, assessments, DimensionService(database),
                   ItemService(database), EvidenceService(database), NarrativeService(database),
                   SearchService(database), FinanceService(database),
                   FinanceFields(database), ReportService(database),
                   ReviewService(database, assessments), CollectService(database),
                   YearCompareService(database), AuditService(database))

    def close(self) -> None:
        self.db.dispose()
