"""The hand-out workbook's vocabulary, free of the database: columns, headers, widths, markers."""

from __future__ import annotations

from dataclasses import dataclass

from model.vocabulary import NOT_STARTED

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
    FillField("content", "自查内容", 36),
)
# Every field a department may fill, in column order (model.collect.fields keeps those the
# schema has: owner and note arrive with a later migration).
CANDIDATE_FIELDS = (
    FillField("target", "年度任务目标", 26),
    FillField("result", "落实情况", 40),
    FillField("status", "状态", 10, default=NOT_STARTED),
    FillField("progress_q1", "第一季度进展", 18),
    FillField("progress_q2", "第二季度进展", 18),
    FillField("progress_q3", "第三季度进展", 18),
    FillField("progress_q4", "第四季度进展", 18),
    FillField("owner", "责任人", 10),
    FillField("note", "备注", 18),
    FillField(EVIDENCE_NOTE, "证明材料说明", 24),
)
BY_CODE = {f.code: f for f in (*LOCKED_FIELDS, *CANDIDATE_FIELDS)}
BY_LABEL = {f.label: f for f in (*LOCKED_FIELDS, *CANDIDATE_FIELDS)}
