"""The output folder of a batch run: what a run owns there, what it may resume, one run at a time.

A folder is shared with whatever else the user keeps in it, so a run touches only files it can
prove it wrote: ``manifest.json`` lists them, and ``--force`` removes those and nothing else.  The
manifest also fingerprints every input (size, modification time, SHA-256), so ``--resume`` can tell
the same inputs from new ones under the same names.  Every check runs before anything is changed:
a refused run leaves the folder as it found it.  A lock file with the owner's pid keeps a second
run out while one is writing.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .errors import OutputFolderError
from .writers import FORMATS

logger = logging.getLogger("zhibiao")

MANIFEST = "manifest.json"
LOCK = ".zhibiao.lock"
HASH_BLOCK = 1 << 20  # bytes read at a time while hashing an input


def part_pattern() -> re.Pattern[str]:
    """Paths (relative to the output folder) of the part files any registered format writes
    (``documents-00000.jsonl``, ``events/part-00000.parquet`` ...)."""
    names = sorted({re.escape(f.file_name(part, 0)).replace("00000", r"\d{5}")
                    for f in FORMATS.values() for part in f.parts})
    return re.compile("|".join(names))


def part_files(out: Path) -> list[str]:
    """The part files in ``out`` and its table folders, as paths relative to ``out``."""
    pattern = part_pattern()
    folders = [out, *_table_folders(out)]
    found = {p.relative_to(out).as_posix() for folder in folders if folder.is_dir() for p in folder.iterdir()}
    return sorted(name for name in found if pattern.fullmatch(name))


def _table_folders(out: Path) -> list[Path]:
    return [out / part for part in sorted({p for f in FORMATS.values() if f.folders for p in f.parts})]


def leftovers(out: Path) -> list[Path]:
    """Temporary files of parts (and of the manifest) that a killed run left in ``out`` and its table folders."""
    found = [p for p in out.glob(".*.tmp-*") if not p.name.startswith(LOCK)]
    return found + [p for folder in _table_folders(out) for p in folder.glob(".part-*.tmp-*")]


def fingerprint(path: Path) -> dict[str, Any]:
    """Size, modification time and SHA-256 of an input, hashed in blocks so a large file costs no memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(HASH_BLOCK), b""):
            digest.update(block)
    stat = path.stat()
    return {"path": str(path), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest.hexdigest()}


def read_manifest(out: Path) -> dict[str, Any] | None:
    """The manifest of the run that last wrote ``out``, or None; a file of that name zhibiao did not
    write is refused rather than overwritten."""
    path = out / MANIFEST
    if not path.exists():
        return None
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        old = None
    if not isinstance(old, dict) or "shards" not in old:
        raise OutputFolderError(f"{path}: not a manifest written by zhibiao; choose another output folder")
    if not {"files", "inputs"} <= set(old):
        raise OutputFolderError(f"{path}: written by an older zhibiao, which did not list the files it wrote; "
                                "remove that run's files yourself, or choose another output folder")
    return old


def _input_changes(old: list[dict], new: list[dict]) -> Iterator[str]:
    """One message per input that differs from the run being resumed, naming the file, in input order."""
    before = {i["path"]: i for i in old}
    for now in new:
        was = before.get(now["path"])
        changed = [k for k in ("size", "mtime_ns", "sha256") if was is not None and was.get(k) != now[k]]
        if was is None:
            yield f"{now['path']}: not an input of the run being resumed"
        elif changed:
            yield f"{now['path']}: changed since the run being resumed ({', '.join(changed)} differ)"
    paths = {i["path"] for i in new}
    yield from (f"{i['path']}: an input of the run being resumed is missing from these inputs"
                for i in old if i["path"] not in paths)


def check_resume(old: dict[str, Any], new: dict[str, Any]) -> None:
    """Refuse to resume unless the inputs are the same files with the same content and the plan is
    the same: otherwise the complete parts would mix two corpora or two sets of rules."""
    changes = list(_input_changes(old["inputs"], new["inputs"]))
    if changes:
        raise OutputFolderError(f"{changes[0]}; resume with the same inputs, or use --force"
                                + (f" ({len(changes) - 1} more)" if len(changes) > 1 else ""))
    if {k: v for k, v in old.items() if k != "inputs"} != {k: v for k, v in new.items() if k != "inputs"}:
        raise OutputFolderError("the inputs, format, shard size or rule files differ from the run being resumed; "
                                "resume with the same arguments, or use --force")


def _names(names: list[str], limit: int = 5) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def claim(out: Path, new: dict[str, Any], resume: bool, force: bool) -> list[str]:
    """Check that this run may write ``out`` as asked and return the files it must remove first
    (those of the earlier run, with ``force``).  Raises before anything is changed."""
    old = read_manifest(out)
    present = part_files(out)
    owned = set(old["files"]) if old else set()
    foreign = [n for n in present if n not in owned]
    if resume and old is not None:
        check_resume(old, new)
    if (force or resume) and foreign:
        raise OutputFolderError(f"{out} holds part files that no zhibiao manifest there lists: {_names(foreign)}; "
                                "zhibiao will not remove or mix them: move them, or choose another output folder")
    if not (force or resume) and present:
        raise FileExistsError(f"{out} already holds parts ({_names(present)}); use --resume to skip complete "
                              "shards, --force to remove the earlier run's files")
    return [n for n in present if n in owned] if force else []


def write_manifest(out: Path, manifest: dict[str, Any]) -> None:
    """Write the manifest atomically: a killed run leaves the old one or the new one, never half."""
    tmp = out / f".{MANIFEST}.tmp-{os.getpid()}"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, out / MANIFEST)


def _alive(owner: dict[str, Any]) -> bool:
    """Whether the process that wrote a lock still runs; one on another host is taken to run."""
    if owner.get("host") != socket.gethostname():
        return True
    try:
        os.kill(int(owner["pid"]), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _lock_owner(path: Path) -> dict[str, Any] | None:
    """The lock's ``{"pid", "host"}``, or None for a lock that vanished or cannot be read (stale)."""
    try:
        owner = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return owner if isinstance(owner, dict) and isinstance(owner.get("pid"), int) else None


def _try_lock(path: Path, me: str) -> bool:
    """Create the lock with its content in one step (a link of a written file): no reader ever sees
    it empty."""
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    tmp.write_text(me, encoding="utf-8")
    try:
        os.link(tmp, path)
        return True
    except FileExistsError:
        return False
    finally:
        tmp.unlink()


def _lock_or_fail(out: Path, me: str) -> bool:
    """Create the folder and try its lock; a folder that cannot be written is one message naming it."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        return _try_lock(out / LOCK, me)
    except OSError as err:
        raise OutputFolderError(f"{out}: cannot write to the output folder ({err.strerror or err})") from None


@contextmanager
def run_lock(out: Path) -> Iterator[None]:
    """Create ``out`` if needed and hold its lock while a run checks and writes it; a lock left by a
    dead process is taken over."""
    path = out / LOCK
    me = json.dumps({"pid": os.getpid(), "host": socket.gethostname()})
    for _ in range(2):
        if _lock_or_fail(out, me):
            break
        owner = _lock_owner(path)
        if owner is not None and _alive(owner):
            raise OutputFolderError(f"{out} is in use by another zhibiao run (pid {owner['pid']} on {owner['host']}); "
                                    f"wait for it to end, or remove {path} if that process is not zhibiao")
        logger.warning("%s: taking over a lock left by pid %s, which no longer runs", out, owner and owner["pid"])
        path.unlink(missing_ok=True)
    else:
        raise OutputFolderError(f"{out} is in use by another zhibiao run (lock file {path})")
    try:
        yield
    finally:
        if path.exists() and path.read_text(encoding="utf-8") == me:
            path.unlink()
