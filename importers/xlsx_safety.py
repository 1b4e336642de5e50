"""Checks on a workbook before any of it is parsed: the right kind of file, sane sizes, no DTDs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl.xml

from importers.errors import ImportFileError, where
from model.input_files import not_a_regular_file

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
MAX_TOTAL_UNCOMPRESSED = 400 * 1024 * 1024
MAX_RATIO = 200  # uncompressed ÷ compressed, for parts over 1 MB
MAX_ENTRIES = 20_000
PROLOG_SCAN_BYTES = 64 * 1024


def require_defusedxml() -> None:
    """openpyxl parses through defusedxml only when it is installed: check, never assume."""
    if not openpyxl.xml.DEFUSEDXML:
        raise ImportFileError("安全组件 defusedxml 未安装或被禁用，为防止恶意文件，已停止导入。")


def check_xlsx(path: Path) -> str:
    """Refuse what is not a sound workbook before a byte of it is parsed; "xlsx", or "xls" for
    the old binary format (.xls, WPS .et), which xlrd reads."""
    require_defusedxml()
    require_regular_workbook(path)
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(OLE2_SIGNATURE):
        if _encrypted(path):
            raise ImportFileError(f"{where(path)}设有打开密码，请在 Excel/WPS 中取消密码后再导入。")
        return "xls"
    if not head.startswith(ZIP_SIGNATURE):
        if not head:
            raise ImportFileError(f"{where(path)}是空文件。")
        raise ImportFileError(f"{where(path)}不是 Excel 工作簿（.xlsx），可能是改了扩展名的其他文件。")
    try:
        with zipfile.ZipFile(path) as package:
            _check_entries(path, package)
    except zipfile.BadZipFile as exc:
        raise ImportFileError(f"{where(path)}已损坏或不完整（{exc}），请重新保存或重新拷贝。") from exc
    except (OSError, EOFError) as exc:
        raise ImportFileError(f"{where(path)}无法读取：{exc}") from exc
    except ImportFileError:
        raise
    except Exception as exc:  # zlib errors, unsupported compression…: a damaged file all the same
        raise ImportFileError(f"{where(path)}已损坏（{type(exc).__name__}），请重新保存或重新拷贝。") from exc
    return "xlsx"


def require_regular_workbook(path: Path) -> None:
    """Before a byte is read: a FIFO, a device or a folder is refused with the reason."""
    problem = not_a_regular_file(path, "Excel 工作簿文件")
    if problem is not None:
        raise ImportFileError(problem)


def _encrypted(path: Path) -> bool:
    """An encrypted .xlsx is an OLE2 file holding these streams."""
    with open(path, "rb") as handle:
        data = handle.read(4 * 1024 * 1024)
    return "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data


def _check_entries(path: Path, package: zipfile.ZipFile) -> None:
    entries = package.infolist()
    if len(entries) > MAX_ENTRIES:
        raise ImportFileError(f"{where(path)}包含的部件过多（{len(entries)} 个），疑似恶意文件。")
    names = {e.filename for e in entries}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise ImportFileError(f"{where(path)}不是 Excel 工作簿（缺少工作簿部件）。")
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if total > MAX_TOTAL_UNCOMPRESSED or (entry.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise ImportFileError(
                f"{where(path)}解压后异常巨大（部件“{entry.filename}”），疑似“压缩炸弹”，已拒绝。")
    for entry in entries:
        if entry.filename.endswith((".xml", ".rels", ".vml")):
            _check_prolog(path, package, entry)


def _check_prolog(path: Path, package: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """A DTD can only stand before the root element: refuse any, so no entity is ever defined."""
    with package.open(entry) as stream:
        head = stream.read(PROLOG_SCAN_BYTES)
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head or _utf16_dtd(head):
        raise ImportFileError(
            f"{where(path)}的部件“{entry.filename}”含有 DTD/实体声明，可能是恶意文件，已拒绝。")


def _utf16_dtd(head: bytes) -> bool:
    if head[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        return False
    text = head.decode("utf-16", errors="ignore")
    return "<!DOCTYPE" in text or "<!ENTITY" in text
