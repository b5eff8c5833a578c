"""Statistical periods and form formulas (thads_stats/lib)."""
import datetime

import pytest

from thads_stats_lib import formulas, periods

D = datetime.date
COLUMNS = [('c1', None, 'c2+c3'), ('c2', 'carried', None), ('c3', 'new', None), ('c4', 'delegated', None),
           ('c5', 'revoked', None), ('c6', None, 'c1-c4-c5'), ('c7', None, 'c8+c9+c10+c11+c12+c13'),
           ('c8', 'done', None), ('c9', 'terminated', None), ('c10', 'enforcing', None),
           ('c11', 'postponed', None), ('c12', 'suspended', None), ('c13', 'other', None),
           ('c14', 'no_condition', None), ('c15', None, '(c8+c9)*100/c7'), ('c16', None, 'c6-c8-c9')]


def test_periods_are_cumulative_from_october():
    assert periods.period(2025, 1) == (D(2025, 10, 1), D(2025, 10, 31))
    assert periods.period(2025, 5) == (D(2025, 10, 1), D(2026, 2, 28))
    assert periods.period(2023, 5) == (D(2023, 10, 1), D(2024, 2, 29))
    assert periods.period(2025, 12) == (D(2025, 10, 1), D(2026, 9, 30))
    assert periods.year_start(D(2026, 9, 30)) == D(2025, 10, 1)
    assert periods.year_start(D(2026, 10, 1)) == D(2026, 10, 1)
    with pytest.raises(ValueError):
        periods.period(2025, 13)


def test_national_2017_figures():
    """The 7-month 2017 national totals of domain.md §1.3, through the form."""
    base = {'carried': 290524, 'new': 446223, 'delegated': 8520, 'revoked': 0,
            'done': 369372, 'terminated': 0, 'enforcing': 210041, 'postponed': 0, 'suspended': 0,
            'other': 0, 'no_condition': 148814}
    values = formulas.evaluate(COLUMNS, base)
    assert values['c1'] == 736747
    assert values['c6'] == 728227
    assert values['c7'] == 579413
    assert round(values['c15'], 2) == 63.75
    assert values['c16'] == 358855
    assert formulas.violations([('c6', 'c7 + c14')], values) == []


def test_violations_and_empty_rate():
    values = formulas.evaluate(COLUMNS, {'carried': 1, 'no_condition': 0})
    assert values['c15'] is None  # nothing with conditions: no rate
    assert formulas.violations([('c6', 'c7 + c14')], values) == [('c6', 'c7 + c14', 1, 0)]


@pytest.mark.parametrize('formula', ['__import__("os")', 'c1 ** 2', 'c1.real', 'c1 if c2 else c3', 'c1 +'])
def test_only_arithmetic_is_allowed(formula):
    with pytest.raises(formulas.FormulaError):
        formulas.evaluate([('c1', 'new', None), ('c2', None, formula)], {})


def test_unknown_or_circular_columns():
    with pytest.raises(formulas.FormulaError):
        formulas.evaluate([('c1', None, 'c2+1'), ('c2', None, 'c1+1')], {})
    with pytest.raises(formulas.FormulaError):
        formulas.evaluate([('c1', None, 'c9')], {})
