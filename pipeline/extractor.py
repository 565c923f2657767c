"""One object that holds what extraction runs with: script conversion, the units file and the rule files.

Records (``zhibiao.extract``), both spaCy components and batch extraction all go through an
``Extractor``, so a linguist's own ``units.yaml`` or ``linker.yaml`` works the same everywhere:
``Extractor(units="my/units.yaml", rules=["my/linker.yaml", "my/indicators.yaml"])``,
``zhibiao extract --units ... --rules ...``, or the components' ``initialize`` settings.
Files are validated when the extractor is built, so a broken file fails before any document is read.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import Any

from .gcpause import collector_paused
from .linker import Event, link
from .linker_rules import LinkerRules, default_paths, load_rules
from .markup import blank_markup
from .normalize import DEFAULT_CONVERSION, Normalized, check_text, normalize
from .period_dates import date_events, reference_date
from .period_rules import PeriodGrammar, load_periods
from .periods import Period, find_periods
from .quantities import Quantity, find_quantities
from .resources import rules_path
from .units import load_units

UNITS_FILE = "units.yaml"
PERIODS_FILE = "periods.yaml"


class Extractor:
    """The pure stages (normalise, tag quantities and periods, link, date periods) over one set of rule files."""

    def __init__(self, *, conversion: str = DEFAULT_CONVERSION, units: str | Path | None = None,
                 rules: Sequence[str | Path] | None = None, periods: str | Path | None = None, html: bool = False):
        self.conversion = conversion
        self.html = html  # read markup as white space (offsets still point into the text as given)
        self.units_path = Path(units) if units is not None else rules_path(UNITS_FILE)
        self.rule_paths = tuple(Path(p) for p in rules) if rules else default_paths()
        self.periods_path = Path(periods) if periods is not None else rules_path(PERIODS_FILE)
        load_units(self.units_path)  # fails loudly, with file and line
        self.period_grammar: PeriodGrammar = load_periods(self.periods_path)

    @cached_property
    def rules(self) -> LinkerRules:
        """The linker rules, loaded (and validated) on first use: the quantity component needs none.  Their
        catalogue reads the currencies of this extractor's units file, and the linker the time words of its periods
        file."""
        return load_rules(self.rule_paths, units=self.units_path, periods=self.periods_path)

    def normalize(self, text: str) -> Normalized:
        """The text to read: markup blanked out when ``html`` is set, then normalised; ``original`` is ``text``."""
        if not self.html:
            return normalize(text, self.conversion)
        check_text(text)
        return replace(normalize(blank_markup(text), self.conversion), original=text)

    def quantities(self, norm: Normalized) -> list[Quantity]:
        """The quantities of a normalised text; where it writes a bare ``$``, whether the conversion changed a
        character (a traditional original, whose ``$`` is the local dollar) is asked once, here."""
        traditional = "$" in norm.text and norm.converted()
        return find_quantities(norm.text, str(self.units_path), traditional=traditional)

    def periods(self, norm_text: str) -> list[Period]:
        return find_periods(norm_text, self.period_grammar)

    def events(self, norm_text: str, quantities: Sequence[Quantity], periods: Sequence[Period]) -> list[Event]:
        return link(norm_text, quantities, periods, self.rules)

    def dated(self, events: list[dict[str, Any]], norm_text: str, date: Any = None) -> list[dict[str, Any]]:
        """Event records with their periods as dates, read against ``date`` (the document's date) or
        else a release date in the (normalised) text; ``period_dates.reference_date`` says which."""
        return date_events(events, reference_date(date, norm_text, self.period_grammar), self.period_grammar)

    @collector_paused()
    def __call__(self, text: str, date: Any = None) -> dict[str, Any]:
        """``{"text", "quantities", "events"}`` of one text: the contract's records, at original offsets;
        ``date`` is the document's date, which periods are read against.  The records of a long document
        are many small dicts and no cycles: the collector is paused (``gcpause``)."""
        from .records import event_record, quantity_record

        norm = self.normalize(text)
        found = self.quantities(norm)
        quantities = [quantity_record(q, text, *norm.to_original(q.start, q.end)) for q in found]
        if not found:  # every event points at a quantity: a text without one needs no periods, linking or dates
            return {"text": text, "quantities": quantities, "events": []}
        events = self.events(norm.text, found, self.periods(norm.text))
        events_out = self.dated([event_record(e, norm) for e in events], norm.text, date)
        return {"text": text, "quantities": quantities, "events": events_out}

    def files(self) -> list[dict[str, str]]:
        """Every file this extractor reads rules from, with its SHA-256 (for run manifests)."""
        return [{"path": str(p), "sha256": hashlib.sha256(p.read_bytes()).hexdigest()}
                for p in (self.units_path, *self.rule_paths, self.periods_path)]
