"""Case attachments are recognised by their content, not by their name."""
import io
import zipfile

import pytest

from thads_case_lib import filetypes as ft

PDF = b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'
JPEG = b'\xff\xd8\xff\xe0\x00\x10JFIF\x00' + b'\x00' * 20
PNG = b'\x89PNG\r\n\x1a\n' + b'\x00\x00\x00\rIHDR' + b'\x00' * 20
OLE2 = b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\x00' * 504
EXE = b'MZ\x90\x00\x03\x00\x00\x00\x04\x00' + b'\x00' * 50
TEXT = 'Biên bản xác minh điều kiện thi hành án'.encode('utf-8')
HTML = b'<html><script>alert(1)</script></html>'


def make_zip(*names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, 'w') as archive:
        for name in names:
            archive.writestr(name, b'<x/>')
    return buffer.getvalue()


DOCX = make_zip('[Content_Types].xml', '_rels/.rels', 'word/document.xml')
XLSX = make_zip('[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml')
ZIP = make_zip('bien-ban.pdf', 'anh/1.jpg')


@pytest.mark.parametrize('data, kind', [
    (PDF, ft.PDF), (JPEG, ft.JPEG), (PNG, ft.PNG), (OLE2, ft.OLE2),
    (DOCX, ft.DOCX), (XLSX, ft.XLSX), (ZIP, ft.ZIP),
])
def test_allowed_kinds_are_recognised(data, kind):
    assert ft.detect(data) == kind


@pytest.mark.parametrize('data', [EXE, TEXT, HTML, b'', None, b'PK\x03\x04 not really a zip', b'%PD'])
def test_other_content_is_not_a_document(data):
    assert ft.detect(data) is None


@pytest.mark.parametrize('filename, data', [
    ('quyet-dinh.pdf', PDF), ('anh.JPG', JPEG), ('anh.jpeg', JPEG), ('so-do.png', PNG),
    ('bien-ban.doc', OLE2), ('bang-ke.xls', OLE2), ('bien-ban.docx', DOCX), ('bang-ke.xlsx', XLSX),
    ('ho-so.zip', ZIP), ('ho-so.zip', DOCX), ('scan', PDF), ('', PNG),
])
def test_allowed_files_pass(filename, data):
    assert ft.problem(filename, data) is None


@pytest.mark.parametrize('filename, data, reason', [
    ('ghi-chu.txt', TEXT, 'content'),
    ('quyet-dinh.pdf', EXE, 'content'),  # a program renamed .pdf
    ('quyet-dinh.pdf', TEXT, 'content'),
    ('trang.pdf', HTML, 'content'),
    ('rong.pdf', b'', 'content'),
    ('chay.exe', PDF, 'extension'),  # a real PDF named to run
    ('anh.tiff', PNG, 'extension'),
    ('quyet-dinh.pdf', PNG, 'mismatch'),
    ('bien-ban.docx', XLSX, 'mismatch'),
    ('bien-ban.docx', ZIP, 'mismatch'),
    ('bang-ke.xls', PDF, 'mismatch'),
])
def test_other_files_are_refused_with_the_reason(filename, data, reason):
    assert ft.problem(filename, data) == reason


def test_extension_of_names():
    assert ft.extension('a/b/Quyết định.PDF') == 'pdf'
    assert ft.extension('khong-duoi') == ''
    assert ft.extension(None) == ''
