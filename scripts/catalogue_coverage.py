"""Share of events whose indicator the catalogue (rules/indicators.yaml) knows: the figures in rules/README.md.

Usage: python scripts/catalogue_coverage.py [GOLD.jsonl ...] [--rules FILE ...] [--predicted [--top N]]
(default: the design gold files of the checkout the script is in, ``zhibiao.evaluate.design_gold_files``:
corpus/*.gold.jsonl and tests/data/news-dev.gold.jsonl.  The default was corpus/*.gold.jsonl alone before: the
figures in rules/README.md measured without a file named hold news-dev's 119 events fewer)

Per gold event, after normalisation: ``exact`` the indicator is a catalogue name or alias;
``contained`` one is inside it; ``id`` the lookup the linker uses (``lookup_indicator``: the whole
name, else a modifier + measure composite, else the catalogue name heading it) gives an id.

``--predicted`` measures the pipeline's output instead: the texts of the gold files are extracted
(each read against its ``meta.date``, as ``zhibiao evaluate`` does), and the share is the events
with an ``indicator_id`` among all events output; the most frequent indicators without one follow.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from zhibiao.catalogue import name_key
from zhibiao.evaluate import design_gold_files
from zhibiao.extractor import Extractor
from zhibiao.linker_rules import load_rules, lookup_indicator
from zhibiao.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent


def _documents(gold: list[Path]) -> list[dict]:
    return [json.loads(line) for path in gold for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def coverage(gold: list[Path], rules_paths: list[Path] | None = None) -> dict[str, float]:
    """Counts and shares of gold events by how the catalogue knows their indicator."""
    rules = load_rules(rules_paths or None)
    keys = rules.catalogue.keys
    events = exact = contained = with_id = 0
    for doc in _documents(gold):
        for event in doc["events"]:
            name = normalize(event["indicator"]).text
            key = name_key(name)
            events += 1
            exact += key in keys
            contained += any(k in key for k in keys)
            with_id += lookup_indicator(rules, name) is not None
    return {
        "entries": len(rules.catalogue.indicators), "events": events,
        "exact": exact / events, "contained": contained / events, "id": with_id / events,
    }


def predicted(gold: list[Path], rules_paths: list[Path] | None = None) -> dict:
    """The pipeline's events on the gold files' texts: how many, how many with an ``indicator_id``, and a
    ``Counter`` of the indicators output without one."""
    extract = Extractor(rules=rules_paths or None)
    events = with_id = 0
    missing: Counter[str] = Counter()
    for doc in _documents(gold):
        date = (doc.get("meta") or {}).get("date")
        out = extract(doc["text"], date=date) if date else extract(doc["text"])
        for event in out["events"]:
            events += 1
            if event["indicator_id"] is not None:
                with_id += 1
            else:
                missing[event["indicator"]] += 1
    return {
        "entries": len(extract.rules.catalogue.indicators), "events": events, "with_id": with_id,
        "id": with_id / events if events else 0.0, "missing": missing,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--rules", nargs="*", type=Path, help="rule files in place of the bundled ones")
    parser.add_argument("--predicted", action="store_true",
                        help="measure the pipeline's output on the gold files' texts, not the gold events")
    parser.add_argument("--top", type=int, default=30, help="with --predicted: indicators without an id to list")
    args = parser.parse_args()
    gold = args.gold or design_gold_files(ROOT)
    if args.predicted:
        p = predicted(gold, args.rules)
        print(f"{p['entries']} entries, {p['events']} predicted events: "
              f"id {p['with_id']} ({p['id']:.2%})")
        for name, n in p["missing"].most_common(args.top):
            print(f"{n:5d}  {name}")
        return
    c = coverage(gold, args.rules)
    print(f"{c['entries']} entries, {c['events']} gold events: exact {c['exact']:.1%}, "
          f"contained {c['contained']:.1%}, id {c['id']:.1%}")


if __name__ == "__main__":
    main()
