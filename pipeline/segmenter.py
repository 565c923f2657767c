"""Chinese word segmentation with the project's own bundled pkuseg model.

Runtime configuration (the one the F1 test measures):

* the bundled model (``pipeline.resources.segmenter_dir()``), loaded lazily
  on the first ``cut()`` so importing this module stays cheap;
* spaCy-pkuseg's post-processing OFF: its default dictionary merges words
  against the model's training standard and costs ~10 F1 points;
* the small curated domain list ``rules/segmenter_words.txt`` as pkuseg's
  user dictionary (forced words);
* whitespace runs kept as their own tokens, so ``"".join(cut(t)) == t``;
* two pure post-fixes: ASCII letters/digits that touch stay one token
  (``5G``, ``C919``), and a number with its magnitude is split from a
  following measure word (``6.76亿|户``, ``293.7万|个``).

The input is expected to be normalised already (simplified script,
fullwidth ASCII folded to halfwidth); no script conversion happens here.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_WS_RE = re.compile(r"\s+")
_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_DIGITS = frozenset("0123456789")
_HAS_ALNUM_RE = re.compile(r"[0-9A-Za-z]")

_NUM = r"[0-9]+(?:\.[0-9]+)?"
# A magnitude character, unless it starts a unit of its own (千瓦, 千克, 兆帕,
# 百分点 ...): "100万千瓦" is 100万 + 千瓦, not 100万千 + 瓦.
_MAG = r"(?:十|百(?!分)|千(?![瓦克米伏卡焦赫帕])|万|亿|兆(?![瓦帕赫焦字]))+(?:多|余)?"
_NUM_RE = re.compile(_NUM)
_NUM_MAG_REST_RE = re.compile(rf"({_NUM}{_MAG})(\D.*)", re.S)
_MAG_REST_RE = re.compile(rf"({_MAG})(\D.*)", re.S)


# --------------------------------------------------------------------------
# Post-fixes: pure functions over token lists (concatenation is preserved).
# --------------------------------------------------------------------------

def _no_break(text: str, i: int) -> bool:
    """True if a token boundary before ``text[i]`` would split an alphanumeric run."""
    a, b = text[i - 1], text[i]
    if a in _ASCII_ALNUM and b in _ASCII_ALNUM:
        return True
    # decimal point inside a number: 6|.76 or 6.|76
    if b == "." and a in _DIGITS and i + 1 < len(text) and text[i + 1] in _DIGITS:
        return True
    if a == "." and b in _DIGITS and i >= 2 and text[i - 2] in _DIGITS:
        return True
    return False


def merge_alnum(tokens: list[str]) -> list[str]:
    """Rejoin ASCII letters/digits that touch across a boundary: ``5|G`` -> ``5G``.

    Model names, network generations and decimals (``C919``, ``R18``,
    ``10G``, ``6.76``) are single words in our rules; the CRF, trained on
    little Latin text, sometimes splits them.
    """
    if len(tokens) < 2:
        return list(tokens)
    text = "".join(tokens)
    out: list[str] = []
    start = pos = 0
    for tok in tokens[:-1]:
        pos += len(tok)
        if pos > start and not _no_break(text, pos):
            out.append(text[start:pos])
            start = pos
    out.append(text[start:])
    return out


def split_number_magnitude(tokens: list[str]) -> list[str]:
    """Keep a number with its magnitude and split off what follows.

    ``293.7万个`` -> ``293.7万|个``; ``6.76|亿户`` -> ``6.76亿|户``.  The
    quantity tagger needs the measure word (户, 个, 元) as its own token and
    must never see the magnitude glued to it.
    """
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        m = _NUM_MAG_REST_RE.fullmatch(tok)
        if m:
            out.extend(m.groups())
            i += 1
            continue
        if i + 1 < n and _NUM_RE.fullmatch(tok):
            m = _MAG_REST_RE.fullmatch(tokens[i + 1])
            if m:
                out.append(tok + m.group(1))
                out.append(m.group(2))
                i += 2
                continue
        out.append(tok)
        i += 1
    return out


def postfix(tokens: list[str]) -> list[str]:
    """All post-fixes in order; a no-op for tokens without ASCII digits/letters."""
    return split_number_magnitude(merge_alnum(tokens))


def load_word_list(path: Path | str) -> list[str]:
    """Words of a user dictionary file: one per line, ``#`` starts a comment."""
    words = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


# --------------------------------------------------------------------------
# Runtime
# --------------------------------------------------------------------------

class Segmenter:
    """Lazily loaded pkuseg segmenter with the project's runtime configuration.

    ``model_dir`` defaults to the bundled model; ``user_words`` to the
    bundled ``segmenter_words.txt`` (pass ``[]`` for none).
    """

    def __init__(
        self,
        model_dir: Path | str | None = None,
        user_words: Iterable[str] | None = None,
        *,
        postfixes: bool = True,
    ) -> None:
        self._model_dir = model_dir
        self._user_words = None if user_words is None else list(user_words)
        self._postfixes = postfixes
        self._seg: Any = None
        self._has_dict = False
        self._lock = threading.Lock()

    @property
    def model_dir(self) -> Path:
        """The folder of the model this segmenter runs (the bundled one by default)."""
        from . import resources

        return Path(self._model_dir or resources.segmenter_dir())

    @property
    def user_words(self) -> list[str]:
        """The forced words this segmenter runs with (the bundled list by default)."""
        if self._user_words is None:
            from . import resources

            path = resources.rules_path("segmenter_words.txt")
            return load_word_list(path) if path.is_file() else []
        return list(self._user_words)

    @property
    def loaded(self) -> bool:
        """Whether the model has been loaded (it is, after the first cut())."""
        return self._seg is not None

    def _load(self) -> Any:
        with self._lock:
            if self._seg is None:
                import spacy_pkuseg

                model_dir = self.model_dir
                if not (model_dir / "weights.npz").is_file():
                    raise FileNotFoundError(f"no pkuseg model in {model_dir}")
                words = self.user_words
                # user_dict=None: no default dictionary, post-processing off.
                seg = spacy_pkuseg.pkuseg(str(model_dir), user_dict=None)
                seg.postprocesser.do_process = False
                seg.preprocesser = spacy_pkuseg.Preprocesser(words)
                self._has_dict = bool(words)
                self._seg = seg
        return self._seg

    def _cut_run(self, run: str) -> list[str]:
        seg = self._seg
        if not self._has_dict:
            return seg._cut(run)
        out: list[str] = []
        pieces, is_word, _ = seg.preprocesser.solve(run)
        for piece, forced in zip(pieces, is_word, strict=True):
            if forced:
                out.append(piece)
            else:
                out.extend(seg._cut(piece))
        return out

    def cut(self, text: str) -> list[str]:
        """Segment ``text``; the tokens concatenate exactly to ``text``.

        Whitespace runs are tokens of their own (pkuseg itself drops them).
        """
        if self._seg is None:
            self._load()
        tokens: list[str] = []
        pos = 0
        for m in _WS_RE.finditer(text):
            if m.start() > pos:
                tokens.extend(self._cut_run(text[pos : m.start()]))
            tokens.append(m.group())
            pos = m.end()
        if pos < len(text):
            tokens.extend(self._cut_run(text[pos:]))
        if self._postfixes and _HAS_ALNUM_RE.search(text):
            tokens = postfix(tokens)
        return tokens


_default: Segmenter | None = None


def default_segmenter() -> Segmenter:
    """The shared segmenter with the bundled model (created on first use)."""
    global _default
    if _default is None:
        _default = Segmenter()
    return _default


def cut(text: str) -> list[str]:
    """Segment with the shared default segmenter."""
    return default_segmenter().cut(text)
