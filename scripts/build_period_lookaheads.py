"""Writes pipeline/data/period_lookaheads.json: the lookaheads of the bundled period rules' scanning patterns,
worked out once here rather than at every start-up.  Rerun after editing rules/periods (a test says when)."""
import json

from zhibiao.period_rules import _LOOKAHEADS_FILE, lookahead_table


def main() -> None:
    table = lookahead_table()
    _LOOKAHEADS_FILE.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(table)} patterns -> {_LOOKAHEADS_FILE}")


if __name__ == "__main__":
    main()
