"""What a file is, from its content (magic bytes), not from the name or
the type its sender claims.

The documents a case file may hold (support regulation, Art. 7): PDF,
JPEG, PNG, Word and Excel (old OLE2 .doc/.xls and OOXML .docx/.xlsx) and
ZIP archives.  Anything else (a text file, a program renamed .pdf) is
refused."""
import io
import zipfile

PDF, JPEG, PNG, OLE2, DOCX, XLSX, ZIP = 'pdf', 'jpeg', 'png', 'ole2', 'docx', 'xlsx', 'zip'
ALLOWED = (PDF, JPEG, PNG, OLE2, DOCX, XLSX, ZIP)

MAGIC = (
    (b'%PDF-', PDF),
    (b'\xff\xd8\xff', JPEG),
    (b'\x89PNG\r\n\x1a\n', PNG),
    (b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', OLE2),  # .doc, .xls (compound file)
)
ZIP_MAGIC = (b'PK\x03\x04', b'PK\x05\x06')  # a ZIP, or an empty one

# extension -> the kinds of content it may carry
EXTENSIONS = {
    'pdf': (PDF,),
    'jpg': (JPEG,), 'jpeg': (JPEG,), 'jpe': (JPEG,),
    'png': (PNG,),
    'doc': (OLE2,), 'xls': (OLE2,),
    'docx': (DOCX,), 'xlsx': (XLSX,),
    'zip': (ZIP, DOCX, XLSX),
}


def _zip_kind(data):
    """docx or xlsx for an Office Open XML package, zip for another valid
    archive, None for something that only starts like a ZIP."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError):
        return None
    if '[Content_Types].xml' in names:
        if 'word/document.xml' in names:
            return DOCX
        if 'xl/workbook.xml' in names:
            return XLSX
    return ZIP


def detect(data):
    """The kind of document `data` (bytes) holds, or None when it is not
    one of the allowed kinds."""
    if not data:
        return None
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(ZIP_MAGIC):
        return _zip_kind(data)
    return None


def extension(filename):
    name = (filename or '').strip().rsplit('/', 1)[-1]
    return name.rsplit('.', 1)[-1].lower() if '.' in name else ''


def problem(filename, data):
    """None when the file may be attached, else why not:
    'content' (the bytes are not an allowed document), 'extension' (the
    name ends with an extension that is not allowed), 'mismatch' (the name
    says one kind, the content is another: a renamed file)."""
    kind = detect(data)
    if kind is None:
        return 'content'
    ext = extension(filename)
    if not ext:
        return None  # no extension: the content decides
    if ext not in EXTENSIONS:
        return 'extension'
    if kind not in EXTENSIONS[ext]:
        return 'mismatch'
    return None
