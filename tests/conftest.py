"""Shared fixtures: one pipeline per test session, and the project's text data."""
from __future__ import annotations

import json
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


def gold_files() -> list[Path]:
    """Gold files of the repository, plus the shared dev gold where present."""
    files = sorted((ROOT / "corpus").glob("*.gold.jsonl"))
    dev = SHARED / "corpus" / "news-dev.gold.jsonl"
    return files + ([dev] if dev.is_file() else [])
