"""The ``zhibiao_quantities`` component: numbers, units and periods as span groups.

A thin wrapper around the pure ``quantities`` module.  It normalises
``doc.text`` itself rather than trusting token norms, so it gives the same
quantities after any tokenizer, and it writes exact character spans into the
original text (splitting tokens where a boundary falls inside one).
"""

import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from .extensions import register_extensions
from .normalize import DEFAULT_CONVERSION
from .records import quantity_record
from .spans import exact_spans

ENT_LABELS = {"PERCENT": "PERCENT", "MONEY": "MONEY", "QUANTITY": "QUANTITY", "CARDINAL": "CARDINAL",
              "ORDINAL": "ORDINAL", "FRACTION": "PERCENT"}
UNITS_FILE = "units.yaml"
PERIODS_FILE = "periods.yaml"


class QuantityTagger:
    """Tag quantities into ``doc.spans[spans_key]`` and time expressions into ``doc.spans[periods_key]``."""

    def __init__(self, nlp: Language, name: str, *, conversion: str, spans_key: str, periods_key: str, set_ents: bool):
        register_extensions()
        self.name = name
        self.conversion = conversion
        self.spans_key = spans_key
        self.periods_key = periods_key
        self.set_ents = set_ents
        self._sources: dict[str, str] = {}  # file name -> text, kept to save with the pipeline
        self._paths: dict[str, str] = {}
        self._extractor = None

    @property
    def units_path(self) -> str:
        """The unit lexicon's file; the bundled one unless ``initialize`` or ``from_disk`` gave another."""
        return self._path(UNITS_FILE)

    @property
    def periods_path(self) -> str:
        """The period grammar's file; the bundled one unless ``initialize`` or ``from_disk`` gave another.  The
        linker of the same spans reads its time words and dates from this file too."""
        return self._path(PERIODS_FILE)

    def _path(self, name: str) -> str:
        if name not in self._paths:
            from .resources import rules_path

            self._use(name, rules_path(name))
        return self._paths[name]

    def _use(self, name: str, path: Path, source: str | None = None) -> None:
        """Validate and adopt a rule file (``name``: units or periods); ``source`` alone (from bytes) is written
        to a private file."""
        from .period_rules import load_periods
        from .units import load_units

        if source is not None:
            path = Path(tempfile.mkdtemp(prefix="zhibiao-rules-")) / name
            path.write_text(source, encoding="utf-8")
        {UNITS_FILE: load_units, PERIODS_FILE: load_periods}[name](path)  # fails loudly, with file and line
        self._sources[name] = path.read_text(encoding="utf-8")
        self._paths[name] = str(path)
        self._extractor = None

    @property
    def extractor(self):
        """The ``Extractor`` over this component's conversion, units file and periods file."""
        if self._extractor is None:
            from .extractor import Extractor

            self._extractor = Extractor(conversion=self.conversion, units=self.units_path, periods=self.periods_path)
        return self._extractor

    def initialize(self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None,
                   units_path: str | Path | None = None, periods_path: str | Path | None = None) -> None:
        """Load the unit lexicon and the period grammar: ``units_path`` and ``periods_path`` from
        ``[initialize.components.*]``, else the bundled files."""
        self._paths = {}
        for name, path in ((UNITS_FILE, units_path), (PERIODS_FILE, periods_path)):
            if path is not None:
                self._use(name, Path(path))
        _ = self.units_path, self.periods_path

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # built from the tokens on every access: read it once
        ex = self.extractor
        norm = ex.normalize(text)
        found = ex.quantities(norm)
        periods = ex.periods(norm.text)
        q_offsets = [norm.to_original(q.start, q.end) for q in found]
        p_offsets = [norm.to_original(p.start, p.end) for p in periods]
        spans = exact_spans(doc, q_offsets + p_offsets)
        q_spans: list[Span] = []
        for q, (start, end), span in zip(found, q_offsets, spans):
            if span is None:
                continue
            span.label_ = q.label
            q_spans.append(span)
            span._.quantity = quantity_record(q, text, start, end)
        p_spans = []
        for p, span in zip(periods, spans[len(found):]):
            if span is not None:
                span.label_ = "PERIOD"
                p_spans.append(span)
        doc.spans[self.spans_key] = q_spans
        doc.spans[self.periods_key] = p_spans
        if self.set_ents:
            self._set_ents(doc, q_spans)
        return doc

    def _set_ents(self, doc: Doc, spans: list[Span]) -> None:
        """Add quantities to ``doc.ents`` with OntoNotes labels, keeping existing entities that overlap."""
        from spacy.util import filter_spans

        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        new = [Span(doc, s.start, s.end, label=ENT_LABELS[s.label_]) for s in spans
               if not any(i in taken for i in range(s.start, s.end))]
        doc.ents = list(doc.ents) + filter_spans(new)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Precision, recall and F1 of the quantity spans by label (``spans_<key>_p/r/f``), and of
        ``doc.ents`` when this component writes them (``ents_p/r/f``): what ``nlp.evaluate`` and
        ``spacy evaluate`` report for the tagger."""
        from spacy.scorer import Scorer

        examples = list(examples)
        key = self.spans_key
        scores = Scorer.score_spans(
            examples, f"spans_{key}", getter=lambda doc, _attr: doc.spans.get(key, []),
            has_annotation=lambda doc: key in doc.spans, allow_overlap=True, **kwargs,
        )
        if self.set_ents:
            scores.update(Scorer.score_spans(examples, "ents", **kwargs))
        return scores

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        _ = self.units_path, self.periods_path
        return srsly.msgpack_dumps({"units": self._sources[UNITS_FILE], "periods": self._sources[PERIODS_FILE]})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "QuantityTagger":
        sources = srsly.msgpack_loads(data)
        self._paths = {}
        self._use(UNITS_FILE, Path(UNITS_FILE), source=sources["units"])
        if sources.get("periods") is not None:  # bytes saved before the periods file was kept: the bundled one
            self._use(PERIODS_FILE, Path(PERIODS_FILE), source=sources["periods"])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        _ = self.units_path, self.periods_path
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in (UNITS_FILE, PERIODS_FILE):
            (path / name).write_text(self._sources[name], encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "QuantityTagger":
        path = Path(path)
        self._paths = {}
        self._use(UNITS_FILE, path / UNITS_FILE)
        if (path / PERIODS_FILE).is_file():  # a pipeline saved before the periods file was kept: the bundled one
            self._use(PERIODS_FILE, path / PERIODS_FILE)
        return self


# retokenizes: after a foreign tokenizer, a token that a quantity boundary falls inside is split.
@Language.factory(
    "zhibiao_quantities",
    assigns=["doc.spans", "span._.quantity"],
    retokenizes=True,
    default_config={"conversion": DEFAULT_CONVERSION, "spans_key": "quantities", "periods_key": "periods", "set_ents": False},
)
def make_quantity_tagger(nlp: Language, name: str, *, conversion: str, spans_key: str, periods_key: str,
                         set_ents: bool) -> QuantityTagger:
    """Factory of ``zhibiao_quantities`` (options are validated by spaCy's config system)."""
    return QuantityTagger(nlp, name, conversion=conversion, spans_key=spans_key, periods_key=periods_key, set_ents=set_ents)
