"""The plain reads (model.report.queries) give exactly what the ORM services give, without SQLAlchemy."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Boolean, DateTime

from model.records import AssessmentRecord, DimensionRecord, EvidenceRecord, NarrativeRecord
from model.report.build import report_of
from model.report.queries import (
    BOOLEANS,
    DATETIMES,
    REPORT_ITEM_COLUMNS,
    assessment_record,
    assessment_summaries,
    columns_of,
    dimension_records,
    evidence_by_item,
    narrative_sections,
)
from model.schema import Base
from model.services import Services
from model.vocabulary import ITEM_EDITABLE_FIELDS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def varied(demo: Services, demo_id: int, tmp_path: Path) -> Services:
    """The demo with what a plain read could get wrong: extras, scores, evidence, a moved item,
    narrative, a second and an empty assessment."""
    items = demo.items.list(demo_id)
    demo.items.update(items[0].id, extras={"督办意见": "按期办结", "备注二": ""}, score_max=5,
                      score=4.5, status="推进中")
    demo.items.update(items[3].id, score_max=2.0, score=None, status="不适用")
    dims = demo.dimensions.list(demo_id)
    demo.items.move(items[1].id, dims[-1].id, 0)
    source = tmp_path / "通知.pdf"
    source.write_bytes(b"%PDF-1.4 demo")
    demo.evidence.attach_file(items[2].id, source, doc_no="京卫疾控〔2021〕5号",
                              issued_on="2021-03-01")
    demo.evidence.attach_file(items[2].id, source, title="第二份")
    demo.evidence.attach_file(items[5].id, source, note="说明")
    demo.narrative.set_text(demo_id, "overview", "共{任务总数}项，完成{已完成数}项。")
    demo.assessments.copy_to_year(demo_id, 2022)
    demo.assessments.create("空单位", 2020)
    return demo


def test_summaries_are_the_services(varied: Services) -> None:
    with varied.db.read() as connection:
        assert assessment_summaries(connection) == varied.assessments.list()


def test_records_are_the_services(varied: Services) -> None:
    for summary in varied.assessments.list():
        with varied.db.read() as connection:
            assert assessment_record(connection, summary.id) == varied.assessments.get(summary.id)
            assert dimension_records(connection, summary.id) == varied.dimensions.list(summary.id)
            assert narrative_sections(connection, summary.id) == varied.narrative.sections(
                summary.id)
            evidence = evidence_by_item(connection, summary.id)
        for item in varied.items.list(summary.id):
            assert evidence.get(item.id, ()) == tuple(varied.evidence.list(item.id))


def test_report_items_are_the_services_items(varied: Services, demo_id: int) -> None:
    report = report_of(varied.db, demo_id, with_evidence=True)
    items = varied.items.list(demo_id)
    assert [r.id for r in report.items] == [i.id for i in items]
    for got, item in zip(report.items, items, strict=True):
        assert (got.seq, got.dimension_id) == (item.seq, item.dimension_id)
        assert {f: getattr(got, f) for f in ITEM_EDITABLE_FIELDS} == {
            f: getattr(item, f) for f in ITEM_EDITABLE_FIELDS}  # every field, by name
        assert got.evidence == tuple(varied.evidence.list(item.id))
    assert report.items[0].extras == (("督办意见", "按期办结"), ("备注二", ""))
    assert report.sections["overview"] == f"共{report.counts.total}项，完成{report.counts.done}项。"


def test_a_missing_assessment_is_not_found(varied: Services) -> None:
    from model.errors import NotFoundError

    with pytest.raises(NotFoundError, match="不存在"), varied.db.read() as connection:
        assessment_record(connection, 9999)


def test_every_column_named_is_the_schemas_and_converted_as_its_type() -> None:
    named = {"assessment": columns_of(AssessmentRecord), "dimension": columns_of(DimensionRecord),
             "evidence": columns_of(EvidenceRecord), "narrative_section": columns_of(NarrativeRecord),
             "check_item": REPORT_ITEM_COLUMNS}
    for table, names in named.items():
        declared = Base.metadata.tables[table].c
        assert set(names) <= set(declared.keys()), table
        for name in names:
            kind = declared[name].type
            assert (name in BOOLEANS) == isinstance(kind, Boolean), f"{table}.{name}"
            assert (name in DATETIMES) == isinstance(kind, DateTime), f"{table}.{name}"


def test_the_report_is_read_without_sqlalchemy(demo: Services, demo_id: int) -> None:
    path = demo.db.sqlite_path
    code = ("import sys; from pathlib import Path; from model.storage.migrate import open_sqlite; "
            "from model.report.build import report_of; "
            f"report = report_of(open_sqlite(Path({str(path)!r})), {demo_id}, with_evidence=True); "
            "assert len(report.items) == 40; "
            "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic'))))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"


def test_a_read_never_creates_the_file(tmp_path: Path) -> None:
    from model.storage.db import Database, sqlite_url

    database = Database(sqlite_url(tmp_path / "gone.db"), tmp_path)
    with pytest.raises(sqlite3.OperationalError), database.read():
        pass
    assert not (tmp_path / "gone.db").exists()


def test_report_items_are_whole_records(varied: Services, demo_id: int) -> None:
    """The report makes its items without their __init__: every field is set, nothing else."""
    from dataclasses import fields

    from model.report.records import ReportItem

    for item in report_of(varied.db, demo_id, with_evidence=True).items:
        assert not hasattr(item, "__dict__")  # slots: nothing else can be set
        values = {f.name: getattr(item, f.name) for f in fields(ReportItem)}  # each one is set
        assert ReportItem(**values) == item


def test_an_item_read_as_plain_rows_is_the_record_the_session_gives(demo: Services,
                                                                     demo_id: int) -> None:
    """ItemService.get reads plain rows: every item equals what a write's session returns for
    it (序号 included), and a missing one is refused by its name."""
    from model.errors import NotFoundError
    from model.framework.items import _record_with_seq
    from model.framework.rows import get_row
    from model.schema import CheckItem

    items = demo.items.list(demo_id)
    demo.items.move(items[3].id, items[-1].dimension_id, 0)  # numbers shift
    with demo.db.transaction() as session:
        expected = [_record_with_seq(session, get_row(session, CheckItem, i.id)) for i in items]
    assert [demo.items.get(i.id) for i in items] == expected
    with pytest.raises(NotFoundError, match="自查事项（编号 999999）不存在"):
        demo.items.get(999999)
