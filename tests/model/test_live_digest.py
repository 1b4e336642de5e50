"""The digest of what a window shows: two of them say which rows to read again."""

from __future__ import annotations

from model.edits.changes import Changes
from model.services import Services
from model.sharing.live_digest import difference, digest, with_shown, with_tree


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


def test_a_write_shown_here_joins_the_baseline_and_a_later_one_elsewhere_still_shows(
        demo: Services, demo_id: int) -> None:
    db = demo.db
    items = demo.items.list(demo_id)
    shown = digest(db, demo_id)
    mine = demo.items.update(items[0].id, None, result="本窗口改")
    shown = with_shown(shown, Changes.of_item(mine, "result"))
    assert not difference(shown, digest(db, demo_id)).anything  # nothing to read again
    theirs = demo.items.update(items[0].id, None, target="另一窗口改")  # the same row, later
    assert difference(shown, digest(db, demo_id)).items == (theirs.id,)
    # another assessment's row, or a row the digest does not hold, changes nothing
    other = demo.assessments.create("另一单位", 2023)
    dimension = demo.dimensions.create(other.id, "维度")
    elsewhere = demo.items.create(dimension.id, content="别处")
    assert with_shown(shown, Changes.of_item(elsewhere)) == shown


def test_a_framework_read_again_here_is_the_baseline_of_its_rows(demo: Services,
                                                                  demo_id: int) -> None:
    db = demo.db
    shown = digest(db, demo_id)
    items = demo.items.list(demo_id)
    demo.items.create(items[0].dimension_id, index=0, content="新事项")  # moves its siblings
    demo.items.delete(items[5].id)
    assert difference(shown, digest(db, demo_id)).structure
    shown = with_tree(shown, demo.dimensions.list(demo_id), demo.items.list(demo_id))
    assert not difference(shown, digest(db, demo_id)).anything
    demo.items.move(items[1].id, items[1].dimension_id, 3)  # then another moves one
    assert difference(shown, digest(db, demo_id)).structure
    other = demo.assessments.create("另一单位", 2023)  # another assessment's tree is not taken
    foreign = demo.dimensions.create(other.id, "维度")
    assert with_tree(shown, [foreign], []) is shown
