"""A one-line progress bar on stderr, drawn only on a terminal and only for long runs.

``Progress`` draws nothing when its stream is not a terminal (a CI log, a pipe, a file), nor
before ``delay`` seconds have passed, so short runs and captured output stay clean.  It redraws
at most ten times a second and erases its line when closed, so the report that follows starts
on a clean line.

>>> import io
>>> with Progress("extracting", articles=10, chars=1000, stream=io.StringIO()) as bar:
...     bar.advance(10, 1000)  # not a terminal: nothing is drawn
>>> bar.drawn
0
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import IO

__all__ = ["Progress"]

WIDTH = 24  # cells of the bar
REDRAW = 0.1  # seconds between two redraws


class Progress:
    """Progress over articles, measured in characters (a long article weighs more)."""

    def __init__(
        self,
        label: str,
        *,
        articles: int,
        chars: int,
        stream: IO[str] | None = None,
        delay: float = 0.5,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.label = label
        self.total_articles = articles
        self.total_chars = max(chars, 1)
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream)
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.articles = 0
        self.chars = 0
        self.drawn = 0  # how many times the line was drawn
        self._last = -REDRAW
        self._width = 0

    def advance(self, articles: int, chars: int) -> None:
        """Count ``articles`` and ``chars`` more done; redraw when it is time to."""
        self.articles += articles
        self.chars += chars
        if not self.enabled:
            return
        now = self.clock()
        done = self.chars >= self.total_chars
        if now - self.started < self.delay or (now - self._last < REDRAW and not done):
            return
        self._last = now
        self._draw(now)

    def _draw(self, now: float) -> None:
        share = min(self.chars / self.total_chars, 1.0)
        cells = int(share * WIDTH)
        line = (
            f"hycheck: {self.label} {share:4.0%} [{'#' * cells}{'.' * (WIDTH - cells)}] "
            f"{self.articles:,}/{self.total_articles:,} articles, {now - self.started:.0f}s"
        )
        pad = " " * max(self._width - len(line), 0)
        self.stream.write("\r" + line + pad)
        self.stream.flush()
        self._width = len(line)
        self.drawn += 1

    def close(self) -> None:
        """Erase the line, if one was drawn."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False
