"""The quantity tagger on general text (issue 12): precision, recall and F1 over tests/data/general_cases.yaml.

The strict case table (quantity_cases.yaml) pins exact behaviour on statistical news; this set measures
how far the tagger reads numbers the way any Chinese text writes them, so it has a floor, not a pass
mark per case.  The floor may only go up."""
from __future__ import annotations

from collections import Counter
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from zhibiao.normalize import normalize
from zhibiao.quantities import find_quantities

DATA = Path(__file__).resolve().parent / "data" / "general_cases.yaml"
#: measured on this suite when it was last raised; a change that lowers it fails
F1_FLOOR = 0.986


class Score(NamedTuple):
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _exact(v: Any) -> Fraction:
    return Fraction(repr(v)) if isinstance(v, float) else Fraction(v)


def _found(text: str) -> list[tuple[str, int, Fraction, str, str]]:
    """Every quantity in ``text`` as (surface, start, value, unit, label), offsets in the original text."""
    norm = normalize(text)
    out = []
    for q in find_quantities(norm.text):
        start, end = norm.to_original(q.start, q.end)
        out.append((text[start:end], start, q.value, q.unit, q.label))
    return out


def _expected(case: dict[str, Any]) -> tuple[str, int, Fraction, str, str]:
    match = case.get("match", case["text"])
    return (match, case["text"].index(match), _exact(case["value"]), case["unit"], case["label"])


def score_suite(data: dict[str, Any]) -> dict[str, Score]:
    """Micro-averaged counts per group and over everything (key ``all``); a negative counts every
    quantity found in it as a false positive."""
    counts: dict[str, Counter] = {}
    for case in data["cases"]:
        found, want = _found(case["text"]), _expected(case)
        hit = want in found
        c = counts.setdefault(case["group"], Counter())
        c.update(tp=int(hit), fn=int(not hit), fp=len(found) - int(hit))
    neg = counts.setdefault("negatives", Counter())
    for text in data["negatives"]:
        neg.update(fp=len(_found(text)))
    total = sum(counts.values(), Counter())
    scores = {group: Score(c["tp"], c["fp"], c["fn"]) for group, c in counts.items()}
    scores["all"] = Score(total["tp"], total["fp"], total["fn"])
    return scores


def test_suite_is_large_enough() -> None:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert len(data["cases"]) + len(data["negatives"]) >= 600
    assert all(c.get("match", c["text"]) in c["text"] for c in data["cases"])


def test_general_f1_floor() -> None:
    scores = score_suite(yaml.safe_load(DATA.read_text(encoding="utf-8")))
    report = "\n".join(f"{g:32s} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f} {s}" for g, s in scores.items())
    assert scores["all"].f1 >= F1_FLOOR, report
