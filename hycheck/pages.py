"""Stage 1: page files → articles.

``load_pages(*paths)`` reads page files and directories (recursively, in sorted order, only
``.txt .jsonl .json .csv .html .htm``, hidden files skipped) into a ``Pages`` sequence of
``Article`` records, and collects a ``PageProblem`` (path, line, message) for everything it
could not read.  Bad data never raises: one broken page or record does not stop the others.

Formats, told by extension and by content (a listing dump usually comes as ``.txt``):

* the listing dump: a line ``-``, the title, the body, the listing date (``2025-07-15``);
  repeated; known site clutter after it (有想补充的信息?点我投稿, - 联系我们 …) is skipped, any
  other text outside an article is a problem;
* JSON Lines, a JSON array, CSV: columns ``title``, ``body`` (or ``content``/``text``),
  ``published`` (or ``date``), ``url``; every other column is kept, as text, in ``meta``;
* saved HTML: main text by trafilatura (the optional ``html`` extra), title and listing date
  from the government-site meta tags (ArticleTitle, PubDate), the shown date (发布时间：…) or
  trafilatura's metadata.

Encodings: a byte-order mark (UTF-8, UTF-16), then for HTML a ``<meta charset>`` that decodes,
then strict UTF-8, then GB18030 (which covers GBK and GB2312).  The body is kept exactly as
decoded, with only CRLF line ends turned into LF: full-width digits, 億 and 萬 reach extraction
untouched, and extraction offsets refer to this body.

Each article also gets:

* ``channel``/``headline``: a leading tag in 【】 (〖〗, ［］, []) split off the title;
* ``stated``: the date the text itself states near its start, the delivery date of a report
  (``2017年12月26日在…会议上``, ``——2021年1月6日在…``, ``二〇二一年一月六日``); None for most news;
* ``region``: the most specific place (``hycheck.gazetteer``) named in the headline, else in the
  opening of the body, else in the channel tag; a country only when nothing narrower is named;
* ``identity``: a key that matches the same article across scrapes.  With a URL it is
  ``u:`` + a hash of the URL (scheme, ``www.``, fragment, trailing ``/`` and ``utm_*`` dropped,
  query sorted); otherwise ``t:`` + a hash of the headline after NFKC and case folding with
  everything but letters and digits removed, so whitespace, full-width vs half-width
  punctuation, CRLF and the channel tag do not change it.  It never depends on the body around
  figures, so an edited figure keeps its article.  When two articles of one page share a key,
  each gets ``.`` + a fingerprint of its body's letters (digits and Chinese numerals left out),
  then ``.2``, ``.3`` … for exact duplicates.  An article with neither headline nor URL is
  keyed ``b:`` + that fingerprint.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import overload
from urllib.parse import parse_qsl, urlencode, urlsplit

from hycheck import _readers
from hycheck import lexicon as lx
from hycheck._dates import parse_date, stated_date, url_date
from hycheck._gc import paused
from hycheck.gazetteer import Place, find_places
from hycheck.model import Article
from hycheck.normalize import normalize

__all__ = [
    "PAGE_SUFFIXES",
    "PageProblem",
    "Pages",
    "load_pages",
    "parse_date",
    "region_of",
    "split_channel",
    "stated_date",
]

PAGE_SUFFIXES = (".txt", ".jsonl", ".json", ".csv", ".html", ".htm")
"""The file kinds read from a directory (a file named explicitly is read whatever its name)."""


@dataclass(frozen=True, slots=True)
class PageProblem:
    """Something on a page that could not be read as an article: path, line, what is wrong."""

    page: str
    line: int
    message: str

    def __str__(self) -> str:
        where = f"{self.page}:{self.line}" if self.line else self.page
        return f"{where}: {self.message}"


class Pages(Sequence[Article]):
    """The articles read from some pages, the problems met on the way, and the files read."""

    def __init__(
        self,
        articles: Sequence[Article],
        problems: Sequence[PageProblem] = (),
        files: Sequence[str] = (),
    ) -> None:
        self.articles = tuple(articles)
        self.problems = tuple(problems)
        self.files = tuple(files)

    @overload
    def __getitem__(self, index: int) -> Article: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Article]: ...
    def __getitem__(self, index: int | slice) -> Article | Sequence[Article]:
        return self.articles[index]

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __repr__(self) -> str:
        return (
            f"<Pages: {len(self.files)} files, {len(self)} articles, {len(self.problems)} problems>"
        )


def load_pages(*paths: str | os.PathLike[str]) -> Pages:
    """Read page files and directories into articles; see the module docstring."""
    articles: list[Article] = []
    problems: list[PageProblem] = []
    files: list[str] = []
    with paused():  # see hycheck._gc: many small objects, no cycles
        for path in paths:
            for name in _page_files(os.fspath(path), problems):
                files.append(name)
                found, trouble = _read_file(name)
                articles.extend(found)
                problems.extend(trouble)
    return Pages(articles, problems, files)


# -- files and encodings ---------------------------------------------------------------------


def _page_files(name: str, problems: list[PageProblem]) -> list[str]:
    if not os.path.isdir(name):
        return [name]

    def unreadable(exc: OSError) -> None:
        problems.append(PageProblem(exc.filename or name, 0, f"cannot read: {exc.strerror}"))

    found: list[str] = []
    for root, dirs, names in os.walk(name, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            os.path.join(root, f)
            for f in names
            if not f.startswith(".") and os.path.splitext(f)[1].lower() in PAGE_SUFFIXES
        )
    return sorted(found, key=lambda f: Path(f).parts)


class _Undecodable(Exception):
    pass


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"<meta\b[^>]{0,300}?charset\s*=\s*[\"']?\s*([\w.:-]{1,40})", re.I)
_GB = {"gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "euc-cn", "gb18030"}
# Single-byte charsets decode any bytes: a page declaring one but holding valid UTF-8 (a
# template default left in place) is read as UTF-8, or its Chinese would turn to mojibake.
_LATIN = {"latin-1", "iso8859-1", "cp1252", "ascii"}
_WIDE = ("utf-16", "utf_16", "utf-32", "utf_32")  # decode almost any bytes: as the HTML
# standard says, a page that declares them in a meta tag is read as UTF-8


def _decode(data: bytes, html: bool) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                where = _where(data, exc.start + len(bom))
                raise _Undecodable(
                    f"has a {encoding} byte-order mark but is not {encoding} ({where})"
                ) from None
    if html and (found := _META_CHARSET.search(data, 0, 4096)):
        declared = found.group(1).decode("ascii").lower()
        encoding = "gb18030" if declared in _GB else declared
        try:
            name = codecs.lookup(encoding).name
            if name.startswith(_WIDE):
                name = "utf-8"
            if name not in _LATIN or not _is_utf8(data):
                return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: go on as if there were none
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = _where(data, exc.start)
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise _Undecodable(f"cannot decode: not UTF-8 ({where}) and not GB18030") from None


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _where(data: bytes, offset: int) -> str:
    line = data.count(b"\n", 0, offset) + 1
    return f"byte 0x{data[offset]:02x} at offset {offset}, line {line}"


def _read_file(name: str) -> tuple[list[Article], list[PageProblem]]:
    try:
        data = Path(name).read_bytes()
    except FileNotFoundError:
        return [], [PageProblem(name, 0, "no such file or directory")]
    except OSError as exc:
        return [], [PageProblem(name, 0, f"cannot read: {exc.strerror or exc}")]
    suffix = os.path.splitext(name)[1].lower()
    html = suffix in (".html", ".htm") or data.lstrip()[:1] == b"<"
    try:
        text = _decode(data, html).replace("\r\n", "\n")
    except _Undecodable as exc:
        return [], [PageProblem(name, 0, str(exc))]
    if not text.strip():
        return [], [PageProblem(name, 0, "empty file: no article")]
    records, raw = _reader(suffix, text)(text)
    problems = [PageProblem(name, line, message) for line, message in raw]
    if not records and not problems:
        problems.append(PageProblem(name, 0, "no article found on the page"))
    articles, more = _articles(name, records)
    return articles, sorted(problems + more, key=lambda p: p.line)


def _reader(
    suffix: str, text: str
) -> Callable[[str], tuple[list[_readers.Record], list[_readers.Problem]]]:
    by_suffix = {
        ".html": _readers.read_html,
        ".htm": _readers.read_html,
        ".jsonl": _readers.read_jsonl,
        ".json": _readers.read_json,
        ".csv": _readers.read_csv,
    }
    if suffix in by_suffix:
        return by_suffix[suffix]
    head = text.lstrip()[:1]
    if head == "<":
        return _readers.read_html
    if head in ("{", "["):
        return _readers.read_json  # an array, one object, or JSON Lines
    first = text.split("\n", 1)[0].lower()
    if "," in first or "\t" in first:
        cells = {c.strip().strip('"') for c in re.split(r"[,\t;]", first)}
        if cells & {"title", "body", "content", "标题", "正文"}:
            return _readers.read_csv
    return lambda t: _readers.read_dump(t.split("\n"))


# -- articles ---------------------------------------------------------------------------------


def _articles(page: str, records: list[_readers.Record]) -> tuple[list[Article], list[PageProblem]]:
    problems: list[PageProblem] = []
    drafts: list[Article] = []
    for doc, rec in enumerate(records):
        title, body = rec.title or "", rec.body or ""
        missing = [what for what, text in (("title", title), ("body", body)) if not text.strip()]
        if rec.needs_date and rec.published is None:
            missing.append("listing date")
        if missing:
            problems.append(
                PageProblem(page, rec.line, f"article {doc} is cut off: no {', no '.join(missing)}")
            )
        listed = None
        if rec.published is not None:
            listed = parse_date(rec.published)
            if listed is None:
                problems.append(
                    PageProblem(
                        page,
                        rec.published_line,
                        f"listing date {rec.published[:40]!r} is not a date",
                    )
                )
        if listed is None and rec.url:
            listed = url_date(rec.url)  # …/202409/t20240909_1895482.shtml: filed by its day
        channel, headline = split_channel(title)
        drafts.append(
            Article(
                page=page,
                doc=doc,
                title=title,
                body=body,
                line=rec.line,
                headline=headline,
                channel=channel,
                listed=listed,
                stated=stated_date(body),
                region=region_of(headline, body, channel),
                identity=_identity(headline, rec.url),
                url=rec.url,
                meta=rec.meta,
            )
        )
    return _separate(drafts), problems


_TAGS = {"【": "】", "〖": "〗", "［": "］", "[": "]"}


def split_channel(title: str) -> tuple[str, str]:
    """(channel, headline): a leading tag in 【】 split off the title.

    >>> split_channel("【汉阳区招商】2021年汉阳区政府工作报告")
    ('汉阳区招商', '2021年汉阳区政府工作报告')
    >>> split_channel("汉阳一季度招商引资强劲")
    ('', '汉阳一季度招商引资强劲')
    """
    stripped = title.strip()
    close = _TAGS.get(stripped[:1])
    end = stripped.find(close, 1, 40) if close else -1
    if end < 0:
        return "", stripped
    return stripped[1:end].strip(), stripped[end + 1 :].strip()


_OPENING = 200


def region_of(headline: str, body: str = "", channel: str = "") -> str:
    """The most specific place the article is about: headline, else opening, else channel.
    Traditional script reads as simplified (綿陽市 is 绵阳市).  The country only when the
    headline names it: 中国 in the body mostly starts a company's name (中国电建集团).

    >>> region_of("汉阳一季度招商引资强劲 日均签约投资超2亿元")
    '汉阳区'
    >>> region_of("2018年政府工作报告", "2017年12月26日在武汉市汉阳区第十五届人民代表大会上")
    '汉阳区'
    >>> region_of("綿陽市涪城區第六屆人民代表大會開幕")
    '绵阳市涪城区'
    >>> region_of("2019年洪洞县国民经济和社会发展统计公报", "山西省临汾市")
    '洪洞县'
    >>> region_of("2020年政府工作报告", "中国电建集团签约")
    ''
    >>> region_of("(河北省)2017年蠡县人民政府工作报告(全文)")
    '蠡县'
    >>> region_of("河北省召开全省县域经济工作会议 蠡县作典型发言")
    '河北省'

    A district or county the gazetteer does not list is still the region when the headline
    names it right after a place it lists (渭南高新区, 绵阳市涪城区) or opens with it (洪洞县…,
    2019年梨树县…): its ``level_of`` is read from its ending, so a county's figures are not
    held to a city's or a province's ranges.
    """
    country = ""
    for i, text in enumerate((headline, body[:_OPENING], channel)):
        text = normalize(text)
        best: tuple[int, int, Place] | None = None
        for start, end, place in find_places(text):
            if best is None or place.depth > best[2].depth:
                best = (start, end, place)
        if i == 0:
            unlisted = _unlisted_part(text, best)
            if unlisted:
                return unlisted
        elif i == 1 and best is not None and best[2].level in ("city", "province"):
            # 2008年12月24日在盘锦市兴隆台区第六届人民代表大会…: a part the gazetteer does not
            # list, right after its city in the opening
            m = _PART_NAME.match(text, best[1])
            if (
                m
                and _may_name(m.group())
                and m.group() not in _ZONES
                and _OWN_BODY.match(text, m.end()) is not None  # (not 召开县区委书记座谈会)
            ):
                return text[best[0] : best[1]] + m.group()
        if best is not None and best[2].level != "country":
            return best[2].name
        if best is not None and i == 0:
            country = best[2].name
    return country


def _unlisted_part(headline: str, best: tuple[int, int, Place] | None) -> str:
    """A district or county named in the headline that the gazetteer does not list."""
    if best is not None:
        start, end, place = best
        m = _PART_NAME.match(headline, end)
        if m and place.level in ("city", "province") and _may_name(m.group()):
            return headline[start:end] + m.group()  # 绵阳市涪城区, 渭南高新区
        if place.level not in ("city", "province"):
            return ""
        # (河北省)2017年蠡县…, (廣安市)廣安區…: right after the wider place and its bracket
        m = _AFTER_PLACE_COUNTY.match(headline, end)
        return m.group(1) if m and _may_name(m.group(1)) and m.group(1) not in _ZONES else ""
    # 洪洞县…, 2019年梨树县…
    m = _OPENING_COUNTY.search(headline)
    name = (m.group(1) or m.group(2)) if m else ""
    return name if name and _may_name(name) and name not in _ZONES else ""


def _may_name(word: str) -> bool:
    """Whether ``word`` (…区, …县, …旗) can be a place's name: not 各区, 度县 (2019年度县域),
    重点县, 景区, 郊区 …: words the lexicon lists as no place."""
    return not (
        word[0] in lx.NOT_PLACE_FIRST_CHARS
        or word.startswith(lx.NOT_PLACE_PREFIXES)
        or word.endswith(lx.NOT_PLACE_ENDINGS)
        or word in lx.SELF_REGION_WORDS
        or word in lx.NOT_PLACE_WORDS
    )


_NAME_CHAR = r"(?:(?![年月])[\u4e00-\u9fff])"
_PLACE_END = r"(?:区|县|旗)(?![域级])"  # not 县域, 区级
_PART_NAME = re.compile(f"{_NAME_CHAR}{{1,4}}?{_PLACE_END}")
_OPENING_COUNTY = re.compile(
    f"(?:^|年|[)】\\]」 ])({_NAME_CHAR}{{1,3}}?{_PLACE_END})"
    # in brackets after the headline: (兴隆台区), (兴隆台区政府); not (灾区), lexicon words
    f"|[(]({_NAME_CHAR}{{1,3}}?{_PLACE_END})(?=[),,第]|人民|政府)"
)
_AFTER_PLACE_COUNTY = re.compile(
    f"[)）】\\]」]\\s*(?:(?:19|20)\\d\\d年)?({_NAME_CHAR}{{1,3}}?{_PLACE_END})"
)
_OWN_BODY = re.compile(r"\s*(?:第|人民|人大|政府|统计局|全区|全县)")
"""What follows a district named in a report's opening: its congress or government."""
_ZONES = frozenset({"新区", "高新区", "经开区", "示范区", "保税区", "自贸区", "试验区"})
"""Kinds of zone: a name after a place (渭南高新区), a common noun alone (高新区招商局…)."""


# -- identity ---------------------------------------------------------------------------------

_NOT_ALNUM = re.compile(r"[\W_]+")  # everything but letters and digits
_NOT_LETTER = re.compile(r"[\W\d_]+")
_NO_CN_NUMERALS = str.maketrans(
    dict.fromkeys("〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億兩")
)


def _squash(text: str) -> str:
    """NFKC, case-folded, letters and digits only: what survives a cosmetic re-scrape."""
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _canonical_url(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
        query = sorted(
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.startswith("utm_")
        )
    except ValueError:
        return url.strip()
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{urlencode(query)}"


def _identity(headline: str, url: str) -> str:
    if url.strip():
        return "u:" + _digest(_canonical_url(url))
    key = _squash(headline)
    return "t:" + _digest(key) if key else ""


def _body_print(body: str) -> str:
    """The body's letters only: no digits, no Chinese numerals, so an edited figure keeps it."""
    return _digest(_NOT_LETTER.sub("", unicodedata.normalize("NFKC", body).casefold()))


def _separate(articles: list[Article]) -> list[Article]:
    """Make identities unique on a page: a body fingerprint, then a running number."""
    counts = Counter(a.identity for a in articles)
    out: list[Article] = []
    for a in articles:
        if not a.identity:
            out.append(_with_identity(a, "b:" + _body_print(a.body)))
        elif counts[a.identity] > 1:
            out.append(_with_identity(a, f"{a.identity}.{_body_print(a.body)}"))
        else:
            out.append(a)
    counts = Counter(a.identity for a in out)
    seen: Counter[str] = Counter()
    for i, a in enumerate(out):
        if counts[a.identity] > 1:
            seen[a.identity] += 1
            if seen[a.identity] > 1:
                out[i] = _with_identity(a, f"{a.identity}.{seen[a.identity]}")
    return out


def _with_identity(article: Article, identity: str) -> Article:
    return replace(article, identity=identity)
