"""The office tree over time (thads_accounts/lib/offices.py)."""
from thads_accounts_lib.offices import successor_at

# id: (date_end, successor); 3 is outside what the caller knows
TREE = {1: ('2025-06-30', 2), 2: ('2026-06-30', 3), 4: (None, None), 5: ('2025-06-30', 6), 6: ('2025-06-30', 5)}


def lookup(office):
    return TREE.get(office)


def test_an_office_carries_its_own_figures_while_it_exists():
    assert successor_at(1, '2025-06-30', lookup) == 1
    assert successor_at(4, '2030-01-01', lookup) == 4


def test_abolished_offices_report_through_their_successors_transitively():
    assert successor_at(1, '2025-07-01', lookup) == 2
    assert successor_at(1, '2026-07-01', lookup) == 3  # the walk stops at an office it does not know


def test_a_cycle_of_successors_stops():
    assert successor_at(5, '2026-01-01', lookup) in (5, 6)
