"""The hand-out workbook's vocabulary, free of the database: columns, headers, widths, markers."""

from __future__ import annotations

from dataclasses import dataclass

from model.vocabulary import FIELDS_BY_CODE
from model.vocabulary import FILL_FIELDS as ITEM_FILL_FIELDS

UNASSIGNED = "未分配处室"
EVIDENCE_NOTE = "evidence_note"  # not an item column: a note-only evidence row of the item
EVIDENCE_NOTE_TITLE = "处室填报的证明材料说明"
FORMAT_TAG = "zicha-handout-1"
UID_CODE = "uid"
UID_LABEL = "编号（系统用，请勿改动）"


@dataclass(frozen=True)
class FillField:
    code: str
    label: str
    width: float
    default: str = ""


# Locked columns: what identifies a row for the department (and for matching without keys).
LOCKED_FIELDS = (
    FillField("seq", "序号", 6),
    FillField("path", "考评维度", 18),
    FillField("content", FIELDS_BY_CODE["content"].label, 36),
)
# Every field a department may fill, in column order: the item fields the vocabulary gives a
# hand-out width (model.collect.fields keeps those the schema has), then the evidence note.
CANDIDATE_FIELDS = (
    *(FillField(f.code, f.label, f.fill_width or 0, default=str(f.empty or ""))
      for f in ITEM_FILL_FIELDS),
    FillField(EVIDENCE_NOTE, "证明材料说明", 24),
)
BY_CODE = {f.code: f for f in (*LOCKED_FIELDS, *CANDIDATE_FIELDS)}
BY_LABEL = {f.label: f for f in (*LOCKED_FIELDS, *CANDIDATE_FIELDS)}
