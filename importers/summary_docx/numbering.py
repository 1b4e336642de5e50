"""Word's automatic numbering (numbering.xml): the number each list paragraph prints, rebuilt."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from exporters.numbering import chinese_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
         (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: restart after this level (1-based); None = any higher
    legal: bool = False  # w:isLgl: every level's number in Arabic digits ("1.1" under "一、")


@dataclass
class Numbering:
    """The document's list definitions and the counters of the lists read so far."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId → level → start
    counters: dict[str, list[int | None]] = field(default_factory=dict)  # by abstractNumId
    started: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str:
        """The next number of list num_id at level ilvl as printed ("一、", "（2）", "①"); "" for
        none, a bullet or a list the document does not define."""
        abstract_id = self.nums.get(num_id)
        levels = self.abstract.get(abstract_id or "")
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        counters = self.counters.setdefault(abstract_id or "", [None] * 9)
        if num_id not in self.started:  # a list restarted by its own start overrides
            self.started.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                if 0 <= lvl < 9:
                    counters[lvl] = start - 1
        level = levels[ilvl]
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or restart > ilvl:
                counters[deeper] = None
        if level.fmt in ("bullet", "none"):
            return ""
        text = level.text
        for lvl in range(ilvl, -1, -1):
            shown = levels.get(lvl, Level())
            value = counters[lvl] if counters[lvl] is not None else shown.start
            fmt = "decimal" if level.legal else shown.fmt
            text = text.replace(f"%{lvl + 1}", format_number(value or 0, fmt))
        return text


def format_number(n: int, fmt: str) -> str:
    """One counter in one of Word's number formats."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "chineseLegalSimplified", "ideographDigital", "taiwaneseCounting",
               "taiwaneseCountingThousand"):
        return chinese_number(n) if n > 0 else "〇"
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt == "ideographTraditional" and 1 <= n <= len(HEAVENLY):
        return HEAVENLY[n - 1]
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and n > 0:
        roman = _roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def parse_numbering(xml: bytes | None) -> Numbering:
    """The definitions of numbering.xml (None or unreadable: no lists)."""
    numbering = Numbering()
    if not xml:
        return numbering
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False, no_network=True,
                                                            huge_tree=False))
    except etree.XMLSyntaxError:
        return numbering
    for abstract in root.iter(f"{W}abstractNum"):
        levels: dict[int, Level] = {}
        for lvl in abstract.iter(f"{W}lvl"):
            levels[_int(lvl.get(f"{W}ilvl"), 0)] = _level(lvl)
        numbering.abstract[abstract.get(f"{W}abstractNumId") or ""] = levels
    for num in root.iter(f"{W}num"):
        num_id = num.get(f"{W}numId") or ""
        ref = num.find(f"{W}abstractNumId")
        numbering.nums[num_id] = ref.get(f"{W}val") or "" if ref is not None else ""
        for override in num.iter(f"{W}lvlOverride"):
            start = override.find(f"{W}startOverride")
            if start is not None:
                numbering.overrides.setdefault(num_id, {})[
                    _int(override.get(f"{W}ilvl"), 0)] = _int(start.get(f"{W}val"), 1)
    return numbering


def _level(lvl: etree._Element) -> Level:
    def val(tag: str) -> str | None:
        found = lvl.find(f"{W}{tag}")
        return None if found is None else found.get(f"{W}val")

    restart = val("lvlRestart")
    return Level(start=_int(val("start"), 1), fmt=val("numFmt") or "decimal",
                 text=val("lvlText") or "",
                 restart=None if restart is None else _int(restart, 0),
                 legal=lvl.find(f"{W}isLgl") is not None)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
