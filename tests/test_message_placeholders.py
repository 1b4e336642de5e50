"""No message shows an unfilled placeholder ("{period_label}完成情况描述"): every template the app
fills (layout titles and headers, finance subtitles) rendered for every period, every Chinese
text in the code that looks like a template checked to be an f-string, and the refusal that
showed one (issue 27)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from exporters.errors import ExportError
from exporters.xlsx_table import export_xlsx
from model.finance.layouts import load_finance_layout
from model.report.build import report_of
from model.report.layouts import PERIOD_LABELS, layout_names, load_layout
from model.services import Services
from tests import code_trees

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_.]*(![rsa])?(:[^{}]*)?\}")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("name", layout_names())
@pytest.mark.parametrize("period", list(PERIOD_LABELS))
def test_every_layout_renders_its_title_and_headers(name: str, period: str) -> None:
    layout = load_layout(name)
    title = layout.format_title(table_title="表", unit="单位", year=2024, period=period, total=3)
    for text in (title, *layout.headers(period)):
        assert not PLACEHOLDER.search(text), (name, period, text)


def test_every_finance_subtitle_renders() -> None:
    for path in sorted((ROOT / "resources" / "layouts" / "finance").glob("*.json")):
        layout = load_finance_layout(path.stem)
        assert not PLACEHOLDER.search(layout.subtitle.format(year=2024)), path.name


def test_no_chinese_text_in_the_code_is_a_template_left_unfilled() -> None:
    """A plain string holding "{name}" next to Chinese is a message that lost its f prefix."""
    found = []
    for folder in ("model", "exporters", "importers", "cli", "gui"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            nodes = code_trees.nodes(path)
            in_fstrings = {id(v) for node in nodes if isinstance(node, ast.JoinedStr)
                           for v in node.values}
            docstrings = {id(node.body[0].value) for node in nodes
                          if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                          and node.body and isinstance(node.body[0], ast.Expr)}
            not_messages = in_fstrings | docstrings
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:60]}"
                      for node in nodes
                      if isinstance(node, ast.Constant) and isinstance(node.value, str)
                      and id(node) not in not_messages
                      and PLACEHOLDER.search(node.value) and CJK.search(node.value)]
    assert not found


@pytest.mark.parametrize("period", list(PERIOD_LABELS))
def test_the_refusal_of_an_oversized_cell_names_the_column_as_shown(services: Services,
                                                                    tmp_path: Path,
                                                                    period: str) -> None:
    a = services.assessments.create("单位", 2024, title="表", period=period)
    dim = services.dimensions.create(a.id, "维度")
    services.items.create(dim.id, content="事项", result="长" * 32_768)
    header = f"{PERIOD_LABELS[period]}完成情况描述"
    with pytest.raises(ExportError) as refused:
        export_xlsx(report_of(services.db, a.id), load_layout("tasks"), tmp_path / "t.xlsx")
    assert f"“{header}”" in refused.value.message and "{" not in refused.value.message
    assert not (tmp_path / "t.xlsx").exists()
