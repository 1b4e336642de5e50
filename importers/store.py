"""Hand a table that was read to model.bulk: one transaction, all or nothing."""

from __future__ import annotations

from datetime import date

from importers.xlsx_table import ImportedTable
from model.bulk import append_tree, create_assessment_tree
from model.services import Services


def store_table(services: Services, table: ImportedTable, into: int | None) -> tuple[int, int]:
    """(assessment id, items added): into an existing assessment, or a new one named from the
    sheet's title row."""
    if into is not None:
        services.assessments.get(into)  # a clear message when it does not exist
        return into, append_tree(services.db, into, table.tree())
    data = {"assessment": {"unit_name": table.unit, "year": table.year or date.today().year,
                           "period": table.period, "title": table.title},
            "dimensions": table.tree()}
    return create_assessment_tree(services.db, data), len(table.items)
