"""Create a whole assessment (framework, items, narrative) from plain data in one transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from model.assessments import validated_assessment
from model.dimensions import valid_dimension_name
from model.errors import ValidationError
from model.items import validated_item
from model.records import NARRATIVE_KEYS
from model.rows import get_row
from model.schema import Assessment, CheckItem, Dimension, NarrativeSection
from model.storage.db import Database
from model.vocabulary import MAX_DIMENSION_DEPTH


def append_tree(database: Database, assessment_id: int, dimensions: list[dict[str, Any]]) -> int:
    """Add dimensions and items to an existing assessment in one transaction; a dimension with
    the same name under the same parent is reused. Returns how many items were added."""
    with database.transaction() as session:
        get_row(session, Assessment, assessment_id)
        existing = session.scalars(select(Dimension).where(
            Dimension.assessment_id == assessment_id)).all()
        by_key = {(d.parent_id, d.name): d for d in existing}
        added = 0

        def add(nodes: list[dict[str, Any]], parent_id: int | None, level: int) -> None:
            nonlocal added
            for node in nodes:
                name = valid_dimension_name(node["name"])
                dim = by_key.get((parent_id, name))
                if dim is None:
                    if level > MAX_DIMENSION_DEPTH:
                        raise ValidationError(f"考评维度最多 {MAX_DIMENSION_DEPTH} 级。")
                    position = sum(1 for d in by_key.values() if d.parent_id == parent_id)
                    dim = Dimension(assessment_id=assessment_id, parent_id=parent_id,
                                    position=position, name=name)
                    session.add(dim)
                    session.flush()
                    by_key[(parent_id, name)] = dim
                start = session.scalar(select(func.count()).where(
                    CheckItem.dimension_id == dim.id)) or 0
                for index, item in enumerate(node.get("items", [])):
                    values = validated_item(item)
                    session.add(CheckItem(assessment_id=assessment_id, dimension_id=dim.id,
                                          position=start + index, **values))
                    added += 1
                session.flush()
                add(node.get("children", []), dim.id, level + 1)

        add(dimensions, None, 1)
        return added


def create_assessment_tree(database: Database, data: dict[str, Any]) -> int:
    """data: {"assessment": {...}, "narrative": {key: text}, "dimensions": [{name, report_heading,
    items: [{field: value}], children: [...]}]}. All or nothing; returns the new assessment id."""
    with database.transaction() as session:
        assessment = Assessment(**validated_assessment(data["assessment"]))
        session.add(assessment)
        session.flush()
        for key, text in data.get("narrative", {}).items():
            if key not in NARRATIVE_KEYS:
                raise ValidationError(f"未知的总结段落“{key}”。")
            session.add(NarrativeSection(assessment_id=assessment.id, key=key, text=text))

        def add(nodes: list[dict[str, Any]], parent_id: int | None, level: int) -> None:
            if nodes and level > MAX_DIMENSION_DEPTH:
                raise ValidationError(f"考评维度最多 {MAX_DIMENSION_DEPTH} 级。")
            for position, node in enumerate(nodes):
                dim = Dimension(assessment_id=assessment.id, parent_id=parent_id,
                                position=position, name=valid_dimension_name(node["name"]),
                                report_heading=node.get("report_heading", ""))
                session.add(dim)
                session.flush()
                for index, item in enumerate(node.get("items", [])):
                    values = validated_item(item)
                    session.add(CheckItem(assessment_id=assessment.id, dimension_id=dim.id,
                                          position=index, **values))
                add(node.get("children", []), dim.id, level + 1)

        add(data.get("dimensions", []), None, 1)
        session.flush()
        return assessment.id
