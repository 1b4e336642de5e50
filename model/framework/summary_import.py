"""A Word summary stored in one transaction: a new assessment (or the given one) gets its title,
落款, narrative sections and the 落实情况 of the items the clerk's matches name."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from model.errors import ValidationError
from model.framework.assessments import validated_assessment
from model.framework.rows import get_row
from model.records import NARRATIVE_KEYS
from model.schema import Assessment, CheckItem, NarrativeSection
from model.storage.db import Database
from model.vocabulary import ANNUAL


@dataclass(frozen=True)
class SummaryData:
    """What the import writes; unit and year are needed only for a new assessment."""

    unit: str = ""
    year: int | None = None
    period: str = ANNUAL
    report_title: str = ""
    signature: str = ""
    signature_date: str = ""
    narrative: dict[str, str] = field(default_factory=dict)
    results: dict[int, str] = field(default_factory=dict)  # item id → 落实情况


@dataclass(frozen=True)
class StoredSummary:
    assessment_id: int
    results: int  # items whose 落实情况 was written
    sections: int  # narrative sections written
    warnings: tuple[str, ...] = ()


def store_summary(database: Database, data: SummaryData, into: int | None) -> StoredSummary:
    """All or nothing. Into an existing assessment only what is empty there is filled (a filled
    field is kept and named in the warnings)."""
    warnings: list[str] = []
    unknown = set(data.narrative) - set(NARRATIVE_KEYS)
    if unknown:
        raise ValidationError(f"未知的总结段落“{'、'.join(sorted(unknown))}”。")
    with database.transaction() as session:
        if into is None:
            if data.year is None:
                raise ValidationError("工作总结的标题中没有年度，请用 --year 指定（如 --year 2022），"
                                      "或用 --into 导入到已有的自评。")
            if not data.unit.strip():
                raise ValidationError("工作总结中没有单位名称，请用 --unit 指定（如 --unit 市卫生健康委），"
                                      "或用 --into 导入到已有的自评。")
            values = validated_assessment({
                "unit_name": data.unit, "year": data.year, "period": data.period or ANNUAL,
                "report_title": data.report_title, "signature": data.signature,
                "signature_date": data.signature_date})
            assessment = Assessment(**values)
            session.add(assessment)
            session.flush()
        else:
            assessment = get_row(session, Assessment, into)
            options = validated_assessment({"signature": data.signature,
                                            "signature_date": data.signature_date,
                                            "report_title": data.report_title})
            for key, value in options.items():
                if value and not getattr(assessment, key):
                    setattr(assessment, key, value)
        stored = {row.key: row for row in session.scalars(select(NarrativeSection).where(
            NarrativeSection.assessment_id == assessment.id))}
        sections = 0
        for key, text in data.narrative.items():
            row = stored.get(key)
            if row is None:
                session.add(NarrativeSection(assessment_id=assessment.id, key=key, text=text))
            elif not row.text.strip():
                row.text = text
            else:
                warnings.append(f"总结段落“{key}”已有内容，未覆盖。")
                continue
            sections += 1
        results = 0
        for item_id, text in data.results.items():
            item = session.get(CheckItem, item_id)
            if item is None or item.assessment_id != assessment.id:
                raise ValidationError(f"自查事项（编号 {item_id}）不属于自评（编号 {assessment.id}）。")
            if item.result.strip():
                warnings.append(f"自查事项（编号 {item_id}）已有落实情况，未覆盖。")
                continue
            item.result = text
            results += 1
        session.flush()
        return StoredSummary(assessment.id, results, sections, tuple(warnings))
