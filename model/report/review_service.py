"""services.review: the content review (体检) of one assessment before export."""

from __future__ import annotations

from model.framework.assessments import AssessmentService
from model.report.review import Problem, counts, review
from model.storage.db import Database


class ReviewService:
    """The problems a reader of the summary or the tables would find, and their counts by kind."""

    def __init__(self, database: Database, assessments: AssessmentService) -> None:
        self.db = database
        self.assessments = assessments

    def problems(self, assessment_id: int) -> list[Problem]:
        return review(self, assessment_id)

    @staticmethod
    def counts(problems: list[Problem]) -> dict[str, int]:
        """Every kind with its number of problems (0 for a kind not found)."""
        return counts(problems)
