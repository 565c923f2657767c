"""Shared fixtures: one pipeline per test session, and the project's text data."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = next((ROOT / "seeds").glob("*.txt"))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def nlp():
    import zhibiao

    return zhibiao.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


# A copy of the 15 annotated paragraphs the project was given (../shared/corpus/news-dev.gold.jsonl),
# so that a checkout tests the same cases without ../shared.
DEV_GOLD = ROOT / "tests" / "data" / "news-dev.gold.jsonl"


def gold_files() -> list[Path]:
    """Gold files of the repository (never the unmeasured blind sets), plus the given dev gold."""
    return sorted((ROOT / "corpus").glob("*.gold.jsonl")) + [DEV_GOLD]


def ud_data(*names: str) -> Path:
    """The UD Chinese folder (``$ZHIBIAO_UD_DIR`` or ../shared/data/ud-chinese) holding ``names``.

    Its treebanks (CC BY-SA, tens of MB) are not copied into the repository: a test that needs them
    fails with this message rather than vanishing."""
    env = os.environ.get("ZHIBIAO_UD_DIR")
    path = Path(env) if env else SHARED / "data" / "ud-chinese"
    missing = [n for n in names if not (path / n).is_file()]
    if missing:
        pytest.fail(f"UD Chinese data not found: {', '.join(str(path / n) for n in missing)} "
                    f"(set ZHIBIAO_UD_DIR to the folder of the UD Chinese treebanks)", pytrace=False)
    return path
