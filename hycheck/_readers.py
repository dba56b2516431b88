"""One reader per page format: decoded text → raw records and (line, message) problems.

Private to ``hycheck.pages``, which decodes the files, picks the reader and turns records into
articles.  A reader never raises on bad data: what it cannot read becomes a problem with the
1-based line it is on, and it goes on with the next record where the format allows.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from hycheck._dates import DATE_TEXT

Problem = tuple[int, str]  # (1-based line, message); 0 when the line is unknown

# Site clutter of listing dumps: lines that are neither articles nor problems.  Compared after
# NFKC, without whitespace, without a leading bullet, lower case.
CLUTTER_LINES = frozenset(
    {
        "有想补充的信息?点我投稿",
        "点我投稿",
        "我要投稿",
        "联系我们",
        "企业入驻",
        "关于我们",
        "加入我们",
        "商务合作",
        "网站地图",
        "首页",
        "返回首页",
        "返回顶部",
        "免责声明",
        "隐私政策",
        "法律声明",
        "版权声明",
        "意见反馈",
        "投诉建议",
        "友情链接",
        "使用帮助",
        "上一页",
        "下一页",
        "上一篇",
        "下一篇",
        "更多",
        "分享到",
        "打印本页",
        "关闭窗口",
    }
)
CLUTTER_PARTS = ("版权所有", "icp备", "公网安备", "copyright", "©")
BULLETS = "-·•|*>"

# Column names of JSON Lines / CSV records, compared case-insensitively; the first present wins,
# every other column is kept in ``meta``.
FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "标题"),
    "body": ("body", "content", "text", "正文", "内容"),
    "published": ("published", "date", "published_at", "pubdate", "发布时间", "发布日期", "日期"),
    "url": ("url", "link", "链接", "网址"),
}


@dataclass(slots=True)
class Record:
    """One article as the format holds it, before dates, region and identity are read."""

    line: int
    title: str | None
    body: str | None
    published: str | None = None
    published_line: int = 0
    url: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    needs_date: bool = False  # a listing dump always has a date line: its absence is a problem


# -- listing dump ---------------------------------------------------------------------------


def is_clutter(line: str) -> bool:
    """A known site footer or navigation line (有想补充的信息?点我投稿, - 联系我们 …)."""
    key = "".join(unicodedata.normalize("NFKC", line).split()).lower().lstrip(BULLETS)
    if key in CLUTTER_LINES:
        return True
    return len(key) <= 80 and any(part in key for part in CLUTTER_PARTS)


def looks_like_date(line: str) -> bool:
    """A short line that has the shape of a date (2025-13-45 too: it is a bad date line)."""
    stripped = line.strip()
    if not 8 <= len(stripped) <= 40 or not stripped[0].isdecimal():
        return False
    # the shape parse_date reads (2025-07-15, 2025/7/15 10:30, 2025-07-15T10:00:00+08:00)
    return DATE_TEXT.fullmatch(unicodedata.normalize("NFKC", stripped)) is not None


def read_dump(lines: list[str]) -> tuple[list[Record], list[Problem]]:
    """The listing dump: a line ``-``, the title, the body, the listing date; repeated."""
    records: list[Record] = []
    problems: list[Problem] = []
    junk: list[int] = []  # a run of lines outside any article that are not known clutter

    def flush_junk() -> None:
        if junk:
            first = lines[junk[0]].strip()
            what = "a line" if len(junk) == 1 else f"{len(junk)} lines"
            problems.append((junk[0] + 1, f"{what} of text outside any article: {first[:40]!r}"))
            junk.clear()

    i, n = 0, len(lines)
    while i < n:
        stripped = lines[i].strip()
        if stripped != "-":
            if stripped and not is_clutter(stripped):
                junk.append(i)
            elif stripped:
                flush_junk()
            i += 1
            continue
        flush_junk()
        start, i = i, i + 1
        block: list[int] = []
        date_at = -1
        while i < n and lines[i].strip() != "-":
            if block and looks_like_date(lines[i]):
                date_at, i = i, i + 1
                break
            if block or lines[i].strip():
                block.append(i)
            i += 1
        if date_at < 0:
            # the page's footer after a cut-off last article is not part of its body
            while block and (not lines[block[-1]].strip() or is_clutter(lines[block[-1]])):
                block.pop()
        if not block:
            problems.append((start + 1, "a '-' line with no article after it"))
            continue
        body_lines = [lines[j] for j in block[1:]]
        while body_lines and not body_lines[-1].strip():
            body_lines.pop()
        record = Record(line=start + 1, title=lines[block[0]], body="\n".join(body_lines))
        record.needs_date = True
        if date_at >= 0:
            record.published, record.published_line = lines[date_at].strip(), date_at + 1
        records.append(record)
    flush_junk()
    return records, problems


# -- JSON Lines, JSON, CSV --------------------------------------------------------------------


def _as_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def record_from(row: Mapping[str, object], line: int) -> tuple[Record | None, list[Problem]]:
    """A record from one JSON object or CSV row; every column not used is kept in ``meta``."""
    by_key = {str(k).strip().lower(): k for k in row}
    used: dict[str, str] = {}
    taken: set[str] = set()
    for name, aliases in FIELDS.items():
        for alias in aliases:
            if alias in by_key:
                key = by_key[alias]
                used[name] = _as_text(row[key])
                taken.add(key)
                break
    meta = {str(k): _as_text(v) for k, v in row.items() if k not in taken}
    title, body = used.get("title", ""), used.get("body", "")
    if not title.strip() and not body.strip():
        columns = ", ".join(str(k) for k in row) or "none"
        return None, [(line, f"record has neither a title nor a body (columns: {columns[:200]})")]
    published = used.get("published", "").strip() or None
    record = Record(line, title, body, published, line, used.get("url", "").strip(), meta)
    return record, []


def read_jsonl(text: str) -> tuple[list[Record], list[Problem]]:
    """JSON Lines: one JSON object a line; a bad line is a problem, the others are read."""
    records: list[Record] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append((number, f"not JSON ({exc.msg}, column {exc.colno})"))
            continue
        except RecursionError:
            problems.append((number, "not JSON (nested too deeply)"))
            continue
        _add(obj, number, records, problems)
    return records, problems


def read_json(text: str) -> tuple[list[Record], list[Problem]]:
    """A JSON array of article objects (or a single object, or JSON Lines saved as .json)."""
    stripped = text.lstrip()
    records: list[Record] = []
    problems: list[Problem] = []
    if stripped.startswith("{"):
        try:  # one article object, maybe pretty-printed over many lines
            whole = json.loads(text)
        except (ValueError, RecursionError):
            return read_jsonl(text)
        _add(whole, text.count("\n", 0, len(text) - len(stripped)) + 1, records, problems)
        return records, problems
    if not stripped.startswith("["):
        return read_jsonl(text)
    decoder = json.JSONDecoder()
    lines = _LineCounter(text)
    i = _skip_space(text, text.index("[") + 1)
    while i < len(text) and text[i] != "]":
        try:
            obj, end = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            problems.append((lines.at(exc.pos), f"not JSON ({exc.msg}); the rest is not read"))
            return records, problems
        except RecursionError:
            problems.append((lines.at(i), "not JSON (nested too deeply); the rest is not read"))
            return records, problems
        _add(obj, lines.at(i), records, problems)
        i = _skip_space(text, end)
        if i < len(text) and text[i] == ",":
            i = _skip_space(text, i + 1)
        elif i >= len(text) or text[i] != "]":
            problems.append((lines.at(i), "expected ',' or ']' in the JSON array"))
            return records, problems
    if i >= len(text):
        problems.append((lines.at(len(text)), "the JSON array is cut off (no closing ']')"))
    elif text[i + 1 :].strip():
        problems.append((lines.at(i + 1), "text after the end of the JSON array"))
    return records, problems


def _add(obj: object, line: int, records: list[Record], problems: list[Problem]) -> None:
    if not isinstance(obj, dict):
        problems.append((line, f"expected a JSON object with title and body, not {_kind(obj)}"))
        return
    record, found = record_from(obj, line)
    problems.extend(found)
    if record is not None:
        records.append(record)


def _kind(obj: object) -> str:
    return {list: "an array", str: "a string", type(None): "null", bool: "a boolean"}.get(
        type(obj), "a number"
    )


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\n\r":
        i += 1
    return i


class _LineCounter:
    """1-based line of an offset, counted incrementally (offsets asked in increasing order)."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def at(self, offset: int) -> int:
        if offset < self.pos:
            self.pos, self.line = 0, 1
        self.line += self.text.count("\n", self.pos, offset)
        self.pos = offset
        return self.line


def read_csv(text: str) -> tuple[list[Record], list[Problem]]:
    """CSV (or tab / semicolon separated) with a header row naming title, body, published …"""
    header_line = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=header_line.count)
    # a scraped body can be longer than the csv module's default field limit (131,072)
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[Record] = []
    problems: list[Problem] = []
    try:
        header = _unique([h.strip() for h in next(reader, [])])
        names = {h.lower() for h in header}
        if not names & {a for k in ("title", "body") for a in FIELDS[k]}:
            found = ", ".join(header)[:200] or "none"
            return [], [(1, f"no title or body column in the CSV header (columns: {found})")]
        end = reader.line_num
        for row in reader:
            start, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                problems.append((start, f"row has {len(row)} fields, the header has {len(header)}"))
            cells: dict[str, object] = dict(zip(header, row, strict=False))
            record, found_problems = record_from(cells, start)
            problems.extend(found_problems)
            if record is not None:
                records.append(record)
    except csv.Error as exc:
        problems.append((reader.line_num, f"not CSV ({exc}); the rest is not read"))
    return records, problems


def _unique(header: list[str]) -> list[str]:
    """Column names made unique the way pandas does it: a repeated ``url`` becomes ``url.1``."""
    seen: dict[str, int] = {}
    out = []
    for name in header:
        count = seen.get(name, 0)
        seen[name] = count + 1
        out.append(f"{name}.{count}" if count else name)
    return out


# -- saved HTML -------------------------------------------------------------------------------

# Bounded tags, and attribute names that must follow whitespace: linear on hostile markup.
_META_TAG = re.compile(r"<meta\s[^<>]{0,1000}>", re.IGNORECASE)
_ATTR = re.compile(r"""\s([^\s=/>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")
_TITLE_META = ("articletitle", "og:title", "dc.title")
_DATE_META = (
    "pubdate",
    "publishdate",
    "article:published_time",
    "publish_time",
    "pubtime",
    "firstpublishedtime",
    "dc.date",
    "date",
)
# A date shown on the page after a label (发布时间：2022-04-08), tags allowed in between.
_SHOWN_DATE = re.compile(
    r"(?:发布时间|发布日期|发文日期|发表时间|成文日期|日期|时间)\s?[:：]?\s?(?:<[^<>]{0,200}>\s?){0,3}"
    r"(\d{4}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}\s?日?)"
)


def html_metas(text: str) -> dict[str, str]:
    """``<meta name|property=… content=…>`` of a page, keys in lower case, first one wins."""
    out: dict[str, str] = {}
    head = text[:65536]
    head_end = head.lower().find("</head>")
    for tag in _META_TAG.findall(head[: head_end if head_end >= 0 else None]):
        attrs = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTR.findall(tag)}
        key = (attrs.get("name") or attrs.get("property") or "").strip().lower()
        if key and "content" in attrs and key not in out:
            out[key] = html.unescape(attrs["content"]).strip()
    return out


def read_html(text: str) -> tuple[list[Record], list[Problem]]:
    """A saved HTML page: its main text (trafilatura), title and listing date."""
    try:
        import trafilatura
        from trafilatura.settings import Document
    except ImportError as exc:
        hint = "saved HTML pages need the html extra: pip install 'hycheck[html]'"
        if not (isinstance(exc, ModuleNotFoundError) and exc.name == "trafilatura"):
            hint += f" (trafilatura is there but does not import: {exc})"
        return [], [(0, hint)]
    metas = html_metas(text)
    try:
        doc = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # htmldate's extensive search invents dates from years in the text: keep it off
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # a third-party parser on untrusted input
        return [], [(0, f"the HTML could not be parsed ({type(exc).__name__}: {exc})")]
    if doc is not None and not isinstance(doc, Document):
        doc = None
    title = next((metas[k] for k in _TITLE_META if metas.get(k)), None)
    title = title or (doc.title if doc is not None else None) or _title_tag(text)
    body = (doc.text if doc is not None else None) or ""
    shown = _SHOWN_DATE.search(text)
    dates = [metas.get(k, "") for k in _DATE_META]
    dates += [shown.group(1) if shown else "", (doc.date if doc is not None else None) or ""]
    published = next((d for d in dates if d.strip()), None)
    if not (title or "").strip() and not body.strip():
        return [], [(0, "no title and no main text found in the HTML")]
    meta = {k: v for k, v in metas.items() if k not in _TITLE_META and k not in _DATE_META}
    url = (doc.url if doc is not None else None) or ""
    line = _line_of(text, body)
    return [Record(line, title or "", body, published, line, url, meta)], []


def _title_tag(text: str) -> str:
    lower = text.lower()
    start = lower.find("<title")
    start = lower.find(">", start) + 1 if start >= 0 else -1
    end = lower.find("</title>", start) if start > 0 else -1
    return html.unescape(text[start:end]).strip() if end > start else ""


def _line_of(text: str, body: str) -> int:
    """The line of the page where the main text starts, or 0 when it cannot be found."""
    probe = body.lstrip()[:12]
    at = text.find(probe) if probe else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else 0
