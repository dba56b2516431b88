"""Reading expectation files: safe YAML, and the closed key sets and value types checked
when a file is loaded.

A spec is a function ``(value, path, file) -> value`` that returns the checked value (numbers
as float) or raises ``ExpectationError`` naming the file, the key path (``range.district.min``,
``units[2]``) and what is allowed.  Cross-file checks (a unit that no defaults file defines, a
name claimed by two metrics, min above max after layering) are in ``hycheck.expectations``.
"""

from __future__ import annotations

import copy
import difflib
import math
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from hycheck.errors import ExpectationError
from hycheck.model import Kind, Severity

Spec = Callable[[Any, str, str], Any]

VERSION = 1
LEVELS = ("district", "city", "province", "country")
KINDS = tuple(k.value for k in Kind)
SEVERITIES = tuple(s.value for s in Severity)
_KEY = re.compile(r"[a-z][a-z0-9_]*\Z")
_UNIT = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")


KEYS: dict[Spec, dict[str, tuple[Spec, bool]]] = {}
"""The keys of each mapping spec (for the README drift test and error messages)."""
ITEMS: dict[Spec, Spec] = {}
"""The item spec of each list and open-mapping spec."""


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind_of(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__


def mapping(fields: Mapping[str, tuple[Spec, bool]], *, where: str = "") -> Spec:
    """A mapping with exactly these keys (``(spec, required)`` each)."""
    allowed = tuple(fields)

    def check(value: Any, path: str, file: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ExpectationError(
                file, path, f"must be a mapping, not {_kind_of(value)}", allowed=allowed
            )
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str) or key not in fields:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                raise ExpectationError(
                    file,
                    _join(path, str(key)),
                    f"key {str(key)!r} is not allowed{where}",
                    allowed=allowed,
                    hint=f"did you mean {close[0]!r}?" if close else "",
                )
            out[key] = fields[key][0](item, _join(path, key), file)
        for key, (_, required) in fields.items():
            if required and key not in value:
                raise ExpectationError(file, _join(path, key), "missing required key")
        return out

    KEYS[check] = dict(fields)
    return check


def open_mapping(key_re: re.Pattern[str], what: str, item: Spec) -> Spec:
    """A mapping whose keys are names matching ``key_re`` (units, for example)."""

    def check(value: Any, path: str, file: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise ExpectationError(file, path, f"must be a mapping, not {_kind_of(value)}")
        out = {}
        for key, sub in value.items():
            if not isinstance(key, str) or not key_re.match(key):
                raise ExpectationError(
                    file, _join(path, str(key)), f"{key!r} is not a valid {what} name"
                )
            out[key] = item(sub, _join(path, key), file)
        return out

    ITEMS[check] = item
    return check


def listing(item: Spec, *, nonempty: bool = False) -> Spec:
    """A list of distinct items."""

    def check(value: Any, path: str, file: str) -> list[Any]:
        if not isinstance(value, list):
            raise ExpectationError(file, path, f"must be a list, not {_kind_of(value)}")
        if nonempty and not value:
            raise ExpectationError(file, path, "must not be empty")
        out = [item(v, f"{path}[{i}]", file) for i, v in enumerate(value)]
        for i, v in enumerate(out):
            if v in out[:i]:
                raise ExpectationError(file, f"{path}[{i}]", f"{v!r} is listed twice")
        return out

    ITEMS[check] = item
    return check


def number(*, low: float | None = None, high: float | None = None, null: bool = False) -> Spec:
    """A finite number (int or float, not a bool) within [low, high]; ``null`` allows None."""

    def check(value: Any, path: str, file: str) -> float | None:
        if value is None and null:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            extra = " or null" if null else ""
            raise ExpectationError(file, path, f"must be a number{extra}, not {_kind_of(value)}")
        if not math.isfinite(value) or abs(value) > 1e300:
            raise ExpectationError(file, path, f"must be a finite number, not {value!r}")
        if (low is not None and value < low) or (high is not None and value > high):
            raise ExpectationError(file, path, f"{value!r} is outside [{low}, {high}]")
        return float(value)

    return check


def integer(*, low: int, high: int) -> Spec:
    def check(value: Any, path: str, file: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ExpectationError(file, path, f"must be a whole number from {low} to {high}")
        return value

    return check


def boolean(value: Any, path: str, file: str) -> bool:
    if not isinstance(value, bool):
        raise ExpectationError(file, path, f"must be true or false, not {_kind_of(value)}")
    return value


def text(*, pattern: re.Pattern[str] | None = None, what: str = "text") -> Spec:
    def check(value: Any, path: str, file: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ExpectationError(file, path, f"must be non-empty {what}, not {value!r}")
        if pattern is not None and not pattern.match(value):
            raise ExpectationError(file, path, f"{value!r} is not a valid {what}")
        return value

    return check


def choice(options: tuple[str, ...]) -> Spec:
    def check(value: Any, path: str, file: str) -> str:
        if not isinstance(value, str) or value not in options:
            raise ExpectationError(file, path, f"{value!r} is not allowed", allowed=options)
        return value

    return check


def version(value: Any, path: str, file: str) -> int:
    if isinstance(value, bool) or value != VERSION:
        raise ExpectationError(
            file, path, f"unsupported version {value!r}", hint=f"this hycheck reads {VERSION}"
        )
    return VERSION


_MIN_MAX = mapping({"min": (number(null=True), False), "max": (number(null=True), False)})


def min_max(value: Any, path: str, file: str) -> dict[str, Any]:
    """``{min, max}``, either end a number or null (open), min not above max."""
    out: dict[str, Any] = _MIN_MAX(value, path, file)
    lo, hi = out.get("min"), out.get("max")
    if lo is not None and hi is not None and lo > hi:
        raise ExpectationError(file, path, f"min {lo:g} is above max {hi:g}")
    return out


_BY_LEVEL = mapping(
    dict.fromkeys(LEVELS, (min_max, False)),
    where=" (give min/max, or ranges by level: district, city, province, country)",
)


def level_ranges(value: Any, path: str, file: str) -> dict[str, Any]:
    """Either one ``{min, max}`` for every region level, or one per level."""
    if isinstance(value, dict) and value and set(value) <= {"min", "max"}:
        return min_max(value, path, file)
    out: dict[str, Any] = _BY_LEVEL(value, path, file)
    return out


KEYS[min_max] = KEYS[_MIN_MAX]
KEYS[level_ranges] = {**KEYS[_MIN_MAX], **KEYS[_BY_LEVEL]}


_TOLERANCE = mapping({"rel": (number(low=0, high=1), False), "abs": (number(low=0), False)})
_DESCRIPTION: tuple[Spec, bool] = (text(), False)
_SEVERITY = choice(SEVERITIES)

METRIC_SPEC = mapping(
    {
        "version": (version, True),
        "metric": (text(pattern=_KEY, what="metric key (lower case, digits, _)"), True),
        "description": _DESCRIPTION,
        "names": (listing(text(), nonempty=True), False),
        "exclude": (listing(text()), False),
        "headline": (boolean, False),
        "units": (listing(text(pattern=_UNIT, what="unit"), nonempty=True), False),
        "range": (level_ranges, False),
        "growth": (min_max, False),
        "share": (min_max, False),
        "kinds": (listing(choice(KINDS), nonempty=True), False),
        "tolerance": (_TOLERANCE, False),
        "change": (mapping({"max_rel": (number(low=0, null=True), True)}), False),
        "severity": (_SEVERITY, False),
    }
)

_UNIT_SPEC = mapping(
    {
        "description": _DESCRIPTION,
        "relative": (boolean, False),
        "signed": (boolean, False),
        "range": (min_max, False),
        "tolerance": (_TOLERANCE, False),
    }
)

_YEAR_MONTH = mapping(
    {"year": (integer(low=-5, high=5), True), "month": (integer(low=1, high=12), True)}
)

DEFAULTS_SPEC = mapping(
    {
        "version": (version, True),
        "description": _DESCRIPTION,
        "severity": (_SEVERITY, False),
        "units": (open_mapping(_UNIT, "unit", _UNIT_SPEC), False),
        "share": (
            mapping(
                {
                    "cues": (listing(text()), False),
                    "range": (min_max, False),
                    "severity": (_SEVERITY, False),
                }
            ),
            False,
        ),
        "intervals": (
            mapping(
                {
                    "approx": (number(low=0, high=0.99), False),
                    "over": (number(low=0, high=10), False),
                    "rounding": (boolean, False),
                    "gt_open": (boolean, False),
                }
            ),
            False,
        ),
        "dates": (
            mapping(
                {
                    "severity": (_SEVERITY, False),
                    "not_after_stated": (listing(choice(KINDS)), False),
                    "not_before_stated": (listing(choice(KINDS)), False),
                    "titles": (
                        listing(
                            mapping(
                                {
                                    "cue": (text(), True),
                                    "from": (_YEAR_MONTH, True),
                                    "to": (_YEAR_MONTH, True),
                                    "also": (
                                        mapping(
                                            {"from": (_YEAR_MONTH, True), "to": (_YEAR_MONTH, True)}
                                        ),
                                        False,
                                    ),
                                }
                            )
                        ),
                        False,
                    ),
                    "stale": (
                        mapping(
                            {
                                "after_days": (integer(low=1, high=100_000), True),
                                "severity": (_SEVERITY, False),
                            }
                        ),
                        False,
                    ),
                }
            ),
            False,
        ),
    }
)


def check_file(raw: dict[str, Any], file: str, spec: Spec) -> dict[str, Any]:
    """The checked content of one file (raises ``ExpectationError``)."""
    out: dict[str, Any] = spec(raw, "", file)
    return out


# libyaml's parser when PyYAML was built with it (8x faster: the shipped files load in 8 ms,
# not 60, which is most of what `hycheck check` spends before it reads a page); the pure-Python
# one otherwise.  Both are safe loaders: the constructor is SafeConstructor either way.
if TYPE_CHECKING:
    _SafeBase = yaml.SafeLoader
else:
    _SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):
    """Safe YAML that rejects duplicate keys and reads 1e9 as a number (YAML 1.2 style)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key: let the constructor report it
                break
            if duplicate:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
        return super().construct_mapping(node, deep=deep)


_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


def parse_yaml(display: str, path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ExpectationError(display, "", f"cannot read the file: {exc}") from exc
    try:
        data = yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}" if mark is not None else ""
        raise ExpectationError(display, where, f"broken YAML: {exc.problem or exc}") from exc
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        raise ExpectationError(display, "", f"broken YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ExpectationError(
            display, "", f"the file must be a mapping of keys, not {type(data).__name__}"
        )
    return data


def deep_merge(into: dict[str, Any], new: Mapping[str, Any]) -> None:
    for key, value in new.items():
        old = into.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            deep_merge(old, value)
        else:
            into[key] = copy.deepcopy(value)
