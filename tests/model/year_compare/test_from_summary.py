"""Last year known only by its Word summary: compare, 体检 and the editor's last year still work."""

from __future__ import annotations

from pathlib import Path

from main import main
from model.report.review import review
from model.services import Services
from model.year_compare.compare import compare, last_year_items
from model.year_compare.previous import choose_previous
from tests.importers.summary_documents import seed_lines, typed_docx


def test_this_year_against_last_years_imported_summary(demo: Services, demo_id: int,
                                                       tmp_path: Path) -> None:
    summary = typed_docx(tmp_path / "2021.docx", "北京市卫生健康委员会2021年度工作总结",
                         seed_lines("001"))
    this = demo.assessments.copy_to_year(demo_id, 2022).id
    assert main(["import-docx", str(summary), "--db", str(demo.db.sqlite_path)]) == 0
    last = next(a.id for a in demo.assessments.list() if a.id not in (demo_id, this))
    assert demo.assessments.get(last).year == 2021 and demo.items.list(last) == []
    choose_previous(demo.db, this, last)
    items = {i.content: i for i in demo.items.list(this)}
    shown = last_year_items(demo.db, this)
    assert shown.year == 2021
    said = shown.items[items["接诉即办"].id].result
    assert said.startswith("成立“接诉即办”改革工作领导小组")
    demo.items.update(items["接诉即办"].id, result=said)  # this year's text is last year's
    demo.items.update(items["一网通办"].id, result="推行“一网通办”，全年办件12万件。")
    result = compare(demo.db, this, last).as_json()
    rows = {r["content"]: r for r in result["items"]}
    assert rows["接诉即办"]["similarity"] == 1.0
    assert result["counts"]["dropped"] == 0 and result["counts"]["unchanged_text"] >= 1
    copied = [p for p in review(demo, this) if p.kind == "copied_from_last_year"]
    assert [p.item for p in copied] == [items["接诉即办"].id]
    assert "2021年工作总结" in copied[0].message
