"""The report's free text (工作总结段落): 总体情况, 存在问题及改进措施, 下一步工作打算."""

from __future__ import annotations

from sqlalchemy import select

from model.errors import FieldChangedError, ValidationError
from model.framework.rows import check_version, get_row, to_record
from model.records import NARRATIVE_KEYS, NarrativeRecord
from model.schema import Assessment, NarrativeSection
from model.storage.db import Database


class NarrativeService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def sections(self, assessment_id: int) -> dict[str, NarrativeRecord]:
        """The stored sections by key (a section never written is absent)."""
        with self.db.transaction() as session:
            query = select(NarrativeSection).where(NarrativeSection.assessment_id == assessment_id)
            return {row.key: to_record(row, NarrativeRecord) for row in session.scalars(query)}

    def set_text(self, assessment_id: int, key: str, text: str,
                 expected_version: int | None = None, *,
                 unchanged: str | None = None) -> NarrativeRecord:
        """Write one section; expected_version guards an existing one against stale writes,
        unchanged (when given) is the text the writer saw ("" for a section never written)."""
        if key not in NARRATIVE_KEYS:
            raise ValidationError(f"未知的总结段落“{key}”。")
        with self.db.transaction() as session:
            get_row(session, Assessment, assessment_id)
            row = session.scalar(select(NarrativeSection).where(
                NarrativeSection.assessment_id == assessment_id, NarrativeSection.key == key))
            current = row.text if row is not None else ""
            if unchanged is not None and current != unchanged:
                raise FieldChangedError(f"总结段落“{key}”已被其他窗口或程序修改。",
                                        table="narrative_section", row_id=assessment_id,
                                        field=key, expected=unchanged, current=current)
            if row is None:
                row = NarrativeSection(assessment_id=assessment_id, key=key, text=text)
                session.add(row)
            else:
                check_version(row, expected_version)
                row.text = text
            session.flush()
            return to_record(row, NarrativeRecord)
