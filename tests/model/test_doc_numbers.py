"""文号 are normalised to the official brackets when evidence is stored."""

from __future__ import annotations

import pytest

from model.services import Services
from model.text.doc_numbers import normalize_doc_no


@pytest.mark.parametrize("typed", ["京卫医[2021]36号", "京卫医(2021)36号", "京卫医【2021】36号",
                                   "京卫医（2021）36号", "京卫医 〔 2021 〕 36号", "京卫医［2021］36号"])
def test_year_brackets_become_official(typed: str) -> None:
    assert normalize_doc_no(typed) == "京卫医〔2021〕36号"


def test_stored_normalised(demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    note = demo.evidence.add_note(item.id, "通知", doc_no="京卫医[2021]36号")
    assert note.doc_no == "京卫医〔2021〕36号"
