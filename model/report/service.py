"""services.report: the export's view-model of one assessment and the assessments' summaries."""

from __future__ import annotations

from model.records import AssessmentRecord, AssessmentSummary
from model.report.build import report_of
from model.report.queries import assessment_record, assessment_summaries
from model.report.records import Report
from model.storage.db import Database


class ReportService:
    """Plain-SQL reads of what an export shows (no ORM objects leave it)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def report(self, assessment_id: int, *, with_evidence: bool = False) -> Report:
        """The report view-model: the tables' rows, the summary's counts and narrative."""
        return report_of(self._db, assessment_id, with_evidence=with_evidence)

    def assessment(self, assessment_id: int) -> AssessmentRecord:
        with self._db.read() as connection:
            return assessment_record(connection, assessment_id)

    def summaries(self) -> list[AssessmentSummary]:
        """What services.assessments.list() gives, read without the ORM."""
        with self._db.read() as connection:
            return assessment_summaries(connection)
