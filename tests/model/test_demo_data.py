"""The demo assessment holds every row of seed 001's self-check table, under its dimensions."""

from __future__ import annotations

import re
from pathlib import Path

from model.services import Services

SEED = Path(__file__).resolve().parents[1] / "data" / "seeds" / "001_4f4462c77d8948a6.txt"


def _normal(text: str) -> str:
    """Compare ignoring punctuation width (the demo uses full-width punctuation throughout)."""
    table = str.maketrans(",;:()", "，；：（）")
    return re.sub(r"\s+", "", text.translate(table))


def seed_rows() -> list[list[str]]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("考评维度")) + 1
    rows = []
    for line in lines[start:]:
        cells = [c.strip().strip("|").strip() for c in line.split(" | ")]
        rows.append([c for c in cells if c])
    return [r for r in rows if r]


def test_every_seed_row_is_an_item_in_order(demo: Services, demo_id: int) -> None:
    items = demo.items.list(demo_id)
    rows = seed_rows()
    assert len(items) == len(rows) == 40
    for item, row in zip(items, rows, strict=True):
        content, result = row[-2], row[-1]
        assert _normal(item.content) == _normal(content)
        assert _normal(item.result) == _normal(result)


def test_dimensions_follow_the_seed(demo: Services, demo_id: int) -> None:
    dims = demo.dimensions.list(demo_id)
    assert [d.name for d in dims if d.level == 1] == ["全面依法", "全面提升", "全面优化"]
    by_id = {d.id: d for d in dims}
    paths = {i.content: [by_id[i.dimension_id].name] for i in demo.items.list(demo_id)}
    assert paths["行政执法规范与效能"] == ["法治政府建设"]
    assert paths["财政监督"] == ["财政效益"]
    headings = [d.report_heading for d in dims if d.report_heading]
    assert headings == ["强化责任担当，全面高效履职", "坚持依法行政，规范行政行为",
                        "优化政务服务，提升政务效能", "严格财务管理，提升财政效益"]


def test_the_demo_can_be_handed_out_to_its_departments(demo: Services, demo_id: int) -> None:
    """Every item has a 责任处室 judged from its content, a handful of departments in all."""
    by_content = {i.content: i.department for i in demo.items.list(demo_id)}
    assert all(by_content.values()) and 4 <= len(set(by_content.values())) <= 7
    assert by_content["深入推进依法行政，加快实现基本建成法治政府"] == "法规处"
    assert by_content["常态化疫情防控"] == "疾病预防控制处"
    assert by_content["预算执行"] == "财务处"
    assert by_content["推进智慧医疗惠民服务"] == "规划发展与信息化处"
    assert by_content["接诉即办"] == "办公室" and by_content["安全生产"] == "综合监督处"
