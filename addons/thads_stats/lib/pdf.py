"""The statistical form as a PDF with reportlab (an Odoo dependency): a
fixed landscape layout, no browser.  Vietnamese text needs a TrueType font
with its glyphs: DejaVu Sans from Debian's fonts-dejavu-core."""
import io
import os

FONT_DIRS = ('/usr/share/fonts/truetype/dejavu',)
FONT, FONT_BOLD = 'THADS-DejaVuSans', 'THADS-DejaVuSans-Bold'


def _register_fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    for directory in FONT_DIRS:
        regular = os.path.join(directory, 'DejaVuSans.ttf')
        bold = os.path.join(directory, 'DejaVuSans-Bold.ttf')
        if os.path.isfile(regular) and os.path.isfile(bold):
            pdfmetrics.registerFont(TTFont(FONT, regular))
            pdfmetrics.registerFont(TTFont(FONT_BOLD, bold))
            return
    raise RuntimeError('DejaVu fonts not found: install the Debian package fonts-dejavu-core')


def render(layout):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_fonts()
    normal = ParagraphStyle('n', fontName=FONT, fontSize=7, leading=8.5)
    bold = ParagraphStyle('b', parent=normal, fontName=FONT_BOLD)
    heading = ParagraphStyle('h', parent=bold, alignment=1)
    title = ParagraphStyle('t', parent=bold, fontSize=11, leading=14, alignment=1)
    centered = ParagraphStyle('c', parent=normal, alignment=1, fontSize=9, leading=11)
    right = ParagraphStyle('r', parent=normal, alignment=2)

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=10 * mm, bottomMargin=10 * mm, title=layout['title'])
    story = [
        Table([[Paragraph(layout['agency'] + '<br/>' + layout['office'], bold),
                [Paragraph(layout['form_code'], ParagraphStyle('fc', parent=bold, alignment=2)),
                 Paragraph(layout['form_ref'], right), Paragraph(layout['legal_basis'], right)]]],
              colWidths=[150 * mm, 127 * mm]),
        Spacer(1, 4 * mm), Paragraph(layout['title'], title), Paragraph(layout['period'], centered),
        Paragraph(layout['validity'], centered),
        Paragraph(layout['unit'], right), Spacer(1, 2 * mm),
    ]
    if layout.get('working_note'):
        story.insert(-1, Paragraph(layout['working_note'], normal))
    header = [Paragraph('', heading)] + [Paragraph('%s<br/>%s' % (label, code), heading)
                                         for code, label in layout['columns']]
    data = [header]
    for row in layout['rows']:
        style = bold if row['level'] == 'office' else normal
        label = row['label'] if row['level'] == 'office' else '&#160;&#160;' + row['label']
        data.append([Paragraph(label, style)] + [Paragraph(value, ParagraphStyle('v', parent=style, alignment=2))
                                                 for value in row['values']])
    width = (277 - 48) * mm / max(len(layout['columns']), 1)
    table = Table(data, colWidths=[48 * mm] + [width] * len(layout['columns']), repeatRows=1)
    table.setStyle(TableStyle([
        ('GRID', (0, 0), (-1, -1), 0.4, colors.black),
        ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#F2F2F2')),
        ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
    ]))
    story += [table, Spacer(1, 8 * mm)]
    preparer, head = layout['signers']
    story.append(Table([[Paragraph(preparer, heading), Paragraph(head, heading)],
                        [Paragraph(layout['signers_note'], centered), Paragraph(layout['head_note'], centered)]],
                       colWidths=[138 * mm, 139 * mm]))
    doc.build(story)
    return buf.getvalue()
