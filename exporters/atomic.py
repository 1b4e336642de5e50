"""Write a file completely to a temporary name beside the target, then move it into place."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from exporters.errors import ExportError
from model.storage.disk import disk_message


def write_atomically(target: Path, write: Callable[[Path], None]) -> None:
    """write(temp_path) fills the temporary file; only a complete file replaces target."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"目标文件夹“{folder}”不存在。")
    if _is_database(target):  # the last guard for every export, whoever forgot the first
        raise ExportError(f"“{target}”是一个数据库文件，导出文件不会覆盖它；请换一个文件名。")
    try:
        handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".~{target.stem}-",
                                             suffix=target.suffix)
    except OSError as exc:
        raise ExportError(f"无法在文件夹“{folder}”中写入（只读或没有权限）：{exc.strerror}。") from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        try:
            write(temp)
            _fsync(temp)
            _normal_permissions(temp)
        except OSError as exc:  # a full disk or a USB stick pulled out: the old file stays
            raise ExportError(disk_message(exc, folder) + "原文件未改动。") from exc
        try:
            os.replace(temp, target)
        except OSError as exc:
            raise ExportError(
                f"无法替换“{target}”：文件可能正被 Word/Excel/WPS 打开或为只读，请关闭后重试。"
                f"原文件未改动。（{exc.strerror}）") from exc
    finally:
        temp.unlink(missing_ok=True)


def _is_database(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:  # missing, a directory, unreadable: not a database to protect here
        return False


def _normal_permissions(path: Path) -> None:
    """mkstemp makes files only their owner may read (0600): give the finished file the
    permissions any new file of the user gets (0666 less the umask)."""
    mask = os.umask(0o022)
    os.umask(mask)
    os.chmod(path, 0o666 & ~mask)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())
