"""Train the bundled part-of-speech model from UD Chinese data.

Usage: python scripts/train_tagger.py DATA_DIR [-o OUT] [--seed N] [--epochs N]
DATA_DIR is the folder holding UD_Chinese-GSD/, UD_Chinese-GSDSimp/ and UD_Chinese-PUD/.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from zhibiao.pos_train import train_tagger

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "pipeline" / "data" / "tagger"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="folder with the UD Chinese treebanks")
    parser.add_argument(
        "-o", "--out", type=Path, default=DEFAULT_OUT, help="model folder (default: %(default)s)"
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    parser.add_argument("--epochs", type=int, default=10, help="training epochs (default: %(default)s)")
    args = parser.parse_args(argv)
    figures = train_tagger(args.data_dir, args.out, seed=args.seed, epochs=args.epochs)
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
