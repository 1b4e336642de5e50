"""Every write kind returns its result and the Changes it made (model/edits/writes.py), with exactly the
flags a panel looks at; a field write refuses a field changed since it was seen, writing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

import resources
from importers.handout_xlsx import read_returned
from importers.registry import import_format, run_import
from model.collect.merge import CollectOptions
from model.edits.changes import Changes
from model.edits.writes import FIELD_WRITERS, Writes
from model.errors import FieldChangedError
from model.framework.import_undo import imported_rows, row_ids
from model.records import (
    AssessmentRecord,
    DimensionRecord,
    EvidenceRecord,
    ItemRecord,
    NarrativeRecord,
)
from model.services import Services
from tests.gui.conftest import database_state
from tests.importers import clerk_tables
from tests.model.collect.helpers import edit_cells, hand_out, small_assessment
from tests.model.collect.test_merge import uid

FLAGS = ("items", "fields", "dimensions", "evidence", "narrative", "assessment", "finance",
         "structure", "assessments")


def flags(changes: Changes) -> dict[str, object]:
    """The flags that are set, with their ids."""
    return {name: getattr(changes, name) for name in FLAGS if getattr(changes, name)}


@pytest.fixture
def writes(demo: Services) -> Writes:
    return Writes(demo)


def test_a_field_write_of_each_row_kind(writes: Writes, demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    outcome = writes.set_field("item", item.id, "result", "已完成。", item.result)
    assert outcome.result == "已完成。"
    assert flags(outcome.changes) == {"items": {item.id}, "fields": {"result"}}
    assert [r.result for r in outcome.changes.records(ItemRecord)] == ["已完成。"]

    dimension = demo.dimensions.list(demo_id)[0]
    outcome = writes.set_field("dimension", dimension.id, "name", "全面依法治理", dimension.name)
    assert flags(outcome.changes) == {"dimensions": {dimension.id}}
    assert outcome.changes.records(DimensionRecord)[0].name == "全面依法治理"

    assessment = demo.assessments.get(demo_id)
    outcome = writes.set_field("assessment", demo_id, "title", "新的标题", assessment.title)
    assert flags(outcome.changes) == {"assessment": {demo_id}}
    assert outcome.changes.records(AssessmentRecord)[0].title == "新的标题"

    outcome = writes.set_field("narrative", demo_id, "overview", "总体良好。",
                               demo.narrative.sections(demo_id)["overview"].text)
    assert flags(outcome.changes) == {"narrative": {"overview"}}
    assert outcome.changes.records(NarrativeRecord)[0].text == "总体良好。"

    evidence = demo.evidence.add_note(item.id, "通知", "已印发")
    outcome = writes.set_field("evidence", evidence.id, "title", "印发通知", evidence.title)
    assert flags(outcome.changes) == {"evidence": {item.id}}
    assert set(FIELD_WRITERS) == {"item", "dimension", "assessment", "evidence", "narrative",
                                  "form", "fund", "indicator"}


def test_a_field_changed_since_it_was_seen_is_refused(writes: Writes, demo: Services,
                                                      demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    demo.items.update(item.id, result="别处写的")  # another window, meanwhile
    before = database_state(demo.db.sqlite_path)
    with pytest.raises(FieldChangedError) as refused:
        writes.set_field("item", item.id, "result", "我写的", item.result)
    assert (refused.value.field, refused.value.current) == ("result", "别处写的")
    assert database_state(demo.db.sqlite_path) == before
    with pytest.raises(FieldChangedError):
        writes.set_field("narrative", demo_id, "plans", "我写的", "以为有的")
    other = demo.items.list(demo_id)[1]  # another field of the row never counts
    assert writes.set_field("item", item.id, "note", "备注", item.note).result == "备注"
    assert writes.set_field("item", other.id, "status", "已完成", other.status).changes.fields \
        == {"status"}


def test_the_framework_tree_writes_name_the_row_to_show(writes: Writes, demo: Services,
                                                        demo_id: int) -> None:
    dimension = demo.dimensions.list(demo_id)[0]
    created = writes.create("item", dimension_id=dimension.id, content="新事项")
    assert flags(created.changes) == {"structure": True}
    assert created.changes.select == ("item", created.result.id)
    made = writes.create("dimension", assessment_id=demo_id, name="新维度")
    assert made.changes.select == ("dimension", made.result.id)
    moved = writes.move("item", created.result.id, made.result.id, 0)
    assert flags(moved.changes) == {"structure": True}
    assert moved.changes.select == ("item", created.result.id)
    deleted = writes.delete("dimension", made.result.id)
    assert flags(deleted.changes) == {"structure": True} and deleted.changes.select is None
    restored = writes.restore("dimension", deleted.result)
    assert restored.changes.select == ("dimension", made.result.id)


def test_bulk_writes(writes: Writes, demo: Services, demo_id: int) -> None:
    items = demo.items.list(demo_id)[:3]
    ids = {i.id for i in items}
    outcome = writes.set_many("status", dict.fromkeys(ids, "已完成"),
                              expected={i.id: i.status for i in items})
    assert flags(outcome.changes) == {"items": ids, "fields": {"status"}}
    assert {r.status for r in outcome.changes.records(ItemRecord)} == {"已完成"}
    target = demo.dimensions.list(demo_id)[-1].id
    moved = writes.move_many([(i.id, target, None) for i in items])
    assert flags(moved.changes) == {"structure": True}
    assert moved.changes.select == ("item", items[0].id)
    deleted = writes.delete_many([i.id for i in items])
    assert flags(deleted.changes) == {"structure": True}
    restored = writes.restore_many(deleted.result)
    assert flags(restored.changes) == {"structure": True}
    assert restored.changes.select == ("item", restored.result[-1].id)


def test_evidence_writes_name_the_item(writes: Writes, demo: Services, demo_id: int,
                                       tmp_path: Path) -> None:
    item = demo.items.list(demo_id)[0]
    note = writes.add_note(item.id, title="会议纪要", note="已召开")
    assert isinstance(note.result, EvidenceRecord)
    assert flags(note.changes) == {"evidence": {item.id}}
    file = tmp_path / "通知.txt"
    file.write_text("通知", encoding="utf-8")
    attached = writes.attach_file(item.id, file)
    assert flags(attached.changes) == {"evidence": {item.id}}
    detached = writes.detach(attached.result.id)
    assert flags(detached.changes) == {"evidence": {item.id}}
    assert flags(writes.restore_evidence(detached.result).changes) == {"evidence": {item.id}}


def test_finance_writes(demo: Services) -> None:
    writes = Writes(demo)
    assessment = demo.finance.create(resources.demo_project_form())
    form = demo.finance.form(assessment)
    assert form is not None
    text = writes.set_field("form", assessment, "conclusion", "良好", form.conclusion)
    assert flags(text.changes) == {"finance": {assessment}}
    fund = demo.finance.funds(assessment)[0]
    amount = writes.set_field("fund", fund.id, "spent", 12.5, fund.spent)
    assert amount.result == 12.5 and flags(amount.changes) == {"finance": {assessment}}
    item = demo.finance.indicators(assessment)[0].item_id
    cell = writes.set_field("indicator", item, "indicator_actual", "≥60个",
                            demo.items.get(item).indicator_actual)
    assert flags(cell.changes) == {"items": {item}, "fields": {"indicator_actual"}}


def test_an_import_and_its_undo(writes: Writes, demo: Services, demo_id: int,
                                tmp_path: Path) -> None:
    fmt = import_format("clerk_table")
    read = fmt.read(clerk_tables.doubled_category_tasks(tmp_path / "任务.xlsx"), {})
    before = row_ids(demo.db, demo_id)
    stored = run_import(fmt, demo, read, demo_id)
    rows = imported_rows(demo.db, stored.assessment_id, demo_id, before)
    removed = writes.remove_import(rows)
    assert flags(removed.changes) == {"structure": True}
    again = writes.restore_import(rows, removed.result)
    assert flags(again.changes) == {"structure": True, "assessments": True}
    assert again.changes.select == ("assessment", demo_id)

    stored = run_import(fmt, demo, read, None)  # a new assessment
    rows = imported_rows(demo.db, stored.assessment_id, None, (set(), set()))
    removed = writes.remove_import(rows)
    assert flags(removed.changes) == {"assessments": True}
    again = writes.restore_import(rows, removed.result)
    assert flags(again.changes) == {"assessments": True}
    assert again.changes.select == ("assessment", stored.assessment_id)


def test_a_collect_and_its_undo(services: Services, tmp_path: Path) -> None:
    writes = Writes(services)
    assessment = small_assessment(services)
    books = hand_out(services, assessment, tmp_path)
    item = next(i for i in services.items.list(assessment) if i.department == "法规处")
    edit_cells(books["法规处"], {(uid(services, item.id), "result"): "处室填的"})
    collected = writes.collect([read_returned(books["法规处"])], CollectOptions())
    assert flags(collected.changes) == {"structure": True}
    result = collected.result
    assert services.items.get(item.id).result == "处室填的"
    undone = writes.revert_collect(result.applied, result.created, result.returns, result.moves)
    assert flags(undone.changes) == {"structure": True}
    assert services.items.get(item.id).result == item.result
    redone = writes.reapply_collect(result.applied, [], result.moves)
    assert flags(redone.changes) == {"structure": True}


def test_changes_combine() -> None:
    a = Changes(items=frozenset({1}), fields=frozenset({"result"}))
    b = Changes.of_structure(("item", 2)) | Changes.of_evidence(3)
    both = a | b
    assert flags(both) == {"items": {1}, "fields": {"result"}, "evidence": {3}, "structure": True}
    assert both.select == ("item", 2)
    assert not Changes() and both


def test_a_section_never_written_is_seen_empty(services: Services) -> None:
    assessment = services.assessments.create("某某委员会", 2024).id
    outcome = Writes(services).set_field("narrative", assessment, "plans", "明年计划。", None)
    assert outcome.result == "明年计划。" and outcome.changes.narrative == {"plans"}


def test_an_assessment_deleted_and_restored(writes: Writes, demo: Services, demo_id: int) -> None:
    deleted = writes.delete_assessment(demo_id)
    assert flags(deleted.changes) == {"assessments": True} and deleted.changes.select is None
    restored = writes.restore_assessment(deleted.result)
    assert restored.result == demo_id
    assert flags(restored.changes) == {"assessments": True}
    assert restored.changes.select == ("assessment", demo_id)


def test_new_assessments_are_shown(writes: Writes, demo: Services, demo_id: int) -> None:
    made = writes.create_assessment("某某委员会", 2025, title="2025年度自查")
    assert flags(made.changes) == {"assessments": True}
    assert made.changes.select == ("assessment", made.result.id)
    copied = writes.copy_to_year(demo_id, 2026)
    assert copied.changes.select == ("assessment", copied.result.id)
    form = writes.create_finance_form("某某局", 2024, "project", "某项目")
    assert flags(form.changes) == {"assessments": True}
    assert form.changes.select == ("assessment", form.result)
