"""The framework tree's nodes without Qt: building, lazy counts, the filter, completion, edits."""

from __future__ import annotations

import ast
import dataclasses
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import gui.item_models.framework_nodes as framework_nodes
from gui.item_models.framework_nodes import DIMENSION, ITEM, NodeTree, dragged_rows
from model.records import DimensionRecord, ItemRecord
from model.vocabulary import DimensionCounts

ROOT = Path(__file__).resolve().parents[2]
WHEN = datetime(2021, 1, 1)


def dimension(dim_id: int, name: str, parent_id: int | None = None) -> DimensionRecord:
    return DimensionRecord(id=dim_id, assessment_id=1, parent_id=parent_id, position=dim_id,
                           name=name, report_heading="", level=1 if parent_id is None else 2,
                           version=1, updated_at=WHEN)


def item(item_id: int, dimension_id: int, status: str, content: str = "") -> ItemRecord:
    texts = dict.fromkeys(("target", "result", "department", "progress_q1", "progress_q2",
                           "progress_q3", "progress_q4", "indicator_target", "indicator_actual",
                           "deviation_reason", "owner", "deadline", "note"), "")
    return ItemRecord(id=item_id, assessment_id=1, dimension_id=dimension_id, position=item_id,
                      seq=item_id, content=content or f"事项{item_id}", status=status,
                      score_max=None, score=None, extras=(), version=1, updated_at=WHEN, **texts)


DIMENSIONS = [dimension(1, "全面依法"), dimension(2, "法治政府", parent_id=1), dimension(3, "全面提升")]
ITEMS = [item(10, 2, "已完成"), item(11, 1, "已完成"), item(12, 1, "不适用"),
         item(13, 3, "推进中"), item(14, 1, "未开始")]


def shown(tree: NodeTree, node=None) -> list[tuple[str, int]]:
    return [(n.kind, n.record.id) for n in tree.walk_shown(node)]


def counts(tree: NodeTree, dim_id: int) -> tuple[int, int]:
    rule = tree.completion(dim_id)
    return rule.done, rule.total


def test_the_module_does_not_import_qt() -> None:
    source = Path(framework_nodes.__file__).read_text(encoding="utf-8")
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    assert "PySide6" not in names and "shiboken6" not in names
    assert names <= {"__future__", "collections", "dataclasses", "typing", "model"}
    loaded = subprocess.run(  # nor anything it imports in turn
        [sys.executable, "-c", "import sys, gui.item_models.framework_nodes; "
         "print(any(m.split('.')[0] == 'PySide6' for m in sys.modules))"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "False"


def test_a_dimensions_own_items_come_before_its_sub_dimensions() -> None:
    tree = NodeTree(DIMENSIONS, ITEMS)
    assert shown(tree) == [(DIMENSION, 1), (ITEM, 11), (ITEM, 12), (ITEM, 14), (DIMENSION, 2),
                           (ITEM, 10), (DIMENSION, 3), (ITEM, 13)]
    assert [n.position for n in tree.root.shown[0].shown] == [0, 1, 2, 3]
    assert tree.dimension_ids() == [1, 2, 3]
    assert {r.id for r in tree.items()} == {10, 11, 12, 13, 14}
    assert tree.has_sub_dimensions(1) and not tree.has_sub_dimensions(2)
    assert not tree.has_sub_dimensions(99)
    assert tree.node(ITEM, 12).record.status == "不适用" and tree.node(DIMENSION, 12) is None


def test_not_applicable_counts_in_neither_done_nor_total() -> None:
    tree = NodeTree(DIMENSIONS, ITEMS)
    assert counts(tree, 2) == (1, 1)
    assert counts(tree, 1) == (2, 3)  # 11 and 10 done; 14 not; 12 (不适用) left out
    assert counts(tree, 3) == (0, 1)


def test_a_status_change_recounts_every_ancestor() -> None:
    tree = NodeTree(DIMENSIONS, ITEMS)
    changed = tree.update_item(dataclasses.replace(ITEMS[0], status="不适用"))
    assert [(n.kind, n.record.id) for n in changed] == [(ITEM, 10), (DIMENSION, 2), (DIMENSION, 1)]
    assert counts(tree, 2) == (0, 0) and counts(tree, 1) == (1, 2)
    tree.update_item(dataclasses.replace(ITEMS[0], status="推进中"))
    assert counts(tree, 2) == (0, 1) and counts(tree, 1) == (1, 3)
    tree.update_item(dataclasses.replace(ITEMS[0], status="超额完成"))
    assert counts(tree, 2) == (1, 1) and counts(tree, 1) == (2, 3)
    tree.update_item(dataclasses.replace(ITEMS[0], content="改了内容"))  # no status move
    assert counts(tree, 1) == (2, 3) and tree.node(ITEM, 10).record.content == "改了内容"
    assert counts(tree, 3) == (0, 1)  # a sibling branch is untouched
    assert tree.update_item(item(99, 1, "已完成")) == []  # not loaded: nothing to recount


def test_a_renamed_dimension_keeps_its_counts() -> None:
    tree = NodeTree(DIMENSIONS, ITEMS)
    node = tree.update_dimension(dataclasses.replace(DIMENSIONS[0], name="依法行政"))
    assert node is tree.node(DIMENSION, 1) and node.record.name == "依法行政"
    assert counts(tree, 1) == (2, 3)
    assert tree.update_dimension(dimension(99, "无")) is None


def test_lazy_counts_come_from_sql_until_the_items_are_attached() -> None:
    sql = {1: DimensionCounts(3, 2, 1), 2: DimensionCounts(1, 1, 1), 3: DimensionCounts(1, 1, 0)}
    tree = NodeTree.lazy(DIMENSIONS, sql)
    assert tree.items() == [] and counts(tree, 1) == (2, 3) and counts(tree, 2) == (1, 1)
    assert shown(tree) == [(DIMENSION, 1), (DIMENSION, 2), (DIMENSION, 3)]
    top = tree.node(DIMENSION, 1)
    assert top.unloaded_items == 3 and tree.has_children(tree.node(DIMENSION, 3))
    assert [n.record.id for n in tree.pending()] == [1, 2, 3]
    tree.attach(1, [r for r in ITEMS if r.dimension_id == 1])
    assert shown(tree, top) == [(ITEM, 11), (ITEM, 12), (ITEM, 14), (DIMENSION, 2)]
    assert counts(tree, 1) == (2, 3)  # attaching does not count twice
    tree.attach_all(ITEMS)  # the rest, from one list
    assert tree.pending() == [] and {r.id for r in tree.items()} == {10, 11, 12, 13, 14}
    assert shown(tree) == shown(NodeTree(DIMENSIONS, ITEMS))
    tree.update_item(dataclasses.replace(ITEMS[1], status="未完成"))
    assert counts(tree, 1) == (1, 3)


def test_the_filter_keeps_matching_items_with_their_dimensions() -> None:
    tree = NodeTree(DIMENSIONS, ITEMS)
    tree.set_filter({10})
    assert tree.filtered and tree.is_match(10) and not tree.is_match(11)
    assert shown(tree) == [(DIMENSION, 1), (DIMENSION, 2), (ITEM, 10)]
    assert tree.root.shown[0].shown[0].position == 0
    assert not tree.is_shown(tree.node(ITEM, 11)) and not tree.is_shown(tree.node(DIMENSION, 3))
    assert counts(tree, 1) == (2, 3)  # the counts are the whole framework's, not the matches'
    tree.set_filter({13, 14}, dimension_text="法治")  # a dimension's name matches too
    assert shown(tree) == [(DIMENSION, 1), (ITEM, 14), (DIMENSION, 2), (DIMENSION, 3), (ITEM, 13)]
    tree.set_filter(set())
    assert shown(tree) == [] and not tree.has_children(tree.root)
    tree.set_filter(None)
    assert not tree.filtered and shown(tree) == shown(NodeTree(DIMENSIONS, ITEMS))


def test_a_filtered_lazy_tree_does_not_show_fetched_items_until_refiltered() -> None:
    tree = NodeTree.lazy(DIMENSIONS, {1: DimensionCounts(3, 2, 1)})
    tree.set_filter({11})
    assert not tree.has_children(tree.node(DIMENSION, 1))  # no placeholder under a find
    tree.attach(1, [r for r in ITEMS if r.dimension_id == 1])
    assert shown(tree) == []
    tree.apply_filter()
    assert shown(tree) == [(DIMENSION, 1), (ITEM, 11)]


def test_a_found_tree_is_built_from_the_dimensions_alone() -> None:
    """A find over a lazy tree of 100,000 items walks the dimensions, never an item: its cost is
    the same at any size. Dimensions without matches below are left out; the counts stay the
    whole framework's; opening one fetches its matches."""
    for items in (10, 100_000):
        sql = {1: DimensionCounts(items, items, 1), 2: DimensionCounts(items, items, 0),
               3: DimensionCounts(items, items, items)}
        tree = NodeTree.found(DIMENSIONS, sql, {2: 7})
        assert tree.touched == len(DIMENSIONS)
        assert shown(tree) == [(DIMENSION, 1), (DIMENSION, 2)]
        assert counts(tree, 1) == (1, 2 * items) and tree.pruned and not tree.filtered
        leaf = tree.node(DIMENSION, 2)
        assert leaf.unloaded_items == 7 and tree.has_children(leaf)
        assert not tree.has_children(tree.node(DIMENSION, 3))
    tree.attach(2, [ITEMS[0]])  # the dimension's matches, fetched when it is opened
    assert shown(tree) == [(DIMENSION, 1), (DIMENSION, 2), (ITEM, 10)] and tree.is_match(10)
    named = NodeTree.found(DIMENSIONS, {}, {}, dimension_text="全面提升")
    assert shown(named) == [(DIMENSION, 3)]


def test_drops_and_drags() -> None:
    tree = NodeTree(DIMENSIONS, ITEMS)
    top, sub = tree.node(DIMENSION, 1), tree.node(DIMENSION, 2)
    assert tree.can_drop(ITEM, top) and tree.can_drop(DIMENSION, tree.root)
    assert not tree.can_drop(ITEM, tree.root)
    assert tree.drop_destination(ITEM, top, 1) == (1, 1)
    assert tree.drop_destination(ITEM, top, -1) == (1, 3)  # the end: after the items
    assert tree.drop_destination(DIMENSION, top, 4) == (1, 1)
    assert tree.drop_destination(DIMENSION, tree.root, 0) == (None, 0)
    assert dragged_rows([sub]) == [(DIMENSION, 2)]
    nodes = [tree.node(ITEM, 11), sub, tree.node(ITEM, 11), tree.node(ITEM, 14)]
    assert dragged_rows(nodes) == [(ITEM, 11), (ITEM, 14)]  # several rows move as items
