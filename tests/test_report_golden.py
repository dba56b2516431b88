"""Golden reports: the rendered output of fixed findings, byte for byte.

Regenerate with ``HYCHECK_REGEN_GOLDEN=1 python -m pytest tests/test_report_golden.py`` and
review ``git diff tests/golden`` (report wording is part of the contract: see CHANGELOG).
To add a report, build it and call ``assert_golden(name, render(report, fmt))``.
"""

from __future__ import annotations

import pytest
from golden import assert_golden
from golden.fixtures import hostile_report, seed_report

from hycheck.report import render


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("seed_synthetic.md", "markdown"),
        ("seed_synthetic.json", "json"),
        ("seed_synthetic.txt", "text"),
        ("seed_synthetic.junit.xml", "junit"),
        ("seed_synthetic.github.txt", "github"),
    ],
)
def test_seed_synthetic_report_matches_its_golden_file(name: str, fmt: str) -> None:
    assert_golden(name, render(seed_report(), fmt))


def test_hostile_report_matches_its_golden_file() -> None:
    assert_golden("hostile.md", render(hostile_report(), "markdown"))


def test_a_missing_golden_file_fails_and_says_how_to_create_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("HYCHECK_REGEN_GOLDEN", raising=False)
    with pytest.raises(
        pytest.fail.Exception, match="is missing; create it with: HYCHECK_REGEN_GOLDEN=1"
    ):
        assert_golden("no_such_report.md", "# x\n")


def test_a_differing_golden_file_fails_with_a_diff(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HYCHECK_REGEN_GOLDEN", raising=False)
    with pytest.raises(
        pytest.fail.Exception, match=r"(?s)differs from its golden file.*\+# hycheck report!"
    ):
        assert_golden(
            "hostile.md", render(hostile_report(), "markdown").replace("report\n", "report!\n", 1)
        )
