"""A regular expression that finds the longest of many words, written as a trie.

``"|".join(words)`` sorted longest first finds the longest word at each place too, but the
engine tries the alternatives one by one: with 160 metric names that is 160 tests at every
character that may start one.  Written as a trie (``地区生产总值|地(?:区生产总值|方…)``
becomes ``地(?:区生产总值|方…)``), a place is tested once per character of the word it may
start, and a failed place costs one test per distinct first character.

>>> import re
>>> pattern = re.compile(longest_word_pattern(["生产", "生产总值", "总值"]))
>>> [m.group() for m in pattern.finditer("生产总值,总值")]
['生产总值', '总值']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

HAN = re.compile(r"[\u4e00-\u9fff]")
"""A Chinese character (of the basic block): a phrase with none names nothing (")", "—")."""

_END = ""  # the trie key that marks the end of a word
_Trie = dict[str, "_Trie"]


def longest_word_pattern(words: Iterable[str]) -> str:
    """A pattern that matches, at any place, the longest of ``words`` that starts there (what
    the alternation of the words sorted longest first matches).  Never backtracks more than
    the length of the longest word."""
    trie: _Trie = {}
    for word in words:
        if not word:
            raise ValueError("an empty word would match everywhere")
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _branch(trie)


def _branch(node: _Trie) -> str:
    # Following the text down the trie, a longer word is tried before the end of a shorter
    # one (``(?:…)?`` is greedy), so the first match found is the longest.
    alternatives = [re.escape(ch) + _branch(node[ch]) for ch in sorted(node) if ch != _END]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if _END in node:
        return "(?:" + body + ")?"
    return body
