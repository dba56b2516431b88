"""`hycheck extract` and the figure table: JSON Lines, CSV, Parquet, one column list."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import hycheck
from hycheck.cli import main
from hycheck.model import FIGURE_COLUMNS

SEED = str(Path(__file__).resolve().parent.parent / "seeds" / "000_984d2c24117c5c48.txt")


def test_jsonl_has_one_figure_a_line_in_utf8_with_chinese_unescaped(tmp_path: Path) -> None:
    out = tmp_path / "figures.jsonl"
    assert main(["extract", SEED, "--output", str(out)]) == 0
    raw = out.read_bytes().decode("utf-8")
    assert "948亿元" in raw
    assert "\\u" not in raw
    rows = [json.loads(line) for line in raw.splitlines()]
    assert len(rows) == len(hycheck.extract(hycheck.load_pages(SEED)))
    assert all(tuple(r) == FIGURE_COLUMNS for r in rows)
    first = rows[0]
    body = hycheck.load_pages(SEED)[0].body
    assert body[first["start"] : first["end"]] == first["surface"] == "948亿元"
    assert first["value"] == 94800000000


def test_csv_and_parquet_hold_the_same_table_as_figures_frame(tmp_path: Path) -> None:
    frame = hycheck.figures_frame(hycheck.extract(hycheck.load_pages(SEED)))
    assert list(frame.columns) == list(FIGURE_COLUMNS)
    assert main(["extract", SEED, "--format", "csv", "--output", str(tmp_path / "f.csv")]) == 0
    csv = pd.read_csv(tmp_path / "f.csv", keep_default_na=False, na_values=[""])
    assert list(csv.columns) == list(FIGURE_COLUMNS)
    assert csv["surface"].tolist() == frame["surface"].tolist()
    assert csv["value"].tolist() == pytest.approx(frame["value"].tolist())
    assert main(["extract", SEED, "--format", "parquet", "--output", str(tmp_path / "f.pq")]) == 0
    parquet = pd.read_parquet(tmp_path / "f.pq")
    pd.testing.assert_frame_equal(parquet, frame, check_dtype=False)


def test_parquet_without_an_output_file_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["extract", SEED, "--format", "parquet"]) == 2
    assert "--output" in capsys.readouterr().err


def test_an_empty_figure_table_keeps_its_columns() -> None:
    frame = hycheck.figures_frame([])
    assert list(frame.columns) == list(FIGURE_COLUMNS)
    assert len(frame) == 0


def test_an_unreadable_page_is_reported_and_the_others_are_still_extracted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    out = tmp_path / "figures.jsonl"
    assert main(["extract", str(missing), SEED, "--output", str(out)]) == 2
    assert str(missing) in capsys.readouterr().err
    assert len(out.read_text(encoding="utf-8").splitlines()) > 200


def test_metrics_and_expectations_together_are_refused() -> None:
    with pytest.raises(ValueError, match="not both"):
        hycheck.extract_text(
            "地区生产总值948亿元",
            metrics={"gdp": ("地区生产总值",)},
            expectations=hycheck.load_expectations(),
        )


def test_a_metric_vocabulary_given_as_data_names_the_metric() -> None:
    (fig,) = hycheck.extract_text("地区生产总值948亿元", metrics={"gdp_x": ("地区生产总值",)})
    assert fig.metric == "gdp_x"
