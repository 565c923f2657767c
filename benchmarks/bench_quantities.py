"""Speed of the quantity tagger alone, against the segmenter and inside the full pipeline.

The tagger must stay at least 20x faster than the segmenter so that it never
becomes the bottleneck.  Both run on the same texts, each text once per run and
with the number parser's cache emptied before every run, so repeated text
cannot flatter the tagger.  Dense text is every real news paragraph of the
repository (a quantity every ~24 characters); general text is the UD GSDSimp
test and dev sentences.  Also times adversarial inputs (no catastrophic
backtracking).  Run: python benchmarks/bench_quantities.py
"""
from __future__ import annotations

import os
import time

from common import ROOT, chars_per_second, news_texts

ADVERSARIAL = {
    "100k digits": "1" * 100_000,
    "100k per cent signs": "%" * 100_000,
    "digits and 万 alternating": "1万" * 50_000,
    "comma groups": "1," * 50_000,
    "第 repeated": "第" * 100_000,
    "numerals and 分之": "三分之" * 33_000,
}
UD = ROOT.parent / "shared" / "data" / "ud-chinese" / "UD_Chinese-GSDSimp"


def ud_sentences() -> list[str]:
    """The raw sentences of the UD GSDSimp test and dev files (general text, few numbers)."""
    out: list[str] = []
    for path in sorted(UD.glob("*.conllu")):
        out += [line[9:] for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# text = ")]
    return out


def main() -> None:
    import zhibiao
    from zhibiao.normalize import normalize
    from zhibiao.numbers import _parse_cached
    from zhibiao.periods import find_periods
    from zhibiao.quantities import find_quantities
    from zhibiao.segmenter import Segmenter

    seg = Segmenter()
    seg.cut("预热")
    find_quantities("预热3.8%")
    nlp = zhibiao.load()
    print(f"machine: {os.cpu_count()} cores")
    for name, texts in (("dense news", news_texts()), ("general text (UD GSDSimp)", ud_sentences())):
        if not texts:
            continue
        norm = [normalize(t).text for t in texts]
        found = sum(len(find_quantities(t)) for t in norm)
        tagger = chars_per_second(find_quantities, norm, repeat=10, before_each=_parse_cached.cache_clear)
        segment = chars_per_second(seg.cut, norm)
        print(f"{name}: {sum(map(len, texts)):,} chars, {len(texts):,} texts, {found:,} quantities")
        print(f"  quantity tagger alone (normalised text): {tagger:>12,.0f} chars/s")
        print(f"  period finder alone:                     {chars_per_second(find_periods, norm, repeat=10):>12,.0f} chars/s")
        print(f"  segmenter alone (normalised text):       {segment:>12,.0f} chars/s")
        print(f"  full pipeline (nlp(text)):               {chars_per_second(nlp, texts, repeat=1):>12,.0f} chars/s")
        print(f"  tagger / segmenter:                      {tagger / segment:>12.1f}x")
    for name, text in ADVERSARIAL.items():
        start = time.perf_counter()
        found = find_quantities(text)
        print(f"adversarial {name:28s} {len(text):>7,} chars: {time.perf_counter() - start:6.3f} s, {len(found)} quantities")


if __name__ == "__main__":
    main()
