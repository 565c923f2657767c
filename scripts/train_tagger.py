"""Train the bundled part-of-speech model from UD Chinese data, into this checkout.

Usage: python scripts/train_tagger.py DATA_DIR [-o OUT] [--seed N] [--epochs N]
DATA_DIR is the folder holding UD_Chinese-GSD/, UD_Chinese-GSDSimp/ and UD_Chinese-PUD/. The same as
`zhibiao train-tagger`, except that OUT defaults to pipeline/data/tagger of this checkout.
"""
from __future__ import annotations

import sys
from pathlib import Path

from zhibiao.cli import app

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "pipeline" / "data" / "tagger"


def main(args: list[str]) -> None:
    given_out = any(a in ("-o", "--output") or a.startswith("--output=") for a in args)
    app(["train-tagger", *args, *([] if given_out else ["-o", str(DEFAULT_OUT)])])


if __name__ == "__main__":
    main(sys.argv[1:])
