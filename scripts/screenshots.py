"""Regenerate the README screenshots docs/render.png and docs/evaluate.png with headless Chromium.

Usage: python scripts/screenshots.py [--out docs] [--chromium /usr/bin/chromium] [--chars 1200]

- docs/render.png: ``render_documents`` on ``zhibiao.extract`` of the seed article
  (its first ``--chars`` characters, cut at the end of a sentence).
- docs/evaluate.png: ``render_evaluation`` on the first 3 documents of ``corpus/news8.gold.jsonl``
  (the held-out set, or ``--gold``) that hold at least one miss or false alarm, so that the
  picture shows what an error looks like rather than a wall of green.

Needs Debian's ``chromium`` and, for the Chinese glyphs, ``fonts-noto-cjk``
(``apt-get install -y chromium fonts-noto-cjk``). The HTML pages are written next to
the PNGs only with ``--keep-html``.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_fa771a92316dda3d.txt"
GOLD = ROOT / "corpus" / "news8.gold.jsonl"


def cut_at_sentence(text: str, limit: int) -> str:
    """The text up to the last sentence end (。！？ or a newline) at or before ``limit``."""
    if len(text) <= limit:
        return text
    ends = [m.end() for m in re.finditer(r"[。！？!?\n]", text[:limit])]
    return text[: ends[-1]].rstrip() if ends else text[:limit]


def screenshot(chromium: str, html_path: Path, png: Path, size: str) -> None:
    from zhibiao.render import CHROMIUM_FLAGS

    with tempfile.TemporaryDirectory(prefix="zb-chromium-") as profile:
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={size}",
               html_path.resolve().as_uri()]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    print(f"{png} ({png.stat().st_size:,} bytes)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", help="output folder (default: %(default)s)")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="browser binary (default: %(default)s)")
    parser.add_argument("--seed", type=Path, default=SEED, help="article for render.png (default: %(default)s)")
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold file for evaluate.png (default: %(default)s)")
    parser.add_argument("--chars", type=int, default=1200, help="characters of the article (default: %(default)s)")
    parser.add_argument("--docs", type=int, default=3, help="gold documents with errors to show (default: %(default)s)")
    parser.add_argument("--keep-html", action="store_true", help="also write render.html and evaluate.html")
    args = parser.parse_args(argv)
    if not Path(args.chromium).is_file():
        print(f"chromium not found at {args.chromium}; install Debian's chromium package", file=sys.stderr)
        return 1

    import zhibiao
    from zhibiao.evaluate import errors, evaluate_documents, read_documents, score
    from zhibiao.render import render_documents, render_evaluation, write_html

    args.out.mkdir(parents=True, exist_ok=True)
    text = cut_at_sentence(args.seed.read_text(encoding="utf-8"), args.chars)
    record = {"id": args.seed.name, **zhibiao.extract(text)}
    gold_all = read_documents(args.gold)
    _, predicted_all = evaluate_documents(gold_all, zhibiao.extract)
    with_errors = {e["doc"] for e in errors(gold_all, predicted_all)}
    chosen = [i for i, doc in enumerate(gold_all) if doc.get("id") in with_errors][: args.docs]
    gold, predicted = [gold_all[i] for i in chosen], [predicted_all[i] for i in chosen]
    result = score(gold, predicted)
    pages = {
        "render": (render_documents([record], title="zhibiao: quantities and indicator events"), "1200,1500"),
        "evaluate": (render_evaluation(gold, predicted, result), "1200,1500"),
    }
    with tempfile.TemporaryDirectory(prefix="zb-pages-") as tmp:
        for name, (html, size) in pages.items():
            html_path = write_html((args.out if args.keep_html else Path(tmp)) / f"{name}.html", html)
            screenshot(args.chromium, html_path, args.out / f"{name}.png", size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
