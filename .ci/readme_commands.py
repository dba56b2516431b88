"""Print one of the README's two commands: ``main`` (set up, check the seed) or ``test``.

The README keeps them in the first two ```sh blocks; CI runs them from here, so the README
cannot drift away from what CI runs.
"""

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    return [" ".join(block.split()) for block in blocks[:2]]


if __name__ == "__main__":
    which = {"main": 0, "test": 1}[sys.argv[1]]
    print(commands()[which])
