"""The zhibiao tokenizer: normalise, segment the normalised text, keep the original text.

A ``Doc`` made by this tokenizer has ``doc.text`` equal to the input, whatever
its script, and each token's simplified, width-folded form in ``token.norm_``.
Segmenting the normalised text lets one model serve traditional, simplified
and mixed input; mapping token boundaries back through the normaliser's
offset map keeps every token a slice of the original.
"""
from __future__ import annotations

import tempfile
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import regex
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from .normalize import DEFAULT_CONVERSION, Normalized, check_text, normalize
from .periods import find_periods
from .quantities import Quantity, find_quantities
from .segmenter import Segmenter, default_segmenter

WORDS_FILE = "segmenter_words.txt"
_SENTENCE = regex.compile(r"[^。!?;\n]+[。!?;\n]*|[。!?;\n]+")
_CHUNK = regex.compile(r"\s+|\S+")


def token_spans(norm: Normalized, words: Iterable[str]) -> list[tuple[int, int, int]]:
    """``(start, end, normalised start)`` of segmented words in the original text.

    ``words`` must concatenate to ``norm.text``.  When OpenCC turned one
    original phrase into a different number of characters (記憶體 -> 内存), a
    boundary inside it has no original position, so the words around it are
    joined.
    """
    spans: list[tuple[int, int, int]] = []
    pos = 0
    for word in words:
        if not word:
            continue
        start, end = norm.to_original(pos, pos + len(word))
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]), spans[-1][2])
        else:
            spans.append((start, end, pos))
        pos += len(word)
    if pos != len(norm.text):
        raise ValueError("segmenter output does not concatenate to its input")
    return spans


def cut_at(words: Iterable[str], cuts: Iterable[int]) -> list[str]:
    """``words`` split at every offset of ``cuts`` (into their concatenation) that falls inside a word."""
    ordered = sorted(set(cuts))
    out: list[str] = []
    pos = 0
    j = 0
    for word in words:
        end = pos + len(word)
        while j < len(ordered) and ordered[j] <= pos:
            j += 1
        last = pos
        while j < len(ordered) and ordered[j] < end:
            out.append(word[last - pos : ordered[j] - pos])
            last = ordered[j]
            j += 1
        out.append(word[last - pos :])
        pos = end
    return out


def words_and_spaces(text: str, spans: list[tuple[int, int, int]]) -> tuple[list[str], list[bool], list[int]]:
    """spaCy's (words, spaces) for ``text``, and the index of each word's span.

    A single ASCII space after a word becomes that word's trailing space, as
    in every spaCy tokenizer; any other white space stays a token of its own.
    """
    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []
    for i, (start, end, _) in enumerate(spans):
        piece = text[start:end]
        if piece == " " and words and not spaces[-1] and not words[-1].isspace():
            spaces[-1] = True
            continue
        words.append(piece)
        spaces.append(False)
        index.append(i)
    return words, spaces, index


class ZhibiaoTokenizer:
    """spaCy tokenizer over the project's pkuseg model, with exact original text.

    Words are also cut where a quantity or a period begins or ends, as the quantity component needs
    them: splitting tokens later costs spaCy's retokenizer a pass over the whole document per split.
    """

    def __init__(self, vocab: Vocab, *, conversion: str = DEFAULT_CONVERSION, prefilter: bool = False,
                 segmenter: Segmenter | None = None):
        self.vocab = vocab
        self.conversion = conversion
        self.prefilter = prefilter
        self.segmenter = segmenter if segmenter is not None else default_segmenter()

    def __call__(self, text: str) -> Doc:
        check_text(text)
        norm = normalize(text, self.conversion)
        found = find_quantities(norm.text)
        words = self.cut_prefiltered(norm.text, found) if self.prefilter else self.segmenter.cut(norm.text)
        bounds = [o for span in (*found, *find_periods(norm.text)) for o in (span.start, span.end)]
        spans = token_spans(norm, cut_at(words, bounds))
        words, spaces, index = words_and_spaces(text, spans)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        starts = [s[2] for s in spans] + [len(norm.text)]
        for token, i in zip(doc, index):
            form = norm.text[starts[i] : starts[i + 1]]
            if form != token.norm_:  # most tokens already have it as their default norm
                token.norm_ = form
        return doc

    def cut_prefiltered(self, text: str, found: Iterable[Quantity]) -> list[str]:
        """Segment only the sentences that hold a quantity; others become white-space-split chunks.

        The batch fast path.  The tagger and linker read characters, not
        tokens, so coarse tokens in a sentence without a quantity change no
        quantity or event; and the tagger, 20 times faster than the
        segmenter, says exactly which sentences hold one.
        """
        starts = [q.start for q in found]
        words: list[str] = []
        for m in _SENTENCE.finditer(text):
            i = bisect_left(starts, m.start())
            if i < len(starts) and starts[i] < m.end():
                words.extend(self.segmenter.cut(m.group()))
            else:
                words.extend(w.group() for w in _CHUNK.finditer(m.group()))
        return words

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def _cfg(self) -> dict[str, object]:
        return {"conversion": self.conversion, "prefilter": self.prefilter}

    def _set_cfg(self, cfg: dict) -> None:
        self.conversion = cfg["conversion"]
        self.prefilter = cfg["prefilter"]

    def _files(self) -> dict[str, bytes]:
        """The model files and word list the segmenter runs with, so a saved pipeline needs no package data."""
        files = {p.name: p.read_bytes() for p in sorted(self.segmenter.model_dir.iterdir()) if p.is_file()}
        files[WORDS_FILE] = "\n".join(self.segmenter.user_words).encode("utf-8")
        return files

    def _use_files(self, folder: Path) -> None:
        words = (folder / WORDS_FILE).read_text(encoding="utf-8").split("\n")
        self.segmenter = Segmenter(folder, [w for w in words if w])

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        return srsly.msgpack_dumps({**self._cfg(), "files": self._files()})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "ZhibiaoTokenizer":
        msg = srsly.msgpack_loads(data)
        self._set_cfg(msg)
        folder = Path(tempfile.mkdtemp(prefix="zhibiao-segmenter-"))
        for name, content in msg["files"].items():
            (folder / name).write_bytes(content)
        self._use_files(folder)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", self._cfg())
        for name, content in self._files().items():
            (path / name).write_bytes(content)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "ZhibiaoTokenizer":
        path = Path(path)
        self._set_cfg(srsly.read_json(path / "cfg.json"))
        self._use_files(path)
        return self


@registry.tokenizers("zhibiao.Tokenizer.v1")
def create_tokenizer(conversion: str = DEFAULT_CONVERSION, prefilter: bool = False) -> Callable[[Language], ZhibiaoTokenizer]:
    """Registered factory, referenced from ``config.cfg`` as ``@tokenizers = "zhibiao.Tokenizer.v1"``.

    ``prefilter`` turns on the batch fast path (see ``ZhibiaoTokenizer.cut_prefiltered``).
    """

    def make(nlp: Language) -> ZhibiaoTokenizer:
        return ZhibiaoTokenizer(nlp.vocab, conversion=conversion, prefilter=prefilter)

    return make
