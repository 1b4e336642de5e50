"""Which assessment is last year's: the one this was copied from, else the same unit's of the
year before, else the one the clerk chose (a choice, once made, comes first)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.errors import ValidationError
from model.framework.rows import get_row
from model.schema import Assessment
from model.storage.db import Database
from model.year_compare.schema import PreviousYear


def previous_assessment(database: Database, assessment_id: int) -> int | None:
    """Last year's assessment of assessment_id, or None when there is none to compare with."""
    with database.transaction() as session:
        this = get_row(session, Assessment, assessment_id)
        link = session.get(PreviousYear, assessment_id)
        if link is not None:
            return link.previous_id
        candidates = session.scalars(select(Assessment.id).where(
            Assessment.unit_name == this.unit_name, Assessment.year == this.year - 1,
            Assessment.period == this.period, Assessment.id != this.id)
            .order_by(Assessment.id.desc())).all()
        return candidates[0] if candidates else None


def choose_previous(database: Database, assessment_id: int, previous_id: int | None) -> None:
    """The clerk's choice of last year's assessment (None: forget the choice)."""
    with database.transaction() as session:
        get_row(session, Assessment, assessment_id)
        link = session.get(PreviousYear, assessment_id)
        if previous_id is None:
            if link is not None:
                session.delete(link)
            return
        if previous_id == assessment_id:
            raise ValidationError("不能把自评自身选为上年的自评。")
        get_row(session, Assessment, previous_id)
        if link is None:
            session.add(PreviousYear(assessment_id=assessment_id, previous_id=previous_id,
                                     chosen=True))
        else:
            link.previous_id, link.chosen = previous_id, True


def record_copy(session: Session, copy_id: int, source_id: int) -> None:
    """A copy into a new year remembers where it came from (inside the copy's transaction)."""
    session.add(PreviousYear(assessment_id=copy_id, previous_id=source_id, chosen=False))
