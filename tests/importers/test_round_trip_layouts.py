"""Any table the exporter writes imports back to the same items: every clerk layout, up to three
dimension levels (merged label columns), random texts, random extra columns (issue #26)."""

from __future__ import annotations

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporters.xlsx_table import export_xlsx
from importers.xlsx_table import read_table
from model.framework.bulk import create_assessment_tree
from model.report.build import report_of
from model.report.layouts import load_layout
from model.services import Services
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated
from tests.importers.test_round_trip import NAME, TEXT, cleaned, one_line

LAYOUTS = ("selfcheck", "tasks")
EXTRA_NAMES = ("具体做法", "联系电话", "佐证材料", "督办意见", "牵头领导", "资金来源")


@st.composite
def frameworks(draw: st.DrawFn, depth: int = 3) -> list[dict]:
    extras = st.dictionaries(st.sampled_from(EXTRA_NAMES), TEXT, max_size=3)
    item = st.fixed_dictionaries({"content": NAME, "result": TEXT},
                                 optional={"owner": TEXT, "note": TEXT, "extras": extras})
    used: set[str] = set()  # items of a table are distinct (a repeated text is a category)

    def items(minimum: int) -> list[dict]:
        found = []
        for one in draw(st.lists(item, min_size=minimum, max_size=3)):
            key = cleaned(one["content"])
            if key not in used:
                used.add(key)
                found.append(one)
        return found or [{"content": f"事项{len(used)}", "result": ""}] if minimum else found

    def level(parent: str, level_no: int) -> list[dict]:
        names = draw(st.lists(NAME.filter(lambda s: one_line(s) != parent), min_size=1,
                              max_size=2 if level_no > 1 else 3, unique_by=one_line))
        nodes = []
        for name in names:
            children = (level(one_line(name), level_no + 1)
                        if level_no < depth and draw(st.booleans()) else [])
            used.add(one_line(name))  # a name is never also an item's text
            nodes.append({"name": name, "items": items(0 if children else 1), "children": children})
        return nodes

    return level("", 1)


def expected(nodes: list[dict], path: tuple[str, ...] = ()) -> list[tuple]:
    rows = []
    for node in nodes:
        here = (*path, one_line(node["name"]))
        for item in node["items"]:
            extras = {k: cleaned(v) for k, v in item.get("extras", {}).items() if cleaned(v)}
            rows.append((here, cleaned(item["content"]), cleaned(item["result"]), extras))
        rows += expected(node["children"], here)
    return rows


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("round-trip-layouts")
    services = Services.over(open_sqlite(migrated(folder / "a.db")))
    yield services, folder
    services.close()


@pytest.mark.parametrize("layout", LAYOUTS)
@settings(max_examples=15, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_every_layout_round_trips(shared, layout: str, data: st.DataObject) -> None:
    """T1 with up to three levels (a third one gets its own merged column); T2 with the one level
    its official 主要职责 column shows."""
    dimensions = data.draw(frameworks(depth=3 if layout == "selfcheck" else 1))
    services, folder = shared
    assessment_id = create_assessment_tree(services.db, {
        "assessment": {"unit_name": "单位", "year": 2024, "title": "某某委2024年度自查表"},
        "dimensions": dimensions})
    out = folder / f"{layout}.xlsx"
    export_xlsx(report_of(services.db, assessment_id), load_layout(layout), out)
    headers = [c.value for c in openpyxl.load_workbook(out).worksheets[0][2] if c.value]
    assert len(headers) == len(set(headers))  # each extra column once
    table = read_table(out)
    got = [(i.path, i.values.get("content", ""), i.values.get("result", ""),
            i.values.get("extras", {})) for i in table.items]
    assert got == expected(dimensions)


def test_a_third_level_is_its_own_merged_column(shared) -> None:
    services, folder = shared
    assessment_id = create_assessment_tree(services.db, {
        "assessment": {"unit_name": "单位", "year": 2024, "title": "某某委2024年度自查表"},
        "dimensions": [{"name": "党建", "items": [], "children": [
            {"name": "组织建设", "items": [], "children": [
                {"name": "支部", "items": [{"content": "开展三会一课。", "result": "12次。"},
                                          {"content": "发展党员。", "result": "2名。"}]}]}]}]})
    out = folder / "three.xlsx"
    export_xlsx(report_of(services.db, assessment_id), load_layout("selfcheck"), out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [c.value for c in sheet[2]] == ["考评维度", "考评内容", "三级维度", "自查内容", "落实情况"]
    assert "C3:C4" in {str(r) for r in sheet.merged_cells.ranges}
    assert [i.path for i in read_table(out).items] == [("党建", "组织建设", "支部")] * 2
