"""Vietnamese identity numbers: 12-digit CCCD (citizen identity card),
9-digit CMND (old identity card), tax code of an organisation (10 digits,
or 10 + "-" + 3 for a branch)."""
import re

CCCD = re.compile(r'^\d{12}$')
CMND = re.compile(r'^\d{9}$')
TAX_CODE = re.compile(r'^\d{10}(-\d{3})?$')


def normalize(value):
    return re.sub(r'[\s.]', '', value or '')


def check_person_id(value):
    """True for a CCCD whose first 3 digits are a province code (001-096)
    or a CMND."""
    value = normalize(value)
    if CCCD.match(value):
        return 1 <= int(value[:3]) <= 96
    return bool(CMND.match(value))


def check_tax_code(value):
    """Tax code: 10 digits, or 13 with a branch suffix ("0101234567-001").
    The check digit is not verified: old codes do not all follow it."""
    return bool(TAX_CODE.match(normalize(value)))
