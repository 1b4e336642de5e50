"""The fields a department fills in, as this database has them, and their rules (defaults, statuses)."""

from __future__ import annotations

from model.collect.vocabulary import BY_CODE, CANDIDATE_FIELDS, EVIDENCE_NOTE
from model.schema import CheckItem
from model.vocabulary import STATUS_NAMES as STATUSES

FILL_FIELDS = tuple(f for f in CANDIDATE_FIELDS
                    if f.code == EVIDENCE_NOTE or f.code in CheckItem.__table__.columns)
FILL_CODES = tuple(f.code for f in FILL_FIELDS)


def default_of(code: str) -> str:
    return BY_CODE[code].default if code in BY_CODE else ""


def label_of(code: str) -> str:
    return BY_CODE[code].label if code in BY_CODE else code


def valid_status(text: str) -> bool:
    return text in STATUSES
