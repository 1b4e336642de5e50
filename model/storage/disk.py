"""Operating-system failures told in one Chinese line naming the folder (full disk, read-only…)."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from model.errors import ModelError

FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
LOW_SPACE = 256 * 1024


class DiskError(ModelError):
    """Writing or reading a file failed for a reason outside the program (disk, permissions)."""


def disk_message(exc: OSError, where: Path | str) -> str:
    """One line for exc while working in where (a file or folder)."""
    place = Path(where)
    folder = place if place.is_dir() else place.parent
    if exc.errno in FULL:
        return f"磁盘空间不足：文件夹“{folder}”所在的磁盘已满，请腾出空间后重试。"
    if exc.errno in READ_ONLY:
        return f"无法写入或读取“{place}”：只读或没有权限。"
    if exc.errno == errno.ENOENT:
        return f"“{exc.filename or place}”不存在。"
    if exc.errno == errno.EISDIR:
        return f"“{exc.filename or place}”是文件夹，不是文件。"
    if exc.errno == errno.ENOTDIR:
        return f"“{exc.filename or place}”的上级不是文件夹。"
    return f"无法读写“{exc.filename or place}”：{exc.strerror or exc}。"


def disk_error(exc: OSError, where: Path | str) -> DiskError:
    return DiskError(disk_message(exc, where))


def low_on_space(folder: Path) -> bool:
    """Less room left than SQLite needs to open a WAL database (its -shm) or write a page."""
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE
    except OSError:
        return False


def sqlite_disk_message(exc: BaseException, where: Path | str) -> str | None:
    """The one line for an SQLite error that is really a disk problem; None otherwise."""
    text = str(exc).lower()
    place = Path(where)
    full = "disk i/o error" in text and low_on_space(place.absolute().parent)
    if full or "disk is full" in text or "database or disk is full" in text:
        return f"磁盘空间不足：文件夹“{place.parent}”所在的磁盘已满，请腾出空间后重试。"
    if "readonly database" in text or "read-only" in text:
        return f"数据库“{place}”是只读的（或所在文件夹只读），无法写入。"
    if "unable to open database" in text:
        return f"无法打开数据库“{place}”（文件夹不存在或没有权限）。"
    return None
