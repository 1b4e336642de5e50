"""Test helpers: render a .docx with LibreOffice headless and read the PDF back with poppler."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

FONTS_CONF = Path(__file__).with_name("fonts") / "fonts.conf"


def require_tools() -> None:
    """Skip on a developer machine without LibreOffice; in CI a missing tool is a failure."""
    missing = [t for t in ("soffice", "pdftotext") if shutil.which(t) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (see dev.sh)")
        pytest.skip(f"not installed: {missing}")


# One conversion at a time on this machine (several test runs may share it), after the font cache
# for our alias file is built: a first conversion racing fontconfig's cache build laid out differently.
LOCK_FILE = Path(tempfile.gettempdir()) / "zicha-render.lock"
_fonts_cached = False


def _cache_fonts(env: dict[str, str]) -> None:
    global _fonts_cached
    if not _fonts_cached and shutil.which("fc-cache"):
        subprocess.run(["fc-cache"], env=env, check=False, capture_output=True, timeout=240)
    _fonts_cached = True


def render_pdf(document: Path, out_dir: Path) -> Path:
    require_tools()
    env = {**os.environ, "FONTCONFIG_FILE": str(FONTS_CONF)}
    profile = (out_dir / "lo-profile").as_uri()  # a private profile per conversion
    with LOCK_FILE.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        _cache_fonts(env)
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                        "pdf", "--outdir", str(out_dir), str(document)], check=True, env=env,
                       capture_output=True, timeout=240)
    pdf = out_dir / (document.stem + ".pdf")
    assert pdf.exists(), "LibreOffice wrote no PDF"
    return pdf


@dataclass(frozen=True)
class Line:
    page: int
    top: float
    left: float
    right: float
    text: str


def pdf_lines(pdf: Path) -> list[Line]:
    """Every text line of the PDF with its page and position (pdftotext -bbox-layout)."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    lines: list[Line] = []
    for page_number, page in enumerate(xml.split("<page ")[1:], start=1):
        pattern = r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>(.*?)</line>'
        for match in re.finditer(pattern, page, re.S):
            words = re.findall(r">([^<]*)</word>", match.group(4))
            lines.append(Line(page_number, float(match.group(2)), float(match.group(1)),
                              float(match.group(3)), "".join(words)))
    return lines


def printed_rows(lines: list[Line], page: int, below: float = 0, above: float = 1e9) -> list[str]:
    """The printed rows of a page, top to bottom. pdftotext splits one printed row into several
    lines where fonts mix (Times digits beside CJK glyphs sit a little higher or lower), so lines
    whose tops lie within 6 pt are one row."""
    tops = sorted((line.top, line.left, line.text) for line in lines
                  if line.page == page and below <= line.top <= above)
    rows: list[list[tuple[float, str]]] = []
    last_top = -100.0
    for top, left, text in tops:
        if top - last_top > 6 or not rows:
            rows.append([])
        rows[-1].append((left, text))
        last_top = top
    return ["".join(text for _, text in sorted(row)) for row in rows]


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def pdf_words(pdf: Path) -> list[Line]:
    """Every word with its position: lines of neighbouring table cells can merge, words do not."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    words: list[Line] = []
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>'
    for page_number, page in enumerate(xml.split("<page ")[1:], start=1):
        for match in re.finditer(pattern, page):
            words.append(Line(page_number, float(match.group(2)), float(match.group(1)),
                              float(match.group(3)), match.group(4)))
    return words
