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


class QuantityTagger:
    """Tag quantities into ``doc.spans[spans_key]`` and time expressions into ``doc.spans[periods_key]``."""

    def __init__(self, nlp: Language, name: str, *, conversion: str, spans_key: str, periods_key: str, set_ents: bool):
        register_extensions()
        self.name = name
        self.conversion = conversion
        self.spans_key = spans_key
        self.periods_key = periods_key
        self.set_ents = set_ents
        self._units_source: str | None = None
        self._units_path: str | None = None
        self._extractor = None

    @property
    def units_path(self) -> str:
        """The unit lexicon's file; the bundled one unless ``initialize`` or ``from_disk`` gave another."""
        if self._units_path is None:
            from .resources import rules_path

            self._use_units(rules_path(UNITS_FILE))
        return self._units_path

    def _use_units(self, path: Path, source: str | None = None) -> None:
        """Validate and adopt a units file; ``source`` alone (from bytes) is written to a private file."""
        from .units import load_units

        if source is not None:
            path = Path(tempfile.mkdtemp(prefix="zhibiao-units-")) / UNITS_FILE
            path.write_text(source, encoding="utf-8")
        load_units(path)  # fails loudly, with file and line, before the component is used
        self._units_source = path.read_text(encoding="utf-8")
        self._units_path = str(path)
        self._extractor = None

    @property
    def extractor(self):
        """The ``Extractor`` over this component's conversion and units file."""
        if self._extractor is None:
            from .extractor import Extractor

            self._extractor = Extractor(conversion=self.conversion, units=self.units_path)
        return self._extractor

    def initialize(self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None,
                   units_path: str | Path | None = None) -> None:
        """Load the unit lexicon: ``units_path`` from ``[initialize.components.*]``, else the bundled file."""
        self._units_path = None
        if units_path is not None:
            self._use_units(Path(units_path))
        _ = self.units_path

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
        _ = self.units_path
        return srsly.msgpack_dumps({"units": self._units_source})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "QuantityTagger":
        self._use_units(Path(UNITS_FILE), source=srsly.msgpack_loads(data)["units"])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        _ = self.units_path
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / UNITS_FILE).write_text(self._units_source, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "QuantityTagger":
        self._use_units(Path(path) / UNITS_FILE)
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
