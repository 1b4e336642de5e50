"""Declarative tables of the assessment database, with stable constraint names."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar
from uuid import uuid4

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

from model.framework.extras import Extras, parse_extras  # declared without the ORM (plain reads use it)
from model.report.options import REPORT_OPTIONS, ReportOption
from model.vocabulary import ANNUAL, ITEM_FIELDS, ItemField, status_constraint_sql

if TYPE_CHECKING:
    from sqlalchemy.sql import FromClause

# Stable names so that migrations can refer to constraints on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}



def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)



class ExtrasText(TypeDecorator[Extras]):
    """An item's extra named fields, in table order: stored as a JSON object (CJK kept readable,
    so that the full-text index finds it), read back as (name, text) pairs."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str:
        pairs = list(value.items()) if isinstance(value, dict) else list(value or ())
        return json.dumps(dict(pairs), ensure_ascii=False)

    def process_result_value(self, value: Any, dialect: Any) -> Extras:
        # someone else's database may hold anything here: what is not a JSON object of strings
        # reads as no extras (check names the row), never as a crash of every command
        return parse_extras(value) or ()


def new_uid() -> str:
    """A globally unique stable key (hand-out workbooks map back to rows by it)."""
    return uuid4().hex


def uid_column() -> Mapped[str]:
    return mapped_column(String(32), nullable=False, default=new_uid, server_default="",
                         index=True, unique=True)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Every editable row: an optimistic-lock counter and the time of its last change."""

    if TYPE_CHECKING:  # what the mapped class that mixes this in has (DeclarativeBase's)
        __table__: ClassVar[FromClause]

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, nullable=False, default=utcnow, onupdate=utcnow
    )

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}


def option_column(option: ReportOption) -> MappedColumn[Any]:
    """The column a report option is stored in (a column added by a migration: every kind has
    a server default)."""
    if option.kind == "flag":
        return mapped_column(option.code, Boolean, nullable=False, default=option.default,
                             server_default="1" if option.default else "0")
    length = {"text": 200, "date": 20, "choice": 10}[option.kind]
    return mapped_column(option.code, String(length), nullable=False, default=option.default,
                         server_default=str(option.default))


class Assessment(Versioned, Base):
    __tablename__ = "assessment"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = uid_column()
    unit_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    period: Mapped[str] = mapped_column(String(20), nullable=False, default=ANNUAL)
    title: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    report_title: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    uses_scores: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False, default="自查", server_default="自查")
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    # 落款 and export options of the work summary (empty signature: the unit; empty date: today)
    locals().update({option.code: option_column(option) for option in REPORT_OPTIONS})

    if TYPE_CHECKING:  # the options' columns are attributes of every row (their values: Any)
        def __getattr__(self, name: str) -> Any: ...
        def __setattr__(self, name: str, value: Any) -> None: ...


class Dimension(Versioned, Base):
    __tablename__ = "dimension"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = uid_column()
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False, index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("dimension.id", ondelete="CASCADE"), nullable=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(500), nullable=False)
    report_heading: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")



def item_column(spec: ItemField) -> MappedColumn[Any]:
    """The column an item field is stored in, as its storage kind says."""
    if spec.storage == "number":
        return mapped_column(spec.code, Float, nullable=True)
    if spec.storage == "extras":  # the server default is "{}", not an empty text
        return mapped_column(spec.code, ExtrasText, nullable=False, default=(),
                             server_default="{}" if spec.server_default else None)
    kinds: dict[str, TypeEngine[Any] | type[TypeEngine[Any]]] = {
        "text": Text, "line": String(200), "status": String(10)}
    kind = kinds[spec.storage]
    return mapped_column(spec.code, kind, nullable=False, default=spec.empty,
                         server_default="" if spec.server_default else None)


class CheckItem(Versioned, Base):
    __tablename__ = "check_item"
    __table_args__ = (
        CheckConstraint(status_constraint_sql(), name="status"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = uid_column()
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False, index=True
    )
    dimension_id: Mapped[int] = mapped_column(
        ForeignKey("dimension.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    # one column per item field, in their order (the class body's namespace takes them)
    locals().update({spec.code: item_column(spec) for spec in ITEM_FIELDS})

    if TYPE_CHECKING:  # the fields' columns are attributes of every row (their values: Any)
        def __getattr__(self, name: str) -> Any: ...
        def __setattr__(self, name: str, value: Any) -> None: ...


class Evidence(Versioned, Base):
    __tablename__ = "evidence"
    __table_args__ = (
        # A classified (涉密) row keeps its description only: never a file.
        CheckConstraint("NOT (classified AND file_sha256 IS NOT NULL)", name="classified_no_file"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("check_item.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(500), nullable=False, default="")
    doc_no: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    issued_on: Mapped[str] = mapped_column(String(10), nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    classified: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    file_name: Mapped[str | None] = mapped_column(String(500), nullable=True)
    file_size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    file_type: Mapped[str | None] = mapped_column(String(200), nullable=True)
    file_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)



class NarrativeSection(Versioned, Base):
    __tablename__ = "narrative_section"
    __table_args__ = (
        UniqueConstraint("assessment_id", "key", name="uq_narrative_section_assessment_key"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False, index=True
    )
    key: Mapped[str] = mapped_column(String(40), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False, default="")


class Handout(Base):
    """One workbook handed out to one department (处室)."""

    __tablename__ = "handout"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False, index=True
    )
    department: Mapped[str] = mapped_column(String(200), nullable=False)
    file_name: Mapped[str] = mapped_column(String(300), nullable=False)
    deadline: Mapped[str] = mapped_column(String(40), nullable=False, default="", server_default="")
    items: Mapped[int] = mapped_column(Integer, nullable=False)
    handed_out_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class HandoutItem(Base):
    """One item as it went out in a hand-out workbook: its key, 序号, content and the values
    handed out (the merge base when a returned workbook has lost its hidden sheet)."""

    __tablename__ = "handout_item"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    handout_id: Mapped[int] = mapped_column(
        ForeignKey("handout.id", ondelete="CASCADE"), nullable=False, index=True
    )
    item_uid: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    base: Mapped[str] = mapped_column(Text, nullable=False)  # JSON object: field code → value
    # after a collect: base = the values taken or kept, returned = what the department sent
    # (JSON object; None until its first return), so a re-sent workbook applies only what changed
    returned: Mapped[str | None] = mapped_column(Text, nullable=True)
    added_row: Mapped[int | None] = mapped_column(Integer, nullable=True)  # added from this sheet row


class HandoutReturn(Base):
    """One returned workbook merged back (汇总), with what it changed."""

    __tablename__ = "handout_return"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False, index=True
    )
    department: Mapped[str] = mapped_column(String(200), nullable=False)
    file_name: Mapped[str] = mapped_column(String(300), nullable=False)
    handed_out_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    returned_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    applied: Mapped[int] = mapped_column(Integer, nullable=False)
    conflicts: Mapped[int] = mapped_column(Integer, nullable=False)
    new_rows: Mapped[int] = mapped_column(Integer, nullable=False)
    missing_rows: Mapped[int] = mapped_column(Integer, nullable=False)
    # the rows its workbook no longer held: JSON list of {"seq", "content"}
    missing: Mapped[str] = mapped_column(Text, nullable=False, default="[]", server_default="[]")


# The finance forms' tables (issue #15) live in their own module; imported here so that the
# metadata (and the migrations' comparison with it) always holds them.
from model.finance import schema as finance_schema  # noqa: E402, F401
from model.sharing import audit_schema  # noqa: E402, F401  (audit: issue #25)

# Last year's assessment of each assessment (issue #28), likewise.
from model.year_compare import schema as year_schema  # noqa: E402, F401
