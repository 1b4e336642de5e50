"""The audit table (修改记录, migration 0012): fed by triggers, never written by the program."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from model.schema import Base


class AuditLog(Base):
    """One changed field of one row (field "*": the row was added or deleted, as JSON)."""

    __tablename__ = "audit_log"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    who: Mapped[str] = mapped_column(String(200), nullable=False, server_default="")
    table_name: Mapped[str] = mapped_column(String(40), nullable=False)
    row_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    item_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    field: Mapped[str] = mapped_column(String(80), nullable=False)
    old: Mapped[str | None] = mapped_column(Text, nullable=True)
    new: Mapped[str | None] = mapped_column(Text, nullable=True)
