"""``%ask how many rows are there?``: the trailing ``?`` reaches the question.

IPython reads a line that ends with ``?`` as a help request ("Object `there` not
found."), and most natural questions end with one. A cleanup input transformer runs
before IPython's help transformer and turns such a ``%ask`` line into the call IPython
would have made for it, so the question arrives whole.
"""

from __future__ import annotations

import re

_ASK_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<target>[A-Za-z_][\w.]*)[ \t]*=[ \t]*)?%ask(?P<rest>[ \t].*\?)[ \t]*$"
)


def ask_question_marks(lines: list[str]) -> list[str]:
    """Rewrite ``%ask …?`` lines (alone or assigned, ``x = %ask …?``) into magic calls."""
    if lines and lines[0].lstrip().startswith("%%"):
        return lines  # a cell magic's body is its own business (%%ask takes its body as is)
    rewritten = []
    for line in lines:
        body = line.rstrip("\r\n")
        match = _ASK_LINE.match(body)
        if match is None:
            rewritten.append(line)
            continue
        call = f"get_ipython().run_line_magic('ask', {match['rest'].strip()!r})"
        target = f"{match['target']} = " if match["target"] else ""
        rewritten.append(f"{match['indent']}{target}{call}{line[len(body) :]}")
    return rewritten
