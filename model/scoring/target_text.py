"""Reading an indicator's 年度指标值 / 实际完成值: direction, number and unit ("≥50个", "不超过90万元")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Direction words and signs, longest first so that "大于等于" wins over "大于".
DIRECTION_WORDS = (
    ("大于等于", "≥"), ("小于等于", "≤"), ("不低于", "≥"), ("不少于", "≥"), ("不小于", "≥"),
    ("至少", "≥"), ("达到", "≥"), ("不高于", "≤"), ("不超过", "≤"), ("不多于", "≤"),
    ("不大于", "≤"), ("至多", "≤"), ("等于", "="), ("大于", ">"), ("小于", "<"), ("高于", ">"),
    ("低于", "<"), (">=", "≥"), ("<=", "≤"), ("≧", "≥"), ("≦", "≤"), ("≥", "≥"), ("≤", "≤"),
    (">", ">"), ("<", "<"), ("=", "="),
)
# Words after the number that carry the direction: "95%以上", "3天以内".
SUFFIX_WORDS = (("及以上", "≥"), ("以上", "≥"), ("及以下", "≤"), ("以下", "≤"), ("以内", "≤"))
DIRECTIONS = ("≥", "≤", "=", ">", "<")
MAX_UNIT_CHARS = 6
MAX_NUMBER = 1e15  # beyond any count, amount or rate a form holds; a 400-digit one is Infinity
_NUMBER = re.compile(r"^([+-]?\d+(?:\.\d+)?)(.*)$")
_RANGE = re.compile(r"\d\s*[-~～—至到]\s*\d")
_TIME_WORDS = ("年", "月", "日", "前", "底", "季度")


@dataclass(frozen=True)
class Quantity:
    """A number with its direction (for a target) and its unit ("" when none was written)."""

    direction: str
    value: float
    unit: str


@dataclass(frozen=True)
class Reading:
    """What a target text says: a quantity, a qualitative wording, or nothing readable."""

    text: str
    quantity: Quantity | None = None
    qualitative: bool = False

    @property
    def unreadable(self) -> bool:
        return self.quantity is None and not self.qualitative


def normalise(text: str) -> str:
    """Full-width digits, signs and % to half-width (NFKC keeps ≥ ≤ as they are); no spaces."""
    folded = unicodedata.normalize("NFKC", text or "")
    return re.sub(r"\s+", "", folded).replace(",", "")


def read_target(text: str) -> Reading:
    """A target: "≥50个", "100%", "=100", "不超过90万元", "95%以上"; else qualitative or unreadable."""
    clean = normalise(text)
    if not clean:
        return Reading(text, None, False)
    quantity = parse_quantity(clean, default_direction="≥")
    if quantity is not None:
        return Reading(text, quantity)
    direction, rest = _strip_direction(clean)
    # "≥五十个" is a number badly written; "达到预期指标" is a qualitative target
    symbol = direction != "" and not ("\u4e00" <= clean[0] <= "\u9fff")
    signed = symbol or (direction != "" and rest[:1].isdigit())
    looks_numeric = signed or bool(_RANGE.search(clean)) or (
        clean[0].isdigit() and not any(word in clean for word in _TIME_WORDS))
    return Reading(text, None, qualitative=not looks_numeric)


def read_actual(text: str) -> Quantity | None:
    """An actual value as a number and unit ("52个", "98.5%"); a sign in front is ignored."""
    return parse_quantity(normalise(text), default_direction="=")


def number_too_large(text: str) -> bool:
    """The number a target or actual text starts with is beyond MAX_NUMBER (or not finite)."""
    match = _NUMBER.match(_strip_direction(normalise(text))[1])
    return match is not None and not abs(float(match.group(1))) <= MAX_NUMBER


def too_large_message(label: str, text: str) -> str:
    shown = text.strip() if len(text.strip()) <= 20 else text.strip()[:20] + "…"
    return f"{label}“{shown}”数值过大（不能超过 1000 万亿），请核对"


def parse_quantity(clean: str, *, default_direction: str) -> Quantity | None:
    direction, rest = _strip_direction(clean)
    match = _NUMBER.match(rest)
    if not match or not abs(float(match.group(1))) <= MAX_NUMBER:
        return None
    unit = match.group(2)
    for word, suffix_direction in SUFFIX_WORDS:
        if unit.endswith(word):
            unit = unit[: -len(word)]
            direction = direction or suffix_direction
            break
    if len(unit) > MAX_UNIT_CHARS or any(ch.isdigit() for ch in unit) or _has_sign(unit):
        return None
    return Quantity(direction or default_direction, float(match.group(1)), unit)


def units_match(target_unit: str, actual_unit: str) -> bool:
    """An actual written without a unit takes the target's; "个" matches "个乡镇"; 万元 ≠ 元."""
    if not actual_unit or not target_unit:
        return True
    return target_unit.startswith(actual_unit) or actual_unit.startswith(target_unit)


def format_number(value: float) -> str:
    """50.0 → "50", 95.5 → "95.5" (as a clerk writes it)."""
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _strip_direction(clean: str) -> tuple[str, str]:
    for word, direction in DIRECTION_WORDS:
        if clean.startswith(word):
            return direction, clean[len(word):]
    return "", clean


def _has_sign(unit: str) -> bool:
    return any(word in unit for word, _ in DIRECTION_WORDS)
