"""Train the bundled pkuseg segmentation model from UD Chinese data.

Usage: python scripts/train_segmenter.py DATA_DIR [-o OUT] [--seed N]
DATA_DIR is the folder holding UD_Chinese-GSD/, UD_Chinese-GSDSimp/ and UD_Chinese-PUD/.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from zhibiao.segmenter_train import train_segmenter

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "pipeline" / "data" / "segmenter"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path, help="folder with the UD Chinese treebanks")
    parser.add_argument(
        "-o", "--out", type=Path, default=DEFAULT_OUT, help="model folder (default: %(default)s)"
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    parser.add_argument(
        "--train-iter", type=int, default=20, help="training iterations (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    figures = train_segmenter(args.data_dir, args.out, seed=args.seed, train_iter=args.train_iter)
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
