"""hycheck: data quality and change tracking for figures on Chinese government pages.

The pipeline, one function a stage::

    pages = hycheck.load_pages("seeds/")          # page files → articles
    figures = hycheck.extract(pages)              # articles → figures
"""

from hycheck.extract import extract, figures_frame
from hycheck.model import Article, Bound, Code, Figure, Finding, Kind, Severity
from hycheck.pages import Pages, load_pages

__all__ = [
    "Article",
    "Bound",
    "Code",
    "Figure",
    "Finding",
    "Kind",
    "Pages",
    "Severity",
    "extract",
    "figures_frame",
    "load_pages",
]
