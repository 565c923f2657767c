"""Share of gold events whose indicator the catalogue (rules/indicators.yaml) knows: the figure in rules/README.md.

Usage: python scripts/catalogue_coverage.py [GOLD.jsonl ...] [--rules FILE ...]   (default: corpus/*.gold.jsonl)

Per gold event, after normalisation: ``exact`` the indicator is a catalogue name or alias;
``contained`` one is inside it; ``id`` the lookup the linker uses (``lookup_indicator``: the whole
name, else a modifier + measure composite, else the catalogue name heading it) gives an id.
"""
from __future__ import annotations

import argparse
import glob
import json
from pathlib import Path

from zhibiao.catalogue import name_key
from zhibiao.linker_rules import load_rules, lookup_indicator
from zhibiao.normalize import normalize


def coverage(gold: list[Path], rules_paths: list[Path] | None = None) -> dict[str, float]:
    """Counts and shares of gold events by how the catalogue knows their indicator."""
    rules = load_rules(rules_paths or None)
    keys = rules.catalogue.keys
    events = exact = contained = with_id = 0
    for path in gold:
        for line in path.read_text(encoding="utf-8").splitlines():
            for event in json.loads(line)["events"]:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--rules", nargs="*", type=Path, help="rule files in place of the bundled ones")
    args = parser.parse_args()
    gold = args.gold or [Path(p) for p in sorted(glob.glob("corpus/*.gold.jsonl"))]
    c = coverage(gold, args.rules)
    print(f"{c['entries']} entries, {c['events']} gold events: exact {c['exact']:.1%}, "
          f"contained {c['contained']:.1%}, id {c['id']:.1%}")


if __name__ == "__main__":
    main()
