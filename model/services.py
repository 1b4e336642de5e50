"""The bundle of services over one open database: what the GUI and the CLI are handed."""

from __future__ import annotations

from dataclasses import dataclass

import model.text.cleaning  # noqa: F401 — installs the cleaning of every row written
from model.finance.fields import FinanceFields
from model.finance.service import FinanceService
from model.framework.assessments import AssessmentService
from model.framework.dimensions import DimensionService
from model.framework.evidence import EvidenceService
from model.framework.items import ItemService
from model.framework.narrative import NarrativeService
from model.search.full_text import SearchService
from model.storage.db import Database


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

    @classmethod
    def over(cls, database: Database) -> Services:
        return cls(database, AssessmentService(database), DimensionService(database),
                   ItemService(database), EvidenceService(database), NarrativeService(database),
                   SearchService(database), FinanceService(database),
                   FinanceFields(database))

    def close(self) -> None:
        self.db.dispose()
