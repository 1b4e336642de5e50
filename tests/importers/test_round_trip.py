"""Export then import gives back the same dimensions, items and texts (after the same cleaning)."""

from __future__ import annotations

import openpyxl
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from exporters.xlsx_table import export_xlsx
from exporters.xmltext import clean
from importers.cell_text import clean_text
from importers.xlsx_table import read_table
from model.framework.bulk import create_assessment_tree
from model.report.build import report_of
from model.report.layouts import load_layout
from model.text.rules import clean_line
from tests.db_templates import empty_services

# Any Unicode a clerk could paste (lone surrogates cannot even be stored), control characters
# included, so that the cleaning is exercised.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


def cleaned(text: str) -> str:
    """What survives export (XML-invalid characters removed) then import (control characters
    removed, one-character lines joined as vertical text, spaces around trimmed)."""
    return clean_text(clean(text)[0])[0].strip()


def one_line(text: str) -> str:
    """A dimension name is a one-line field: the database keeps it on one line; the import then
    cleans it like any cell."""
    return cleaned(clean_line(text))


NAME = TEXT.filter(lambda s: cleaned(s) != "")
# Extra named fields kept from a clerk's table: exported in their own columns, read back as such.
EXTRAS = st.dictionaries(st.sampled_from(["具体做法", "联系电话", "佐证材料"]), TEXT, max_size=3)


def item_row(path: tuple[str, ...], item: dict) -> tuple:
    extras = {k: cleaned(v) for k, v in item.get("extras", {}).items() if cleaned(v)}
    own = {"owner": one_line(item.get("owner", "")), "note": cleaned(item.get("note", ""))}
    return (path, cleaned(item["content"]), cleaned(item["result"]), own, extras)


@st.composite
def frameworks(draw: st.DrawFn) -> list[dict]:
    item = st.fixed_dictionaries({"content": NAME, "result": TEXT},
                                 optional={"owner": TEXT, "note": TEXT, "extras": EXTRAS})
    tops = []
    for name in draw(st.lists(NAME, min_size=1, max_size=3, unique_by=one_line)):
        # A sub-dimension named like its parent collapses into it on import (clerks' tables
        # repeat a category in two columns), so the generated ones differ from their parent.
        child_names = st.lists(NAME.filter(lambda s, top=name: one_line(s) != one_line(top)),
                               max_size=2, unique_by=one_line)
        children = [{"name": child, "items": draw(st.lists(item, min_size=1, max_size=3))}
                    for child in draw(child_names)]
        own = draw(st.lists(item, min_size=0 if children else 1, max_size=3))
        tops.append({"name": name, "items": own, "children": children})
    return tops


def expected_rows(dimensions: list[dict]) -> list[tuple]:
    rows = []
    for top in dimensions:
        rows += [item_row((one_line(top["name"]),), i) for i in top["items"]]
        for child in top["children"]:
            rows += [item_row((one_line(top["name"]), one_line(child["name"])), i)
                     for i in child["items"]]
    return rows


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory):
    """One database for all examples (each example adds its own assessment): migrations once."""
    folder = tmp_path_factory.mktemp("round-trip")
    services = empty_services(folder / "a.db")
    yield services, folder
    services.close()


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(dimensions=frameworks())
@example(dimensions=[{"name": "=0", "items": [{"content": "0", "result": ""}], "children": []}])
def test_selfcheck_round_trip(shared, dimensions: list[dict]) -> None:
    services, folder = shared
    assessment_id = create_assessment_tree(services.db, {
        "assessment": {"unit_name": "单位", "year": 2024, "title": "某某委2024年度自查表"},
        "dimensions": dimensions})
    out = folder / "t.xlsx"
    export_xlsx(report_of(services.db, assessment_id), load_layout("selfcheck"), out)
    table = read_table(out, "selfcheck")
    got = [(i.path, i.values.get("content", ""), i.values.get("result", ""),
            {k: i.values.get(k, "") for k in ("owner", "note")}, i.values.get("extras", {}))
           for i in table.items]
    assert got == expected_rows(dimensions)


def test_extra_fields_are_exported_in_their_own_columns_and_read_back(shared) -> None:
    services, folder = shared
    assessment_id = create_assessment_tree(services.db, {
        "assessment": {"unit_name": "单位", "year": 2024, "title": "某某委2024年度自查表"},
        "dimensions": [{"name": "全面依法", "items": [
            {"content": "事项一", "result": "已完成。", "owner": "张某",
             "extras": {"具体做法": "印发方案。", "督办意见": "按期办结"}},
            {"content": "事项二", "result": "推进中。", "extras": {"督办意见": "加快推进"}}]}]})
    out = folder / "extras.xlsx"
    export_xlsx(report_of(services.db, assessment_id), load_layout("selfcheck"), out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [c.value for c in sheet[2]] == ["考评维度", "考评内容", "自查内容", "落实情况", "责任人",
                                           "具体做法", "督办意见"]
    assert [c.value for c in sheet[4]][4:] == [None, None, "加快推进"]
    table = read_table(out)
    assert [i.values for i in table.items] == [
        {"content": "事项一", "result": "已完成。", "owner": "张某",
         "extras": {"具体做法": "印发方案。", "督办意见": "按期办结"}},
        {"content": "事项二", "result": "推进中。", "owner": "", "extras": {"督办意见": "加快推进"}}]


def test_literal_excel_escape_text_survives(shared) -> None:
    """"_x0041_" typed by a clerk is written escaped (as Excel does) and read back as typed."""
    services, folder = shared
    assessment_id = create_assessment_tree(services.db, {
        "assessment": {"unit_name": "单位", "year": 2024, "title": "某某委2024年度自查表"},
        "dimensions": [{"name": "维度_x0041_", "items": [{"content": "代码_x0041_保留", "result": ""}]}]})
    out = folder / "escape.xlsx"
    export_xlsx(report_of(services.db, assessment_id), load_layout("selfcheck"), out)
    [item] = read_table(out).items
    assert (item.path, item.values["content"]) == (("维度_x0041_",), "代码_x0041_保留")
