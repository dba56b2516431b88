"""Reports to render in tests: synthetic findings over the real figures of the seed page.

The figures are cut from the seed page itself (their surface, offset and sentence are checked
against the article body), so the reports quote real text.  What is synthetic is the findings:
they are what the diff, conflict, series and validation stages are meant to produce, written
by hand until those stages land.  Two things do not come from the seed and say so:

* a second scrape ``rescrape/…`` of the seed listing where 948亿元 reads ``984亿元`` (an
  edit, to show a value change), and
* a statistical bulletin page ``synthetic/…统计公报.txt`` whose 2018 GDP (985.6亿元) contradicts
  the seed's "2018年…地区生产总值破千亿" (to show a conflict; its title says 合成示例).

``hostile_report()`` is a page whose titles and sentences carry markup, HTML and links, with a
conflict between two of its articles.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from hycheck.model import Article, Bound, Code, Figure, Finding, Kind, Severity
from hycheck.report import Report

ROOT = Path(__file__).resolve().parents[2]
SEED = "seeds/000_984d2c24117c5c48.txt"
RESCRAPE = "rescrape/000_984d2c24117c5c48.txt"
BULLETIN = "synthetic/汉阳区2018年统计公报.txt"
_ENDS = "。！？"


def read_articles(page: str, text: str) -> list[Article]:
    """The listing-dump format: a line "-", the title, the body, the listing date."""
    lines = text.split("\n")
    out: list[Article] = []
    i = 0
    while i + 3 < len(lines):
        if lines[i].strip() == "-":
            out.append(
                Article(
                    page=page,
                    doc=len(out),
                    title=lines[i + 1],
                    body=lines[i + 2],
                    line=i + 1,
                    listed=date.fromisoformat(lines[i + 3].strip()),
                    region="汉阳区",
                )
            )
            i += 4
        else:
            i += 1
    return out


def seed_articles() -> list[Article]:
    return read_articles(SEED, (ROOT / SEED).read_text(encoding="utf-8"))


def sentence_at(body: str, start: int, end: int) -> str:
    """The sentence of ``body`` holding ``body[start:end]``: from after the previous 。！？
    to the next one, included."""
    lo = max(body.rfind(c, 0, start) for c in _ENDS) + 1
    his = [i for i in (body.find(c, end) for c in _ENDS) if i >= 0]
    hi = min(his) + 1 if his else len(body)
    return body[lo:hi].strip()


def cut(article: Article, surface: str, value: float, unit: str, **fields: Any) -> Figure:
    """The figure ``surface`` of ``article`` (its first occurrence after ``after``)."""
    after = fields.pop("after", "")
    base = article.body.find(after) if after else 0
    assert base >= 0, after
    start = article.body.find(surface, base)
    assert start >= 0, surface
    end = start + len(surface)
    return Figure(
        page=article.page,
        doc=article.doc,
        title=article.title,
        start=start,
        end=end,
        surface=surface,
        value=value,
        unit=unit,
        region=fields.pop("region", "汉阳区"),
        sentence=sentence_at(article.body, start, end),
        **fields,
    )


def seed_report() -> Report:
    arts = seed_articles()
    gdp = {"metric_text": "地区生产总值", "metric": "gdp"}
    gdp_2017 = cut(arts[0], "948亿元", 9.48e10, "CNY", period="2017", kind=Kind.ESTIMATE, **gdp)
    target_2018 = cut(
        arts[0], "突破千亿元", 1e11, "CNY", period="2018", kind=Kind.TARGET, bound=Bound.GT, **gdp
    )
    gdp_2018 = cut(arts[3], "破千亿", 1e11, "CNY", period="2018", bound=Bound.GT, **gdp)
    gdp_2020 = cut(arts[3], "700亿元", 7e10, "CNY", period="2020", kind=Kind.ESTIMATE, **gdp)
    fdi = cut(
        arts[3],
        "7.9亿美元",
        7.9e8,
        "USD",
        period="2020",
        kind=Kind.ESTIMATE,
        metric_text="实际利用外资",
        metric="fdi_utilized",
    )
    signed_total = cut(
        arts[4],
        "超200亿元",
        2e10,
        "CNY",
        period="2022Q1",
        bound=Bound.GT,
        metric_text="投资总金额",
        metric="investment_contracted",
    )
    signed_daily = cut(
        arts[4],
        "超过2亿元",
        2e8,
        "CNY",
        period="2022Q1",
        bound=Bound.GT,
        metric_text="日均签约金额",
        metric="other",
    )

    # A later scrape of the listing reads 984亿元 where the seed says 948亿元 (synthetic edit).
    new_body = arts[0].body.replace("948亿元", "984亿元", 1)
    rescraped = replace(arts[0], page=RESCRAPE, body=new_body)
    new_2017 = cut(rescraped, "984亿元", 9.84e10, "CNY", period="2017", kind=Kind.ESTIMATE, **gdp)

    bulletin = Article(
        page=BULLETIN,
        doc=0,
        title="【合成示例】2018年汉阳区国民经济和社会发展统计公报",
        body="初步核算,全年全区实现地区生产总值985.6亿元,按可比价格计算,比上年增长7.6%。",
        line=1,
        listed=date(2019, 3, 20),
        region="汉阳区",
    )
    bulletin_2018 = cut(bulletin, "985.6亿元", 9.856e10, "CNY", period="2018", **gdp)

    explain_at = arts[3].body.find("尽管武烟搬迁")
    findings = [
        Finding(
            Code.VALUE_CHANGED,
            Severity.ERROR,
            "地区生产总值 2017 changed between scrapes",
            old=gdp_2017,
            new=new_2017,
            details={"abs_change": 3.6e9, "rel_change": 3.6e9 / 9.48e10},
        ),
        Finding(
            Code.CONFLICT,
            Severity.ERROR,
            "汉阳区 地区生产总值 2018: 985.6亿元 and 破千亿 cannot both be true",
            figures=(bulletin_2018, gdp_2018),
            details={
                "a_interval": [9.856e10 * 0.999, 9.856e10 * 1.001],
                "b_interval": [1e11, None],
                "gap": (1e11 - 9.856e10 * 1.001) / 1e11,
            },
        ),
        Finding(
            Code.TARGET_MET,
            Severity.INFO,
            "the 2018 target 突破千亿元 was met",
            figures=(target_2018, gdp_2018),
            details={"a_interval": [1e11, None], "b_interval": [1e11, None], "gap": 0.0},
        ),
        Finding(
            Code.SERIES_BREAK,
            Severity.WARNING,
            "汉阳区 地区生产总值 falls 30% from 2018 to 2020, more than 20% a year",
            figures=(gdp_2017, gdp_2018, gdp_2020),
            details={
                "region": "汉阳区",
                "metric": "gdp",
                "unit": "CNY",
                "breaks": [[1, 2]],
                "explanation": {
                    "page": SEED,
                    "doc": 3,
                    "title": arts[3].title,
                    "start": explain_at,
                    "sentence": sentence_at(arts[3].body, explain_at, explain_at + 6),
                },
            },
        ),
        Finding(
            Code.ARITHMETIC_MISMATCH,
            Severity.WARNING,
            "日均 超过2亿元 × 90 days is 180亿元, short of the stated total 超200亿元",
            figures=(signed_total, signed_daily),
            details={"relation": "daily_total", "expected": 1.8e10, "stated": 2e10},
        ),
        Finding(
            Code.OUT_OF_RANGE,
            Severity.WARNING,
            "实际利用外资 is above the district range 1×10⁶–5×10⁸ USD",
            figures=(fdi,),
            rule="expectations/fdi_utilized.yaml:range.district",
            details={"column": "value", "check": "in_range(1e6, 5e8)"},
        ),
        Finding(
            Code.ARTICLE_ADDED,
            Severity.INFO,
            "not in the baseline scrape",
            article=arts[1],
        ),
    ]
    return Report(
        findings=findings,
        pages=[SEED, RESCRAPE, BULLETIN],
        figures=212,
        problems=["seeds/001_truncated.txt:7: listing date '2025-13-01' is not a date"],
        extra={"baseline": "seeds/"},
        sources=[*arts, rescraped, bulletin],
    )


HOSTILE_TITLES = (
    "<script>alert('t')</script>【汉阳区招商】| 标题 | `code` ![x](http://e.vil/x.png)",
    "# [点我](javascript:alert(1)) <img src=x onerror=alert(2)>"
    " *强调* _下_ ~~删~~ &amp; &#60;b&#62;",
)
HOSTILE_SENTENCES = (
    "预计全年实现地区生产总值948亿元 | 增长`7%`\n# 标题\r\n> 引用\n- 列表 <b>粗</b> www.e.vil"
    " http://e.vil/a?b=1 a@e.vil @octocat $x$ [^1] \\ ||| <!-- 注释 --> \u202e反转",
    "1. 2018年地区生产总值破千亿 <iframe src=//e.vil></iframe> [x]: http://e.vil"
    " <http://e.vil> ```js\n~~~\n    缩进 | a | b |\n|---|---|",
)


def hostile_report() -> Report:
    page = "seeds/<hostile>|page`.txt"
    arts = [
        Article(page=page, doc=i, title=t, body=s, line=1 + 4 * i, region="汉阳区")
        for i, (t, s) in enumerate(zip(HOSTILE_TITLES, HOSTILE_SENTENCES, strict=True))
    ]
    a = cut(
        arts[0],
        "948亿元",
        9.48e10,
        "CNY",
        period="2018",
        metric_text="地区生产总值 | <i>GDP</i>",
        metric="gdp",
        region='汉阳区"]; x-axis ["',
    )
    b = cut(
        arts[1],
        "破千亿",
        1e11,
        "CNY",
        period="2018",
        bound=Bound.GT,
        metric_text="地区生产总值 | <i>GDP</i>",
        metric="gdp",
    )
    # the sentences hold line breaks: a figure's sentence is the whole body here
    a = replace(a, sentence=arts[0].body)
    b = replace(b, sentence=arts[1].body)
    return Report(
        findings=[
            Finding(
                Code.CONFLICT,
                Severity.ERROR,
                "conflict <script>alert(3)</script> | [x](javascript:alert(4))",
                figures=(a, b),
                details={"a_interval": [9.47e10, 9.49e10], "b_interval": [1e11, None], "gap": 0.05},
            ),
            Finding(
                Code.SERIES_BREAK,
                Severity.WARNING,
                "break | <img src=x>",
                figures=(a, b),
                details={
                    "region": '汉阳区 "] ```',
                    "metric": "gdp",
                    "unit": "CNY",
                    "breaks": [[0, 1]],
                    "explanation": {
                        "page": page,
                        "doc": 1,
                        "title": HOSTILE_TITLES[1],
                        "start": "<img src=x onerror=alert(5)>",  # not a number: still text
                        "sentence": HOSTILE_SENTENCES[1],
                    },
                },
            ),
            Finding(Code.OUT_OF_RANGE, Severity.WARNING, "<b>range</b>", figures=(a,), rule="x|y"),
            Finding(
                Code.ARTICLE_RETITLED,
                Severity.INFO,
                "retitled",
                old_article=arts[0],
                new_article=arts[1],
            ),
        ],
        pages=[page],
        figures=2,
        problems=["seeds/<script>.txt:1: bad | line\n# injected"],
        sources=arts,
    )
