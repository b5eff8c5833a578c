"""Checks of what citizens send through the public forms: identity number,
email, phone, and attachments by their content (magic bytes), not by the
name they claim."""
import re

# one address: no list separators, quotes or brackets in the local part;
# ASCII only (re.ASCII: \d and \s do not take full-width digits or spaces)
EMAIL = re.compile(r'^[A-Za-z0-9.!#$%&\'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$', re.ASCII)
PHONE = re.compile(r'^(\+84|0)\d{9,10}$', re.ASCII)
ID_DIGITS = re.compile(r'^[0-9]{9}$|^[0-9]{12}$', re.ASCII)

# extension -> the bytes the file must start with
SIGNATURES = {
    'pdf': (b'%PDF-',),
    'jpg': (b'\xff\xd8\xff',),
    'jpeg': (b'\xff\xd8\xff',),
    'png': (b'\x89PNG\r\n\x1a\n',),
    'docx': (b'PK\x03\x04',),
}


def check_email(value):
    """Exactly one address: 'a,b@evil.com' or 'a@x.vn, b@y.vn' are refused
    (a mail header would send to both)."""
    value = value or ''
    return len(value) <= 254 and bool(EMAIL.match(value)) and '..' not in value


def check_phone(value):
    return bool(PHONE.match(re.sub(r'[ .\-]', '', value or '')))


def check_identity_digits(value):
    """9 or 12 ASCII digits once spaces and dots are removed.  str.isdigit()
    and \\d also accept full-width and other scripts' digits ('００１...'),
    which must not reach the register."""
    return bool(ID_DIGITS.match(re.sub(r'[ .]', '', value or '')))


def file_problem(filename, data, max_bytes):
    """None when the file is acceptable, else a short reason code:
    'type' (extension not allowed), 'size', 'empty', 'content' (the bytes
    do not match the extension: a renamed or forged file)."""
    extension = (filename or '').rsplit('.', 1)[-1].lower() if '.' in (filename or '') else ''
    if extension not in SIGNATURES:
        return 'type'
    if not data:
        return 'empty'
    if len(data) > max_bytes:
        return 'size'
    if not data.startswith(SIGNATURES[extension]):
        return 'content'
    return None


RECEIPT_CHARS = re.compile(r'[^A-Za-z0-9]', re.ASCII)


def normalize_receipt_code(value):
    """'ht abcd efgh jkmn', 'HTABCDEFGHJKMN' or 'abcd-efgh-jkmn' ->
    'HT-ABCD-EFGH-JKMN': dashes, spaces and case do not matter."""
    chars = RECEIPT_CHARS.sub('', value or '').upper()
    if len(chars) == 14 and chars.startswith('HT'):
        chars = chars[2:]
    if len(chars) == 12:
        return 'HT-%s-%s-%s' % (chars[:4], chars[4:8], chars[8:])
    return (value or '').strip().upper()


def citation(text):
    """'Điều 44a khoản 1 điểm a' -> 'điểm a khoản 1 Điều 44a' (Vietnamese
    law cites the smallest unit first); other texts unchanged."""
    match = re.match(r'^\s*Điều\s+(\S+)\s+khoản\s+(\S+)(?:\s+điểm\s+(\S+))?\s*(.*)$', text or '', re.I)
    if not match:
        return text or ''
    article, clause, point, rest = match.groups()
    parts = (['điểm %s' % point] if point else []) + ['khoản %s' % clause, 'Điều %s' % article]
    return ' '.join(parts + ([rest] if rest else []))
