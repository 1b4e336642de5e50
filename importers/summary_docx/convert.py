"""A .doc / .wps / .rtf / .odt as a .docx, converted by the program the PDF export uses (Word or WPS
on Windows, else LibreOffice); the original is never touched."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from exporters.errors import ExportCancelled
from exporters.pdf import TIMEOUT_SECONDS, _com_app, find_soffice, run_soffice
from importers.errors import ImportCancelled, ImportFileError, where

CONVERTED_SUFFIXES = (".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot")
WD_FORMAT_DOCX = 16
MISSING = ("读取 .doc/.wps/.rtf/.odt 需要转换程序：请安装 LibreOffice（https://zh-cn.libreoffice.org，"
           "安装后 soffice 可用），或在 Windows 上安装 Microsoft Word 或 WPS Office；"
           "也可以先在 Word/WPS 中另存为 .docx 再导入。")


def converted_docx(source: Path, folder: Path,
                   cancelled: Callable[[], bool] | None = None) -> Path:
    """source converted to a .docx inside folder (a temporary folder of the caller); cancelled()
    true stops LibreOffice (ImportCancelled)."""
    com = _com_app() if sys.platform == "win32" else None
    soffice = find_soffice()
    if com is None and soffice is None:
        raise ImportFileError(MISSING)
    copy = folder / ("source" + source.suffix.lower())  # a plain name: soffice and COM both like it
    shutil.copyfile(source, copy)
    target = folder / "source.docx"
    if com is not None:
        _with_com(com[0], copy, target)
    elif soffice is not None:
        _with_soffice(soffice, source, copy, folder, cancelled)
    if not target.is_file():
        raise ImportFileError(f"{where(source)}无法转换为 .docx，请在 Word/WPS 中另存为 .docx 后再导入。")
    return target


def _with_soffice(soffice: str, source: Path, copy: Path, folder: Path,
                  cancelled: Callable[[], bool] | None) -> None:
    try:
        done = run_soffice(soffice, "docx:MS Word 2007 XML", copy, folder, cancelled)
    except ExportCancelled as exc:
        raise ImportCancelled() from exc
    except subprocess.TimeoutExpired as exc:
        raise ImportFileError(f"{where(source)}：LibreOffice 转换超时（{TIMEOUT_SECONDS} 秒）。") from exc
    except OSError as exc:
        raise ImportFileError(f"无法启动 LibreOffice（{soffice}）：{exc.strerror}。") from exc
    if done.returncode != 0:
        raise ImportFileError(f"{where(source)}：LibreOffice 无法读取此文件，可能已损坏或不是 Word 文档。")


def _with_com(prog_id: str, copy: Path, target: Path) -> None:
    import win32com.client

    app = win32com.client.DispatchEx(prog_id)
    try:
        app.Visible = False
        document = app.Documents.Open(str(copy.resolve()), ReadOnly=True, ConfirmConversions=False)
        try:
            document.SaveAs2(str(target.resolve()), FileFormat=WD_FORMAT_DOCX)
        finally:
            document.Close(False)
    except Exception as exc:  # COM errors carry the application's own text
        raise ImportFileError(f"{prog_id} 无法转换“{copy.name}”：{exc}") from exc
    finally:
        app.Quit()
