"""The link from an assessment to last year's: recorded by a copy into a new year, or chosen."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from model.schema import Base


class PreviousYear(Base):
    __tablename__ = "assessment_previous"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), primary_key=True)
    previous_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False, index=True)
    chosen: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False,
                                         server_default="0")  # by the clerk (else: a copy's source)
