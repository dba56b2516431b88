"""The real seed page through the whole pipeline: golden reports, and the README kept true."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from golden import assert_golden

from hycheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/"


@pytest.fixture(autouse=True)
def _from_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # report paths are the paths as given: seeds/…


def _check(tmp_path: Path, fmt: str, *extra: str) -> tuple[int, str]:
    out = tmp_path / f"report.{fmt}"
    code = main(["check", SEED, "--format", fmt, "--output", str(out), *extra])
    return code, out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("fmt", "golden"),
    [("markdown", "seed_check.md"), ("json", "seed_check.json"), ("junit", "seed_check.xml")],
)
def test_the_seed_report_matches_its_golden_file(tmp_path: Path, fmt: str, golden: str) -> None:
    code, text = _check(tmp_path, fmt)
    assert code == 0
    assert_golden(golden, text)


def test_the_seed_report_shows_the_gdp_break_with_its_chart_and_explanation(
    tmp_path: Path,
) -> None:
    _, text = _check(tmp_path, "markdown")
    series = text[text.index("## Series") :]
    for written in ("948亿元", "破千亿", "700亿元"):
        assert written in series
    assert "xychart-beta" in series
    assert "bar [948, 1000, 700]" in series
    assert "武烟搬迁导致经济总量大幅下降" in series


def test_the_seed_checks_clean_at_error_level(tmp_path: Path) -> None:
    _, text = _check(tmp_path, "json")
    report = json.loads(text)
    assert report["summary"]["by_severity"]["error"] == 0
    codes = sorted(f["code"] for f in report["findings"] if f["severity"] != "info")
    assert codes == ["scale_mismatch", "series_break"]


def test_the_readme_excerpt_is_part_of_the_real_seed_report(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"<!-- seed-report:start -->\n```markdown\n(.*?)```\n<!-- seed-report:end -->",
        readme,
        flags=re.S,
    )
    assert block is not None, "README.md lost its seed-report markers"
    _, text = _check(tmp_path, "markdown")
    assert block.group(1) in text


def test_the_readme_gives_ci_its_two_commands() -> None:
    import runpy

    commands = runpy.run_path(str(ROOT / ".ci" / "readme_commands.py"))["commands"]()
    assert commands[0].endswith("hycheck check seeds/")
    assert commands[1].endswith("pytest")
    assert "pip install" in commands[0]
    assert "pip install -e '.[dev]'" in commands[1]
