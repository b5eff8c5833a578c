"""Text of a PDF drawn by reportlab, read back for the tests.

PyPDF2 1.28's extractText ignores the fonts' ToUnicode maps, so the
Vietnamese letters of a TrueType subset come out garbled; this reads each
page's text operators and decodes the bytes through the font's ToUnicode
map (bfchar and bfrange entries, as reportlab writes them)."""
import io
import re

from PyPDF2 import PdfFileReader
from PyPDF2.pdf import ContentStream


def _cmap(font):
    mapping = {}
    if '/ToUnicode' not in font:
        return None
    data = font['/ToUnicode'].getObject().getData().decode('latin-1')
    for block in re.findall(r'beginbfchar(.*?)endbfchar', data, re.S):
        for src, dst in re.findall(r'<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>', block):
            mapping[int(src, 16)] = bytes.fromhex(dst).decode('utf-16-be')
    for block in re.findall(r'beginbfrange(.*?)endbfrange', data, re.S):
        for start, end, dst in re.findall(r'<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>', block):
            first = int(dst, 16)
            for offset, code in enumerate(range(int(start, 16), int(end, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def _bytes(operand):
    if hasattr(operand, 'original_bytes'):
        return operand.original_bytes
    if isinstance(operand, bytes):
        return operand
    return str(operand).encode('latin-1', 'replace')


def pdf_text(pdf):
    """The text of each page, lines joined by newlines."""
    pages = []
    for page in PdfFileReader(io.BytesIO(pdf)).pages:
        fonts = page['/Resources'].getObject()['/Font'].getObject()
        maps = {name: _cmap(fonts[name].getObject()) for name in fonts}
        contents = page.get_contents() if hasattr(page, 'get_contents') else page.getContents()
        content = ContentStream(contents, page.pdf)
        lines, current, cmap = [], [], None
        for operands, operator in content.operations:
            if operator == b'Tf':
                cmap = maps.get(operands[0])
            elif operator in (b'Tj', b"'", b'"', b'TJ'):
                items = operands[0] if operator == b'TJ' else operands[-1:]
                for item in items:
                    if isinstance(item, (int, float)) or type(item).__name__ in ('NumberObject', 'FloatObject'):
                        continue
                    raw = _bytes(item)
                    current.append(''.join(cmap.get(b, chr(b)) for b in raw) if cmap else raw.decode('latin-1'))
            elif operator in (b'ET', b'T*', b'Td', b'TD', b'Tm'):
                if current:
                    lines.append(''.join(current))
                    current = []
        if current:
            lines.append(''.join(current))
        pages.append('\n'.join(lines))
    return pages
