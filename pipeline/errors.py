"""The errors zhibiao raises on purpose, in one place.

Each says what was wrong and what is allowed, so that a user never has to
read a traceback from inside OpenCC, pkuseg or spaCy to understand bad input.
"""
from __future__ import annotations


class ZhibiaoError(Exception):
    """Base class of the errors zhibiao raises on purpose."""


class InputError(ZhibiaoError, TypeError):
    """The text given to the pipeline cannot be processed (not str, lone surrogate ...)."""


class RecordsError(ZhibiaoError, ValueError):
    """Records to show cannot be read: ``FILE:LINE: what is wrong`` (no line when the whole file is wrong).

    One message a problem, so the command line can print it as one line instead of a traceback.
    """


class OutputFolderError(ZhibiaoError, ValueError):
    """A batch run may not write its output folder as asked: another run holds it, it holds files no
    zhibiao run listed, or the inputs of a resumed run changed.  Raised before anything is changed."""
