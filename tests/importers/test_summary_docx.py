"""import-docx on summaries built from the seeds' texts, and on real 公文 templates."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx import Document

import main
from importers.errors import ImportFileError
from importers.summary_docx.markers import ends_sentence
from importers.summary_docx.summary import read_summary
from tests.db_templates import copy_template
from tests.gui.conftest import database_state
from tests.importers.summary_documents import (
    as_doc,
    briefing_docx,
    level_of,
    numbered_docx,
    seed_lines,
    styled_docx,
    typed_docx,
)


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def run(*args: str, data_dir: Path) -> Ran:
    """The command line in this process (the user data folder is the test's own: conftest)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main.main(list(args))
    return Ran(code, out.getvalue(), err.getvalue())

REALWORLD = Path("/work/shared/realworld")
ROOT = Path(__file__).resolve().parents[2]
TITLE = "2022年医疗卫生及公共卫生工作总结"


def expected_outline(lines: list[str]) -> list[tuple[int, str, str]]:
    """(level, marker, heading) of every heading line of a seed."""
    found = []
    for line in lines:
        level = level_of(line)
        if level is not None:
            found.append((level[0], level[1], line[len(level[1]):].strip()))
    return found


def outline_of(path: Path) -> list[tuple[int, str, str]]:
    return [(s["level"], s["marker"], s["heading"]) for s in read_summary(path).preview()["outline"]
            if s["level"]]


def test_typed_and_word_numbered_outlines_equal_the_text(tmp_path: Path) -> None:
    lines = seed_lines("003")[1:]
    expected = expected_outline(lines)
    assert len(expected) == 18
    assert outline_of(typed_docx(tmp_path / "typed.docx", TITLE, lines)) == expected
    # the numbers are not in the text: rebuilt from numbering.xml
    numbered = numbered_docx(tmp_path / "numbered.docx", TITLE, lines)
    assert "一、" not in "".join(p.text for p in Document(str(numbered)).paragraphs)
    assert outline_of(numbered) == expected


def test_heading_styles_give_the_levels(tmp_path: Path) -> None:
    lines = seed_lines("003")[1:]
    styled = styled_docx(tmp_path / "styled.docx", TITLE, lines)
    got = outline_of(styled)
    assert [(level, heading) for level, _m, heading in got] == [
        (level, heading) for level, _m, heading in expected_outline(lines)]
    read = read_summary(styled).preview()
    assert read["title"] == TITLE and read["year"] == 2022


def test_lines_wrapped_as_in_a_pdf_are_joined_into_paragraphs(tmp_path: Path) -> None:
    raw = [line.strip() for line in next((Path(__file__).parents[1] / "data" / "seeds")
                                         .glob("000_*.txt")).read_text(encoding="utf-8").splitlines()]
    read = read_summary(typed_docx(tmp_path / "wrapped.docx", raw[0], raw[1:])).preview()
    assert read["unit"] == "市卫生健康委" and read["year"] == 2022
    sections = read["outline"]
    headings = [s["heading"] for s in sections]
    assert "切实增强政治自觉，全力做好党的二十大和冬奥服务保障" in headings  # wrapped heading rejoined
    overview = sections[0]
    assert overview["heading"] == "总体情况" and len(overview["paragraphs"]) == 1
    assert overview["paragraphs"][0].endswith("圆满完成 30 项市级绩效任务。")
    body = [p for s in sections for p in s["paragraphs"]]
    assert sum(ends_sentence(p) for p in body) / len(body) > 0.9
    first = sections[headings.index("切实增强政治自觉，全力做好党的二十大和冬奥服务保障")]
    assert first["paragraphs"][0].startswith("一是全力以赴做好党的二十大服务保障工作。中央层面")
    assert "二是精益求精做好冬" in first["paragraphs"][0]  # 一是…二是 kept in their paragraph


def test_red_head_and_closing_are_front_and_back_matter(tmp_path: Path) -> None:
    lines = seed_lines("003")[1:]
    path = typed_docx(tmp_path / "red.docx", TITLE, lines, red_head="某区卫生健康局文件",
                      doc_no="某卫发〔2023〕5号", signature="某区卫生健康局", day="2023年1月10日",
                      attachments=["2022年重点任务完成情况表", "2022年绩效自评表"],
                      cc="抄送：区政府办公室，区财政局。")
    read = read_summary(path, unit="某区卫生健康局")
    preview = read.preview()
    assert preview["front"] == [{"kind": "红头", "text": "某区卫生健康局文件"},
                                {"kind": "文号", "text": "某卫发〔2023〕5号"},
                                {"kind": "标题", "text": TITLE}]
    assert [m["kind"] for m in preview["back"]] == ["附件说明", "附件说明", "署名", "成文日期", "抄送"]
    assert read.signature() == "某区卫生健康局" and read.signature_date() == "2023年1月10日"
    assert all("抄送" not in p for s in preview["outline"] for p in s["paragraphs"])
    assert preview["warnings"] == []


def test_a_word_97_doc_reads_like_its_docx(tmp_path: Path) -> None:
    lines = seed_lines("003")[1:]
    numbered = numbered_docx(tmp_path / "numbered.docx", TITLE, lines, red_head="某区卫生健康局文件",
                             doc_no="某卫发〔2023〕5号", signature="某区卫生健康局",
                             day="2023年1月10日")
    doc = as_doc(numbered)
    assert doc.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")
    read = read_summary(doc).preview()
    assert [(s["level"], s["marker"], s["heading"]) for s in read["outline"] if s["level"]] == \
        expected_outline(lines)  # Word's numbers survive Word 97
    assert [m["kind"] for m in read["front"]] == ["红头", "文号", "标题"]
    assert [m["kind"] for m in read["back"]] == ["署名", "成文日期"]


@pytest.mark.parametrize("name", sorted(p.name for p in REALWORLD.glob("D_*.docx")))
def test_real_templates_are_flagged(name: str) -> None:
    read = read_summary(REALWORLD / name)
    preview = read.preview()
    if "A4" not in name:  # the blank A4 page has no text at all
        assert "模板" in preview["warnings"][0]
    if "pandoc" not in name:  # the pandoc one is a full sample text with a placeholder 署名
        with pytest.raises(ImportFileError, match="没有可导入的正文"):
            read.require_body()


def test_a_template_is_refused_on_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    template = REALWORLD / "D_公文助手模板_xx_1.docx"
    dry = run("import-docx", str(template), "--db", str(db), "--dry-run", data_dir=tmp_path)
    assert dry.returncode == 0, dry.stderr
    preview = json.loads(dry.stdout)
    assert set(preview) == {"title", "unit", "year", "outline", "front", "back", "matches",
                            "warnings"}
    assert {"kind": "文号", "text": "XX发〔20XX〕XX号"} in preview["front"]
    done = run("import-docx", str(template), "--db", str(db), data_dir=tmp_path)
    assert done.returncode == 2 and "没有可导入的正文" in done.stderr
    assert not db.exists()


def test_import_into_last_years_table_offers_paragraphs_to_items(tmp_path: Path) -> None:
    db = copy_template("demo", tmp_path / "a.db")  # what `demo` makes, migrated once per session
    items = {i["content"]: i["id"] for i in json.loads(
        run("items", "--db", str(db), data_dir=tmp_path).stdout)}
    summary = typed_docx(tmp_path / "2021.docx", "北京市卫生健康委员会2021年度工作总结",
                         seed_lines("001"), signature="北京市卫生健康委员会", day="2022年1月10日")
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    dry = run("import-docx", str(summary), "--db", str(db), "--into", "1", "--dry-run",
              data_dir=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    matches = json.loads(dry.stdout)["matches"]
    by_item: dict[int, list[str]] = {}
    for m in matches:
        by_item.setdefault(m["item"], []).append(m["paragraph"])
    assert by_item[items["接诉即办"]][0].startswith("成立“接诉即办”改革工作领导小组")
    assert by_item[items["一网通办"]][0].startswith("一是推进证照分离改革")
    assert "外防输入" in by_item[items["常态化疫情防控"]][0]
    done = run("import-docx", str(summary), "--db", str(db), "--into", "1", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "已有落实情况，未覆盖" in done.stderr  # the demo's items are filled: kept as they are
    assert all(0.5 <= m["score"] <= 1 for m in matches)


def test_a_new_assessment_prints_its_summary_again(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    lines = seed_lines("003")[1:]
    path = typed_docx(tmp_path / "s.docx", TITLE, lines, signature="某区卫生健康局",
                      day="2023年1月10日")
    done = run("import-docx", str(path), "--db", str(db), "--unit", "某区卫生健康局",
               data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    [assessment] = json.loads(run("info", "--db", str(db), data_dir=tmp_path).stdout)["assessments"]
    assert assessment["unit"] == "某区卫生健康局" and assessment["year"] == 2022
    out = tmp_path / "again.docx"
    exported = run("export-docx", "--db", str(db), "--out", str(out), data_dir=tmp_path)
    assert exported.returncode == 0, exported.stderr
    text = [p.text for p in Document(str(out)).paragraphs]
    assert text[0] == TITLE
    for line in lines:  # every heading and paragraph printed again, in order
        assert any(line.strip() in t for t in text), line
    assert "2023年1月10日" in text and "某区卫生健康局" in text


def test_a_briefing_with_masthead_issue_and_sign_offs(tmp_path: Path) -> None:
    read = read_summary(briefing_docx(tmp_path / "简报.docx"))
    preview = read.preview()
    assert preview["front"] == [{"kind": "红头", "text": "卫生健康工作简报"},
                                {"kind": "期号", "text": "第12期"},
                                {"kind": "编发", "text": "市卫生健康委办公室编  2017年10月2日—10月15日"},
                                {"kind": "时间", "text": "2017年10月2日—10月15日"}]
    assert (preview["unit"], preview["year"]) == ("市卫生健康委办公室", 2017)
    assert [(m["kind"], m["text"]) for m in preview["back"]] == [
        ("报送", "报送：市政府办公厅。"), ("审核", "审核：张三"), ("编辑", "编辑：李四"),
        ("承办人", "承办人：王五  联系电话：12345678")]
    outline = [(s["marker"], s["heading"], s["paragraphs"]) for s in preview["outline"]]
    assert outline[0][:2] == ("【】", "市区交通运行监测")
    assert outline[1][2] == ["一是加强院前急救。急救呼叫满足率达到97%。二是优化预约挂号，预约就诊率达到85%。"]
    assert len(read.outline[1].items(outline[1][2][0])) == 2  # 一是…二是: items of one paragraph
    assert outline[2] == ("", "下一步工作", ["继续做好监测工作，按时报送相关信息。"])  # joined
    assert any("插入2-3张现场图" in w for w in preview["warnings"])
    assert "模板或草稿" in preview["warnings"][0]
    narrative = read.narrative()
    assert "插入" not in "".join(narrative.values())
    assert narrative["plans"] == "继续做好监测工作，按时报送相关信息。"


def test_an_attachment_mark_before_the_title_is_front_matter(tmp_path: Path) -> None:
    path = typed_docx(tmp_path / "附件.docx", "附件2", [TITLE, "一、总体情况", "全年完成各项任务。"])
    read = read_summary(path).preview()
    assert read["front"] == [{"kind": "附件标记", "text": "附件2"}, {"kind": "标题", "text": TITLE}]
    assert read["year"] == 2022 and read["outline"][0]["heading"] == "总体情况"


def test_enumerated_items_stay_in_their_paragraph() -> None:
    from importers.summary_docx.markers import enumerated_items

    text = "一是加强院前急救。急救呼叫满足率达到97%。二是优化预约挂号，预约就诊率达到85%。"
    assert enumerated_items(text) == ["一是加强院前急救。急救呼叫满足率达到97%。",
                                      "二是优化预约挂号，预约就诊率达到85%。"]
    assert enumerated_items("只是一句话。") == []


def test_a_doc_without_a_converter_names_what_to_install(tmp_path: Path) -> None:
    lines = seed_lines("003")[1:]
    doc = tmp_path / "s.doc"
    doc.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 512)
    env = {**os.environ, "PATH": str(Path(sys.executable).parent), "ZICHA_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "import-docx", str(doc), "--db",
                           str(tmp_path / "a.db"), "--dry-run"], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120, check=False)
    assert done.returncode == 2 and "LibreOffice" in done.stderr and "Traceback" not in done.stderr
    assert lines


def test_a_refused_import_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    db = copy_template("demo", tmp_path / "a.db")  # what `demo` makes, migrated once per session
    before = database_state(db)
    untitled = typed_docx(tmp_path / "无标题.docx", "工作总结", seed_lines("003")[1:])
    done = run("import-docx", str(untitled), "--db", str(db), data_dir=tmp_path)
    assert done.returncode == 2 and "--year" in done.stderr
    assert database_state(db) == before
    missing = run("import-docx", str(untitled), "--db", str(db), "--into", "99", "--year", "2022",
                  data_dir=tmp_path)
    assert missing.returncode == 2 and "99" in missing.stderr
    assert database_state(db) == before


def test_hostile_files_are_refused_with_their_name(tmp_path: Path) -> None:
    import zipfile

    def refused(name: str, data: bytes | None, match: str) -> None:
        path = tmp_path / name
        if data is None:
            path.mkdir()
        else:
            path.write_bytes(data)
        with pytest.raises(ImportFileError, match=match):
            read_summary(path)

    refused("空.docx", b"", "空文件")
    refused("乱码.docx", b"\x00\x01garbage" * 50, "不是 Word 文档")
    refused("文件夹.docx", None, "文件夹")
    workbook = tmp_path / "表格.docx"
    with zipfile.ZipFile(workbook, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(ImportFileError, match="缺少正文部件"):
        read_summary(workbook)
    entity = tmp_path / "实体.docx"
    good = typed_docx(tmp_path / "好.docx", TITLE, ["一、总体情况", "完成了。"])
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(entity, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY x "boom">]>', 1)
            target.writestr(info, data)
    with pytest.raises(ImportFileError, match="DTD"):
        read_summary(entity)
    bomb = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr("word/media/big.bin", b"\0" * (30 * 1024 * 1024))
    with pytest.raises(ImportFileError, match="压缩炸弹"):
        read_summary(bomb)


def test_word_numbering_is_rebuilt_as_printed() -> None:
    from importers.summary_docx.numbering import format_number, parse_numbering

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = parse_numbering(f"""<w:numbering {w}>
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0">
          <w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1">
          <w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2">
          <w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>
        <w:lvl w:ilvl="3"><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0">
          <w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>""".encode())
    printed = [numbering.label("1", 0), numbering.label("1", 1), numbering.label("1", 1),
               numbering.label("1", 2), numbering.label("1", 0), numbering.label("1", 1),
               numbering.label("2", 0), numbering.label("2", 0), numbering.label("3", 0),
               numbering.label("9", 0), numbering.label("1", 3)]
    assert printed == ["一、", "（一）", "（二）", "一.1", "二、", "（一）", "①", "②", "①", "",
                       "2.1"]
    assert [format_number(n, "chineseCounting") for n in (10, 11, 21)] == ["十", "十一", "二十一"]
    assert format_number(3, "upperRoman") == "III" and format_number(2, "ideographTraditional") == "乙"
    assert parse_numbering(b"<not xml").label("1", 0) == ""
