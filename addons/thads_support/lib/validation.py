"""Checks of what citizens send through the public forms: identity number,
email, phone, and attachments by their content (magic bytes), not by the
name they claim."""
import re

EMAIL = re.compile(r'^[^@\s<>"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$')
PHONE = re.compile(r'^(\+84|0)\d{9,10}$')

# extension -> the bytes the file must start with
SIGNATURES = {
    'pdf': (b'%PDF-',),
    'jpg': (b'\xff\xd8\xff',),
    'jpeg': (b'\xff\xd8\xff',),
    'png': (b'\x89PNG\r\n\x1a\n',),
    'docx': (b'PK\x03\x04',),
}


def check_email(value):
    return bool(EMAIL.match(value or ''))


def check_phone(value):
    return bool(PHONE.match(re.sub(r'[\s.\-]', '', value or '')))


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
