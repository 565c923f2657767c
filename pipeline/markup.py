"""Markup as white space: HTML tags, comments, scripts and entities blanked out, offsets unchanged.

Scraped news arrives with markup (``<b>全国规模以上工业增加值</b>``). Replacing every piece of
markup by white space of the same length keeps each character where it was, so every span the
pipeline reports still points into the text the user gave; the linker already reads white space next
to Chinese characters as nothing. An entity (``&amp;``, ``&#20840;``) becomes its character followed
by spaces, so its text is read but its position is kept.
"""
from __future__ import annotations

import html

import regex

_BLOCK = regex.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", regex.I | regex.S)
_TAG = regex.compile(r"</?[A-Za-z][^<>]*>|<![A-Za-z][^<>]*>")
_ENTITY = regex.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _blank(m: regex.Match) -> str:
    return " " * len(m.group(0))


def _entity(m: regex.Match) -> str:
    char = html.unescape(m.group(0))
    if len(char) != 1:  # an unknown name stays as written
        return m.group(0)
    return (" " if char == "\xa0" else char) + " " * (len(m.group(0)) - 1)


def blank_markup(text: str) -> str:
    """``text`` with markup replaced by white space of the same length (``len`` is unchanged)."""
    out = _BLOCK.sub(_blank, text)
    out = _TAG.sub(_blank, out)
    return _ENTITY.sub(_entity, out)
