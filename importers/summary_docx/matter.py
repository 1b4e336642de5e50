"""Front matter (红头, 文号, 期号, title, unit, period, 主送) and back matter (附件说明, 署名,
成文日期, 印发, 报送/抄送, 审核/编辑, 承办人) around the body of a Word summary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.summary_docx.markers import typed_marker
from importers.summary_docx.reader import Paragraph

_CN_DIGITS = "〇零一二三四五六七八九十"
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fffA-Za-zＸ×]{0,16}\s*[〔\[［【(（]\s*(?:\d{4}|20[×xX]{2})\s*"
                        r"[〕\]］】)）]\s*"
                        r"(?:第\s*)?[\d×xX]{0,5}\s*号$")
ISSUE = re.compile(rf"^(?:[\u4e00-\u9fff（）()〔〕\[\]\d\s]{{0,20}})?第\s*[\d{_CN_DIGITS}百×xX]+\s*期"
                   r"(?:\s*[（(]?总第\s*\d+\s*期[）)]?)?$")
EDITED_BY = re.compile(r"^(?P<who>\S{1,20}?)\s*编\s*(?P<when>\S.*)?$")
DATE = re.compile(rf"^(?:\d{{4}}|[{_CN_DIGITS}]{{4}})\s*年\s*[\d{_CN_DIGITS}]{{1,3}}\s*月\s*"
                  rf"[\d{_CN_DIGITS}]{{1,3}}\s*日$")
DATE_IN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
PERIOD = re.compile(r"\d{4}\s*年[^，。]{0,20}(?:—|－|-|至|~|～)[^，。]{0,20}日")
SIGNER = re.compile(r"^签\s*发\s*人\s*[：:]")
RED_HEAD = re.compile(r"(?:文件|简报|快报|通报|动态|专报|信息|工作通讯|情况反映)$")
ATTACHMENT = re.compile(r"^附\s*件\s*\d*\s*[：:]")
SENT = re.compile(r"^(抄\s*送|报\s*送|分\s*送|发\s*送|主\s*送|呈\s*送|送)\s*[：:]")
SIGN_OFF = re.compile(r"(审\s*核|审\s*稿|编\s*辑|责任编辑|校\s*对|核\s*稿|签\s*发|编\s*校|主\s*编)\s*[：:]")
CONTACT = re.compile(r"(承\s*办\s*人|经\s*办\s*人|联\s*系\s*人|联系电话|电\s*话)\s*[：:]")
PRINTED = re.compile(r"印\s*发$")
NOTE = re.compile(r"^[（(](?:此页无正文|联系人|本件|此件)[^）)]*[）)]$")
ADDRESSEE = re.compile(r"^[\u4e00-\u9fff、，,（）()]{2,40}[：:]$")
TITLE_WORDS = ("总结", "报告", "情况", "汇报", "自评", "自查", "述职")
MAX_TITLE = 60


@dataclass(frozen=True)
class Matter:
    # 红头 文号 期号 编发 签发人 标题 单位 时间 主送 /
    # 附件说明 署名 成文日期 印发 抄送 报送 审核 编辑 承办人 附注
    kind: str
    text: str
    index: int  # the paragraph's place in the document

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "text": self.text}


def split_front(paragraphs: list[Paragraph]) -> tuple[list[Matter], int]:
    """The front matter and where the body starts (an index into paragraphs)."""
    found: list[Matter] = []
    title_at: int | None = None
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        text = _flat(p.text)
        if not text:
            i += 1
            continue
        kind = _front_kind(p, text, title_at is not None, found)
        if kind is None:
            break
        if kind == "标题" and title_at is not None:  # a title over two lines
            previous = found[title_at]
            found[title_at] = Matter("标题", previous.text + text, previous.index)
        else:
            if kind == "标题":
                title_at = len(found)
            found.append(Matter(kind, text, p.index))
        if kind == "编发":
            period = PERIOD.search(text)
            if period:
                found.append(Matter("时间", period.group(0), p.index))
        i += 1
    return found, i


def _front_kind(p: Paragraph, text: str, has_title: bool, found: list[Matter]) -> str | None:
    if p.in_table and (SENT.search(text) or SIGNER.search(text)):
        return "签发人" if SIGNER.search(text) else "主送"
    if not has_title and re.fullmatch(r"附\s*件\s*\d{0,2}", text):
        return "附件标记"  # "附件2": the summary is itself an attachment of something
    if not has_title:
        if ((p.red or (p.size or 0) >= 26) and len(text) <= 30 and not typed_marker(text)) or \
                (RED_HEAD.search(text) and len(text) <= 25 and (p.centered or p.red)):
            return "红头"
        if ISSUE.match(text):
            return "期号"
        if DOC_NUMBER.match(text):
            return "文号"
        if SIGNER.match(text) or ("签发人" in text and len(text) <= 60):
            return "签发人"
        edited = EDITED_BY.match(text)
        if edited and len(text) <= 50 and (edited.group("when") or "") and \
                re.search(r"\d{4}\s*年|20[×xX]{2}", edited.group("when") or ""):
            return "编发"
        if DOC_NUMBER.match(re.split(r"\s{2,}|\t", text)[0]) and len(text) <= 60:
            return "文号"
    if typed_marker(text):
        return None
    if not has_title and len(text) <= MAX_TITLE and not any(c in text for c in "。；;") and (
            p.centered or p.bold or (p.size or 0) >= 18
            or any(w in text for w in TITLE_WORDS) or p.style.lower() in ("title", "标题")):
        return "标题"
    if has_title and found and found[-1].kind == "标题" and p.centered and len(text) <= 40 and \
            not any(c in text for c in "。；;：:"):
        if DATE.match(text.strip("（）()")) or PERIOD.search(text):
            return "时间"
        if text.startswith(("——", "—", "－－")):
            return "标题"
        return "单位" if len(text) <= 25 else "标题"
    if has_title and ADDRESSEE.match(text) and len(text) <= 40:
        return "主送"
    return None


def split_back(paragraphs: list[Paragraph], body_start: int) -> tuple[list[Matter], int]:
    """The back matter and where the body ends (an index into paragraphs, exclusive)."""
    found: list[Matter] = []
    end = len(paragraphs)
    i = end - 1
    seen_date = False
    while i >= body_start:
        p = paragraphs[i]
        text = _flat(p.text)
        if not text:
            i -= 1
            end = i + 1
            continue
        kind = _back_kind(p, text, seen_date, found)
        if kind is None:
            break
        seen_date = seen_date or kind == "成文日期"
        found.insert(0, Matter(kind, text, p.index))
        i -= 1
        end = i + 1
    # 附件说明 spans "附件：1.名称" and the lines "2.名称" under it
    start = next((k for k in range(body_start, end) if ATTACHMENT.match(_flat(paragraphs[k].text))
                  and end - k <= 12), None)
    if start is not None:
        found = [Matter("附件说明", _flat(p.text), p.index) for p in paragraphs[start:end]
                 if _flat(p.text)] + found
        end = start
    return found, end


def _back_kind(p: Paragraph, text: str, seen_date: bool, found: list[Matter]) -> str | None:
    if DATE.match(text) or (PRINTED.search(text) and DATE_IN.search(text)):
        return "印发" if PRINTED.search(text) else "成文日期"
    if PRINTED.search(text) and len(text) <= 40:
        return "印发"
    sent = SENT.match(text)
    if sent:
        return re.sub(r"\s", "", sent.group(1))
    sign_off = SIGN_OFF.search(text)
    if sign_off and len(text) <= 60:
        return re.sub(r"\s", "", sign_off.group(1)) if "编辑" not in text else "编辑"
    if CONTACT.search(text) and len(text) <= 60:
        return "承办人"
    if NOTE.match(text):
        return "附注"
    if ATTACHMENT.match(text) and len(text) <= 80:
        return "附件说明"
    next_kind = found[0].kind if found else ""
    if len(text) <= 30 and not any(c in text for c in "。，,；;：:！？") and not typed_marker(text) \
            and not re.match(r"^\d{1,2}\s*[.．、]", text) \
            and (next_kind in ("成文日期", "署名") or p.right):
        return "署名"
    return None


def _flat(text: str) -> str:
    return re.sub(r"[ \t\u3000]{2,}", "  ", text.strip())


def date_of(matter: list[Matter]) -> str:
    """成文日期 as "2022年1月10日" ("" when none is typed in Arabic numerals)."""
    for m in matter:
        if m.kind == "成文日期":
            found = DATE_IN.search(m.text)
            if found:
                return f"{int(found.group(1))}年{int(found.group(2))}月{int(found.group(3))}日"
    return ""
