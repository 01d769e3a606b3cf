"""Formulas: the model's rate laws and rules are SBML Level 3 infix strings.

Parsing them with libSBML (rather than holding Python functions) means the
declaration is the single copy of the equations: SBML, documentation and the
engine are all generated from these strings.
"""

from __future__ import annotations

from functools import lru_cache

import libsbml

from neuroimmune.errors import ModelError

__all__ = ["BUILTIN_NAMES", "parse_formula", "referenced_names"]

#: Names a formula may use without declaring them.
BUILTIN_NAMES = frozenset({"time", "pi", "exponentiale", "true", "false"})


@lru_cache(maxsize=4096)
def _parse(formula: str) -> libsbml.ASTNode | None:
    return libsbml.parseL3Formula(formula)


def parse_formula(formula: str, *, where: str) -> libsbml.ASTNode:
    """Parse an infix formula; raise :class:`ModelError` naming ``where`` on failure.

    The returned node is a fresh copy the caller may modify.
    """
    ast = _parse(formula)
    if ast is None:
        raise ModelError(f"{where}: cannot parse formula {formula!r}: {libsbml.getLastParseL3Error()}")
    return ast.deepCopy()


@lru_cache(maxsize=4096)
def referenced_names(formula: str) -> frozenset[str]:
    """All symbol names a formula refers to (excluding functions and built-ins)."""
    ast = _parse(formula)
    if ast is None:
        raise ModelError(f"cannot parse formula {formula!r}: {libsbml.getLastParseL3Error()}")
    names: set[str] = set()
    stack = [ast]
    while stack:
        node = stack.pop()
        if node.getType() == libsbml.AST_NAME:
            names.add(node.getName())
        for i in range(node.getNumChildren()):
            stack.append(node.getChild(i))
    return frozenset(names - BUILTIN_NAMES)
