"""``python -m hycheck``: the same as the ``hycheck`` command."""

from hycheck.cli import run

run()
