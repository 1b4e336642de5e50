"""The digest of what a window shows: two of them say which rows to read again."""

from __future__ import annotations

from model.services import Services
from model.sharing.live_digest import difference, digest


def test_edits_moves_and_new_rows_are_told_apart(demo: Services, demo_id: int) -> None:
    db = demo.db
    shown = digest(db, demo_id)
    assert not difference(shown, digest(db, demo_id)).anything

    def look():
        nonlocal shown
        now = digest(db, demo_id)
        change, shown = difference(shown, now), now
        return change

    items = demo.items.list(demo_id)
    demo.items.update(items[0].id, None, result="改")
    edited = look()
    assert edited.items == (items[0].id,) and not edited.structure and not edited.assessments
    demo.items.move(items[1].id, items[1].dimension_id, 0)  # a reorder bumps no version
    assert look().structure
    demo.narrative.set_text(demo_id, "overview", "总体情况")
    assert look().narrative == ("overview",)
    demo.assessments.update(demo_id, None, title="新标题")
    renamed = look()
    assert renamed.assessment and renamed.assessments
    other = demo.assessments.create("另一单位", 2023)
    added = look()
    assert added.assessments and not added.assessment
    demo.assessments.delete(demo_id)
    assert look().gone
    assert digest(db, other.id).assessment_id == other.id
