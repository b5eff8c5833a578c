"""Columns of a statistical form: a base measure or a formula over other
columns ("c2+c3", "(c8+c9)*100/c7").  Formulas are parsed with ast and only
arithmetic on column codes and numbers is allowed."""
import ast
import functools
import operator

OPERATORS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


class FormulaError(ValueError):
    pass


@functools.lru_cache(maxsize=1024)
def _names(node):
    return frozenset(n.id for n in ast.walk(node) if isinstance(n, ast.Name))


@functools.lru_cache(maxsize=1024)
def parse(formula):
    """The checked syntax tree (cached: a national form evaluates the same
    formulas for thousands of rows)."""
    try:
        tree = ast.parse(formula, mode='eval')
    except SyntaxError:
        raise FormulaError('syntax error in %r' % formula)
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.USub, ast.Name, ast.Load,
                                 ast.Num, ast.Constant) + tuple(OPERATORS)):
            raise FormulaError('%r is not allowed in %r' % (type(node).__name__, formula))
    return tree


def _eval(node, values):
    if isinstance(node, ast.Expression):
        return _eval(node.body, values)
    if isinstance(node, (ast.Num, ast.Constant)):
        return node.n if isinstance(node, ast.Num) else node.value
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, values)
        return None if value is None else -value
    left, right = _eval(node.left, values), _eval(node.right, values)
    if left is None or right is None:
        return None
    if isinstance(node.op, ast.Div) and right == 0:
        return None  # a rate over nothing is empty, not an error
    return OPERATORS[type(node.op)](left, right)


def evaluate(columns, base):
    """columns: list of (code, measure, formula); base: {measure: number}.
    Returns {code: value} with formulas resolved in dependency order."""
    values, pending = {}, {}
    for code, measure, formula in columns:
        if formula:
            pending[code] = parse(formula)
        else:
            values[code] = base.get(measure, 0)
    while pending:
        ready = [code for code, tree in pending.items() if _names(tree) <= set(values)]
        if not ready:
            unknown = {code: sorted(_names(tree) - set(values)) for code, tree in pending.items()}
            raise FormulaError('unknown or circular columns: %s' % unknown)
        for code in ready:
            values[code] = _eval(pending.pop(code), values)
    return values


def violations(invariants, values):
    """invariants: list of (left formula, right formula); returns those that
    do not hold as (left, right, left value, right value)."""
    broken = []
    for left, right in invariants:
        lval, rval = _eval(parse(left), values), _eval(parse(right), values)
        if lval != rval:
            broken.append((left, right, lval, rval))
    return broken
