"""Golden files: expected report output, compared byte for byte.

``assert_golden("seed.md", text)`` compares ``text`` with ``tests/golden/seed.md``.  A missing
file fails (it is never created silently); ``HYCHECK_REGEN_GOLDEN=1 pytest tests`` writes every
golden file from the current output; review the diff (``git diff tests/golden``) before
committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).parent
REGEN = "HYCHECK_REGEN_GOLDEN"


def assert_golden(name: str, text: str) -> None:
    """Fail unless ``tests/golden/<name>`` holds exactly ``text`` (UTF-8, bytes as given)."""
    path = GOLDEN_DIR / name
    data = text.encode("utf-8")
    if os.environ.get(REGEN) == "1":
        path.write_bytes(data)
        return
    how = f"{REGEN}=1 python -m pytest tests -q  (then review: git diff {path})"
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; create it with: {how}", pytrace=False)
    expected = path.read_bytes()
    if expected != data:
        diff = difflib.unified_diff(
            expected.decode("utf-8", "replace").splitlines(),
            text.splitlines(),
            fromfile=f"{path} (golden)",
            tofile="rendered",
            lineterm="",
        )
        shown = "\n".join(list(diff)[:80])
        pytest.fail(
            f"{name} differs from its golden file:\n{shown}\nIf intended: {how}", pytrace=False
        )
