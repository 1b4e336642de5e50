"""services.year_compare: last year's assessment of one, and the comparison with it."""

from __future__ import annotations

from model.storage.db import Database
from model.year_compare.compare import Comparison, LastYear, compare, last_year_items
from model.year_compare.previous import choose_previous, previous_assessment


class YearCompareService:
    """Which assessment is last year's, and what changed since."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def previous(self, assessment_id: int) -> int | None:
        return previous_assessment(self._db, assessment_id)

    def choose_previous(self, assessment_id: int, previous_id: int | None) -> None:
        choose_previous(self._db, assessment_id, previous_id)

    def compare(self, this_id: int, last_id: int) -> Comparison:
        return compare(self._db, this_id, last_id)

    def last_year(self, assessment_id: int) -> LastYear:
        """What the item editor shows beside each item (no previous year: nothing)."""
        return last_year_items(self._db, assessment_id)
