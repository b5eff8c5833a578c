"""Official documents of a case (minutes, receipts, notices, decisions) as
PDF, in the layout of Vietnamese administrative documents (Nghị định
30/2020/NĐ-CP): the issuing agency under its superior on the left, the
national heading on the right, the number, the place and date line, the
title, the body, the recipients and the signature block.

Drawn with reportlab (an Odoo dependency), like the statistical forms:
no browser, no wkhtmltopdf.  A layout is a plain dict (see `render`)."""
import io
import os
import re
from xml.sax.saxutils import escape

FONT_DIRS = ('/usr/share/fonts/truetype/dejavu',)
SERIF, SERIF_BOLD, SERIF_ITALIC = 'THADS-DejaVuSerif', 'THADS-DejaVuSerif-Bold', 'THADS-DejaVuSerif-Italic'

NATIONAL_HEADING = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
MOTTO = 'Độc lập - Tự do - Hạnh phúc'

PLACE_PREFIXES = ('phòng thi hành án dân sự', 'cục thi hành án dân sự', 'thi hành án dân sự',
                  'thành phố', 'tỉnh', 'tp.')


def number(amount):
    """60000000 -> '60.000.000' (dots between thousands)."""
    return '{:,}'.format(int(round(amount or 0))).replace(',', '.')


def money(amount):
    """60000000 -> '60.000.000 đồng'."""
    return '%s đồng' % number(amount)


def money_in_words(amount):
    """'Sáu mươi triệu đồng' (num2words, an Odoo dependency)."""
    from num2words import num2words
    words = num2words(int(round(amount or 0)), lang='vi')
    return '%s đồng' % (words[:1].upper() + words[1:])


def date_line(place, date):
    """'Hà Nội, ngày 05 tháng 3 năm 2026': a day below 10 and the months 1
    and 2 take a leading zero (Nghị định 30/2020, appendix I)."""
    day = '%02d' % date.day if date.day < 10 else str(date.day)
    month = '%02d' % date.month if date.month < 3 else str(date.month)
    return '%s, ngày %s tháng %s năm %d' % (place, day, month, date.year)


def short_date(date):
    return date.strftime('%d/%m/%Y') if date else ''


def place_of(province_name):
    """The place of the date line from the province office's name:
    'Thi hành án dân sự thành phố Hà Nội' -> 'Hà Nội'."""
    name = (province_name or '').strip()
    changed = True
    while changed:
        changed = False
        for prefix in PLACE_PREFIXES:
            if name.lower().startswith(prefix + ' '):
                name, changed = name[len(prefix):].strip(), True
    return re.sub(r'\s+', ' ', name) or 'Hà Nội'


def _register_fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if SERIF in pdfmetrics.getRegisteredFontNames():
        return
    for directory in FONT_DIRS:
        regular = os.path.join(directory, 'DejaVuSerif.ttf')
        bold = os.path.join(directory, 'DejaVuSerif-Bold.ttf')
        if os.path.isfile(regular) and os.path.isfile(bold):
            italic = os.path.join(directory, 'DejaVuSerif-Italic.ttf')
            pdfmetrics.registerFont(TTFont(SERIF, regular))
            pdfmetrics.registerFont(TTFont(SERIF_BOLD, bold))
            # fonts-dejavu-core has no italic: the regular face stands in
            pdfmetrics.registerFont(TTFont(SERIF_ITALIC, italic if os.path.isfile(italic) else regular))
            return
    raise RuntimeError('DejaVu fonts not found: install the Debian package fonts-dejavu-core')


def render(documents, title=None):
    """One PDF holding `documents` (a page break between them).  Each is a
    dict: superior, agency (issuing office), number ("Số: ..."), place_date,
    title, subtitle, blocks, recipients (list), signatures (list of
    (position, note, name)); a block is ('p', text), ('b', text) (bold),
    ('kv', [(label, value)]) or ('table', header, rows, relative widths,
    index of the right-aligned columns)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_fonts()
    normal = ParagraphStyle('n', fontName=SERIF, fontSize=11, leading=15)
    body = ParagraphStyle('body', parent=normal, alignment=4, firstLineIndent=8 * mm, spaceAfter=3)
    bold = ParagraphStyle('b', parent=normal, fontName=SERIF_BOLD)
    italic = ParagraphStyle('i', parent=normal, fontName=SERIF_ITALIC)
    center = ParagraphStyle('c', parent=normal, alignment=1, fontSize=10.5, leading=14)
    center_bold = ParagraphStyle('cb', parent=center, fontName=SERIF_BOLD)
    center_italic = ParagraphStyle('ci', parent=center, fontName=SERIF_ITALIC)
    title_style = ParagraphStyle('t', parent=center_bold, fontSize=13, leading=17, spaceBefore=4)
    cell = ParagraphStyle('cell', parent=normal, fontSize=9, leading=11.5)
    cell_right = ParagraphStyle('cellr', parent=cell, alignment=2)
    cell_head = ParagraphStyle('cellh', parent=cell, fontName=SERIF_BOLD, alignment=1)
    small = ParagraphStyle('s', parent=normal, fontSize=9.5, leading=12)
    width = 210 * mm - 45 * mm  # margins: 30 mm left, 15 mm right (Nghị định 30/2020)

    def para(text, style=normal):
        return Paragraph(escape(text or '').replace('\n', '<br/>'), style)

    story = []
    for index, doc in enumerate(documents):
        if index:
            story.append(PageBreak())
        left = [para((doc.get('superior') or '').upper(), center), para((doc.get('agency') or '').upper(),
                                                                         center_bold)]
        if doc.get('number'):
            left.append(para(doc['number'], center))
        right = [para(NATIONAL_HEADING, center_bold),
                 Paragraph('<u>%s</u>' % escape(MOTTO), center_bold)]
        heading = Table([[left, right]], colWidths=[width * 0.42, width * 0.58])
        heading.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'TOP'),
                                     ('LEFTPADDING', (0, 0), (-1, -1), 0), ('RIGHTPADDING', (0, 0), (-1, -1), 0)]))
        story += [heading, Spacer(1, 2 * mm),
                  Paragraph(escape(doc['place_date']), ParagraphStyle('pd', parent=italic, alignment=2)),
                  Spacer(1, 5 * mm), para(doc['title'].upper(), title_style)]
        if doc.get('subtitle'):
            story.append(para(doc['subtitle'], center_bold))
        story.append(Spacer(1, 5 * mm))
        for block in doc.get('blocks', []):
            kind = block[0]
            if kind == 'p':
                story.append(para(block[1], body))
            elif kind == 'b':
                story.append(para(block[1], bold))
            elif kind == 'kv':
                rows = [[para(label, bold), para(value)] for label, value in block[1]]
                table = Table(rows, colWidths=[width * 0.35, width * 0.65])
                table.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'TOP'),
                                           ('LEFTPADDING', (0, 0), (-1, -1), 0)]))
                story.append(table)
            elif kind == 'table':
                header, rows, widths = block[1], block[2], block[3]
                right_cols = block[4] if len(block) > 4 else ()
                data = [[para(text, cell_head) for text in header]]
                for row in rows:
                    data.append([para(text, cell_right if col in right_cols else cell)
                                 for col, text in enumerate(row)])
                total = float(sum(widths))
                table = Table(data, colWidths=[width * w / total for w in widths], repeatRows=1)
                table.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.5, colors.black),
                                           ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
                                           ('LEFTPADDING', (0, 0), (-1, -1), 3),
                                           ('RIGHTPADDING', (0, 0), (-1, -1), 3)]))
                story += [Spacer(1, 2 * mm), table, Spacer(1, 2 * mm)]
        story.append(Spacer(1, 6 * mm))
        recipients = [para('Nơi nhận:', ParagraphStyle('r', parent=small, fontName=SERIF_BOLD))]
        recipients += [para('- %s;' % name, small) for name in doc.get('recipients') or []]
        signatures = []
        for position, note, name in doc.get('signatures') or []:
            signatures.append([para(position.upper(), center_bold), para(note, center_italic),
                               Spacer(1, 18 * mm), para(name or '', center_bold)])
        if len(signatures) > 1:  # minutes: one signature per side
            sign = Table([signatures], colWidths=[width / len(signatures)] * len(signatures))
        else:
            row = [[recipients if doc.get('recipients') else '', signatures[0] if signatures else '']]
            sign = Table(row, colWidths=[width * 0.5, width * 0.5])
        sign.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'TOP'), ('LEFTPADDING', (0, 0), (-1, -1), 0)]))
        story.append(KeepTogether([sign]))
        if len(signatures) > 1 and doc.get('recipients'):
            story += [Spacer(1, 4 * mm)] + recipients
    buf = io.BytesIO()
    pdf = SimpleDocTemplate(buf, pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, title=title or (documents[0]['title'] if documents else ''))
    pdf.build(story)
    return buf.getvalue()
