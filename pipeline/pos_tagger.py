"""The ``zhibiao_pos`` component: ``token.pos_`` (UPOS) and ``token.tag_`` (Chinese Treebank XPOS).

A thin wrapper around the pure ``pos`` module.  It tags the normalised form
of each token, read off a normalisation of ``doc.text`` rather than
``token.norm_``, so it tags the same words after any tokenizer; the model
travels with the pipeline through ``to_disk``/``to_bytes`` like the
tokenizer's segmentation model.
"""

import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
import srsly
from spacy.attrs import IDX, LENGTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc
from spacy.training import Example

from .normalize import DEFAULT_CONVERSION, normalize
from .pos import MODEL_FILE, PosTagger, default_tagger

ATTRIBUTION_FILE = "ATTRIBUTION.md"


class PartOfSpeechTagger:
    """Set ``token.pos_`` and ``token.tag_`` from the project's part-of-speech model."""

    def __init__(self, nlp: Language, name: str, *, conversion: str):
        self.name = name
        self.conversion = conversion
        self.tagger = default_tagger()

    def initialize(self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None,
                   model_path: str | Path | None = None) -> None:
        """Use the model in ``model_path`` (from ``[initialize.components.*]``), else the bundled one."""
        self.tagger = default_tagger() if model_path is None else PosTagger(model_path)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        norm = normalize(doc.text, self.conversion)
        # Normalised span of every token at once (Normalized.to_normalized, vectorised).
        offsets = doc.to_array([IDX, LENGTH]).astype(np.int64)
        starts, ends = offsets[:, 0], offsets[:, 0] + offsets[:, 1]
        lo = np.searchsorted(np.frombuffer(norm.ends, dtype=np.int64), starts, side="right")
        hi = np.maximum(lo, np.searchsorted(np.frombuffer(norm.starts, dtype=np.int64), ends, side="left"))
        text = norm.text
        words = [text[a:b] for a, b in zip(lo.tolist(), hi.tolist())]
        strings = doc.vocab.strings
        codes = [(IDS[upos], strings.add(xpos)) for upos, xpos in self.tagger.tag_words(words)]
        doc.from_array([POS, TAG], np.array(codes, dtype=np.uint64))
        return doc

    def _files(self) -> dict[str, bytes]:
        """The model and its licence notice, which must travel with it."""
        folder = self.tagger.model_dir
        return {name: (folder / name).read_bytes() for name in (MODEL_FILE, ATTRIBUTION_FILE) if (folder / name).is_file()}

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        return srsly.msgpack_dumps({"conversion": self.conversion, "files": self._files()})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "PartOfSpeechTagger":
        msg = srsly.msgpack_loads(data)
        self.conversion = msg["conversion"]
        folder = Path(tempfile.mkdtemp(prefix="zhibiao-tagger-"))
        for name, content in msg["files"].items():
            (folder / name).write_bytes(content)
        self.tagger = PosTagger(folder)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "cfg.json", {"conversion": self.conversion})
        for name, content in self._files().items():
            (path / name).write_bytes(content)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "PartOfSpeechTagger":
        path = Path(path)
        self.conversion = srsly.read_json(path / "cfg.json")["conversion"]
        self.tagger = PosTagger(path)
        return self


@Language.factory(
    "zhibiao_pos",
    assigns=["token.pos", "token.tag"],
    default_config={"conversion": DEFAULT_CONVERSION},
)
def make_pos_tagger(nlp: Language, name: str, *, conversion: str) -> PartOfSpeechTagger:
    """Factory of ``zhibiao_pos`` (options are validated by spaCy's config system)."""
    return PartOfSpeechTagger(nlp, name, conversion=conversion)
