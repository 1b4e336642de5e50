"""Where a command may write: never onto the live database, its -wal/-shm/-journal or its
evidence folder, never onto a folder, and only into a folder that exists."""

from __future__ import annotations

import os
from pathlib import Path

from model.errors import ModelError

SIDECARS = ("", "-wal", "-shm", "-journal")


class TargetRefusedError(ModelError):
    """The output path named would destroy the clerk's data (or cannot be written at all)."""


def files_dir_for(path: Path) -> Path:
    """The content-addressed evidence folder that belongs to a database file."""
    return path.with_name(path.name + ".files")


def refuse_live_target(out: Path, database: Path | None) -> Path:
    """out, checked: not the database or anything that belongs to it; its folder exists."""
    out = Path(out)
    if not str(out).strip():
        raise TargetRefusedError("输出文件名为空。")
    target = _resolved(out)
    _refuse_live(out, target, database, "输出文件", "文件名")
    if out.is_dir():
        raise TargetRefusedError(f"“{out}”是文件夹，请给出文件名。")
    folder = target.parent
    if not folder.is_dir():
        raise TargetRefusedError(f"目标文件夹“{out.parent}”不存在。")
    return out


def refuse_live_folder(out: Path, database: Path | None) -> Path:
    """out, checked as a folder to write files into (hand-out workbooks): it exists, and it is
    not the evidence folder of the database or inside it."""
    out = Path(out)
    if not str(out).strip():
        raise TargetRefusedError("输出文件夹名为空。")
    _refuse_live(out, _resolved(out), database, "输出文件夹", "文件夹")
    if not out.is_dir():
        raise TargetRefusedError(f"输出文件夹“{out}”不存在。")
    return out


def _refuse_live(out: Path, target: Path, database: Path | None, what: str, other: str) -> None:
    if database is None:
        return
    live = _resolved(Path(database))
    protected = [Path(f"{live}{suffix}") for suffix in SIDECARS]
    store = files_dir_for(live)
    if target in protected or _same_file(out, Path(database)) or target == store \
            or store in target.parents:
        raise TargetRefusedError(
            f"{what}“{out}”就是正在使用的数据库“{database}”（或其附属文件、证明材料文件夹），"
            f"为避免覆盖数据，已停止；请换一个{other}。")


def _resolved(path: Path) -> Path:
    return Path(os.path.realpath(path.expanduser()))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)  # hard links too
    except OSError:
        return False
