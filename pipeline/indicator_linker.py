"""The ``zhibiao_indicators`` component: link each quantity to the indicator it measures.

A thin wrapper around the pure ``linker`` module.  It reads the quantities and
periods written by ``zhibiao_quantities``, runs the declarative rules on the
normalised text and writes ``doc._.events`` as contract records with offsets
into the original text.
"""

import tempfile
from collections.abc import Callable, Iterable
from fractions import Fraction
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example

from .extensions import register_extensions
from .normalize import DEFAULT_CONVERSION
from .periods import Period
from .quantities import Quantity
from .records import event_record

RULE_FILES = ("linker.yaml", "indicators.yaml")


class IndicatorLinker:
    """Write ``doc._.events`` from ``doc.spans[spans_key]`` and ``doc.spans[periods_key]``."""

    def __init__(self, nlp: Language, name: str, *, conversion: str, spans_key: str, periods_key: str):
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.conversion = conversion
        self.spans_key = spans_key
        self.periods_key = periods_key
        self._sources: dict[str, str] | None = None
        self._extractor = None

    @property
    def extractor(self):
        """The ``Extractor`` over this component's rule files (the bundled ones unless ``initialize`` or
        ``from_disk`` gave others) and the units and periods files of the quantities it links."""
        if self._extractor is None:
            from .resources import rules_path

            self._load_paths([rules_path(n) for n in RULE_FILES])
        elif (self._extractor.units_path, self._extractor.periods_path) != self._tagger_files():
            self._load_paths(list(self._extractor.rule_paths))  # the quantity component took other files
        return self._extractor

    def _tagger_files(self) -> tuple[Path, Path]:
        """The units and periods files of the pipeline's quantity component writing ``doc.spans[spans_key]`` (the
        bundled ones without such a component): the catalogue reads the currencies of the units file between a
        company and its measure, the linker the time words of the periods file and dates the periods it found, so
        what a user's files add is known on both sides."""
        from .extractor import PERIODS_FILE, UNITS_FILE
        from .quantity_tagger import QuantityTagger
        from .resources import rules_path

        for _, pipe in self.nlp.pipeline:
            if isinstance(pipe, QuantityTagger) and pipe.spans_key == self.spans_key:
                return Path(pipe.units_path), Path(pipe.periods_path)
        return rules_path(UNITS_FILE), rules_path(PERIODS_FILE)

    @property
    def rules(self):
        return self.extractor.rules

    def _load_paths(self, paths: list[Path]) -> None:
        from .extractor import Extractor

        units, periods = self._tagger_files()
        extractor = Extractor(conversion=self.conversion, rules=paths, units=units, periods=periods)
        _ = extractor.rules  # fails loudly, with file and line, before the component is used
        self._extractor = extractor
        self._sources = {p.name: p.read_text(encoding="utf-8") for p in paths}

    def _load_sources(self, sources: dict[str, str]) -> None:
        folder = Path(tempfile.mkdtemp(prefix="zhibiao-rules-"))
        for name, source in sources.items():
            (folder / name).write_text(source, encoding="utf-8")
        self._load_paths([folder / n for n in sources])

    def initialize(self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None,
                   rules_paths: list[str] | None = None) -> None:
        """Load rules: ``rules_paths`` from ``[initialize.components.*]``, else the bundled files."""
        if rules_paths is None:
            self._extractor = None
            _ = self.rules
        else:
            self._load_paths([Path(p) for p in rules_paths])

    def __call__(self, doc: Doc) -> Doc:
        ex = self.extractor
        norm = ex.normalize(doc.text)
        quantities = []
        for span in doc.spans.get(self.spans_key, []):
            q = span._.quantity
            if q is None:
                continue
            start, end = norm.to_normalized(span.start_char, span.end_char)
            upper = None if q.get("upper") is None else Fraction(str(q["upper"]))
            quantities.append(Quantity(start, end, norm.text[start:end], Fraction(str(q["value"])), q["unit"],
                                       q["label"], q["qualifier"], upper))
        periods = []
        for span in doc.spans.get(self.periods_key, []):
            start, end = norm.to_normalized(span.start_char, span.end_char)
            periods.append(Period(start, end, norm.text[start:end]))
        events = ex.events(norm.text, quantities, periods)
        doc._.events = ex.dated([event_record(e, norm) for e in events], norm.text)
        return doc

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        _ = self.rules
        return srsly.msgpack_dumps({"rules": self._sources})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "IndicatorLinker":
        self._load_sources(srsly.msgpack_loads(data)["rules"])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        _ = self.rules
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, source in (self._sources or {}).items():
            (path / name).write_text(source, encoding="utf-8")
        srsly.write_json(path / "files.json", sorted(self._sources or {}))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "IndicatorLinker":
        path = Path(path)
        self._load_paths([path / n for n in srsly.read_json(path / "files.json")])
        return self


@Language.factory(
    "zhibiao_indicators",
    requires=["doc.spans", "span._.quantity"],
    assigns=["doc._.events"],
    default_config={"conversion": DEFAULT_CONVERSION, "spans_key": "quantities", "periods_key": "periods"},
)
def make_indicator_linker(nlp: Language, name: str, *, conversion: str, spans_key: str, periods_key: str) -> IndicatorLinker:
    """Factory of ``zhibiao_indicators`` (options are validated by spaCy's config system)."""
    return IndicatorLinker(nlp, name, conversion=conversion, spans_key=spans_key, periods_key=periods_key)
