"""Loading rule files, and reading a document (tagging, linking, its records), with the cyclic garbage
collector paused.

Reading and compiling the rules makes hundreds of thousands of objects that all live as long as the
process (parsed YAML, validated models, the regex compiler's parse trees on their way to a pattern);
each allocation burst starts a collection, and the full ones walk everything made so far, finding no
garbage: a fifth of the time the bundled rules took to load.  Reading a document makes no cycles either,
while the answers the linker's memos keep grow with the text, and each full collection walks them all
again.  Reference counting still frees what loading or reading drops; a cycle it leaves is collected once
the collector runs again.
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block (or the decorated function) without cyclic collections; the collector's state before
    is restored, so a caller that disabled it keeps it disabled."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
