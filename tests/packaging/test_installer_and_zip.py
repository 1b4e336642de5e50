"""The installer script compiles (makensis, Debian's nsis) and carries the one version; the
portable zip is the folder plus portable.txt under a versioned top folder."""

from __future__ import annotations

import importlib.util
import os
import shutil
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from model.runtime.program import version

ROOT = Path(__file__).resolve().parents[2]


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_installer_script_compiles_with_the_version(tmp_path: Path) -> None:
    if shutil.which("makensis") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI installs nsis (dev.sh BUNDLE_PACKAGES)")
        pytest.skip("makensis is not installed (apt-get install nsis)")
    check = load("check_installer")
    payload = check.stand_in(tmp_path / "payload")
    out = tmp_path / "setup.exe"
    check.compile_installer(payload, out)
    data = out.read_bytes()
    assert data[:2] == b"MZ"  # a Windows executable
    assert f"{version()}\0".encode("utf-16-le") in data  # its version resource: pyproject's


def test_the_installer_is_per_user() -> None:
    script = (ROOT / "packaging" / "installer.nsi").read_text(encoding="utf-8")
    lines = [line.split(";")[0].strip() for line in script.splitlines()]
    assert "RequestExecutionLevel user" in lines
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_ID}"' in lines
    registry = [line for line in lines
                if line.startswith(("WriteReg", "DeleteReg", "ReadReg", "InstallDirRegKey"))]
    assert registry and all(" HKCU " in f"{line} " for line in registry)
    assert not [line for line in lines if "HKLM" in line or "$PROGRAMFILES" in line]
    assert "SetShellVarContext current" in lines


def test_the_portable_zip(tmp_path: Path) -> None:
    folder = tmp_path / "jixiao-zicha"
    (folder / "_internal" / "resources").mkdir(parents=True)
    (folder / "jixiao-zicha-cli").write_bytes(b"#!")
    (folder / "_internal" / "resources" / "header_words.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "portable.zip"
    entries = load("portable_zip").build_zip(folder, out, "jixiao-zicha-9.9.9")
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        note = archive.read("jixiao-zicha-9.9.9/portable.txt").decode("utf-8")
    assert entries == len(names)
    assert sorted(names) == ["jixiao-zicha-9.9.9/_internal/resources/header_words.json",
                             "jixiao-zicha-9.9.9/jixiao-zicha-cli", "jixiao-zicha-9.9.9/portable.txt"]
    assert "data" in note
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jixiao-zicha", "portable.zip"]
