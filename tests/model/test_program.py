"""The program's version (declared once) and where a portable copy keeps its data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from model.runtime.program import PORTABLE_MARKER, program_folder, version

ROOT = Path(__file__).resolve().parents[2]
WHERE = ("from model.storage.location import user_data_dir, default_database_path; "
         "print(user_data_dir()); print(default_database_path())")


def declared() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_version_is_the_one_in_pyproject() -> None:
    assert version() == declared() and version().count(".") == 2


def test_main_py_prints_the_version() -> None:
    done = subprocess.run([sys.executable, "main.py", "--version"], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"jixiao-zicha {declared()}\n", "")


def copy_of_the_program(tmp_path: Path) -> Path:
    """A copy of the code, run from source: its checkout is the program folder."""
    folder = tmp_path / "程序 folder"
    shutil.copytree(ROOT / "model", folder / "model",
                    ignore=shutil.ignore_patterns("__pycache__", "migrations"))
    shutil.copy(ROOT / "pyproject.toml", folder)
    return folder


def data_folders(folder: Path, home: Path) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "ZICHA_DATA_DIR"}
    env.update(XDG_DATA_HOME=str(home), HOME=str(home), LOCALAPPDATA=str(home))
    done = subprocess.run([sys.executable, "-c", WHERE], cwd=folder, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=60, check=True)
    return done.stdout.splitlines()


def test_a_portable_copy_keeps_its_data_beside_itself(tmp_path: Path) -> None:
    folder = copy_of_the_program(tmp_path)
    (folder / PORTABLE_MARKER).write_text("", encoding="utf-8")
    home = tmp_path / "home"
    assert data_folders(folder, home) == [str(folder / "data"), str(folder / "data" / "assessments.db")]
    assert (folder / "data").is_dir() and not home.exists()


def test_without_portable_txt_the_users_data_folder(tmp_path: Path) -> None:
    folder = copy_of_the_program(tmp_path)
    home = tmp_path / "home"
    [data, database] = data_folders(folder, home)
    assert Path(data).is_relative_to(home) and Path(data).name == "jixiao-zicha"
    assert Path(database) == Path(data) / "assessments.db"
    assert not (folder / "data").exists()


def test_a_folder_named_portable_txt_is_no_marker(tmp_path: Path) -> None:
    folder = copy_of_the_program(tmp_path)
    (folder / PORTABLE_MARKER).mkdir()
    assert Path(data_folders(folder, tmp_path / "home")[0]).is_relative_to(tmp_path / "home")


def test_run_from_source_the_program_folder_is_the_checkout() -> None:
    assert program_folder() == ROOT
