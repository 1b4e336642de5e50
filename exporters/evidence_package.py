"""The evidence package (证明材料): one folder per item numbered as in the table, every file named
by its attachment number, and an index 证明材料清单.xlsx. Streamed: files are never read whole."""

from __future__ import annotations

import hashlib
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from exporters.atomic import write_atomically
from exporters.errors import ExportError, ExportResult, Progress, report_progress
from exporters.numbering import short_heading
from exporters.safe_names import UniqueNames
from exporters.xlsx_cells import active_sheet, save_workbook
from exporters.xmltext import TextCleaner
from model.errors import ModelError
from model.records import EvidenceRecord
from model.report.records import Report, ReportItem
from model.storage.hashes import CHUNK

INDEX_NAME = "证明材料清单.xlsx"
CLASSIFIED = "涉密材料，不提供电子版"
# Already compressed: deflating them again costs time and saves nothing.
STORED_SUFFIXES = {".pdf", ".jpg", ".jpeg", ".png", ".gif", ".zip", ".rar", ".7z", ".docx",
                   ".xlsx", ".pptx", ".ofd", ".mp4", ".mp3", ".wps", ".et"}


@dataclass(frozen=True)
class PackedEvidence:
    item: ReportItem
    number: str  # 附件3-1
    evidence: EvidenceRecord
    path: str  # inside the package, "" when no file


def plan_package(report: Report) -> list[PackedEvidence]:
    """Where each evidence goes in the package: "03 常态化疫情防控/附件3-1 关于….pdf"."""
    width = max(2, len(str(len(report.items))))
    folders = UniqueNames()
    plan: list[PackedEvidence] = []
    for item in report.items:
        numbered = item.numbered_evidence()
        if not numbered:
            continue
        folder = folders.take(f"{item.seq:0{width}d} {short_heading(item.content) or '事项'}"[:60])
        names = UniqueNames()
        for number, evidence in numbered:
            path = ""
            if evidence.has_file and not evidence.classified:
                suffix = PurePosixPath(evidence.file_name or "").suffix.lower()
                path = f"{folder}/{names.take(f'{number} {evidence.title}', suffix)}"
            plan.append(PackedEvidence(item, number, evidence, path))
    return plan


def export_evidence(report: Report, file_path: Callable[[str], Path], out: Path, *,
                    progress: Progress | None = None) -> ExportResult:
    """Write the package to out (atomically). file_path(sha256) gives a stored file's path."""
    plan = plan_package(report)
    clean = TextCleaner()
    files = [p for p in plan if p.path]
    total = sum(p.evidence.file_size or 0 for p in files) or 1

    def write(temp: Path) -> None:
        done = 0
        with zipfile.ZipFile(temp, "w", allowZip64=True) as package:
            for packed in files:
                compression = (zipfile.ZIP_STORED if PurePosixPath(packed.path).suffix
                               in STORED_SUFFIXES else zipfile.ZIP_DEFLATED)
                _add_verified(package, file_path, packed, compression)
                done += packed.evidence.file_size or 0
                report_progress(progress, done, total)
            index = temp.with_name(temp.name + ".index.xlsx")
            try:
                _write_index(plan, index, clean)
                package.write(index, INDEX_NAME, compress_type=zipfile.ZIP_DEFLATED)
            finally:
                index.unlink(missing_ok=True)

    write_atomically(Path(out), write)
    return ExportResult(Path(out), clean.warnings)


def _add_verified(package: zipfile.ZipFile, file_path: Callable[[str], Path],
                  packed: PackedEvidence, compression: int) -> None:
    """Stream one stored file into the package, hashing it on the way: a file that no longer
    matches its hash (or a row whose hash is not a hash) stops the export."""
    sha256 = packed.evidence.file_sha256 or ""
    try:
        source = file_path(sha256)
    except ModelError as exc:
        raise ExportError(f"{packed.number}“{packed.evidence.title}”：{exc.message}") from exc
    info = zipfile.ZipInfo(packed.path, date_time=time.localtime()[:6])
    info.compress_type = compression
    digest = hashlib.sha256()
    try:
        with open(source, "rb") as handle, package.open(info, "w", force_zip64=True) as sink:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                sink.write(chunk)
    except FileNotFoundError:
        raise ExportError(f"{packed.number}“{packed.evidence.title}”的文件缺失，"
                          "请先运行“检查”。") from None
    if digest.hexdigest() != sha256:
        raise ExportError(f"{packed.number}“{packed.evidence.title}”的文件与校验值不符（已被改动或"
                          "损坏），未导出；请先运行“检查”。")


def _write_index(plan: list[PackedEvidence], path: Path, clean: TextCleaner) -> None:
    workbook = Workbook()
    sheet = active_sheet(workbook)
    sheet.title = "证明材料清单"
    headers = ["序号", "自查事项", "附件编号", "证明材料", "文号", "日期", "文件（包内位置）",
               "SHA-256", "说明"]
    sheet.append(headers)
    for packed in plan:
        e = packed.evidence
        where = CLASSIFIED if e.classified else (packed.path or "（文字说明，无电子文件）")
        sheet.append([packed.item.seq, clean(packed.item.content, f"第{packed.item.seq}项"),
                      packed.number, clean(e.title, packed.number), clean(e.doc_no, packed.number),
                      clean(e.issued_on, packed.number), clean(where, packed.number),
                      "" if e.classified else (e.file_sha256 or ""), clean(e.note, packed.number)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGHI", (6, 40, 10, 36, 22, 12, 50, 66, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    save_workbook(workbook, path)  # a title "=…" or "#N/A" stays the clerk's text

