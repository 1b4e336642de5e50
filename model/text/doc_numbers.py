"""Official document numbers (文号) in their one correct form: 京卫医〔2021〕36号."""

from __future__ import annotations

import re

# The year in any bracket clerks type — [2021] (2021) （2021） 【2021】 〔2021〕 ［2021］ 〖2021〗 —
# becomes the official hexagonal brackets 〔〕 (GB/T 9704-2012 7.2.4).
_YEAR_IN_BRACKETS = re.compile(r"[\[(（【〔［〖{｛]\s*((?:19|20)\d{2})\s*[\])）】〕］〗}｝]")


def normalize_doc_no(text: str) -> str:
    text = re.sub(r"\s+", "", text or "")
    return _YEAR_IN_BRACKETS.sub(lambda m: f"〔{m.group(1)}〕", text)
