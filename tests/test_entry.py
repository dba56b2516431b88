"""The ``hycheck`` process (``python -m hycheck``, the console script): ``hycheck.cli.run``.

``run`` ends the process without the interpreter's teardown, so these tests run real processes
and check that nothing is lost on the way out: all of stdout, the file of ``--output``, the
exit code, and a quiet exit when the reader of a pipe goes away.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

from hycheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_984d2c24117c5c48.txt"


def hycheck(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "hycheck", *args], cwd=ROOT, env=env, capture_output=True
    )


def in_process(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(list(args))
    return code, out.getvalue()


def test_the_process_prints_all_that_main_prints_and_exits_with_its_code() -> None:
    done = hycheck("extract", str(SEED))
    code, text = in_process("extract", str(SEED))
    assert done.returncode == code == 0
    assert done.stdout.decode("utf-8") == text
    assert len(text.splitlines()) > 200  # the seed's figures, every line of them
    assert done.stderr == b""


def test_a_check_with_an_error_exits_one(tmp_path: Path) -> None:
    page = tmp_path / "mutated.txt"
    text = SEED.read_text(encoding="utf-8").replace("地区生产总值948亿元", "地区生产总值948万亿元")
    page.write_text(text, encoding="utf-8")
    done = hycheck("check", str(page))
    assert done.returncode == 1
    assert "out_of_range" in done.stdout.decode("utf-8")


def test_the_output_file_is_complete_when_the_process_ends(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    done = hycheck("check", str(SEED), "--format", "json", "--output", str(target))
    assert done.returncode == 0
    _, text = in_process("check", str(SEED), "--format", "json")
    assert target.read_text(encoding="utf-8") == text


def test_a_reader_that_goes_away_is_not_an_error() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with subprocess.Popen(
        # ten times the seed: far more than a pipe holds, so the writer meets the closed end
        [sys.executable, "-m", "hycheck", "extract", *[str(SEED)] * 10],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # `hycheck extract … | head -1`
        err = proc.stderr.read()
        code = proc.wait()
    assert first.startswith(b'{"page": ')
    assert code == 0
    assert b"Traceback" not in err
