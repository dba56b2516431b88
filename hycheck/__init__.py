"""hycheck: data quality and change tracking for figures on Chinese government pages.

The pipeline, one function a stage::

    pages = hycheck.load_pages("seeds/")                  # page files → articles
    figures = hycheck.extract(pages)                      # articles → figures
    exp = hycheck.load_expectations()                     # expectations/*.yaml
    findings = hycheck.validate(figures, pages, exp)      # pandera schemas → findings
    findings += hycheck.find_conflicts(figures, pages, expectations=exp)
    print(hycheck.render_markdown(hycheck.Report.of(findings, pages, figures)))

Every stage takes and returns plain records (``Article``, ``Figure``, ``Finding``), and
``figures_frame`` gives the figures as a pandas DataFrame with one fixed column list.
"""

from collections.abc import Iterable

from hycheck.conflicts import find_conflicts
from hycheck.diff import diff_scrapes
from hycheck.expectations import Expectations, load_expectations
from hycheck.extract import extract, extract_text
from hycheck.frames import articles_frame, figures_frame
from hycheck.markdown import render_markdown
from hycheck.model import Article, Bound, Code, Figure, Finding, Kind, Severity
from hycheck.pages import PageProblem, Pages, load_pages
from hycheck.report import Report, render

__all__ = [
    "Article",
    "Bound",
    "Code",
    "Expectations",
    "Figure",
    "FigureSchema",
    "Finding",
    "Kind",
    "PageProblem",
    "Pages",
    "Report",
    "Severity",
    "articles_frame",
    "diff_scrapes",
    "extract",
    "extract_text",
    "figures_frame",
    "find_conflicts",
    "load_expectations",
    "load_pages",
    "render",
    "render_markdown",
    "validate",
]


def validate(
    figures: Iterable[Figure],
    articles: Iterable[Article] = (),
    expectations: Expectations | None = None,
) -> list[Finding]:
    """Every failed expectation as a finding (``hycheck.validation.validate``; pandera and
    pandas are imported on the first call, not with hycheck)."""
    from hycheck.validation import validate as run

    return run(figures, articles, expectations)


def __getattr__(name: str) -> object:
    if name == "FigureSchema":  # pandera is imported when the schema is first used
        from hycheck.schemas import FigureSchema

        return FigureSchema
    raise AttributeError(f"module 'hycheck' has no attribute {name!r}")
