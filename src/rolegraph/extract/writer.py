"""Claims YAML for proposals, and the merge that appends them to a claims file as text: the
file's existing bytes stay as they are (the only edit ever made is ``claims: []`` becoming
``claims:`` so that items can follow), and the result is parsed again to prove every
hand-written claim is unchanged before anything is written.

Imports the corpus claims parser, yamlsafe, the errors and the model; it must not import the CLI or
the rest of extract.
"""

from __future__ import annotations

import json
import re

from ..errors import InputError, Problem
from ..model import Claim

_FIELDS = ("id", "subject_text", "relation_text", "object_text", "quote", "occurrence", "scope_text", "hedge_text",
           "condition", "note", "accept", "proposed")  # fmt: skip


def yaml_string(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes, which YAML reads alike) on one line."""
    s = json.dumps(text, ensure_ascii=False)
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in s)


def _escape(ch: str) -> str:
    n = ord(ch)
    return f"\\u{n:04x}" if n <= 0xFFFF else f"\\U{n:08x}"


def render_item(fields: dict, indent: str) -> str:
    """One claim as a block-sequence item; ``fields`` in writing order, None values left out."""
    out = []
    pad = indent + "  "
    first = True
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, bool):
            v = "true" if value else "false"
        elif isinstance(value, int):
            v = str(value)
        elif key in ("subject", "object", "relation", "scope", "hedge", "id") and re.fullmatch(
            r"[A-Za-z][\w .-]*", value
        ):
            v = (
                value
                if value.lower() not in ("true", "false", "null", "yes", "no", "on", "off")
                else yaml_string(value)
            )
        else:
            v = yaml_string(value)
        out.append(f"{indent}- {key}: {v}" if first else f"{pad}{key}: {v}")
        first = False
    return "\n".join(out) + "\n"


def _claim_values(c: Claim) -> tuple:
    return tuple(getattr(c, f) for f in _FIELDS)


def _split_record(rel: str, text: str, doc) -> tuple[str, list[str]]:
    """``text`` without its trailing ``extracted:`` list (the file's last key), and the ids in it."""
    if "extracted" not in doc:
        return text, []
    old = [v for v in (doc.get("extracted") or []) if isinstance(v, str)]
    if max(doc.lines, key=lambda k: doc.lines[k]) != "extracted":
        line = doc.lines["extracted"]
        raise InputError(Problem(rel, line, "'extracted:' is not the last key of the file; move it to the end"))
    keep = text.split("\n")[: doc.lines["extracted"] - 1]
    return "\n".join(keep) + "\n", old


def _record_line(ids: list[str]) -> str:
    return (
        "extracted: ["
        + ", ".join(f'"{i}"' for i in ids)
        + "]  # ids of proposals made here; extract never proposes them again\n"
    )


def merge(rel: str, original: str, items: list[dict], new_ids: list[str] | None = None) -> str:
    """The claims file ``original`` with ``items`` appended to its ``claims:`` list, and their
    proposal ids ``new_ids`` added to its ``extracted:`` list (kept as the file's last key).

    Raises :class:`InputError` (naming ``rel`` and a line) when the file cannot be appended to
    safely: unparseable, ``claims:`` not the last key, or a non-empty flow list.
    """
    from .. import yamlsafe
    from ..corpus.claims import parse_claims_file

    if not items:
        return original
    before, problems = parse_claims_file(rel, original)
    if before is None or problems:
        p = problems[0] if problems else Problem(rel, 1, "cannot be parsed")
        raise InputError(Problem(rel, p.line, f"{p.message}; fix the claims file before extract --write"))
    doc = yamlsafe.load(original)
    text = original if original.endswith("\n") or not original else original + "\n"
    text, old_ids = _split_record(rel, text, doc)
    indent = "  "
    if "claims" not in doc:
        text += "claims:\n"
    else:
        last_key = max((k for k in doc.lines if k != "extracted"), key=lambda k: doc.lines[k])
        cline = doc.lines["claims"]
        if last_key != "claims":
            raise InputError(
                Problem(
                    rel, cline, "'claims:' is not the last key of the file; move it to the end to let extract append"
                )
            )
        all_lines = text.split("\n")
        head = all_lines[cline - 1]
        after_colon = head.split(":", 1)[1] if ":" in head else ""
        value = after_colon.split("#", 1)[0].strip()
        seq = doc["claims"]
        if value == "[]":
            all_lines[cline - 1] = head.replace("[]", "", 1).rstrip()
            text = "\n".join(all_lines)
        elif value:
            raise InputError(
                Problem(rel, cline, "'claims:' is a flow list; write it as a block list to let extract append")
            )
        elif isinstance(seq, list) and seq:
            first = all_lines[seq.lines[0] - 1]
            indent = first[: len(first) - len(first.lstrip(" "))]
    new = text + "".join(render_item(it, indent) for it in items)
    ids = list(dict.fromkeys(old_ids + list(new_ids or [])))
    if ids:  # the record of what was proposed stays the file's last key, after the claims
        new += _record_line(ids)
    after, problems = parse_claims_file(rel, new)
    if after is None or problems or len(after.claims) != len(before.claims) + len(items):
        why = problems[0].message if problems else "the merged file does not parse back"
        raise InputError(Problem(rel, 0, f"cannot append proposals safely ({why}); nothing was written"))
    for old, now in zip(before.claims, after.claims, strict=False):
        if _claim_values(old) != _claim_values(now) or old.line != now.line:
            raise InputError(Problem(rel, old.line, "appending would change this claim; nothing was written"))
    return new
