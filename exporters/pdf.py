"""PDF from a .docx or .xlsx with the first converter found: Word or WPS (COM, Windows), else
LibreOffice (soffice) anywhere. Offline; the target is replaced only by a complete PDF."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from exporters.atomic import write_atomically
from exporters.errors import ExportCancelled, ExportError

SOFFICE_NAMES = ("soffice", "libreoffice")
# Where the installers put soffice when it is not on PATH.
SOFFICE_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
COM_APPS = (("Word.Application", "Microsoft Word"), ("Kwps.Application", "WPS 文字"),
            ("wps.Application", "WPS 文字"))
TIMEOUT_SECONDS = 600
POLL_SECONDS = 0.1  # how often a running conversion looks whether the clerk cancelled it
STOP_GRACE_SECONDS = 3.0  # a cancelled LibreOffice's time to quit before it is killed
MAX_PARAGRAPH_CHARS = 50_000  # LibreOffice converts a paragraph this long in about 5 s
MAX_DOCUMENT_CHARS = 300_000  # and 400,000 characters in 40 paragraphs in about a minute
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WD_FORMAT_PDF = 17
MISSING = ("没有找到可把文档转换为 PDF 的程序：请安装 LibreOffice（https://zh-cn.libreoffice.org，"
           "安装后 soffice 可用），或在 Windows 上安装 Microsoft Word 或 WPS Office。")


def find_soffice() -> str | None:
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in SOFFICE_PLACES if Path(p).is_file()), None)


def converter_name() -> str | None:
    """The converter convert() would use, for the user to see; None when there is none."""
    com = _com_app() if sys.platform == "win32" else None
    if com is not None:
        return com[1]
    return "LibreOffice" if find_soffice() else None


def convert(source: Path, out: Path, cancelled: Callable[[], bool] | None = None) -> Path:
    """Write out (PDF) from source (.docx, or .xlsx with LibreOffice); cancelled() true stops
    the conversion (ExportCancelled) and leaves out as it was."""
    source, out = Path(source), Path(out)
    if source.suffix == ".docx":
        refuse_long_paragraphs(source)
    com = _com_app() if sys.platform == "win32" and source.suffix == ".docx" else None
    soffice = find_soffice()
    if com is None and soffice is None:
        raise ExportError(MISSING)

    def write(temp: Path) -> None:
        if com is not None:
            _convert_with_com(com[0], source, temp)
            if cancelled is not None and cancelled():  # Word cannot be stopped midway
                raise ExportCancelled()
        elif soffice is not None:  # always, without COM (refused above when neither is there)
            _convert_with_soffice(soffice, source, temp, cancelled)

    write_atomically(out, write)
    return out


def refuse_long_paragraphs(docx: Path) -> None:
    """Refuse up front a document with a paragraph over MAX_PARAGRAPH_CHARS (the converters'
    line breaking grows with the square of a paragraph's length: 200,000 characters take
    LibreOffice over a minute, 1,000,000 half an hour) or over MAX_DOCUMENT_CHARS in all."""
    from lxml import etree

    total = 0
    try:
        with zipfile.ZipFile(docx) as package, package.open("word/document.xml") as stream:
            for _event, paragraph in etree.iterparse(stream, tag=f"{W}p", huge_tree=True,
                                                     resolve_entities=False, no_network=True):
                text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
                if len(text) > MAX_PARAGRAPH_CHARS:
                    raise ExportError(
                        f"文档中有一段长 {len(text):,} 字（“{text[:12]}…”），超过转换 PDF 时单段 "
                        f"{MAX_PARAGRAPH_CHARS:,} 字的上限，未生成 PDF；请把这段分成几段后再导出，"
                        "或导出 Word 文档。")
                total += len(text)
                if total > MAX_DOCUMENT_CHARS:
                    raise ExportError(
                        f"文档超过 {MAX_DOCUMENT_CHARS:,} 字（约 200 页），超过转换 PDF 的上限，未生成 PDF；"
                        "请导出 Word 文档，再用 Word 或 WPS 另存为 PDF。")
                paragraph.clear()
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise ExportError(f"无法读取“{docx.name}”，未生成 PDF：{exc}") from exc


def run_soffice(soffice: str, convert_to: str, source: Path, outdir: Path,
                cancelled: Callable[[], bool] | None = None) -> subprocess.CompletedProcess[bytes]:
    """LibreOffice converting source into outdir, with a private profile (a running LibreOffice
    window of the user neither blocks nor sees it); raises TimeoutExpired or OSError, and
    ExportCancelled as soon as cancelled() says so: LibreOffice and every process it started
    are ended first, and its profile removed."""
    with tempfile.TemporaryDirectory(prefix="zicha-lo-") as work:
        profile = (Path(work) / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", convert_to, "--outdir", str(outdir), str(source)]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env=_env(), **_own_process_group())
        try:
            deadline = time.monotonic() + TIMEOUT_SECONDS
            while True:
                try:
                    out, err = process.communicate(timeout=POLL_SECONDS)
                except subprocess.TimeoutExpired:
                    if cancelled is not None and cancelled():
                        raise ExportCancelled() from None
                    if time.monotonic() > deadline:
                        raise subprocess.TimeoutExpired(command, TIMEOUT_SECONDS) from None
                else:
                    return subprocess.CompletedProcess(command, process.returncode, out, err)
        finally:
            if process.returncode is None:
                _end_process_group(process)


def _own_process_group() -> dict[str, Any]:
    """LibreOffice in a process group of its own, so that cancelling ends all of it (soffice
    starts oosplash and soffice.bin) and nothing of ours."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _end_process_group(process: subprocess.Popen[bytes]) -> None:
    """End LibreOffice and the processes it started: politely, then for good."""
    if sys.platform == "win32":
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):  # soffice.exe starts soffice.bin
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True,
                           check=False, timeout=STOP_GRACE_SECONDS)
        process.kill()
        process.communicate()
        return
    for signal_number, grace in ((signal.SIGTERM, STOP_GRACE_SECONDS), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(process.pid, signal_number)
        except ProcessLookupError:
            break
        try:
            process.communicate(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
        if _group_gone(process.pid, grace):
            break


def _group_gone(group: int, seconds: float) -> bool:
    """Wait until no process of the group is left (the ones the leader started included)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(POLL_SECONDS / 2)
    return False


def _convert_with_soffice(soffice: str, source: Path, target: Path,
                          cancelled: Callable[[], bool] | None = None) -> None:
    with tempfile.TemporaryDirectory(prefix="zicha-pdf-") as work:
        folder = Path(work)
        try:
            done = run_soffice(soffice, "pdf", source, folder, cancelled)
        except subprocess.TimeoutExpired as exc:
            raise ExportError(f"LibreOffice 转换超时（{TIMEOUT_SECONDS} 秒），未生成 PDF。") from exc
        except OSError as exc:
            raise ExportError(f"无法启动 LibreOffice（{soffice}）：{exc.strerror}。") from exc
        produced = folder / (source.stem + ".pdf")
        if done.returncode != 0 or not produced.is_file():
            detail = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
            raise ExportError(f"LibreOffice 未能把“{source.name}”转换为 PDF。{detail[0]}")
        shutil.copyfile(produced, target)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # LibreOffice's own Python must not see ours
    return env


def _com_app() -> tuple[str, str] | None:
    """The first Office application registered for COM automation (Windows only)."""
    try:
        import win32com.client
    except ImportError:
        return None
    for prog_id, label in COM_APPS:
        try:
            win32com.client.Dispatch(prog_id).Quit()
        except Exception:  # not registered: try the next one
            continue
        return prog_id, label
    return None


def _convert_with_com(prog_id: str, source: Path, target: Path) -> None:
    import win32com.client

    app = win32com.client.DispatchEx(prog_id)
    try:
        app.Visible = False
        document = app.Documents.Open(str(source.resolve()), ReadOnly=True)
        try:
            document.SaveAs2(str(target.resolve()), FileFormat=WD_FORMAT_PDF)
        finally:
            document.Close(False)
    except Exception as exc:  # COM errors carry the application's own text
        raise ExportError(f"{prog_id} 未能把“{source.name}”转换为 PDF：{exc}") from exc
    finally:
        app.Quit()
