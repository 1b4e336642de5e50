"""The folder a hand-out writes into: created when missing, never one that already holds a
department's (perhaps returned, filled-in) workbook unless the clerk says to replace it."""

from __future__ import annotations

from pathlib import Path

from model.errors import ValidationError
from model.storage.targets import TargetRefusedError, refuse_live_folder


class HandoutFolderTaken(ValidationError):  # noqa: N818 — reads as what happened
    """The folder already holds workbooks of the names the hand-out would write."""

    def __init__(self, message: str, existing: list[str]) -> None:
        super().__init__(message)
        self.existing = existing


def existing_workbooks(out: Path, names: list[str]) -> list[str]:
    """The names among names that out already holds."""
    return [name for name in names if (Path(out) / name).exists()]


def prepare_folder(out: Path, database: Path | None, names: list[str], *,
                   replace: bool = False) -> Path:
    """out checked (never the database's own files or evidence folder), refused while it holds
    one of names (unless replace), then created when it does not exist."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise TargetRefusedError(f"“{out}”是文件，不是文件夹，未分发。")
    existing = _nearest_existing(out)
    refuse_live_folder(existing, database)  # a folder inside the evidence store is refused too
    if out.is_dir():
        refuse_live_folder(out, database)
        taken = existing_workbooks(out, names)
        if taken and not replace:
            shown = "、".join(taken[:5]) + (f" 等 {len(taken)} 个文件" if len(taken) > 5 else "")
            raise HandoutFolderTaken(
                f"文件夹“{out}”中已有 {shown}（可能是处室已交回、已填写的填报表），为避免覆盖，"
                "未分发；请换一个文件夹，或确需重新分发时加 --replace 替换。", taken)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TargetRefusedError(f"无法创建文件夹“{out}”：{exc.strerror or exc}。") from exc
    return out


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(".")
