"""A stored evidence file handed to the system's viewer: a copy under a safe base name in a
private temporary folder of this user (never a shared fixed one another user could prepare);
programs and scripts are never opened, only shown in their folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath, PureWindowsPath

from model.storage.names import safe_name

# Opening these runs code (Windows, Linux desktops, macOS, office macros aside).
EXECUTABLE_SUFFIXES = {
    ".exe", ".bat", ".cmd", ".com", ".scr", ".pif", ".msi", ".msp", ".cpl", ".dll", ".sys",
    ".js", ".jse", ".vbs", ".vbe", ".wsf", ".wsh", ".ps1", ".psm1", ".psd1", ".hta", ".lnk",
    ".url", ".reg", ".inf", ".jar", ".sh", ".bash", ".zsh", ".csh", ".run", ".bin", ".desktop",
    ".appimage", ".deb", ".rpm", ".py", ".pyw", ".pl", ".rb", ".php", ".command", ".app",
    ".scpt", ".action", ".workflow", ".elf", ".out", ".ko", ".so",
}
_PRIVATE: dict[str, Path] = {}


def base_name(file_name: str | None, fallback: str) -> str:
    """Only the last component of a stored name, made safe (an absolute path or ../ gives way)."""
    raw = (file_name or "").replace("\x00", "")
    name = PureWindowsPath(PurePosixPath(raw).name).name.strip()
    if name in ("", ".", ".."):
        name = fallback
    stem, suffix = os.path.splitext(name)
    return safe_name(stem or fallback, suffix)


def is_executable(name: str) -> bool:
    """True for names whose opening would run something (checked on the final suffix)."""
    return os.path.splitext(name.rstrip(" .").lower())[1] in EXECUTABLE_SUFFIXES


def private_folder() -> Path:
    """This process's own temporary folder (created new, mode 0700), reused while it runs."""
    folder = _PRIVATE.get("open")
    if folder is None or not folder.is_dir():
        folder = Path(tempfile.mkdtemp(prefix="jixiao-zicha-open-"))
        _PRIVATE["open"] = folder
    return folder


def viewer_copy(stored: Path, file_name: str | None) -> Path:
    """A read-only copy of stored named like the original, in a fresh folder of its own."""
    folder = Path(tempfile.mkdtemp(dir=private_folder()))
    target = folder / base_name(file_name, stored.name)
    shutil.copyfile(stored, target)
    target.chmod(0o444)
    return target
