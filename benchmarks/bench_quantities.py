"""Speed of the quantity tagger alone, against the segmenter and inside the full pipeline.

The tagger must stay at least 20x faster than the segmenter so that it never
becomes the bottleneck.  Also times adversarial inputs (no catastrophic
backtracking).  Run: python benchmarks/bench_quantities.py [--chars N]
"""
from __future__ import annotations

import argparse
import os
import time

from common import ROOT, chars_per_second, corpus_of

ADVERSARIAL = {
    "100k digits": "1" * 100_000,
    "100k per cent signs": "%" * 100_000,
    "digits and 万 alternating": "1万" * 50_000,
    "comma groups": "1," * 50_000,
    "第 repeated": "第" * 100_000,
    "numerals and 分之": "三分之" * 33_000,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=300_000)
    args = parser.parse_args()
    import pipeline
    from pipeline.normalize import normalize
    from pipeline.quantities import find_periods, find_quantities
    from pipeline.segmenter import Segmenter

    texts = corpus_of(args.chars)
    norm = [normalize(t).text for t in texts]
    seg = Segmenter()
    seg.cut("预热")
    find_quantities("预热3.8%")
    nlp = pipeline.load()
    tagger = chars_per_second(find_quantities, norm)
    periods = chars_per_second(find_periods, norm)
    segment = chars_per_second(seg.cut, norm)
    full = chars_per_second(nlp, texts, repeat=1)
    print(f"machine: {os.cpu_count()} cores; text: {sum(map(len, texts)):,} chars of news")
    print(f"quantity tagger alone (normalised text): {tagger:>12,.0f} chars/s")
    print(f"period finder alone:                     {periods:>12,.0f} chars/s")
    print(f"segmenter alone (normalised text):       {segment:>12,.0f} chars/s")
    print(f"full pipeline (nlp(text)):               {full:>12,.0f} chars/s")
    print(f"tagger / segmenter:                      {tagger / segment:>12.1f}x")
    ud = ROOT.parent / "shared" / "data" / "ud-chinese" / "UD_Chinese-GSDSimp" / "zh_gsdsimp-ud-test.conllu"
    if ud.is_file():
        general = [line[9:] for line in ud.read_text(encoding="utf-8").splitlines() if line.startswith("# text = ")]
        general = [normalize(t).text for t in general * 10]
        g_tag, g_seg = chars_per_second(find_quantities, general), chars_per_second(seg.cut, general)
        print(f"general text (UD GSDSimp test x10, {sum(map(len, general)):,} chars): tagger {g_tag:,.0f}, "
              f"segmenter {g_seg:,.0f} chars/s, ratio {g_tag / g_seg:.1f}x")
    for name, text in ADVERSARIAL.items():
        start = time.perf_counter()
        found = find_quantities(text)
        print(f"adversarial {name:28s} {len(text):>7,} chars: {time.perf_counter() - start:6.3f} s, {len(found)} quantities")


if __name__ == "__main__":
    main()
