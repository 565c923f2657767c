"""Score predicted quantities and indicator events against gold documents.

Plain Python on purpose (no spaCy): the scorer must be importable and fast in
tests and in the CLI without loading a model, and it must not share code with
the pipeline it judges. The matching rules are the ones in
``shared/spec/events.md`` ("Matching"); gold files follow the same contract.

Positions: a gold item may locate its quantity by offset (``start`` for a
quantity, ``value_start`` for an event) or by its surface string plus
``occurrence``. Occurrences are counted as plain, possibly overlapping
substrings found by repeated ``str.find(s, pos + 1)``, so ``3%`` inside
``9.3%`` counts. An offset, when present, wins.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

QUANTITY_FIELDS = ("text", "value", "unit")
EVENT_FIELDS = ("indicator", "value_text", "value", "unit", "kind")
SCORED_EVENT_FIELDS = ("kind", "basis", "qualifier", "period")
PERIOD_DATES = ("period_start", "period_end")  # optional in gold: scored where a gold event has both
SCRIPTS = ("traditional", "simplified")
LEVELS = ("quantities", "events_strict", "events_lenient")

# White space and quotation-like marks are not part of an indicator's name.
_INDICATOR_NOISE = re.compile(r"[\s“”‘’\"'「」『』《》〈〉〝〞＂＇]+")
_WHITESPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_ISO_DATE = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")
_REL_TOL = 1e-6
_ABS_TOL = 1e-9  # lets a value of exactly 0 match a prediction that is 0 up to float noise


class GoldFormatError(ValueError):
    """A gold file is unusable; lists every problem found, one ``path:line: message`` a line.

    All problems are collected before raising so an annotator can fix a file in
    one pass instead of one error per run.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


# --------------------------------------------------------------------------- positions


def locate(text: str, surface: str, occurrence: int = 0) -> int:
    """Offset of the ``occurrence``-th (0-based) plain occurrence of ``surface`` in ``text``, or -1.

    Occurrences may overlap and may sit inside longer numbers (``3%`` in ``9.3%``);
    this is the counting the gold files use.
    """
    if not surface:
        return -1
    pos = text.find(surface)
    for _ in range(occurrence):
        if pos < 0:
            break
        pos = text.find(surface, pos + 1)
    return pos


def _surface_key(is_event: bool) -> tuple[str, str]:
    return ("value_start", "value_text") if is_event else ("start", "text")


def item_start(text: str, item: dict, is_event: bool) -> int | None:
    """Where the item's quantity starts: its offset if given, else located by surface + occurrence."""
    start_key, surface_key = _surface_key(is_event)
    start = item.get(start_key)
    if _is_int(start):
        return start
    surface = item.get(surface_key)
    if not isinstance(surface, str):
        return None
    occurrence = item.get("occurrence", 0)
    pos = locate(text, surface, occurrence if _is_int(occurrence) else 0)
    return pos if pos >= 0 else None


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


# --------------------------------------------------------------------------- reading gold


def read_documents(path: str | Path) -> list[dict]:
    """Read a JSONL file of documents, validating it as gold.

    Empty lines are skipped. Every problem (bad UTF-8, bad JSON, a record that is
    not an object, a missing or non-string ``text``, an item without its required
    fields, a position that cannot be found in the text, a duplicate ``id``) is
    collected and reported together in one ``GoldFormatError``.
    """
    path = Path(path)
    problems: list[str] = []
    docs: list[dict] = []
    first_line_of_id: dict[str, int] = {}
    for lineno, raw in enumerate(path.read_bytes().split(b"\n"), start=1):
        where = f"{path}:{lineno}"
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            problems.append(f"{where}: not valid UTF-8 ({exc.reason} at byte {exc.start})")
            continue
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        if not isinstance(doc, dict):
            problems.append(f"{where}: record is a JSON {type(doc).__name__}, not an object")
            continue
        doc_problems = _check_document(doc)
        problems.extend(f"{where}: {p}" for p in doc_problems)
        if "id" in doc:
            key = json.dumps(doc["id"], ensure_ascii=False)
            if key in first_line_of_id:
                problems.append(f"{where}: duplicate id {key} (first on line {first_line_of_id[key]})")
            else:
                first_line_of_id[key] = lineno
        docs.append(doc)
    if problems:
        raise GoldFormatError(problems)
    return docs


def design_gold_files(root: str | Path) -> list[Path]:
    """The gold files a checkout at ``root`` is designed and trained on: ``corpus/*.gold.jsonl`` by name, then the
    given development file ``tests/data/news-dev.gold.jsonl``.

    One list for the scripts, benchmarks and tests, so a file added to ``corpus/`` reaches all of them.  Never
    ``corpus/blind/``: those sets measure the project on text nobody tuned on."""
    root = Path(root)
    return sorted((root / "corpus").glob("*.gold.jsonl")) + [root / "tests" / "data" / "news-dev.gold.jsonl"]


def _check_document(doc: dict) -> list[str]:
    """Problems of one parsed record, without the ``path:line`` prefix."""
    text = doc.get("text")
    if "text" not in doc:
        return ["missing field 'text'"]
    if not isinstance(text, str):
        return [f"'text' is a {type(text).__name__}, not a string"]
    problems: list[str] = []
    for list_key, is_event in (("quantities", False), ("events", True)):
        items = doc.get(list_key, [])
        if not isinstance(items, list):
            problems.append(f"'{list_key}' is not a list")
            continue
        for index, item in enumerate(items):
            problems.extend(f"{list_key}[{index}]: {p}" for p in _check_item(text, item, is_event))
    return problems


def _check_period_dates(event: dict) -> list[str]:
    """The optional ``period_start`` / ``period_end`` of a gold event: both or neither, each null or
    ``YYYY-MM-DD``, the start not after the end."""
    given = [k for k in PERIOD_DATES if k in event]
    if not given:
        return []
    if len(given) == 1:
        return [f"'{given[0]}' without '{(set(PERIOD_DATES) - set(given)).pop()}'"]
    problems = [f"'{k}' must be null or a date YYYY-MM-DD, got {event[k]!r}" for k in PERIOD_DATES
                if event[k] is not None and not (isinstance(event[k], str) and _ISO_DATE.fullmatch(event[k]))]
    start, end = event["period_start"], event["period_end"]
    if not problems and (start is None) != (end is None):
        problems.append("'period_start' and 'period_end' are both null or both dates")
    elif not problems and start is not None and start > end:
        problems.append(f"'period_start' {start} is after 'period_end' {end}")
    return problems


def _check_item(text: str, item: Any, is_event: bool) -> list[str]:
    if not isinstance(item, dict):
        return ["not an object"]
    required = EVENT_FIELDS if is_event else QUANTITY_FIELDS
    missing = [f for f in required if f not in item]
    if missing:
        return [f"missing field{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))}"]
    problems = [f"'{f}' must be a string" for f in required if f != "value" and not isinstance(item[f], str)]
    if is_event:
        problems += _check_period_dates(item)
    if not _is_number(item["value"]):
        problems.append(f"'value' must be a finite number, got {item['value']!r}")
    start_key, surface_key = _surface_key(is_event)
    surface = item[surface_key]
    occurrence = item.get("occurrence", 0)
    if not (_is_int(occurrence) and occurrence >= 0):
        problems.append(f"'occurrence' must be an integer >= 0, got {occurrence!r}")
        occurrence = None
    if surface == "":
        problems.append(f"'{surface_key}' is empty")
    if problems:
        return problems
    found = locate(text, surface, occurrence)
    if start_key in item:
        start = item[start_key]
        if not _is_int(start) or start < 0 or text[start : start + len(surface)] != surface:
            problems.append(f"{surface_key} {surface!r} not found at {start_key} {start!r}")
        elif "occurrence" in item and found != start:
            problems.append(
                f"{start_key} {start} disagrees with {surface_key} {surface!r} occurrence "
                f"{occurrence} (found at {found})"
            )
    elif found < 0:
        problems.append(f"{surface_key} {surface!r} occurrence {occurrence} not found in text")
    return problems


# --------------------------------------------------------------------------- matching


def clean_indicator(name: Any) -> str:
    """An indicator name for comparison: no white space, no quotation marks."""
    return _INDICATOR_NOISE.sub("", name) if isinstance(name, str) else ""


def _clean_period(period: Any) -> str | None:
    """Period for comparison: white space removed; an empty string counts as null."""
    if not isinstance(period, str):
        return None
    return _WHITESPACE.sub("", period) or None


def _values_equal(a: Any, b: Any) -> bool:
    if not (_is_number(a) and _is_number(b)):
        return False
    return math.isclose(a, b, rel_tol=_REL_TOL, abs_tol=_ABS_TOL)


def _field_agreement(gold: dict, pred: dict) -> dict[str, bool]:
    agreement = {f: gold.get(f) == pred.get(f) for f in ("kind", "basis", "qualifier")}
    agreement["period"] = _clean_period(gold.get("period")) == _clean_period(pred.get("period"))
    return agreement


@dataclass
class _Located:
    """An item together with the start of its quantity in the document text."""

    item: dict
    start: int | None

    def surface(self, is_event: bool) -> Any:
        return self.item.get(_surface_key(is_event)[1])


_Indexed = tuple[int, _Located]  # an item's index in its document's list, and the item located


def _same_quantity(g: _Located, p: _Located, is_event: bool) -> bool:
    return (
        g.start is not None
        and g.start == p.start
        and g.surface(is_event) == p.surface(is_event)
        and _values_equal(g.item.get("value"), p.item.get("value"))
        and g.item.get("unit") == p.item.get("unit")
    )


def _strict_event(g: _Located, p: _Located) -> bool:
    return _same_quantity(g, p, True) and clean_indicator(g.item.get("indicator")) == clean_indicator(
        p.item.get("indicator")
    )


def _lenient_event(g: _Located, p: _Located) -> bool:
    if not _same_quantity(g, p, True):
        return False
    a, b = clean_indicator(g.item.get("indicator")), clean_indicator(p.item.get("indicator"))
    return bool(a and b) and (a in b or b in a)


def _max_matching(candidates: list[list[int]]) -> dict[int, int]:
    """Maximum one-to-one matching gold -> pred (Kuhn's augmenting paths).

    Greedy pairing can lose matches under lenient containment (gold ``工业`` and
    ``工业投资`` against one prediction each); a maximum matching never does.
    Candidates are tried in the given order, so earlier ones are preferred.
    """
    owner: dict[int, int] = {}

    def assign(g: int, seen: set[int]) -> bool:
        for p in candidates[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or assign(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(len(candidates)):
        assign(g, set())
    return {g: p for p, g in owner.items()}


def _match(
    gold: list[_Indexed],
    pred: list[_Indexed],
    compatible: Callable[[_Located, _Located], bool],
    preference: Callable[[_Located, _Located], int] | None = None,
) -> dict[int, int]:
    """Maximum matching of positions in ``gold`` to positions in ``pred``, preferred candidates first."""
    candidates = []
    for _, g in gold:
        cands = [j for j, (_, p) in enumerate(pred) if compatible(g, p)]
        if preference is not None:
            cands.sort(key=lambda j: -preference(g, pred[j][1]))
        candidates.append(cands)
    return _max_matching(candidates)


def _same_quantity_only(g: _Located, p: _Located) -> bool:
    """Quantities match on position, surface, value and unit alone."""
    return _same_quantity(g, p, False)


def _agreement_count(g: _Located, p: _Located) -> int:
    """Among strictly compatible predictions, prefer the one agreeing on most fields."""
    return sum(_field_agreement(g.item, p.item).values())


# --------------------------------------------------------------------------- per document


@dataclass
class _Counts:
    """Raw counts that add up over documents (micro-averaging)."""

    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCORED_EVENT_FIELDS, 0))
    total: int = 0
    dates_correct: int = 0  # strictly matched events whose gold has period dates, and those the prediction has
    dates_total: int = 0
    documents: int = 0

    def add(self, other: _Counts) -> None:
        for mine, theirs in ((self.tp, other.tp), (self.fp, other.fp), (self.fn, other.fn)):
            for k, v in theirs.items():
                mine[k] += v
        for k, v in other.correct.items():
            self.correct[k] += v
        self.total += other.total
        self.dates_correct += other.dates_correct
        self.dates_total += other.dates_total
        self.documents += other.documents


@dataclass
class _PairResult:
    counts: _Counts
    errors: list[dict]


class Aligned(TypedDict):
    """One row of an alignment: a matched pair, or a gold or predicted item left alone.

    ``gold_index``/``pred_index`` point into the document's own ``quantities`` or
    ``events`` list, so a caller can tell items apart that are equal as dicts.
    """

    gold: dict | None
    pred: dict | None
    gold_index: int | None
    pred_index: int | None
    start: int | None
    agree: dict[str, bool]


def _located(text: str, doc: dict | None, key: str) -> list[_Indexed]:
    """(index in the document's list, located item) for every item that is an object."""
    items = (doc or {}).get(key) or []
    is_event = key == "events"
    return [(i, _Located(it, item_start(text, it, is_event))) for i, it in enumerate(items) if isinstance(it, dict)]


def _texts(gold: dict | None, pred: dict | None) -> tuple[dict, str, str]:
    """The document that gives id and text (gold, else pred), its text, and the text predictions point into."""
    source = gold if gold is not None else pred or {}
    text = source.get("text") if isinstance(source.get("text"), str) else ""
    pred_text = (pred or {}).get("text")
    return source, text, pred_text if isinstance(pred_text, str) else text


def _row(g: _Indexed | None, p: _Indexed | None, agree: bool) -> Aligned:
    """One alignment row; field agreement only for a matched pair of events."""
    located = g if g is not None else p
    return Aligned(
        gold=g[1].item if g else None,
        pred=p[1].item if p else None,
        gold_index=g[0] if g else None,
        pred_index=p[0] if p else None,
        start=located[1].start if located else None,
        agree=_field_agreement(g[1].item, p[1].item) if agree and g and p else {},
    )


def _align_level(
    gold: list[_Indexed], pred: list[_Indexed], pairs: dict[int, int], agree: bool
) -> dict[str, list[Aligned]]:
    used = set(pairs.values())
    return {
        "matched": [_row(gold[i], pred[j], agree) for i, j in sorted(pairs.items())],
        "missed": [_row(g, None, agree) for i, g in enumerate(gold) if i not in pairs],
        "false": [_row(None, p, agree) for j, p in enumerate(pred) if j not in used],
    }


def align(gold_doc: dict | None, pred_doc: dict | None) -> dict[str, dict[str, list[Aligned]]]:
    """Which gold and predicted items of one document match, level by level, exactly as ``score`` counts them.

    Public so that reports (``render``) and users show the scorer's own pairing
    instead of re-deriving it. Either document may be None (no gold, or no
    prediction). Returns, for each of ``LEVELS`` (``quantities``,
    ``events_strict``, ``events_lenient``), ``{"matched", "missed", "false"}``:
    lists of rows ``{"gold", "pred", "gold_index", "pred_index", "start",
    "agree"}``. A matched row has both items; a missed one only ``gold``, a
    false one only ``pred``. ``start`` is where the quantity starts (gold's
    text, or the prediction's for a false item); ``agree`` maps ``kind``,
    ``basis``, ``qualifier`` and ``period`` to whether a matched pair of events
    agrees on them (empty otherwise). Matched rows are in gold order, missed
    in gold order, false in prediction order. tp, fn and fp of a level are
    the lengths of its three lists.
    """
    _, text, pred_text = _texts(gold_doc, pred_doc)
    gq, pq = _located(text, gold_doc, "quantities"), _located(pred_text, pred_doc, "quantities")
    ge, pe = _located(text, gold_doc, "events"), _located(pred_text, pred_doc, "events")
    return {
        "quantities": _align_level(gq, pq, _match(gq, pq, _same_quantity_only), agree=False),
        "events_strict": _align_level(ge, pe, _match(ge, pe, _strict_event, _agreement_count), agree=True),
        "events_lenient": _align_level(ge, pe, _match(ge, pe, _lenient_event), agree=True),
    }


_ERROR_LEVELS = {"quantities": "quantity", "events_strict": "event"}


def _compare_pair(gold: dict | None, pred: dict | None) -> _PairResult:
    """Counts and errors for one gold document and its prediction (either may be missing)."""
    source, text, pred_text = _texts(gold, pred)
    aligned = align(gold, pred)
    counts = _Counts(documents=1)
    for level, rows in aligned.items():
        counts.tp[level] += len(rows["matched"])
        counts.fn[level] += len(rows["missed"])
        counts.fp[level] += len(rows["false"])
    for row in aligned["events_strict"]["matched"]:
        counts.total += 1
        for name, ok in row["agree"].items():
            counts.correct[name] += ok
        gold_event, pred_event = row["gold"] or {}, row["pred"] or {}
        if all(k in gold_event for k in PERIOD_DATES):
            counts.dates_total += 1
            counts.dates_correct += all(gold_event[k] == pred_event.get(k) for k in PERIOD_DATES)
    errors = [
        {
            "doc": source.get("id"),
            "error": error,
            "level": label,
            "start": row["start"],
            "item": row["gold"] if error == "fn" else row["pred"],
            "sentence": _sentence_at(text if error == "fn" else pred_text, row["start"]),
        }
        for level, label in _ERROR_LEVELS.items()
        for error, status in (("fn", "missed"), ("fp", "false"))
        for row in aligned[level][status]
    ]
    return _PairResult(counts, errors)


def _sentence_at(text: str, pos: int | None) -> str:
    """The sentence around ``pos``, split at 。！？!? and newlines, terminator kept."""
    if pos is None or not text:
        return ""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= pos:
            start = m.end()
        else:
            return text[start : m.end()].strip()
    return text[start:].strip()


# --------------------------------------------------------------------------- pairing and scripts


def pair_documents(gold_docs: list[dict], pred_docs: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Pair by ``id`` when every document on both sides has one, else by position.

    Gold without a prediction pairs with None (all its items become false
    negatives); a prediction without gold pairs with None (all false positives).
    """
    if all(d.get("id") is not None for d in [*gold_docs, *pred_docs]):
        preds: dict[Any, dict] = {}
        for d in pred_docs:
            if d["id"] in preds:
                raise ValueError(f"duplicate predicted document id {d['id']!r}")
            preds[d["id"]] = d
        gold_ids = set()
        pairs: list[tuple[dict | None, dict | None]] = []
        for g in gold_docs:
            if g["id"] in gold_ids:
                raise ValueError(f"duplicate gold document id {g['id']!r}")
            gold_ids.add(g["id"])
            pairs.append((g, preds.get(g["id"])))
        pairs.extend((None, p) for p in pred_docs if p["id"] not in gold_ids)
        return pairs
    n = max(len(gold_docs), len(pred_docs))
    return [
        (gold_docs[i] if i < len(gold_docs) else None, pred_docs[i] if i < len(pred_docs) else None)
        for i in range(n)
    ]


@functools.lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    import opencc  # lazy: only script detection needs it, and loading it takes time

    return opencc.OpenCC("t2s").convert


def document_script(doc: dict) -> str:
    """``meta.script`` when given, else "traditional" if OpenCC t2s changes the text, else "simplified"."""
    meta = doc.get("meta")
    if isinstance(meta, dict) and isinstance(meta.get("script"), str):
        return meta["script"]
    text = doc.get("text") if isinstance(doc.get("text"), str) else ""
    return "traditional" if _t2s()(text) != text else "simplified"


# --------------------------------------------------------------------------- scoring


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    # spaCy's PRFScore convention: an undefined ratio is 0.0, so empty gold with
    # empty predictions scores 0.0, not 1.0 (tp, fp, fn show why).
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def _summarise(counts: _Counts) -> dict[str, Any]:
    result: dict[str, Any] = {
        level: _prf(counts.tp[level], counts.fp[level], counts.fn[level]) for level in LEVELS
    }
    result["fields"] = {
        name: {
            "accuracy": counts.correct[name] / counts.total if counts.total else 0.0,
            "correct": counts.correct[name],
            "total": counts.total,
        }
        for name in SCORED_EVENT_FIELDS
    }
    result["period_dates"] = {
        "accuracy": counts.dates_correct / counts.dates_total if counts.dates_total else 0.0,
        "correct": counts.dates_correct,
        "total": counts.dates_total,
    }
    result["documents"] = counts.documents
    return result


def score(gold_docs: list[dict], pred_docs: list[dict]) -> dict[str, Any]:
    """Micro-averaged P/R/F1 of quantities and strict/lenient events, plus field accuracies.

    Returns ``quantities``, ``events_strict``, ``events_lenient`` (each
    ``{"p", "r", "f1", "tp", "fp", "fn"}``), ``fields`` (``kind``, ``basis``,
    ``qualifier``, ``period``, each ``{"accuracy", "correct", "total"}`` over
    strictly matched events), ``period_dates`` (the same, over the strictly matched events whose gold
    gives ``period_start`` and ``period_end``: both must be equal, a null included),
    ``documents`` (number of document pairs scored)
    and ``by_script`` with the same numbers for ``traditional`` and
    ``simplified`` documents (plus any other ``meta.script`` value met).
    Undefined ratios are 0.0, as in spaCy's ``PRFScore``: with nothing to find
    and nothing predicted, p = r = f1 = 0.0. Matching is one-to-one, so a
    duplicated prediction is a false positive.
    """
    total = _Counts()
    per_script = {s: _Counts() for s in SCRIPTS}
    for gold, pred in pair_documents(gold_docs, pred_docs):
        counts = _compare_pair(gold, pred).counts
        total.add(counts)
        per_script.setdefault(document_script(gold if gold is not None else pred), _Counts()).add(counts)
    result = _summarise(total)
    result["by_script"] = {s: _summarise(c) for s, c in per_script.items()}
    return result


def errors(gold_docs: list[dict], pred_docs: list[dict]) -> list[dict]:
    """Every false negative and false positive among quantities and strict events.

    Each is ``{"doc", "error" ("fn"|"fp"), "level" ("quantity"|"event"),
    "start", "item", "sentence"}``, ordered by document, then position, so a
    fn and the fp that nearly matched it sit next to each other.
    """
    found: list[dict] = []
    for gold, pred in pair_documents(gold_docs, pred_docs):
        doc_errors = _compare_pair(gold, pred).errors
        doc_errors.sort(
            key=lambda e: (e["start"] is None, e["start"] or 0, e["level"] != "quantity", e["error"])
        )
        found.extend(doc_errors)
    return found


def evaluate_documents(
    gold_docs: list[dict], extract: Callable[[str], dict]
) -> tuple[dict[str, Any], list[dict]]:
    """Run ``extract`` on each gold text and score it; returns (score result, predicted documents).

    ``extract(text)`` returns ``{"quantities": [...], "events": [...]}`` with
    offsets; for a gold document with ``meta.date`` it is called as
    ``extract(text, date=...)``, the date its periods are read against.
    Predicted documents carry the gold ``id``, ``text`` and ``meta`` so
    they can be written out as JSONL and scored again or inspected.
    """
    preds = []
    for gold in gold_docs:
        meta = gold.get("meta") if isinstance(gold.get("meta"), dict) else {}
        out = extract(gold["text"], date=meta["date"]) if meta.get("date") else extract(gold["text"])
        preds.append(
            {
                "id": gold.get("id"),
                "text": gold["text"],
                "meta": gold.get("meta", {}),
                "quantities": list(out.get("quantities", [])),
                "events": list(out.get("events", [])),
            }
        )
    return score(gold_docs, preds), preds


# --------------------------------------------------------------------------- formatting


def _level_row(name: str, prf: dict[str, Any]) -> str:
    return (
        f"{name:<22}{prf['p']:>7.3f}{prf['r']:>7.3f}{prf['f1']:>7.3f}"
        f"{prf['tp']:>6}{prf['fp']:>6}{prf['fn']:>6}"
    )


def _level_table(result: dict[str, Any], indent: str = "") -> Iterable[str]:
    yield indent + f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
    for level in LEVELS:
        yield indent + _level_row(level, result[level])


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table of a ``score`` result for the terminal."""
    lines = [f"documents: {result['documents']}", *_level_table(result), ""]
    total = result["fields"]["kind"]["total"]
    lines.append(f"field accuracy over {total} strictly matched events:")
    for name, acc in result["fields"].items():
        lines.append(f"  {name:<20}{acc['accuracy']:>7.3f}  ({acc['correct']}/{acc['total']})")
    dates = result.get("period_dates", {"total": 0})
    if dates["total"]:
        lines.append(f"  {'period dates':<20}{dates['accuracy']:>7.3f}  ({dates['correct']}/{dates['total']}"
                     " with gold period_start/period_end)")
    for script, sub in result["by_script"].items():
        if not sub["documents"]:
            continue
        fields = "  ".join(f"{n} {a['accuracy']:.3f}" for n, a in sub["fields"].items())
        lines += [
            "",
            f"{script} ({sub['documents']} documents)",
            *_level_table(sub, "  "),
            f"  fields: {fields}",
        ]
    return "\n".join(lines)


def _describe(item: dict, level: str) -> str:
    if level == "quantity":
        return f"{item.get('text')!r} value={item.get('value')} unit={item.get('unit')!r}"
    extras = " ".join(
        f"{f}={item.get(f)!r}" for f in ("basis", "qualifier", "period") if item.get(f) is not None
    )
    return (
        f"{item.get('indicator')!r} <- {item.get('value_text')!r} value={item.get('value')} "
        f"unit={item.get('unit')!r} kind={item.get('kind')!r} {extras}"
    ).rstrip()


def format_errors(found: list[dict]) -> str:
    """One block per error from ``errors``: where, what, and the sentence it is in."""
    blocks = [
        f"[{e['doc']}] {e['error'].upper()} {e['level']} @{e['start']}: {_describe(e['item'], e['level'])}\n"
        f"    {e['sentence']}"
        for e in found
    ]
    return "\n".join(blocks) if blocks else "no errors"
