"""Dates as clerks type them (2021-03-05, 2021/3/5, 2021.3.5, 2021年3月5日) → ISO YYYY-MM-DD."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from model.errors import ValidationError

_PATTERNS = (
    re.compile(r"(\d{4})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})"),
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
ACCEPTED = "2021-03-05、2021/3/5、2021.3.5 或 2021年3月5日"


def parse_date(text: str) -> str:
    """The ISO form of a typed date ("" stays ""); refused with the forms that are accepted."""
    clean = unicodedata.normalize("NFKC", text or "").strip()  # full-width digits too
    if not clean:
        return ""
    for pattern in _PATTERNS:
        match = pattern.fullmatch(clean)
        if match:
            year, month, day = (int(part) for part in match.groups())
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                break
    raise ValidationError(f"日期“{text.strip()}”无效，可以写成 {ACCEPTED}。")
