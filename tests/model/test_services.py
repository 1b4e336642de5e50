"""The feature members of Services (report, review, collect, year_compare, audit) give what the
feature functions they stand for give, over the same database."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from importers.handout_xlsx import read_returned
from model.collect.handout import build_handout
from model.collect.merge import CollectOptions, collect
from model.collect.progress import handout_progress
from model.report.build import report_of
from model.report.queries import assessment_record, assessment_summaries
from model.report.review import counts, review
from model.services import Services
from model.sharing.audit import item_history
from model.storage.targets import TargetRefusedError
from model.year_compare.compare import compare, last_year_items
from model.year_compare.previous import previous_assessment
from tests.model.collect.helpers import database_state, edit_cells, hand_out, small_assessment
from tests.model.year_compare.two_years import build

NOW = datetime(2024, 11, 1, 9, 30)


def test_report_is_the_report_view_model(demo: Services, demo_id: int) -> None:
    assert demo.report.report(demo_id) == report_of(demo.db, demo_id)
    with_evidence = demo.report.report(demo_id, with_evidence=True)
    assert with_evidence == report_of(demo.db, demo_id, with_evidence=True)
    with demo.db.read() as connection:
        assert demo.report.summaries() == assessment_summaries(connection)
        assert demo.report.assessment(demo_id) == assessment_record(connection, demo_id)
    assert [s.id for s in demo.report.summaries()] == [a.id for a in demo.assessments.list()]


def test_review_is_the_content_review(demo: Services, demo_id: int) -> None:
    top = demo.dimensions.list(demo_id)[0].id
    demo.items.create(top, content="无结果", status="已完成")  # an empty 落实情况 to find
    problems = demo.review.problems(demo_id)
    assert problems == review(demo, demo_id)
    assert "empty_result" in [p.kind for p in problems]
    assert demo.review.counts(problems) == counts(problems)


def test_year_compare_is_the_comparison(services: Services) -> None:
    last, this = build(services, copy=True)
    assert services.year_compare.previous(this) == previous_assessment(services.db, this) == last
    assert services.year_compare.compare(this, last) == compare(services.db, this, last)
    assert services.year_compare.last_year(this) == last_year_items(services.db, this)
    services.year_compare.choose_previous(last, this)
    assert previous_assessment(services.db, last) == this


def test_audit_is_the_item_history(demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    assert demo.audit.item_history(item.id) == item_history(demo.db, item.id)


def test_collect_hands_out_and_merges_as_the_functions_do(services: Services,
                                                          tmp_path: Path) -> None:
    a = small_assessment(services)
    books = services.collect.handout(a, deadline="12月20日", now=NOW)
    assert books == build_handout(services.db, a, deadline="12月20日", now=NOW)
    assert services.collect.progress(a) == handout_progress(services.db, a)
    database = services.db.sqlite_path
    assert database is not None
    with pytest.raises(TargetRefusedError):  # the database file itself: refused
        services.collect.prepare_folder(database, ["x.xlsx"])
    out = services.collect.prepare_folder(tmp_path / "out", ["x.xlsx"])
    assert out.is_dir()

    paths = hand_out(services, a, out)
    assert services.collect.progress(a) == handout_progress(services.db, a)
    assert sum(row.items for row in services.collect.progress(a)) == 6
    uid = books[0].rows[0].uid
    edit_cells(paths[books[0].department], {(uid, "result"): "已完成部署。"})
    returned = [read_returned(path) for path in paths.values()]
    trial = services.collect.merge(returned, CollectOptions(dry_run=True), NOW)
    before = database_state(services)
    assert trial.as_json() == collect(services.db, returned, CollectOptions(dry_run=True),
                                      NOW).as_json()
    assert database_state(services) == before
    merged = services.collect.merge(returned, CollectOptions(), NOW)
    after = database_state(services)
    assert merged.written and after != before
    services.collect.revert(merged.applied, merged.created, merged.returns, merged.moves)
    assert database_state(services) == before
    assert services.collect.reapply(merged.applied, [], merged.moves) == []
    assert database_state(services) == after
