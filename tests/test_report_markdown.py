"""The markdown report: what an analyst reads, and that scraped text cannot break or inject.

Safety is checked on the structure markdown-it-py parses from the report, with raw HTML
allowed and tables enabled (the worst case): no HTML token at all, no image, no link except
the report's own section anchors, and every table row as wide as its header.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path
from random import Random

from golden.fixtures import HOSTILE_TITLES, SEED, hostile_report, seed_report
from golden.strategies import reports
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from hycheck.markdown import SECTIONS, render_markdown, render_markdown_summary
from hycheck.model import Code, Finding, Severity
from hycheck.report import FORMATS, Report, render
from hycheck.textfmt import block_safe, md, mermaid_label, number, percent, quantity, quote

PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
ANCHORS = {anchor for anchor, _, _ in SECTIONS} | {"other-findings"}


def _walk(tokens: list[Token]) -> list[Token]:
    out = []
    for t in tokens:
        out.append(t)
        if t.children:
            out += _walk(t.children)
    return out


def assert_safe(markdown: str) -> None:
    """No HTML, no image, no link but section anchors, tables intact, mermaid labels clean."""
    tokens = PARSER.parse(markdown)
    for t in _walk(tokens):
        assert t.type not in ("html_block", "html_inline", "image"), (t.type, t.content)
        if t.type == "link_open":
            href = str(t.attrGet("href"))
            assert href.startswith("#"), href
            assert href[1:] in ANCHORS, href
    header = 0
    cells = 0
    in_head = False
    for t in tokens:
        if t.type == "thead_open":
            in_head, header = True, 0
        elif t.type == "thead_close":
            in_head = False
        elif t.type == "th_open" and in_head:
            header += 1
        elif t.type == "tr_open":
            cells = 0
        elif t.type == "td_open":
            cells += 1
        elif t.type == "tr_close" and not in_head:
            assert cells == header, f"row of {cells} cells under a header of {header}"
        elif t.type == "fence" and t.info == "mermaid":
            assert_mermaid(t.content)
    # markdown-it pads short rows and drops the cells of long ones, so count in the source:
    # every row of a table has as many unescaped pipes as its header
    source = markdown.split("\n")
    for t in tokens:
        if t.type == "table_open" and t.map:
            rows = source[t.map[0] : t.map[1]]
            widths = {_pipes(row) for row in rows}
            assert len(widths) == 1, rows
    rendered = PARSER.render(markdown).lower()
    for tag in ("<script", "<img", "<iframe", 'javascript:"', 'href="javascript', 'href="http'):
        assert tag not in rendered, tag


def _pipes(row: str) -> int:
    """Cell separators of a table row: pipes not escaped by a backslash."""
    count = 0
    escaped = False
    for c in row:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == "|":
            count += 1
    return count


_MERMAID_LINE = re.compile(
    r'xychart-beta|    title "[^"\[\]#;`]*"'
    r'|    x-axis \[("[^"\[\]#;`]*"(, "[^"\[\]#;`]*")*)\]'
    r'|    y-axis "[^"\[\]#;`]*" -?[0-9.]+ --> -?[0-9.]+'
    r"|    (bar|line) \[-?[0-9.]+(, -?[0-9.]+)*\]"
)


def assert_mermaid(content: str) -> None:
    lines = content.splitlines()
    assert lines[0] == "xychart-beta"
    for line in lines:
        assert _MERMAID_LINE.fullmatch(line), line


def text_of(markdown: str) -> str:
    """The visible text of the rendered report (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", PARSER.render(markdown))).replace("\u2060", "")


# -- what an analyst reads -------------------------------------------------------------------


def test_series_shows_the_gdp_points_with_their_break_chart_and_explanation() -> None:
    text = render_markdown(seed_report())
    assert "| 2017 | 948亿元 | 9.48×10¹⁰ CNY | estimate |" in text
    assert "| 2018 | 破千亿 | \\>1×10¹¹ CNY | actual |" in text
    assert "| 2020 | 700亿元 | 7×10¹⁰ CNY | estimate | ⚠ break: \\<−30% vs 2018 |" in text
    assert '    x-axis ["2017", "2018", "2020"]\n    y-axis "亿元" 0 --> 1100' in text
    assert "    line [948, 1000, 700]" in text
    assert (
        "> 尽管武烟搬迁导致经济总量大幅下降、疫情影响2021年增长,但我区经济长期向好的基本面没有改变"
        in text
    )


def test_change_shows_old_and_new_as_written_and_normalised_with_both_changes() -> None:
    text = render_markdown(seed_report())
    assert (
        "地区生产总值 (2017, estimate): 948亿元 → 984亿元 = 9.48×10¹⁰ CNY → 9.84×10¹⁰ CNY "
        "(+3.6×10⁹ CNY, +3.8%)"
    ) in text
    assert "  > new: 预计全年实现地区生产总值⟦**984亿元**⟧,增长7%" in text


def test_conflict_puts_both_figures_side_by_side_with_sources_and_sentences() -> None:
    text = render_markdown(seed_report())
    assert "| figure | ⟦**985.6亿元**⟧ | ⟦**破千亿**⟧ |" in text
    assert "| kind, period | actual, 2018 | actual, 2018 |" in text
    assert "2018年汉阳成为全市第四个地区生产总值⟦**破千亿**⟧的中心城区。" in text
    assert "synthetic/汉阳区2018年统计公报.txt · article 0 · line 1 · char 17" in text


def test_every_finding_names_its_article_and_position() -> None:
    text = render_markdown(seed_report())
    assert (
        "### 汉阳一季度招商引资强劲 日均签约投资超2亿元\n"
        "seeds/000\\_984d2c24117c5c48.txt · article 4 · line 17" in text
    )
    assert (
        "`out_of_range` · char 493 · 实际利用外资 (2020, estimate): 7.9亿美元 = 7.9×10⁸ USD" in text
    )
    assert "(article 1, line 5, listed 2025-07-11)" in text


def test_summary_counts_findings_by_severity_and_code_with_links_to_sections() -> None:
    text = render_markdown(seed_report())
    assert (
        "**7 findings** (2 errors, 3 warnings, 2 info); 3 pages, 7 articles and 212 figures read."
        in text
    )
    assert "| `series_break` | [Series](#series) |  | 1 |  |" in text


def test_the_figure_mark_renders_bold_inside_its_brackets() -> None:
    rendered = PARSER.render(render_markdown(seed_report()))
    assert "地区生产总值⟦<strong>948亿元</strong>⟧,增长7%" in rendered
    assert "⟦<strong>7.9亿美元</strong>⟧" in rendered


def test_a_report_without_findings_says_so() -> None:
    text = render_markdown(Report([], pages=[SEED], articles=5, figures=211))
    assert "**No findings**; 1 page, 5 articles and 211 figures read." in text
    assert "##" not in text


def test_repetitive_lists_are_capped_with_a_count_of_the_rest() -> None:
    base = seed_report().findings[5]  # out_of_range on 7.9亿美元
    many = [replace(base, message=f"第{i:03d}条") for i in range(45)]
    text = render_markdown(Report(many), limit=20)
    assert text.count("`out_of_range` · char 493") == 20
    assert "- … and 25 more `out_of_range` in this article" in text
    assert "the JSON report keeps every finding in full" in text


def test_summary_only_leaves_out_the_sections() -> None:
    text = render_markdown_summary(seed_report())
    assert "| `conflict` |" in text
    assert "## Series" not in text


def test_every_code_belongs_to_a_section() -> None:
    covered = {code for _, _, codes in SECTIONS for code in codes}
    assert covered == set(Code)


# -- untrusted text --------------------------------------------------------------------------


def test_seed_report_is_safe_markdown() -> None:
    assert_safe(render_markdown(seed_report()))


def test_hostile_page_names_the_conflict_and_injects_nothing() -> None:
    text = render_markdown(hostile_report())
    assert "### `conflict` · " in text
    assert "| figure | ⟦**948亿元**⟧ | ⟦**破千亿**⟧ |" in text
    assert_safe(text)


def test_hostile_titles_are_shown_character_for_character() -> None:
    visible = text_of(render_markdown(hostile_report()))
    for title in HOSTILE_TITLES:
        assert title in visible


def test_hostile_sentence_lines_are_joined_and_shown_as_text() -> None:
    visible = text_of(render_markdown(hostile_report()))
    assert "增长`7%` # 标题  > 引用 - 列表 <b>粗</b>" in visible
    # a quoted sentence that starts like a numbered list is still quoted as written
    assert "1. 2018年地区生产总值破千亿 <iframe src=//e.vil></iframe> [x]: http://e.vil" in visible


def test_input_problems_cannot_start_a_heading() -> None:
    tokens = PARSER.parse(render_markdown(hostile_report()))
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "injected" not in " ".join(headings)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_any_hostile_report_renders_to_safe_markdown(report: Report) -> None:
    assert_safe(render_markdown(report, limit=2))


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(reports(), st.randoms(use_true_random=False))
def test_every_format_is_unchanged_when_findings_are_shuffled(report: Report, rnd: Random) -> None:
    shuffled = list(report.findings)
    rnd.shuffle(shuffled)
    other = replace(report, findings=shuffled)
    for fmt in FORMATS:
        assert render(other, fmt) == render(report, fmt), fmt


# -- the pieces ------------------------------------------------------------------------------


def test_md_escapes_what_would_open_markup_and_breaks_autolinks() -> None:
    assert md("a|b") == "a\\|b"
    assert md("<img src=x>") == "\\<img src=x\\>"
    assert md("&amp;") == "\\&amp;"
    assert md("www.hanyang.gov.cn") == "www\\.hanyang.gov.cn"
    assert md("https://e.vil") == "https\\://e.vil"
    assert md("a@e.vil @octocat") == "a@\u2060e.vil @\u2060octocat"
    assert md("行1\r\n行2") == "行1  行2"


def test_block_safe_escapes_list_markers_and_numbering_at_the_start() -> None:
    assert block_safe("- 列表") == "\\- 列表"
    assert block_safe("2018. 年") == "2018\\. 年"
    assert block_safe("    缩进") == "缩进"
    assert block_safe("汉阳") == "汉阳"


def test_mermaid_labels_keep_chinese_and_drop_quotes_brackets_and_hashes() -> None:
    assert mermaid_label('汉阳区 "地区生产总值" [亿元] #35; `x`') == "汉阳区 地区生产总值 亿元 35 x"


def test_numbers_below_a_million_are_grouped_and_above_are_powers_of_ten() -> None:
    assert number(16500) == "16,500"
    assert number(999999) == "999,999"
    assert number(1e6) == "1×10⁶"
    assert number(1234567) == "1.234567×10⁶"  # every significant digit kept
    assert number(0.05) == "0.05"
    assert quantity(5e8, "CNY", "approx") == "≈5×10⁸ CNY"
    assert quantity(50, "percent", "gt") == ">50%"


def test_relative_changes_are_signed_percentages() -> None:
    assert percent(3.6e9 / 9.48e10) == "+3.8%"
    assert percent(-0.3) == "−30%"
    assert percent(2.5) == "+250%"
    assert percent(0.000123) == "+0.012%"


def test_quote_marks_the_figure_and_cuts_long_sentences_around_it() -> None:
    sentence = "甲" * 100 + "948亿元" + "乙" * 100
    text, cut = quote(sentence, "948亿元", width=10)
    assert text == "…" + "甲" * 10 + "⟦948亿元⟧" + "乙" * 10 + "…"
    assert cut


def test_quote_of_a_sentence_without_the_surface_still_shows_the_figure() -> None:
    assert quote("增长7%", "948亿元") == ("增长7% · ⟦948亿元⟧", False)


def test_a_finding_about_nothing_but_a_message_still_renders() -> None:
    text = render_markdown(Report([Finding(Code.BAD_INPUT, Severity.ERROR, "页面 | 无法读取")]))
    assert "- **error** · `bad_input`: 页面 \\| 无法读取" in text
    assert_safe(text)


def test_a_validation_line_says_the_value_and_the_rule_once(tmp_path: Path) -> None:
    import hycheck

    page = tmp_path / "mutated.txt"
    page.write_text(Path(SEED).read_text("utf-8").replace("948亿元", "948万亿元", 1), "utf-8")
    pages = hycheck.load_pages(page)
    figures = hycheck.extract(pages)
    findings = [f for f in hycheck.validate(figures, pages) if f.code == Code.OUT_OF_RANGE]
    text = render_markdown(Report.of(findings, pages, figures))
    (line,) = [x for x in text.splitlines() if x.startswith("- ") and "`out_of_range`" in x]
    assert line.count("948万亿元") == 1
    assert line.count("expectations/gdp.yaml:range.district") == 1
    assert "is above the district maximum 5e12 for gdp" in line
