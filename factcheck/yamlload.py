"""Compose YAML into nodes within bounds, for both loaders (claims.yaml and source headers).

Safe loading constructs no objects, but aliases still multiply work: a 6 KB file can stand for
millions of nodes ("billion laughs"), and deep nesting exhausts the parser's recursion. Both are
refused with one line instead of minutes of work or a MemoryError.
"""

from __future__ import annotations

import yaml

from factcheck.problems import InputError

# A document may reuse nodes through aliases (anchors are handy for shared references), but not
# stand for more than this many times its own nodes, plus a fixed allowance.
MAX_ALIAS_EXPANSION = 10
ALIAS_ALLOWANCE = 10_000

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same nodes, ~10x faster


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _check_expansion(root: yaml.Node, path: str) -> None:
    """Refuse a document whose aliases expand it past MAX_ALIAS_EXPANSION times its size."""
    seen: set[int] = set()
    stack = [root]
    while stack:  # its distinct nodes (an alias is the node it names, met again)
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(_children(node))
    limit = MAX_ALIAS_EXPANSION * len(seen) + ALIAS_ALLOWANCE
    count, stack = 0, [root]
    while stack:  # every node as the loaders will walk it, aliases expanded; stops at the limit
        node = stack.pop()
        count += 1
        if count > limit:
            raise InputError(path, f"YAML aliases expand this document to more than {limit:,} nodes "
                             f"({len(seen):,} written): write the entries out, or use fewer aliases")
        stack.extend(_children(node))


def compose(text: str, path: str, first_line: int = 1) -> yaml.Node | None:
    """The document's root node (None for an empty one). Raises InputError on a YAML syntax error
    (with the line where the broken construct began, such as an unclosed quote), on nesting too deep
    for the parser, and on an alias bomb. `first_line`: the file line of the text's first line."""
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        reason = exc.problem or exc.context or "invalid YAML"
        # "while scanning a quoted scalar … found unexpected end of stream": the quote is where it began
        if exc.context_mark is not None and exc.context and "scanning a quoted scalar" in exc.context:
            mark, reason = exc.context_mark, "a quoted value is not closed (its closing quote is missing)"
        raise InputError(path, f"YAML syntax error: {reason} (fix the YAML and run again)",
                         mark.line + first_line if mark else None) from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"YAML error: {exc}") from None
    except RecursionError:
        raise InputError(path, "YAML nested too deeply to read: flatten the lists or mappings") from None
    if root is not None:
        _check_expansion(root, path)
    return root
