"""A text's records do not depend on what the process linked before it.

The linker learns while it links: character tables (which endings and starts a pattern's match can have), trials
that switch a table's test off once it has paid too little, and memos of answers per text.  Each is meant to
change the time a text takes, never its records; a table that learnt a wrong answer kept it until its trial
dropped the test, so a fresh process linked a text otherwise than one that had read forty documents first.
"""
from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

from .conftest import ROOT

#: design files, whole, of both scripts (166 texts, 79 traditional): news65, where a table's wrong answer was found,
#: first, so that its texts come early in one order and after 150 others in the other (a trial judges a pattern's
#: test after 256 distinct endings, which takes some hundred texts for the patterns of shares)
FILES = tuple(f"corpus/news{n}.gold.jsonl" for n in (65, 14, 15, 16, 17, 18, 19))


def _warm_extractor() -> None:
    """Load what the first text loads and compiles (rule files, models, the period scanners) without linking
    anything: a child forked after this starts where a fresh process would be when its first text arrives."""
    from zhibiao import pos, quantities
    from zhibiao import subject_boundary as sb
    from zhibiao.records import default_extractor

    extractor = default_extractor()
    extractor.rules
    quantities._grammar(str(extractor.units_path))
    pos.known_words()
    sb.default_model()
    for grammar in {id(g): g for g in (extractor.period_grammar, extractor.rules.engine.periods)}.values():
        grammar.find_scanner, grammar.mention_scanner


def _in_child(work) -> object:
    """``work()`` in a child forked from this process: what it learns dies with it."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child)
        os.close(read)
        with os.fdopen(write, "w", encoding="utf-8") as out:
            json.dump(work(), out, ensure_ascii=False)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, encoding="utf-8") as got:
        data = got.read()
    os.waitpid(pid, 0)
    return json.loads(data)


def records_three_ways() -> dict[str, list]:
    """The records of the texts of ``FILES``: each in a state that has linked nothing, all of them in one process
    in order, and all of them in one process in reverse order; JSON to standard output (run in a fresh interpreter,
    so that nothing the test session linked before is known)."""
    from zhibiao.api import extract
    from zhibiao.evaluate import read_documents

    docs = [d for f in FILES for d in read_documents(ROOT / f)]
    _warm_extractor()
    gc.freeze()  # (the children's collections leave the parent's objects alone: a fork copies fewer pages)

    def record(d: dict) -> str:
        return json.dumps(extract(d["text"], date=d["date"]) if d.get("date") else extract(d["text"]),
                          ensure_ascii=False, sort_keys=True)

    return {"ids": [d["id"] for d in docs],
            "fresh": [_in_child(lambda d=d: record(d)) for d in docs],
            "forward": _in_child(lambda: [record(d) for d in docs]),
            "reversed": _in_child(lambda: [record(d) for d in reversed(docs)])[::-1]}


def test_records_do_not_depend_on_what_the_process_linked_before():
    code = "import json; from tests.test_records_history import records_three_ways; print(json.dumps(records_three_ways()))"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    got = json.loads(done.stdout)
    assert len(set(got["ids"])) > 150 and len(got["fresh"]) == len(got["forward"]) == len(got["reversed"])
    differ = [(i, got["fresh"][k] == got["forward"][k], got["fresh"][k] == got["reversed"][k])
              for k, i in enumerate(got["ids"]) if not got["fresh"][k] == got["forward"][k] == got["reversed"][k]]
    assert not differ, differ
