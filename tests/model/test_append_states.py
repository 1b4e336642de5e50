"""Imports into an existing assessment (model.framework.bulk.append_tree), in any order with the clerk's own
edits between them (a Hypothesis state machine): every accepted import adds exactly its items
after the ones already there, under the dimension of the same name (reused, never doubled); a
refused import (a bad status, too deep a framework, a bad name) changes nothing at all."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from model.errors import ModelError
from model.framework.bulk import append_tree
from model.services import Services
from tests.db_templates import demo_services

NAMES = ["全面依法", "全面提升", "新增维度", "法治政府建设", "其他"]
TEXTS = st.text(alphabet="推进落实完成情况项目年度AB1 ", min_size=1, max_size=12)
ITEM = st.fixed_dictionaries({"content": TEXTS}, optional={"result": TEXTS,
                                                           "status": st.sampled_from(["已完成", "不适用"])})


def nodes(depth: int) -> st.SearchStrategy[list[dict[str, Any]]]:
    child = st.fixed_dictionaries({"name": st.sampled_from(NAMES),
                                   "items": st.lists(ITEM, max_size=3)})
    if depth > 1:
        child = st.fixed_dictionaries({"name": st.sampled_from(NAMES),
                                       "items": st.lists(ITEM, max_size=2),
                                       "children": nodes(depth - 1)})
    return st.lists(child, min_size=1, max_size=2)


def dump(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        return {table: sorted(connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
                for table in ("assessment", "dimension", "check_item", "narrative_section")}
    finally:
        connection.close()


class AppendMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="append-state-"))
        self.path = self.folder / "a.db"
        self.services: Services = demo_services(self.path)
        self.assessment = self.services.assessments.list()[0].id
        self.expected = self._paths_and_contents()  # the model: (dimension path, contents in order)

    def teardown(self) -> None:
        self.services.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _paths_and_contents(self) -> dict[tuple[str, ...], list[str]]:
        dims = {d.id: d for d in self.services.dimensions.list(self.assessment)}

        def path(dim_id: int | None) -> tuple[str, ...]:
            names: list[str] = []
            while dim_id is not None:
                names.insert(0, dims[dim_id].name)
                dim_id = dims[dim_id].parent_id
            return tuple(names)

        found: dict[tuple[str, ...], list[str]] = {path(d): [] for d in dims}
        for item in self.services.items.list(self.assessment):
            found[path(item.dimension_id)].append(item.content)
        return found

    def _expect(self, tree: list[dict[str, Any]], above: tuple[str, ...] = ()) -> None:
        for node in tree:
            key = (*above, node["name"])
            self.expected.setdefault(key, []).extend(i["content"] for i in node["items"])
            self._expect(node.get("children", []), key)

    @rule(tree=nodes(3))
    def import_into(self, tree: list[dict[str, Any]]) -> None:
        added = append_tree(self.services.db, self.assessment, tree)
        before = sum(len(v) for v in self.expected.values())
        self._expect(tree)
        assert added == sum(len(v) for v in self.expected.values()) - before

    @rule(tree=nodes(2), poison=st.sampled_from(["status", "depth", "name", "field"]))
    def refused_import(self, tree: list[dict[str, Any]], poison: str) -> None:
        bad: dict[str, Any] = {"name": "新增维度", "items": [{"content": "x"}]}
        if poison == "status":
            bad["items"] = [{"content": "x", "status": "差不多"}]
        elif poison == "depth":
            bad = {"name": "甲", "children": [{"name": "乙", "children": [
                {"name": "丙", "children": [{"name": "丁", "items": [{"content": "太深"}]}]}]}]}
        elif poison == "name":
            bad["name"] = "   "
        else:
            bad["items"] = [{"content": "x", "no_such_field": "y"}]
        before = dump(self.path)
        try:
            append_tree(self.services.db, self.assessment, [*tree, bad])
        except ModelError:
            pass
        else:
            raise AssertionError(f"an import with a bad {poison} was taken")
        assert dump(self.path) == before

    @rule(data=st.data())
    def clerk_edits(self, data: st.DataObject) -> None:
        items = self.services.items.list(self.assessment)
        item = data.draw(st.sampled_from(items))
        self.services.items.update(item.id, result=data.draw(TEXTS), status="推进中")

    @invariant()
    def items_are_where_the_imports_put_them(self) -> None:
        found = self._paths_and_contents()
        assert {k: v for k, v in found.items() if v} == {k: v for k, v in self.expected.items() if v}
        names = [(d.parent_id, d.name) for d in self.services.dimensions.list(self.assessment)]
        assert len(names) == len(set(names)), "a dimension was doubled instead of reused"


AppendMachine.TestCase.settings = settings(max_examples=15, stateful_step_count=6, deadline=None,
                                           suppress_health_check=[HealthCheck.too_slow])
TestAppendStates = AppendMachine.TestCase
