"""Reading pages into articles: the seed, each format and encoding, bad input, identity."""

from __future__ import annotations

import codecs
import json
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hycheck.cli import main
from hycheck.model import Article
from hycheck.pages import (
    PageProblem,
    Pages,
    load_pages,
    parse_date,
    region_of,
    split_channel,
    stated_date,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_984d2c24117c5c48.txt"
DATA = ROOT / "tests" / "data" / "pages"


def only(pages: Pages) -> Article:
    assert len(pages) == 1, pages.problems
    return pages[0]


def messages(pages: Pages) -> list[tuple[str, int, str]]:
    return [(Path(p.page).name, p.line, p.message) for p in pages.problems]


# -- the seed page ------------------------------------------------------------------------------


def test_the_seed_page_reads_into_exactly_five_articles_with_their_titles_and_dates() -> None:
    pages = load_pages(SEED)
    assert pages.problems == ()
    assert [a.title for a in pages] == [
        "【投资汉阳区】2018年武汉市汉阳区政府工作报告",
        '【汉阳区招商】汉阳中欧科技金融交流合作中心揭牌 搭建"一带一路"创新合作新平台',
        "【汉阳区招商】汉阳区迎来39亿大健康产业集群 重点项目与高端人才助推产业升级",
        "【汉阳区招商】2021年汉阳区政府工作报告",
        "汉阳一季度招商引资强劲 日均签约投资超2亿元",
    ]
    assert [a.listed for a in pages] == [
        date(2025, 7, 15),
        date(2025, 7, 11),
        date(2025, 7, 11),
        date(2025, 7, 7),
        date(2025, 7, 2),
    ]
    assert [a.stated for a in pages] == [date(2017, 12, 26), None, None, date(2020, 12, 28), None]
    assert [a.region for a in pages] == ["汉阳区"] * 5
    assert [a.doc for a in pages] == [0, 1, 2, 3, 4]
    assert [a.line for a in pages] == [1, 5, 9, 13, 17]


def test_the_seed_bodies_are_the_body_lines_exactly_as_written() -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    pages = load_pages(str(SEED))
    assert [a.body for a in pages] == [lines[2], lines[6], lines[10], lines[14], lines[18]]
    assert all(a.page == str(SEED) for a in pages)


def test_the_channel_tag_is_split_off_the_seed_titles() -> None:
    pages = load_pages(SEED)
    assert [a.channel for a in pages] == [
        "投资汉阳区",
        "汉阳区招商",
        "汉阳区招商",
        "汉阳区招商",
        "",
    ]
    assert pages[3].headline == "2021年汉阳区政府工作报告"
    assert pages[4].headline == pages[4].title


def test_the_site_footer_of_the_seed_is_neither_an_article_nor_a_problem() -> None:
    pages = load_pages(SEED)
    assert len(pages) == 5
    assert pages.problems == ()
    assert "点我投稿" not in pages[4].body


# -- identity -----------------------------------------------------------------------------------


def rescrape(tmp_path: Path, name: str, change: str) -> list[Article]:
    """The seed page as a later scrape with one cosmetic change."""
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    titles = [1, 5, 9, 13, 17]
    if change == "whitespace":
        for i in titles:
            lines[i] = "  " + lines[i].replace(" ", "   ").replace("年", "年 ") + " \t"
    elif change == "punctuation":
        wide = str.maketrans({'"': "＂", " ": "　", "1": "１", "+": "＋"})
        for i in titles:
            lines[i] = lines[i].translate(wide).replace("【", "[").replace("】", "]")
    elif change == "channel":
        for i in titles:
            lines[i] = (
                lines[i].replace("【汉阳区招商】", "【投资汉阳】").replace("【投资汉阳区】", "")
            )
    elif change == "figure":
        lines[2] = lines[2].replace("948亿元", "950亿元").replace("5.6%", "6.1%")
    text = "\n".join(lines)
    if change == "crlf":
        text = text.replace("\n", "\r\n")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return list(load_pages(path))


def test_the_five_seed_articles_have_five_different_identities() -> None:
    identities = [a.identity for a in load_pages(SEED)]
    assert len(set(identities)) == 5
    assert all(i.startswith("t:") for i in identities)


@pytest.mark.parametrize("change", ["whitespace", "punctuation", "channel", "crlf", "figure"])
def test_the_identity_survives_a_cosmetic_rescrape(tmp_path: Path, change: str) -> None:
    before = [a.identity for a in load_pages(SEED)]
    after = [a.identity for a in rescrape(tmp_path, "seed.txt", change)]
    assert after == before


def test_a_channel_tag_in_other_brackets_is_split_off_too() -> None:
    assert split_channel("[投资汉阳]2021年汉阳区政府工作报告") == (
        "投资汉阳",
        "2021年汉阳区政府工作报告",
    )
    assert split_channel("〖汉阳区招商〗 汉阳区简讯") == ("汉阳区招商", "汉阳区简讯")
    assert split_channel("汉阳区【招商】简讯") == ("", "汉阳区【招商】简讯")


def test_a_different_headline_gives_a_different_identity(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(
        "-\n汉阳区签约项目12个\n正文。\n2024-01-02\n-\n汉阳区签约项目13个\n正文。\n2024-01-02\n",
        encoding="utf-8",
    )
    a, b = load_pages(page)
    assert a.identity != b.identity


def test_two_articles_with_the_same_headline_on_a_page_are_separated_by_their_bodies(
    tmp_path: Path,
) -> None:
    page = tmp_path / "p.txt"
    page.write_text(
        "-\n【通知】关于开展招商引资工作的通知\n各街道：请做好招商引资工作。\n2024-01-02\n"
        "-\n【公告】关于开展招商引资工作的通知\n各部门：请报送项目清单。\n2024-01-03\n"
        "-\n关于开展招商引资工作的通知\n各部门：请报送项目清单。\n2024-01-03\n",
        encoding="utf-8",
    )
    pages = load_pages(page)
    identities = [a.identity for a in pages]
    assert len(set(identities)) == 3
    # the same body (a duplicate listing) is told apart by a running number
    assert identities[2] == identities[1] + ".2"


def test_an_article_with_a_url_is_identified_by_its_url_whatever_its_title(tmp_path: Path) -> None:
    old, new = tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    url = "https://www.hanyang.gov.cn/tzhy/202404/t20240426_1.html"
    old.write_text(f'{{"title": "汉阳区招商推介会", "body": "正文", "url": "{url}"}}\n', "utf-8")
    new.write_text(
        '{"title": "汉阳区在上海举办招商推介会", "body": "正文", '
        '"url": "http://hanyang.gov.cn/tzhy/202404/t20240426_1.html/?utm_source=wx#top"}\n',
        "utf-8",
    )
    assert only(load_pages(old)).identity == only(load_pages(new)).identity


@pytest.mark.parametrize(
    ("url", "published", "listed"),
    [
        ("http://liulin.gov.cn/tjsjj/202409/t20240909_1895482.shtml", None, date(2024, 9, 9)),
        ("http://www.hzsc.gov.cn/art/2012/2/17/art_1983661.html", None, date(2012, 2, 17)),
        ("http://news.example.cn/content/2018-01/11/content_3444361.htm", None, date(2018, 1, 11)),
        ("http://3g.qdn.cn/news/jp/201111/71441.shtml", None, None),  # a month: any day of it
        ("http://tjgb.example.com/xj2020/41104.html", None, None),  # no date, a folder's name
        ("http://example.cn/2019/03/05/a.html?date=2020-01-01", None, date(2019, 3, 5)),
        ("http://example.cn/2019/03/05/a.html", "2019-03-07", date(2019, 3, 7)),  # stated wins
        ("http://example.cn/201913/40/a.html", None, None),  # no such month
        ("http://example.gov.cn/info/1012/20191203.htm", None, None),  # a file's name: an id
        ("http://example.gov.cn/info/2011/10/15.htm", None, None),  # 15: an id in a month
        ("http://example.cn/doc/2099/12/31/a.html", None, None),  # a day to come
    ],
)
def test_an_article_without_a_listing_date_is_listed_on_the_day_its_url_files_it_under(
    tmp_path: Path, url: str, published: str | None, listed: date | None
) -> None:
    page = tmp_path / "news.jsonl"
    record = {"title": "全县经济运行情况", "body": "1至8月,全县生产总值增长5%。", "url": url}
    if published is not None:
        record["published"] = published
    page.write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    assert only(load_pages(page)).listed == listed


# -- encodings and text forms --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("gb18030", b""),
        ("gbk", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
    ],
)
def test_the_seed_reads_the_same_in_every_supported_encoding(
    tmp_path: Path, encoding: str, prefix: bytes
) -> None:
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / "seed.txt"
    path.write_bytes(prefix + text.replace("\n", "\r\n").encode(encoding))
    expected = [(a.title, a.body, a.listed, a.identity) for a in load_pages(SEED)]
    pages = load_pages(path)
    assert pages.problems == ()
    assert [(a.title, a.body, a.listed, a.identity) for a in pages] == expected


def test_a_bom_and_crlf_fixture_reads_like_its_plain_twin() -> None:
    bom, crlf = load_pages(DATA / "news_bom.txt"), load_pages(DATA / "news_crlf.txt")
    assert bom.problems == crlf.problems == ()
    assert [(a.title, a.body, a.listed) for a in bom] == [(a.title, a.body, a.listed) for a in crlf]
    assert not bom[0].title.startswith("\ufeff")
    assert all("\r" not in a.body for a in crlf)


def test_full_width_digits_and_traditional_units_reach_the_body_intact() -> None:
    gb = load_pages(DATA / "news_gb18030.txt")
    assert gb.problems == ()
    assert "總投資１２０億元" in gb[0].body
    assert "合同外資１．２萬美元" in gb[0].body
    assert gb[0].region == "江岸区"
    jsonl = load_pages(DATA / "articles.jsonl")
    assert "全市地区生产总值２００１２．５１億元" in jsonl[0].body
    assert "1377.40萬人" in jsonl[0].body


def test_a_lone_carriage_return_inside_a_body_is_kept(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_bytes("-\r\n汉阳区简讯\r\n第一句。\r第二句。\r\n2024-01-02\r\n".encode())
    assert only(load_pages(page)).body == "第一句。\r第二句。"


# -- formats -----------------------------------------------------------------------------------


def test_json_lines_columns_map_to_fields_and_other_columns_are_kept_as_text() -> None:
    pages = load_pages(DATA / "articles.jsonl")
    assert pages.problems == ()
    bulletin, signing, quarter = pages
    assert bulletin.headline == "2023年武汉市国民经济和社会发展统计公报"
    assert bulletin.channel == "武汉统计"
    assert bulletin.listed == date(2024, 3, 28)
    assert bulletin.region == "武汉市"
    assert bulletin.url.startswith("https://www.wuhan.gov.cn/")
    assert bulletin.meta == {"source": "武汉市统计局", "views": "1024", "tags": '["统计", "公报"]'}
    assert bulletin.identity.startswith("u:")
    assert [a.line for a in pages] == [1, 2, 3]
    # `content` and `date` stand in for body and published
    assert signing.body.startswith("4月18日，蔡甸区举行重点项目集中签约活动")
    assert signing.listed == date(2024, 4, 18)
    assert signing.region == "蔡甸区"
    # `text` is a body too; an empty published date is no date, and no problem
    assert quarter.body == "一季度，江夏区规模以上工业增加值同比增长8.1%。"
    assert quarter.listed is None


def test_a_json_array_reads_with_the_line_of_each_record() -> None:
    pages = load_pages(DATA / "articles.json")
    assert pages.problems == ()
    assert [a.line for a in pages] == [2, 7]
    assert pages[1].stated == date(2024, 1, 8)
    assert pages[1].region == "洪山区"


def test_a_csv_reads_quoted_multiline_bodies_with_their_record_lines() -> None:
    pages = load_pages(DATA / "articles.csv")
    assert pages.problems == ()
    first, second = pages
    assert first.body == (
        "3月15日，硚口区举行招商引资项目集中签约仪式，签约项目12个，总投资85亿元。\n"
        "其中总部项目5个，占比超过四成。"
    )
    assert (first.line, second.line) == (2, 4)
    assert first.channel == "硚口区招商"
    assert first.meta == {"channel": "招商引资"}
    assert second.listed == date(2024, 4, 2)
    assert second.region == "东西湖区"


def test_a_saved_html_page_gives_its_main_text_title_and_meta_date() -> None:
    a = only(load_pages(DATA / "gov_article.html"))
    assert a.title == "汉阳一季度招商引资强劲 日均签约投资超2亿元"
    assert a.listed == date(2022, 4, 8)
    assert a.region == "汉阳区"
    assert a.body.startswith("2022年一季度，汉阳区招商引资实现“开门红”")
    for clutter in ("网站地图", "鄂ICP备", "当前位置", "上一篇", "分享到"):
        assert clutter not in a.body
    assert a.meta["columnname"] == "招商引资"


def test_a_gbk_html_page_is_decoded_by_its_meta_charset_and_dated_from_the_shown_date() -> None:
    a = only(load_pages(DATA / "gov_article_gbk.html"))
    assert "日均簽約金額超過２億元" in a.body
    # the page shows 发布日期：2022年04月08日 and has no date meta; htmldate's own guess
    # would have been 2022-01-01 (from 2022年一季度 in the text)
    assert a.listed == date(2022, 4, 8)
    assert a.identity == only(load_pages(DATA / "gov_article.html")).identity


def test_an_html_page_without_a_date_has_no_listing_date_rather_than_a_guessed_one() -> None:
    a = only(load_pages(DATA / "more" / "no_date.html"))
    assert a.listed is None


def test_html_without_the_html_extra_is_a_clear_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    pages = load_pages(DATA / "gov_article.html", SEED)
    assert len(pages) == 5
    assert messages(pages) == [
        ("gov_article.html", 0, "saved HTML pages need the html extra: pip install 'hycheck[html]'")
    ]


def test_a_broken_trafilatura_install_is_a_problem_that_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import builtins

    real_import = builtins.__import__

    def fake_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", fake_import)
    pages = load_pages(DATA / "gov_article.html")
    (problem,) = pages.problems
    assert problem.message.startswith("saved HTML pages need the html extra")
    assert "does not import: lxml.html.clean module is now a separate project" in problem.message


def test_a_txt_file_holding_json_lines_or_html_is_read_by_its_content(tmp_path: Path) -> None:
    as_txt = tmp_path / "dump.txt"
    as_txt.write_bytes((DATA / "articles.jsonl").read_bytes())
    assert len(load_pages(as_txt)) == 3
    html_txt = tmp_path / "saved.txt"
    html_txt.write_bytes((DATA / "gov_article.html").read_bytes())
    assert only(load_pages(html_txt)).listed == date(2022, 4, 8)


def test_a_single_pretty_printed_json_object_is_one_article(tmp_path: Path) -> None:
    page = tmp_path / "one.json"
    page.write_text(
        '\n{\n  "title": "汉阳区简讯",\n  "body": "汉阳区签约项目3个。",\n'
        '  "date": "2024-05-01"\n}\n',
        "utf-8",
    )
    a = only(load_pages(page))
    assert (a.line, a.listed, a.region) == (2, date(2024, 5, 1), "汉阳区")


def test_a_repeated_csv_column_is_kept_under_a_numbered_name(tmp_path: Path) -> None:
    page = tmp_path / "dup.csv"
    page.write_text("title,body,source,source\n汉阳区简讯,正文。,汉阳区政府,长江日报\n", "utf-8")
    assert only(load_pages(page)).meta == {"source": "汉阳区政府", "source.1": "长江日报"}


def test_an_html_page_declaring_latin1_but_holding_utf8_is_read_as_utf8(tmp_path: Path) -> None:
    html = (DATA / "gov_article.html").read_text(encoding="utf-8")
    page = tmp_path / "latin.html"
    page.write_text(html.replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">'), "utf-8")
    assert only(load_pages(page)).title == "汉阳一季度招商引资强劲 日均签约投资超2亿元"


# -- directories -------------------------------------------------------------------------------


def test_a_directory_is_read_recursively_in_sorted_order_skipping_hidden_and_unknown_files() -> (
    None
):
    pages = load_pages(DATA)
    names = [str(Path(f).relative_to(DATA)) for f in pages.files]
    assert names == sorted(names, key=lambda n: Path(n).parts)
    assert ".hidden.txt" not in names
    assert "more/notes.md" not in names
    assert "more/reports.txt" in names
    assert "隐藏文件中的文章" not in [a.title for a in pages]


def test_a_directory_with_some_bad_files_still_reads_every_good_article() -> None:
    pages = load_pages(DATA)
    read = {Path(a.page).name for a in pages}
    assert {"articles.jsonl", "articles.csv", "gov_article.html", "reports.txt"} <= read
    assert {"cut_off.txt", "bad_date.txt", "junk_tail.txt", "bad_lines.jsonl"} <= read
    bad = {Path(p.page).name for p in pages.problems}
    assert bad == {
        "bad_date.txt",
        "bad_lines.jsonl",
        "cut_off.txt",
        "empty.txt",
        "extra_field.csv",
        "junk_tail.txt",
        "no_columns.csv",
        "undecodable.txt",
    }
    for article in pages:
        assert Path(article.page).is_relative_to(DATA)


# -- bad input ---------------------------------------------------------------------------------


def test_a_cut_off_article_is_kept_and_reported_with_its_line() -> None:
    pages = load_pages(DATA / "broken" / "cut_off.txt")
    assert [a.title for a in pages] == [
        "汉南区签约项目5个",
        "新洲区工业投资增长12%",
        "黄陂区文旅项目开工",
    ]
    assert [a.listed for a in pages] == [date(2024, 3, 1), None, None]
    assert pages[1].body == "新洲区一季度工业投资同比增长12%。"
    assert pages[2].body == ""
    assert messages(pages) == [
        ("cut_off.txt", 5, "article 1 is cut off: no listing date"),
        ("cut_off.txt", 8, "article 2 is cut off: no body, no listing date"),
    ]


def test_a_listing_date_that_is_not_a_date_keeps_the_article_undated_and_names_the_line() -> None:
    pages = load_pages(DATA / "broken" / "bad_date.txt")
    assert [a.listed for a in pages] == [None, date(2024, 12, 30)]
    assert pages[0].body == "武昌区一季度服务业增加值同比增长6%。"
    assert messages(pages) == [("bad_date.txt", 4, "listing date '2025-13-45' is not a date")]


def test_unknown_trailing_text_is_a_problem_but_the_known_footer_is_not() -> None:
    pages = load_pages(DATA / "broken" / "junk_tail.txt")
    assert len(pages) == 1
    assert messages(pages) == [
        ("junk_tail.txt", 10, "2 lines of text outside any article: 'var _hmt = _hmt || [];'")
    ]


def test_an_empty_file_is_a_problem() -> None:
    pages = load_pages(DATA / "broken" / "empty.txt")
    assert len(pages) == 0
    assert messages(pages) == [("empty.txt", 0, "empty file: no article")]


def test_a_missing_file_is_a_problem_and_the_other_pages_are_still_read(tmp_path: Path) -> None:
    pages = load_pages(tmp_path / "不存在.txt", SEED)
    assert len(pages) == 5
    assert pages.problems == (
        PageProblem(str(tmp_path / "不存在.txt"), 0, "no such file or directory"),
    )


def test_an_undecodable_file_names_the_byte_offset_and_line() -> None:
    pages = load_pages(DATA / "broken" / "undecodable.txt")
    assert len(pages) == 0
    assert messages(pages) == [
        (
            "undecodable.txt",
            0,
            "cannot decode: not UTF-8 (byte 0x80 at offset 11, line 2) and not GB18030",
        )
    ]


def test_bad_json_lines_are_reported_and_the_good_lines_read() -> None:
    pages = load_pages(DATA / "broken" / "bad_lines.jsonl")
    assert [a.title for a in pages] == ["蔡甸区新签约项目8个", "江夏区新增就业1.1万人"]
    assert [a.line for a in pages] == [1, 4]
    assert [(p.line, p.message.split(" (")[0]) for p in pages.problems] == [
        (2, "not JSON"),
        (3, "expected a JSON object with title and body, not an array"),
    ]


def test_a_csv_without_title_or_body_columns_says_which_columns_it_found() -> None:
    pages = load_pages(DATA / "broken" / "no_columns.csv")
    assert messages(pages) == [
        ("no_columns.csv", 1, "no title or body column in the CSV header (columns: name, value)")
    ]


def test_a_csv_row_with_too_many_fields_is_reported_and_still_read() -> None:
    pages = load_pages(DATA / "broken" / "extra_field.csv")
    assert only(pages).title == "黄陂区文旅项目签约"
    assert messages(pages) == [("extra_field.csv", 2, "row has 4 fields, the header has 3")]


def test_a_json_array_cut_off_in_the_middle_keeps_the_records_before_the_cut(
    tmp_path: Path,
) -> None:
    page = tmp_path / "cut.json"
    page.write_text('[\n{"title": "汉阳区简讯", "body": "正文。"},\n{"title": "断', "utf-8")
    pages = load_pages(page)
    assert only(pages).title == "汉阳区简讯"
    assert [p.line for p in pages.problems] == [3]


# -- stated dates, regions, channels ----------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("2017年12月26日在武汉市汉阳区第十五届人民代表大会第二次会议上", date(2017, 12, 26)),
        ("2021年汉阳区政府工作报告 ——2021年1月6日在武汉市汉阳区", date(2021, 1, 6)),
        ("二〇二一年一月六日在汉阳区第十五届人民代表大会第七次会议上", date(2021, 1, 6)),
        ("二〇二〇年十二月二十八日在区人民代表大会上", date(2020, 12, 28)),
        ("（２０１９年１月８日）各位代表：", date(2019, 1, 8)),
        ("2022年一季度,汉阳区招商引资实现“开门红”", None),
        ("4月26日，汉阳区在上海举办招商推介会", None),
        ("2024年3月28日发布。初步核算，全市地区生产总值", None),
        ("2017年2月30日在区人民代表大会上", None),
        ("x" * 400 + "2017年12月26日在区人民代表大会上", None),
    ],
)
def test_the_stated_date_is_read_from_the_opening_only_in_its_dateline_forms(
    opening: str, expected: date | None
) -> None:
    assert stated_date(opening) == expected


@pytest.mark.parametrize(
    ("headline", "body", "channel", "expected"),
    [
        ("2018年武汉市汉阳区政府工作报告", "", "", "汉阳区"),
        ("汉阳一季度招商引资强劲", "", "", "汉阳区"),
        ("一季度招商引资强劲", "2022年一季度，东西湖区招商引资实现开门红", "", "东西湖区"),
        ("一季度招商引资强劲", "全区招商引资实现开门红", "汉阳区招商", "汉阳区"),
        ("中国—东盟博览会开幕", "湖北省代表团签约项目12个", "", "湖北省"),
        ("中国—东盟博览会开幕", "签约项目12个", "", "中国"),
        ("一季度招商引资强劲", "绿水青山就是金山银山，各位来宾", "", ""),
    ],
)
def test_the_region_is_the_most_specific_place_of_headline_then_opening_then_channel(
    headline: str, body: str, channel: str, expected: str
) -> None:
    assert region_of(headline, body, channel) == expected


def test_a_listing_date_may_carry_a_time_or_be_written_in_chinese() -> None:
    assert parse_date("2025-07-15 09:30") == date(2025, 7, 15)
    assert parse_date("2025年07月15日") == date(2025, 7, 15)
    assert parse_date("2025-07-15 是日期") is None
    assert parse_date("2025-02-29") is None


# -- the command -------------------------------------------------------------------------------


def test_hycheck_pages_lists_title_dates_region_and_length(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["pages", str(SEED)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "page\tdoc\tline\tlisted\tstated\tregion\tlength\ttitle"
    assert out[1].split("\t") == [
        str(SEED),
        "0",
        "1",
        "2025-07-15",
        "2017-12-26",
        "汉阳区",
        "9273",
        "【投资汉阳区】2018年武汉市汉阳区政府工作报告",
    ]
    assert out[2].split("\t")[4] == "-"
    assert len(out) == 6


def test_hycheck_pages_reports_problems_on_stderr_and_exits_two(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["pages", str(DATA / "broken" / "bad_date.txt")]) == 2
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 3
    assert "bad_date.txt:4: listing date '2025-13-45' is not a date" in captured.err


def test_hycheck_pages_keeps_one_row_per_article_when_a_title_holds_a_tab(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "p.jsonl"
    page.write_text('{"title": "汉阳区\\t招商\\n简讯", "body": "正文。"}\n', "utf-8")
    assert main(["pages", str(page)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2
    assert rows[1].split("\t")[-1] == "汉阳区 招商 简讯"


# -- never crash -------------------------------------------------------------------------------

SUFFIXES = [".txt", ".jsonl", ".json", ".csv", ".html", ""]
FRAGMENTS = st.sampled_from(
    [
        "-",
        "- 联系我们",
        "有想补充的信息?点我投稿",
        "【汉阳区招商】汉阳区迎来39亿大健康产业集群",
        "2017年12月26日在武汉市汉阳区第十五届人民代表大会第二次会议上",
        "2025-07-15",
        "2025-13-45",
        "",
        '{"title": "汉阳", "body": "948亿元"}',
        "title,body,published",
        "<html><body><p>汉阳区</p></body></html>",
        "１２３４億元",
    ]
)
NO_HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


def check_sane(pages: Pages, path: Path) -> None:
    assert all(a.page == str(path) for a in pages)
    assert [a.doc for a in pages] == list(range(len(pages)))
    assert all(p.page == str(path) for p in pages.problems)
    assert all(a.identity for a in pages)
    assert len({a.identity for a in pages}) == len(pages)


@settings(max_examples=150, deadline=None, suppress_health_check=NO_HEALTH)
@given(text=st.text(), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_text_never_crashes_the_reader(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    check_sane(load_pages(path), path)


@settings(max_examples=150, deadline=None, suppress_health_check=NO_HEALTH)
@given(data=st.binary(), suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_never_crash_the_reader(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"page{suffix}"
    path.write_bytes(data)
    pages = load_pages(path)
    check_sane(pages, path)
    assert len(pages) > 0 or len(pages.problems) > 0


@settings(max_examples=150, deadline=None, suppress_health_check=NO_HEALTH)
@given(lines=st.lists(FRAGMENTS | st.text(max_size=30), max_size=30), crlf=st.booleans())
def test_page_shaped_text_never_crashes_and_never_loses_a_record_silently(
    tmp_path: Path, lines: list[str], crlf: bool
) -> None:
    text = ("\r\n" if crlf else "\n").join(lines)
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass", newline="")
    pages = load_pages(path)
    check_sane(pages, path)
    if text.strip():
        assert len(pages) > 0 or len(pages.problems) > 0


LINE = st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), min_size=1)


@settings(max_examples=150, deadline=None, suppress_health_check=NO_HEALTH)
@given(
    records=st.lists(
        st.tuples(LINE, LINE, st.dates(date(1990, 1, 1), date(2100, 1, 1))), min_size=1, max_size=6
    )
)
def test_a_well_formed_listing_dump_reads_back_exactly(
    tmp_path: Path, records: list[tuple[str, str, date]]
) -> None:
    from hycheck._readers import looks_like_date

    for title, body, _ in records:
        assume(title.strip() not in ("", "-") and body.strip() not in ("", "-"))
        assume(not looks_like_date(body))
    text = "".join(f"-\n{t}\n{b}\n{d.isoformat()}\n" for t, b, d in records)
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    pages = load_pages(path)
    assert pages.problems == ()
    assert [(a.title, a.body, a.listed) for a in pages] == records


@pytest.mark.parametrize(
    ("headline", "region"),
    [
        ("渭南高新区1-6月经济运行情况", "渭南高新区"),  # a zone after a listed city
        ("綿陽市涪城區第六屆人民代表大會開幕", "绵阳市涪城区"),  # a district the gazetteer lacks
        ("2020 年东宝区政府工作报告", "东宝区"),  # a district that opens the headline
        ("2019年陇县人民政府工作报告(全文)", "陇县"),
        ("开发区招商局年度招商引资工作取得实效", ""),  # a kind of zone, not a name
        ("我县招商项目质量进一步提升", ""),  # 我县 names the article's own county
        ("1-10月份全縣工業和固定資產投資運行情況", ""),
        # words that end like a district or county but name none (a second reader's list)
        ("2019年度县域经济运行情况", ""),
        ("2019年各区招商引资工作", ""),
        ("安徽省贫困县脱贫攻坚", "安徽省"),
        ("2019年重点县建设", ""),
        ("成都市景区接待游客", "成都市"),
        ("北京市郊区旅游", "北京市"),
        ("重庆市主城区经济", "重庆市"),
        ("2019年城区经济运行", ""),
        ("2008政府工作报告-定稿(兴隆台区)", "兴隆台区"),  # in brackets after the headline
        ("政府工作报告(全县)", ""),
        ("政府工作报告(开发区)", ""),
        ("政府工作报告(灾区)", ""),
        ("政府工作报告(脱贫县)", ""),
        ("(兴隆台区政府)工作报告", "兴隆台区"),
    ],
)
def test_a_district_the_gazetteer_does_not_list_is_the_region(headline: str, region: str) -> None:
    assert region_of(headline) == region


@pytest.mark.parametrize(
    ("opening", "region"),
    [
        # a district the gazetteer lacks, right after its city in the opening (a report's
        # dateline): not the city, whose GDP range a district's 89亿元 falls below
        ("——2008年12月24日在盘锦市兴隆台区\n第六届人民代表大会第二次会议上", "盘锦市兴隆台区"),
        ("在盘锦市委、市政府的正确领导下", "盘锦市"),
        ("盘锦市经济开发区管委会", "盘锦市"),
        ("盘锦市中心城区建设", "盘锦市"),
        ("盘锦市新城区建设", "盘锦市"),
        ("辽宁省产粮大县", "辽宁省"),
        ("盘锦市林区面积", "盘锦市"),
        ("近日,盘锦市召开县区委书记座谈会", "盘锦市"),
        ("盘锦市所有县区", "盘锦市"),
        ("许昌市产业集聚区实现", "许昌市"),
        ("盘锦市兴隆台区统计局发布", "盘锦市兴隆台区"),
    ],
)
def test_a_district_the_gazetteer_does_not_list_after_its_city_in_the_opening(
    opening: str, region: str
) -> None:
    assert region_of("2008年政府工作报告", opening) == region
