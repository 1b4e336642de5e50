"""Where databases and logs live, and whether a path is on a network share."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from model.runtime.program import portable_data_dir
from model.storage.private import private_folder

APP_DIR_NAME = "jixiao-zicha"
DEFAULT_DB_NAME = "assessments.db"
# Filesystems on which SQLite's locking is unreliable (see sqlite.org/useovernet.html).
NETWORK_FS_TYPES = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "sshfs", "fuse.sshfs", "afs", "9p",
                    "davfs", "fuse.davfs2", "ncpfs", "glusterfs", "ceph", "fuse.rclone"}


def user_data_dir() -> Path:
    """The user's data folder: ZICHA_DATA_DIR when set (tests), <program folder>/data for a
    portable copy (a portable.txt beside the executables), else the platform's per-user folder."""
    override = os.environ.get("ZICHA_DATA_DIR")
    path = Path(override) if override else (
        portable_data_dir() or Path(platformdirs.user_data_dir(APP_DIR_NAME, False)))
    if override and path.is_dir():
        return path  # a folder the user chose and made (even /tmp): its modes are the user's
    return private_folder(path)  # 0700: the clerk's data, logs and backups are the clerk's


def default_database_path() -> Path:
    return user_data_dir() / DEFAULT_DB_NAME


def log_file_path() -> Path:
    return user_data_dir() / "error.log"


def is_network_path(path: Path) -> bool:
    """True when path lies on a network share (UNC path, mapped network drive, NFS/SMB mount)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        return _windows_drive_is_remote(path)
    return _mount_fs_type(path.resolve()) in NETWORK_FS_TYPES


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = path.resolve().drive
    if not drive:
        return False
    drive_remote = 4
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)  # type: ignore[attr-defined]


def _mount_fs_type(path: Path) -> str:
    """The filesystem type of the longest mount point containing path (Linux /proc/mounts)."""
    try:
        lines = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    best, fs_type = "", ""
    target = str(path)
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, fs_type = mount_point, parts[2]
    return fs_type
