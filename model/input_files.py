"""The one check before a file from outside is opened: it must be a regular file. A FIFO would
block the read forever, a device (/dev/zero) never end it, a folder is no file."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def not_a_regular_file(path: Path | str, what: str = "文件") -> str | None:
    """Why path cannot be read as a file, as a sentence naming it; None for a regular file
    (a link is followed: what counts is what it points to)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return f"{what}“{path}”不存在。"
    except OSError as exc:
        return f"无法读取{what}“{path}”：{exc.strerror or exc}。"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return f"“{path}”是文件夹，不是{what}。"
    if stat.S_ISFIFO(mode):
        return f"“{path}”是命名管道（FIFO），不是普通文件，不能作为{what}（读取会一直等待）。"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return f"“{path}”是设备，不是普通文件，不能作为{what}。"
    if stat.S_ISSOCK(mode):
        return f"“{path}”是套接字，不是普通文件，不能作为{what}。"
    return f"“{path}”不是普通文件，不能作为{what}。"
