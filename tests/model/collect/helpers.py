"""Shared by the hand-out/collect tests: a small assessment with departments, workbook edits."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from sqlalchemy import select

from exporters.handout_xlsx import ITEMS_SHEET, handout_file_names, write_handout
from model.collect.fields import FILL_CODES
from model.collect.handout import build_handout, evidence_notes, item_value, record_handout
from model.collect.vocabulary import UID_CODE
from model.schema import CheckItem
from model.services import Services

DEPARTMENTS = ("法规处", "医政处", "")


def small_assessment(services: Services, per_department: int = 2) -> int:
    """Two dimensions; items spread over 法规处, 医政处 and no department."""
    a = services.assessments.create("某某委员会", 2024).id
    top = services.dimensions.create(a, "全面依法").id
    sub = services.dimensions.create(a, "法治政府建设", parent_id=top).id
    dims = (top, sub)
    n = 0
    for department in DEPARTMENTS:
        for _ in range(per_department):
            services.items.create(dims[n % 2], content=f"事项{n + 1}：推进工作", department=department,
                                  result="" if n % 3 else "已部署")
            n += 1
    return a


def hand_out(services: Services, assessment_id: int, folder: Path,
             departments: list[str] | None = None) -> dict[str, Path]:
    """Write the workbooks as the CLI does: department ("" for none) → path."""
    books = build_handout(services.db, assessment_id, departments=departments,
                          deadline="2024年12月20日", return_to="综合处")
    names = handout_file_names(books)
    for book, name in zip(books, names, strict=True):
        write_handout(book, folder / name)
    record_handout(services.db, assessment_id, books, names)
    return {book.department: folder / name for book, name in zip(books, names, strict=True)}


def edit_cells(path: Path, edits: dict[tuple[str, str], str], out: Path | None = None) -> None:
    """Set (uid, field) cells of the items sheet, found by the key row and the 编号 column."""
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[ITEMS_SHEET]
    columns = {cell.value: cell.column for cell in sheet[1] if cell.value}
    rows = {sheet.cell(r, columns[UID_CODE]).value: r for r in range(4, sheet.max_row + 1)}
    for (uid, code), value in edits.items():
        cell = sheet.cell(rows[uid], columns[code], value)
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"  # typed as text ('=…), not a formula
    workbook.save(out or path)


def database_state(services: Services) -> dict[int, tuple]:
    """Every item's every column but the bookkeeping ones, and its fill-field values."""
    with services.db.transaction() as session:
        items = session.scalars(select(CheckItem).order_by(CheckItem.id)).all()
        notes: dict[int, str] = {}
        for a in {i.assessment_id for i in items}:
            notes.update(evidence_notes(session, a))
        skip = {"version", "updated_at"}
        return {i.id: (tuple((c.key, getattr(i, c.key)) for c in CheckItem.__table__.columns
                             if c.key not in skip),
                       tuple(item_value(i, code, notes) for code in FILL_CODES))
                for i in items}
