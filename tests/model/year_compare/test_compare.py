"""compare: this year's items against last year's, on two years with known differences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from main import main
from model.errors import ValidationError
from model.services import Services
from model.year_compare.compare import compare
from model.year_compare.figures import common_figures
from model.year_compare.previous import choose_previous, previous_assessment
from tests.model.year_compare.two_years import build


def test_figures_next_to_the_same_words() -> None:
    assert common_figures("完成率 95%，检查120次。", "检查150次，完成率92%。") == [
        ("检查", "120次", "150次"), ("完成率", "95%", "92%")]
    assert common_figures("急救呼叫满足率提高到97%以上", "急救呼叫满足率达到98%") == [
        ("急救呼叫满足率", "97%", "98%")]
    assert common_figures("2022年完成5项", "2023年完成6项") == [("完成", "5项", "6项")]
    assert common_figures("完成率95%", "建成医院3家") == []


@pytest.mark.parametrize("copy", [True, False])
def test_compare_finds_what_changed(services: Services, copy: bool) -> None:
    last_id, this_id = build(services, copy=copy)
    assert previous_assessment(services.db, this_id) == last_id  # the copy's source, or the year before
    result = compare(services.db, this_id, last_id).as_json()
    assert result["counts"] == {"new": 1, "dropped": 1, "unchanged_text": 1, "changed": 2}
    rows = {r["content"]: r for r in result["items"]}
    assert [r["seq"] for r in result["items"]] == [1, 2, 3, 4, None]
    law = rows["严格行政执法"]
    assert law["numbers"] == [{"label": "全年开展执法检查", "last": "120次", "this": "150次"},
                              {"label": "完成率", "last": "95%", "this": "92%"},
                              {"label": "立案查处违法案件", "last": "36件", "this": "40件"}]
    assert rows["接诉即办"]["numbers"] == [{"label": "满意率", "last": "98%", "this": "98%"}]
    assert rows["推进普法宣传"]["similarity"] == 1.0
    assert 0.6 < rows["接诉即办"]["similarity"] < 1.0
    assert rows["推进智慧医疗"]["last_result"] == "" and rows["推进智慧医疗"]["similarity"] is None
    assert rows["冬奥服务保障"]["this_result"] == "" and rows["冬奥服务保障"]["seq"] is None


def test_the_clerks_choice_comes_first_and_is_kept(services: Services) -> None:
    last_id, this_id = build(services, copy=False)
    other = services.assessments.create("别的单位", 2020).id
    choose_previous(services.db, this_id, other)
    assert previous_assessment(services.db, this_id) == other
    choose_previous(services.db, this_id, None)
    assert previous_assessment(services.db, this_id) == last_id
    with pytest.raises(ValidationError):
        choose_previous(services.db, this_id, this_id)
    assert previous_assessment(services.db, other) is None


def test_compare_on_the_command_line(services: Services, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    _last_id, this_id = build(services, copy=True)
    db = str(tmp_path / "test.db")
    services.close()
    assert main(["compare", "--db", db, "--assessment", str(this_id)]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert set(printed) == {"items", "counts"}
    assert set(printed["items"][0]) == {"seq", "content", "last_result", "this_result",
                                        "similarity", "numbers"}
    assert main(["compare", "--db", db, "--assessment", "999"]) == 2
