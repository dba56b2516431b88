"""The shared vocabulary of every stage: articles, figures, findings and their enums.

Every stage takes and returns these plain frozen dataclasses, so an ETL caller can stop after
any stage.  ``FIGURE_COLUMNS`` is the one column list of a figure DataFrame, and
``Figure.to_dict`` the one JSON shape of a figure (the JSON Lines of ``hycheck extract``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """What kind of statement a figure is."""

    ACTUAL = "actual"
    ESTIMATE = "estimate"  # 预计
    TARGET = "target"  # 目标 / 力争 / 确保 …
    CUMULATIVE = "cumulative"  # 累计, or a flow summed over a multi-year period


class Bound(StrEnum):
    """How the stated number bounds the true value."""

    EQ = "eq"
    GT = "gt"  # 超 / 突破 / 逾
    GE = "ge"  # 以上 / 不少于
    LT = "lt"  # 不到 / 低于
    LE = "le"  # 以下 / 以内 / 最高
    APPROX = "approx"  # 余 / 近 / 约 / 左右


class Severity(StrEnum):
    """Severity of a finding; compare with ``rank``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Code(StrEnum):
    """Stable finding codes.  They appear in reports and CI filters: renaming one is breaking."""

    # reading
    BAD_INPUT = "bad_input"
    # validation
    OUT_OF_RANGE = "out_of_range"
    UNIT_NOT_ALLOWED = "unit_not_allowed"
    KIND_NOT_ALLOWED = "kind_not_allowed"
    BAD_PERIOD = "bad_period"
    BAD_FIGURE = "bad_figure"
    DATE_INCONSISTENT = "date_inconsistent"
    STALE_ARTICLE = "stale_article"
    # between two scrapes
    ARTICLE_ADDED = "article_added"
    ARTICLE_REMOVED = "article_removed"
    ARTICLE_RETITLED = "article_retitled"
    ARTICLE_REDATED = "article_redated"
    VALUE_CHANGED = "value_changed"
    UNIT_CHANGED = "unit_changed"
    FIGURE_ADDED = "figure_added"
    FIGURE_REMOVED = "figure_removed"
    # across documents and along a series
    CONFLICT = "conflict"
    REVISION = "revision"
    TARGET_MET = "target_met"
    TARGET_MISSED = "target_missed"
    SERIES_BREAK = "series_break"
    SCALE_MISMATCH = "scale_mismatch"
    # inside one article
    ARITHMETIC_MISMATCH = "arithmetic_mismatch"


@dataclass(frozen=True, slots=True)
class Article:
    """One article read from a page file.

    ``title`` is the title as written, channel tag included; ``headline`` is the title with
    the channel tag (【汉阳区招商】) split off into ``channel``.  ``listed`` is the listing date
    of the scrape, ``stated`` the date the text itself states (a report's delivery date), and
    ``identity`` a key that survives cosmetic re-scrapes (see ``hycheck.pages``).
    """

    page: str
    doc: int
    title: str
    body: str
    line: int = 0  # 1-based line of the page where the article starts; 0 when not line-based
    headline: str = ""
    channel: str = ""
    listed: date | None = None
    stated: date | None = None
    region: str = ""
    identity: str = ""
    url: str = ""
    meta: Mapping[str, str] = field(default_factory=dict)

    def ref(self) -> dict[str, Any]:
        """The article object of a finding: page, doc, title and listing date."""
        out: dict[str, Any] = {"page": self.page, "doc": self.doc, "title": self.title}
        if self.listed is not None:
            out["listed"] = self.listed.isoformat()
        return out


@dataclass(frozen=True, slots=True)
class Figure:
    """One stated quantity with its exact place in the article body.

    ``surface == body[start:end]`` always holds.  ``value`` is in base units (亿 = 1e8,
    万 = 1e4; the percent number for % and 成); a range (10-20亿元) keeps its upper end in
    ``upper``.  ``sentence`` is the sentence the figure stands in, for quoting.
    """

    page: str
    doc: int
    title: str
    start: int
    end: int
    surface: str
    value: float
    unit: str
    metric_text: str = ""
    metric: str = "other"
    period: str = "unknown"
    kind: Kind = Kind.ACTUAL
    bound: Bound = Bound.EQ
    growth_of: str | None = None
    region: str = ""
    upper: float | None = None
    sentence: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of a figure, in ``FIGURE_COLUMNS`` order, plain Python types only."""
        return {
            "page": self.page,
            "doc": self.doc,
            "title": self.title,
            "start": self.start,
            "end": self.end,
            "surface": self.surface,
            "value": _plain_number(self.value),
            "unit": self.unit,
            "metric_text": self.metric_text,
            "metric": self.metric,
            "period": self.period,
            "kind": str(self.kind),
            "bound": str(self.bound),
            "growth_of": self.growth_of,
            "region": self.region,
            "upper": None if self.upper is None else _plain_number(self.upper),
            "sentence": self.sentence,
        }


FIGURE_COLUMNS: tuple[str, ...] = tuple(Figure.__dataclass_fields__)
"""The fixed column list of every figure DataFrame, in order."""


def _slot_constructor(cls: type[Figure], fields: tuple[str, ...]) -> Callable[..., Figure]:
    """A constructor that takes every field in order and sets the slots through their
    descriptors.  A frozen dataclass's ``__init__`` sets each field with
    ``object.__setattr__`` (1.7 µs for a figure's 17); this does the same in 0.9 µs, as
    ``dataclasses`` writes its own ``__init__``: as source text, compiled once."""
    setters = {f"_set_{name}": getattr(cls, name).__set__ for name in fields}
    source = (
        f"def new_{cls.__name__.lower()}({', '.join(fields)}):\n"
        "    obj = _new(_cls)\n"
        + "".join(f"    _set_{name}(obj, {name})\n" for name in fields)
        + "    return obj\n"
    )
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls, **setters}
    exec(source, namespace)  # the source is built from the dataclass's own field names
    constructor: Callable[..., Figure] = namespace[f"new_{cls.__name__.lower()}"]
    return constructor


new_figure = _slot_constructor(Figure, FIGURE_COLUMNS)
"""``Figure(*fields)`` with every field given in order, for the places that build a figure
per stated number: no defaults, no keywords, no checks."""

ARTICLE_COLUMNS: tuple[str, ...] = (
    "page",
    "doc",
    "line",
    "title",
    "headline",
    "channel",
    "listed",
    "stated",
    "region",
    "identity",
    "url",
    "length",
)
"""The fixed column list of an article DataFrame (the body is left out; ``length`` is its size)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One data-quality finding: a stable code, a severity, a message and its evidence.

    ``figures`` holds the figures a validation, conflict, series or arithmetic finding is
    about; ``old``/``new`` the two sides of a change between scrapes; ``article`` the article
    an article-level finding is about (``old_article``/``new_article`` when it was re-titled or
    re-dated).  ``rule`` names the expectation (file and rule) that fired, and ``details``
    carries structured extras (absolute and relative change, a quoted explanation …).
    """

    code: Code
    severity: Severity
    message: str
    figures: tuple[Figure, ...] = ()
    old: Figure | None = None
    new: Figure | None = None
    article: Article | None = None
    old_article: Article | None = None
    new_article: Article | None = None
    rule: str = ""
    details: Mapping[str, Any] = field(default_factory=dict)

    def sort_key(self) -> tuple[str, int, int, int, str, str]:
        """Deterministic report order: page, article, position, severity (worst first), code."""
        fig = self.new or self.old or (self.figures[0] if self.figures else None)
        art = self.article or self.new_article or self.old_article
        page = fig.page if fig else (art.page if art else "")
        doc = fig.doc if fig else (art.doc if art else -1)
        start = fig.start if fig else -1
        return (page, doc, start, -self.severity.rank, str(self.code), self.message)


def _plain_number(value: float) -> float | int:
    """Integral floats print as integers in JSON (94800000000, not 94800000000.0)."""
    if value == value and abs(value) < 2**53 and float(value).is_integer():
        return int(value)
    return float(value)
