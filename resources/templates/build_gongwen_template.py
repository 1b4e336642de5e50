"""Builds resources/templates/gongwen.docx: the official-format (GB/T 9704-2012) report template.

Written from scratch rather than from python-docx's default template (US Letter, Japanese theme
fonts, 1.15 spacing). Run it after changing a style: python resources/templates/build_gongwen_template.py
"""

from __future__ import annotations

import zipfile
from pathlib import Path

TARGET = Path(__file__).with_name("gongwen.docx")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

# Page: A4; margins 37/35/28/26 mm (type area 156 × 225 mm); 22 lines × 28 characters of 16 pt.
PAGE = dict(width=11906, height=16838, top=2098, bottom=1984, left=1587, right=1474,
            header=851, footer=1304, line_pitch=579, char_space=-849)
LATIN = "Times New Roman"


def fonts(east_asia: str, latin: str = LATIN) -> str:
    return (f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" '
            f'w:cs="{latin}"/>')


def run_props(east_asia: str, half_points: int, *, bold: bool = False, latin: str = LATIN,
              condensed: bool = False) -> str:
    weight = "<w:b/><w:bCs/>" if bold else ""
    # A 16 pt glyph is 0.21 pt wider than the 28-per-line grid cell (15.79 pt). Word centres it in
    # one cell anyway; LibreOffice gives it two cells (14 per line). At 98 % width it fits one
    # cell in both, which keeps 28 characters per line everywhere; the difference is not visible.
    scale = '<w:w w:val="98"/>' if condensed else ""
    return f"<w:rPr>{fonts(east_asia, latin)}{weight}{scale}<w:sz w:val=\"{half_points}\"/>" \
           f"<w:szCs w:val=\"{half_points}\"/></w:rPr>"


def paragraph_style(style_id: str, name: str, ppr: str, rpr: str, *, based_on: str = "Normal",
                    next_style: str = "GWBody") -> str:
    return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/><w:next w:val="{next_style}"/>'
            f'<w:qFormat/><w:pPr>{ppr}</w:pPr>{rpr}</w:style>')


# The title is off the grid: its 22 pt glyphs would each take two grid cells.
# Word indents by firstLineChars (two grid cells); LibreOffice by the twips, rounded up to the
# next whole cell, so they stay a point short of two cells (2 × 316 − 20) or it indents three.
INDENT_2 = '<w:ind w:firstLineChars="200" w:firstLine="612"/>'
HEADING = '<w:keepNext/>' + INDENT_2

STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:docDefaults>
 <w:rPrDefault><w:rPr>{fonts("仿宋_GB2312")}<w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/>
  <w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>
 <w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/>
  <w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>
 <w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr>{run_props("仿宋_GB2312", 32)}</w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
 <w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>
 <w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>
 <w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>
 </w:tblCellMar></w:tblPr></w:style>
{paragraph_style("GWBody", "正文", INDENT_2, run_props("仿宋_GB2312", 32, condensed=True))}
{paragraph_style("GWTitle", "公文标题",
                 '<w:snapToGrid w:val="0"/><w:jc w:val="center"/>'
                 '<w:spacing w:after="579" w:afterLines="100" w:line="579" w:lineRule="exact"/>',
                 run_props("方正小标宋简体", 44))}
{paragraph_style("GWHeading1", "一级标题", HEADING + '<w:outlineLvl w:val="0"/>',
                 run_props("黑体", 32, condensed=True))}
{paragraph_style("GWHeading2", "二级标题", HEADING + '<w:outlineLvl w:val="1"/>',
                 run_props("楷体_GB2312", 32, condensed=True))}
{paragraph_style("GWHeading3", "三级标题", HEADING + '<w:outlineLvl w:val="2"/>',
                 run_props("仿宋_GB2312", 32, bold=True, condensed=True))}
{paragraph_style("GWHeading4", "四级标题", HEADING + '<w:outlineLvl w:val="3"/>',
                 run_props("仿宋_GB2312", 32, condensed=True))}
{paragraph_style("GWAttachment", "附件标题",
                 '<w:pageBreakBefore/><w:keepNext/><w:jc w:val="left"/>',
                 run_props("黑体", 32, condensed=True))}
{paragraph_style("GWTableTitle", "表格标题",
                 '<w:snapToGrid w:val="0"/><w:keepNext/><w:jc w:val="center"/>'
                 '<w:spacing w:before="289" w:after="289"/>',
                 run_props("方正小标宋简体", 36))}
{paragraph_style("GWTableText", "表格文字",
                 '<w:snapToGrid w:val="0"/><w:jc w:val="left"/>'
                 '<w:spacing w:line="300" w:lineRule="auto"/>',
                 run_props("仿宋_GB2312", 24), next_style="GWTableText")}
{paragraph_style("GWTableHeader", "表头文字",
                 '<w:snapToGrid w:val="0"/><w:keepNext/><w:jc w:val="center"/>',
                 run_props("黑体", 24), next_style="GWTableText")}
{paragraph_style("GWPageNumber", "页码", '<w:snapToGrid w:val="0"/>',
                 run_props("宋体", 28, latin="宋体"), next_style="GWPageNumber")}
<w:style w:type="table" w:customStyle="1" w:styleId="GWTable"><w:name w:val="公文表格"/>
 <w:basedOn w:val="TableNormal"/><w:tblPr><w:jc w:val="center"/><w:tblBorders>
 <w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>
 <w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>
 <w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>
 <w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>
 <w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>
 <w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>
 <w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>
 </w:tblPr></w:style>
</w:styles>"""


def footer(alignment: str, indent: str) -> str:
    text = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W} {R}>'
            f'<w:p><w:pPr><w:pStyle w:val="GWPageNumber"/><w:jc w:val="{alignment}"/>'
            f'<w:ind {indent}/></w:pPr>{text.format("— ")}'
            f'<w:fldSimple w:instr=" PAGE \\* Arabic "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
            f'{text.format(" —")}</w:p></w:ftr>')


DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W} {R}><w:body><w:p><w:pPr><w:pStyle w:val="GWBody"/></w:pPr></w:p>
<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/>
<w:footerReference w:type="even" r:id="rIdFooterEven"/>
<w:pgSz w:w="{PAGE['width']}" w:h="{PAGE['height']}"/>
<w:pgMar w:top="{PAGE['top']}" w:right="{PAGE['right']}" w:bottom="{PAGE['bottom']}" \
w:left="{PAGE['left']}" w:header="{PAGE['header']}" w:footer="{PAGE['footer']}" w:gutter="0"/>
<w:cols w:space="425"/>
<w:docGrid w:type="linesAndChars" w:linePitch="{PAGE['line_pitch']}" w:charSpace="{PAGE['char_space']}"/>
</w:sectPr></w:body></w:document>"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings {W}><w:zoom w:percent="100"/><w:evenAndOddHeaders/><w:defaultTabStop w:val="420"/>
<w:drawingGridVerticalSpacing w:val="579"/><w:characterSpacingControl w:val="compressPunctuation"/>
<w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/>
<w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/>
<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
</w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>
<w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>"""

# Fonts with their usual substitutes, so that a PC without the _GB2312 fonts shows the right face.
FONT_TABLE_ENTRIES = [
    ("仿宋_GB2312", "仿宋", "modern"), ("楷体_GB2312", "楷体", "modern"),
    ("黑体", "SimHei", "modern"), ("方正小标宋简体", "宋体", "roman"),
    ("宋体", "SimSun", "auto"), (LATIN, "", "roman"),
]
FONT_TABLE = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts {W}>' + "".join(
    f'<w:font w:name="{name}">' + (f'<w:altName w:val="{alt}"/>' if alt else "")
    + ('<w:charset w:val="86"/>' if name != LATIN else '<w:charset w:val="00"/>')
    + f'<w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>'
    for name, alt, family in FONT_TABLE_ENTRIES) + "</w:fonts>")

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="{REL}/styles" Target="styles.xml"/>
<Relationship Id="rIdSettings" Type="{REL}/settings" Target="settings.xml"/>
<Relationship Id="rIdFonts" Type="{REL}/fontTable" Target="fontTable.xml"/>
<Relationship Id="rIdFooterOdd" Type="{REL}/footer" Target="footer1.xml"/>
<Relationship Id="rIdFooterEven" Type="{REL}/footer" Target="footer2.xml"/>
</Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>工作总结</dc:title>
<dc:language>zh-CN</dc:language></cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>jixiao-zicha</Application></Properties>"""


def build(target: Path = TARGET) -> None:
    parts = {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
        "word/document.xml": DOCUMENT, "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": STYLES, "word/settings.xml": SETTINGS, "word/fontTable.xml": FONT_TABLE,
        # odd pages: right-aligned, one character in; even pages: left-aligned, one character in
        "word/footer1.xml": footer("right", 'w:right="280"'),
        "word/footer2.xml": footer("left", 'w:left="280"'),
        "docProps/core.xml": CORE, "docProps/app.xml": APP,
    }
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))  # reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    build()
    print(f"wrote {TARGET}")
