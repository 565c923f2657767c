"""Sentences and clauses: the units a statement lives in, and values standing in brackets.

Sentences end at 。!? and line breaks (not a hard-wrapped line), clauses at , ; : outside brackets;
neither ever ends inside a quantity.
"""
from __future__ import annotations

from typing import Optional

import regex

from .link_document import Document, QuantityLike

_SENTENCE_END = regex.compile(r"[。!?！？\n]+")
_CLAUSE_SCAN = regex.compile(r"[,;:，；：(（)）]")
_WORD_CHAR = regex.compile(r"[\p{Han}A-Za-z]")
_NAME_END = regex.compile(r"[\p{Han}A-Za-z”\")]")  # ends a name: a word, a closing quote or bracket (“汽车”, 金融业(银行除外))
_STOP_OR_OPEN = "。,;:("  # the nearest before a value: a clause mark, or a bracket opening
_WRAP_WIDTH = 30  # characters of a line that a page wraps at a fixed width (wire copy: 總\n延人公里)
_WRAP_END = regex.compile(r"[\p{Han}\d%]$")
_CLAUSE_IN_LINE = regex.compile(r"[,;，；]")


def sentences(doc: Document) -> list[tuple[int, int]]:
    """The sentences of the document as (start, end), blank ones left out."""
    text = doc.text
    out = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if doc.inside_quantity(m.start()):
            continue
        if m.group().isspace() and _wrapped_line(doc, m.start()):
            continue  # a hard-wrapped line (…估计为\n3499亿元): the sentence goes on
        out.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _wrapped_line(doc: Document, i: int) -> bool:
    """Whether the line ending at ``i`` ends in a character that cannot end a sentence (class
    ``open_line_end``: a clause mark, 为, 而 ...), so the line is wrapped, not ended; or is a long line of clauses
    ending in a word or a number with the next line going straight on (wire copy wrapped at a fixed width, inside a
    word: 总\n延人公里, 纯\n利), where a headline or a heading, short and without clause marks, still ends."""
    j = i - 1
    while j >= 0 and doc.text[j] in " \t\r":
        j -= 1
    if j >= 0 and doc.text[j] in doc.eng.open_line_end:
        return True
    line = doc.text[doc.text.rfind("\n", 0, j) + 1:j + 1]
    return len(line) >= _WRAP_WIDTH and _WRAP_END.search(line) is not None and _CLAUSE_IN_LINE.search(line) is not None \
        and _WORD_CHAR.match(doc.text, i + 1) is not None


def clauses(doc: Document, s: int, e: int) -> list[tuple[int, int]]:
    """The clauses of the sentence [s, e), the last without the sentence's closing marks."""
    text = doc.text
    out = []
    pos = s
    depth = 0
    for m in _CLAUSE_SCAN.finditer(text, s, e):  # brackets and separators only
        c = m.group()
        i = m.start()
        if c in "(（":
            depth += 1
        elif c in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and not doc.inside_quantity(i) and not ratio_colon(doc, i):
            out.append((pos, i))
            pos = i + 1
    end = e
    while end > pos and (text[end - 1] in "。!?！？\n" or text[end - 1].isspace()):
        end -= 1
    out.append((pos, end))
    return out


def ratio_colon(doc: Document, i: int) -> bool:
    """Whether the colon at ``i`` joins two values of a ratio (三次产业结构为3.6:47.9:48.5): a value ends right
    before it and another starts right after it, so the values stay in one clause and are read as one list."""
    text = doc.text
    if text[i] not in ":：":
        return False
    j = i
    while j > 0 and text[j - 1] == " ":
        j -= 1
    k = i + 1
    while k < len(text) and text[k] == " ":
        k += 1
    return j in doc.qstart_at_end and k in doc.q_at


def paren_value(doc: Document, q: QuantityLike, c_end: int) -> Optional[tuple[int, int]]:
    """(index of the opening bracket, index after the closing one) when ``q`` stands alone in brackets."""
    text = doc.text
    i = q.start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i < 0 or text[i] != "(":
        return None
    k = i - 1
    while k >= 0 and text[k] == " ":
        k -= 1  # 泰国 (27,173人次): a space may come before the bracket too
    if k < 0 or not _NAME_END.match(text[k]):
        return None
    j = q.end
    while j < c_end and text[j] == " ":
        j += 1
    if j >= c_end or text[j] != ")":
        return None
    return i, j + 1


_SHARE_OPEN = regex.compile(r"(?:约|大约|约为)?占")


def in_defining_parens(doc: Document, q: QuantityLike, c_end: int) -> bool:
    """A quantity inside parentheses that sit inside a subject (规上工业(年主营业务收入500万元以上)增加值)."""
    text = doc.text
    near = doc.last_mark(_STOP_OR_OPEN, 0, q.start)  # (a bisection: a clause without marks is long)
    if near < 0 or text[near] != "(":
        return False  # no bracket opens between the clause mark before the value and the value
    i = q.start - 1
    depth = 0
    while i >= 0 and text[i] not in "。,;:":
        if text[i] == ")":
            depth += 1
        elif text[i] == "(":
            if depth == 0:
                break
            depth -= 1
        i -= 1
    if i < 0 or text[i] != "(":
        return False
    if _SHARE_OPEN.match(text, i + 1, q.start):
        return False  # a share in brackets (香港人民币存款(约占外币存款的3.5%)在六月底…) states, it defines nothing
    j = text.find(")", q.end, c_end)
    # a bracket followed by 及/和/与/或 closes a listed item (台湾旅客(占2.4%)及外籍旅客(占6.9%)), not a name
    return j >= 0 and j + 1 < c_end and bool(_WORD_CHAR.match(text[j + 1])) and text[j + 1] not in "及和与或"


_VALUE_NOTE = regex.compile(r"\s*\([^()]*\)")


def value_note_end(doc: Document, end: int, limit: int) -> int:
    """Where a note in brackets written right after a value ends (19,780元( 澳门元,下同 )、10,600元及16,980元: the
    currency the values are in), else ``end``: a bracket holding no value says something of the value before it, so
    the values listed after it go on the list as if it were not there.  A bracket holding a value (留宿旅客(1,624,285人次))
    is a statement of its own, no note."""
    m = _VALUE_NOTE.match(doc.text, end, limit)
    if m is None or doc.quantities_from(m.start(), m.end()):
        return end
    return m.end()
