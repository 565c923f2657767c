"""Speed of the foundation stages: load time, normalise-only, segment-only, tokenizer.

Run: python benchmarks/bench_foundation.py [--chars N]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from common import chars_per_second, corpus_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=300_000, help="characters of news text to run on")
    args = parser.parse_args()
    texts = corpus_of(args.chars)

    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import zhibiao; nlp = zhibiao.load(); nlp('上半年增长3.8%')"], check=True)
    load_s = time.perf_counter() - start

    from zhibiao.normalize import normalize
    from zhibiao.segmenter import Segmenter

    seg = Segmenter()
    seg.cut("预热")
    import zhibiao

    nlp = zhibiao.load()
    tok = nlp.tokenizer
    norm_texts = [normalize(t).text for t in texts]
    rows = [
        ("normalise only", chars_per_second(normalize, texts)),
        ("segment only (normalised input)", chars_per_second(seg.cut, norm_texts)),
        ("zhibiao tokenizer (normalise + segment + Doc)", chars_per_second(tok, texts)),
    ]
    print(f"machine: {os.cpu_count()} cores; text: {sum(map(len, texts)):,} chars of news")
    print(f"load (fresh process: import, build, initialise, first doc): {load_s:.2f} s")
    for name, cps in rows:
        print(f"{name:48s} {cps:>12,.0f} chars/s")


if __name__ == "__main__":
    main()
