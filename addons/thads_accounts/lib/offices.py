"""The office tree over time, without Odoo."""


def successor_at(office, day, lookup):
    """The office that carries `office`'s figures on `day` (ISO date string):
    itself while it exists, else its (transitive) successor.

    lookup(office) -> (date_end or None, successor or None), or None for an
    office it does not know, where the walk stops.  Offices may be records or
    ids; a cycle in the successors stops the walk too."""
    seen = set()
    while office not in seen:
        known = lookup(office)
        if not known:
            break
        date_end, successor = known
        if not (date_end and str(date_end) < day and successor):
            break
        seen.add(office)
        office = successor
    return office
