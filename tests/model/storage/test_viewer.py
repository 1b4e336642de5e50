"""Opening evidence: a stored name never chooses where the copy goes, the folder is private and
new (not a fixed shared one), and programs or scripts are never opened."""

from __future__ import annotations

import stat
import tempfile
from pathlib import Path

import pytest

from model.storage.viewer import base_name, is_executable, private_folder, viewer_copy
from tests.model.storage.crafted import assert_decoys_untouched, decoys


@pytest.mark.parametrize(("stored_name", "expected"), [
    ("/etc/passwd", "passwd"),
    ("../../x.pdf", "x.pdf"),
    ("..\\..\\Windows\\win.ini", "win.ini"),
    ("C:\\Users\\clerk\\工资表.xlsx", "工资表.xlsx"),
    ("..", "fallback"),
    ("", "fallback"),
    ("报告\u202efdp.exe", "报告fdp.exe"),
    ("a\x00b.pdf", "ab.pdf"),
])
def test_only_a_safe_base_name_is_used(stored_name: str, expected: str) -> None:
    assert base_name(stored_name, "fallback") == expected


@pytest.mark.parametrize("name", ["setup.exe", "run.BAT", "a.cmd", "x.com", "s.scr", "j.js",
                                  "v.vbs", "p.ps1", "l.lnk", "install.sh", "报告.pdf.exe",
                                  "x.desktop", "trailing.exe. "])
def test_programs_and_scripts_are_recognised(name: str) -> None:
    assert is_executable(name)


@pytest.mark.parametrize("name", ["报告.pdf", "表.xlsx", "图.jpg", "说明.txt", "文件.ofd"])
def test_documents_are_opened(name: str) -> None:
    assert not is_executable(name)


def test_the_copy_goes_into_a_private_folder_and_leaves_the_clerks_files(tmp_path: Path) -> None:
    decoy = decoys(tmp_path / "clerk")
    stored = tmp_path / "stored"
    stored.write_bytes(b"evidence")
    secret = next(p for p in decoy if p.name == "secret.txt")
    copy = viewer_copy(stored, str(secret))  # a hostile row naming the clerk's file
    assert copy.name == "secret.txt" and copy.read_bytes() == b"evidence"
    assert copy.parent.parent == private_folder()
    assert private_folder().parent == Path(tempfile.gettempdir())
    assert private_folder().name != "jixiao-zicha-open"  # not the fixed shared name
    assert stat.S_IMODE(private_folder().stat().st_mode) == 0o700
    assert_decoys_untouched(decoy)
    again = viewer_copy(stored, "../secret.txt")
    assert again != copy and again.parent.parent == private_folder()
