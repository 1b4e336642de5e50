"""The body's outline: headings (typed markers, Word numbers, bold one-liners, heading styles) and
the paragraphs under each, paragraphs split mid-sentence joined."""

from __future__ import annotations

from dataclasses import dataclass, field

from importers.summary_docx.markers import ends_sentence, enumerated_items, typed_marker
from importers.summary_docx.reader import Paragraph

MAX_HEADING = 40  # characters of a heading line (without its marker)
MAX_WRAPPED_TAIL = 12  # a heading wrapped onto a second line: at most this much on it


@dataclass
class Section:
    """One heading and the paragraphs under it (level 0: the text before the first heading)."""

    level: int
    marker: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    kind: str = ""  # how the heading was recognised: cn, paren_cn, arabic…, bold, style2

    def items(self, paragraph: str) -> list[str]:
        """The "一是…二是…" items of one of its paragraphs."""
        return enumerated_items(paragraph)

    def as_json(self) -> dict[str, object]:
        return {"level": self.level, "marker": self.marker, "heading": self.heading,
                "paragraphs": list(self.paragraphs)}


@dataclass(frozen=True)
class _Heading:
    kind: str
    marker: str
    heading: str
    run_in: str  # a paragraph that follows the heading on its own line ("1.标题。正文…")


def build_outline(paragraphs: list[Paragraph]) -> list[Section]:
    """Sections in document order; each heading's level fixed when its kind is first seen, one
    below the heading it first appears under."""
    sections: list[Section] = [Section(0, "", "")]
    level_of: dict[str, int] = {}
    open_levels: list[tuple[int, str]] = []  # (level, kind) of the headings we are inside
    last_was_heading = False
    for p in paragraphs:
        text = p.text.strip()
        if not text:
            continue
        heading = _heading(p, text)
        current = sections[-1]
        if heading is None:
            if last_was_heading and _wrapped_tail(current, text):
                current.heading += text
                last_was_heading = False
                continue
            if current.paragraphs and not ends_sentence(current.paragraphs[-1]) and not typed_marker(text):
                current.paragraphs[-1] += text  # a sentence split over two paragraphs
            else:
                current.paragraphs.append(text)
            last_was_heading = False
            continue
        if heading.kind not in level_of:
            parent = open_levels[-1][0] if open_levels else 0
            level_of[heading.kind] = parent + 1
        level = level_of[heading.kind]
        while open_levels and open_levels[-1][0] >= level:
            open_levels.pop()
        open_levels.append((level, heading.kind))
        section = Section(level, heading.marker, heading.heading, kind=heading.kind)
        if heading.run_in:
            section.paragraphs.append(heading.run_in)
        sections.append(section)
        last_was_heading = not heading.run_in and not ends_sentence(heading.heading)
    return sections if sections[0].paragraphs else sections[1:]


def _heading(p: Paragraph, text: str) -> _Heading | None:
    found = typed_marker(text)
    if p.heading_level is not None:  # a heading style or an outline level
        marker, rest = (found[1], found[2]) if found else ("", text)
        if found and found[0] == "bracket":
            marker, rest = "【】", rest.replace("】", "", 1)
        return _Heading(f"style{p.heading_level}", marker, rest.strip(), "")
    if found is not None:
        kind, marker, rest = found
        if kind == "bracket":
            close = rest.index("】")
            return _Heading(kind, marker, rest[:close].strip(), rest[close + 1:].strip())
        return _split_heading(kind, marker, rest.strip())
    if p.bold and len(text) <= MAX_HEADING and text[-1] not in "。；;":
        return _Heading("bold", "", text, "")
    return None


def _split_heading(kind: str, marker: str, rest: str) -> _Heading | None:
    """A marked line is a heading when short; "标题。正文…" is a heading run into its paragraph;
    a long first sentence is a numbered paragraph (its number stays in its text)."""
    if len(rest) <= MAX_HEADING and not any(c in rest[:-1] for c in "。！？!?；;"):
        return _Heading(kind, marker, rest.rstrip("。；;"), "")
    for stop in ("。", "：", ":", "！", "；"):
        cut = rest.find(stop)
        if 0 < cut <= MAX_HEADING:
            return _Heading(kind, marker, rest[:cut], rest[cut + 1:].strip())
    return None


def _wrapped_tail(section: Section, text: str) -> bool:
    """"保障" after "1.切实增强政治自觉，全力做好党的二十大和冬奥服务": the rest of the heading."""
    return (bool(section.heading) and not section.paragraphs and len(text) <= MAX_WRAPPED_TAIL
            and not any(c in text for c in "。，,；;：:！？") and not typed_marker(text))
