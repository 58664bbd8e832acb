"""Regex alternations of word lists, written as a trie.

The time and quantity recognizers match lexicons of hundreds of words (number
words, month names, units). Written as a flat longest-first alternation
("ثلاثمايه|ثلاثين|ثلاثه|..."), the regex engine tries every word in turn at
every word start of the text, and that scan was most of the quantity stage's
time. As a trie ("ثلاث(?:مايه|ين|ه)...") one character test rules out every
word not continuing that way.

The two match the same text with the same preference. At a given position only
words that are prefixes of one another can match (two words that differ in a
character cannot both match there), and the trie tries the longer ones first,
as the longest-first list did, because a word's end is an optional ``(?:...)?``
after its continuations. This holds for case-sensitive patterns only: under
IGNORECASE two spellings could match the same text on different branches.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

_END = ""
Trie = dict[str, "Trie"]  # token -> subtree; the key _END marks the end of a form


def trie_alternation(forms: Iterable[str], *, flexible_spaces: bool = False) -> str:
    """Regex source matching any of ``forms``, the longest one when several match.

    With ``flexible_spaces``, a space inside a form matches any run of spaces
    (leading and trailing spaces are dropped); otherwise every character is
    literal. ``trie_alternation(["ثلاث", "ثلاثه", "ثلاثين"])`` is
    ``"ثلاث(?:ه|ين)?"``.
    """
    root: Trie = {}
    for form in forms:
        if flexible_spaces:
            tokens: list[str] = []
            for k, part in enumerate(form.split()):
                if k:
                    tokens.append(r"\s+")
                tokens.extend(regex.escape(ch) for ch in part)
        else:
            tokens = [regex.escape(ch) for ch in form]
        node = root
        for token in tokens:
            node = node.setdefault(token, {})
        node[_END] = {}
    return _emit(root)


def _emit(node: Trie) -> str:
    branches = [token + _emit(child) for token, child in sorted(node.items()) if token != _END]
    if not branches:
        return ""
    if _END not in node:
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A form may end here: an optional group after its continuations, so longer forms win.
    return "(?:" + "|".join(branches) + ")?"
