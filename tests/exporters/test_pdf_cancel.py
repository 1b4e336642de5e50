"""Cancelling a PDF while LibreOffice converts: LibreOffice and everything it started end, no
temporary file or profile is left, and the file already at the target stays as it was."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest

from exporters.errors import ExportCancelled
from exporters.formats.summary_word import write_summary
from exporters.pdf import convert
from model.services import Services
from tests.exporters.rendering import require_tools


def libreoffice_processes(marker: str) -> list[str]:
    """The command lines of running processes that mention marker (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                state = next(line for line in (entry / "status").read_text().splitlines()
                             if line.startswith("State:"))
            except (OSError, StopIteration):
                continue  # ended meanwhile
            if marker in command and "zombie" not in state:
                found.append(command)
    return found


def test_cancel_ends_libreoffice_and_leaves_the_old_file(
        demo: Services, demo_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_tools()
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # every temporary file of ours in sight
    source = tmp_path / "source" / "取消测试总结.docx"
    source.parent.mkdir()
    write_summary(demo.db, demo_id, source, attach_table=True)
    target_folder = tmp_path / "out"
    target_folder.mkdir()
    target = target_folder / "总结.pdf"
    target.write_bytes(b"last week's PDF")
    seen: list[float] = []

    def cancelled() -> bool:
        """Cancel once LibreOffice itself runs (its soffice.bin on this very file)."""
        if not seen and any("soffice.bin" in c for c in libreoffice_processes(str(source))):
            seen.append(time.monotonic())
        return bool(seen)

    with pytest.raises(ExportCancelled):
        convert(source, target, cancelled)
    assert seen, "LibreOffice never started"
    assert time.monotonic() - seen[0] < 5  # the clerk is not kept waiting
    assert libreoffice_processes(str(source)) == []
    assert target.read_bytes() == b"last week's PDF"
    assert [p.name for p in target_folder.iterdir()] == ["总结.pdf"]
    assert list(temp.iterdir()) == []
