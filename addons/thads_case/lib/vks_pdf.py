"""The monthly list of closed cases for the procuracy as a PDF, drawn with
reportlab (an Odoo dependency; no browser needed), like the statistical
forms of thads_stats.  Vietnamese text needs a TrueType font with its
glyphs: DejaVu Sans from Debian's fonts-dejavu-core (installed by ./thads)."""
import io
import os
from xml.sax.saxutils import escape

FONT_DIRS = ('/usr/share/fonts/truetype/dejavu',)
# the same names as thads_stats' forms: whichever registers first serves both
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
    """`layout`: agency, office, title, recipient, basis, columns (labels),
    rows (lists of strings), total, empty.  Returns the PDF bytes."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_fonts()
    normal = ParagraphStyle('n', fontName=FONT, fontSize=8, leading=10)
    bold = ParagraphStyle('b', parent=normal, fontName=FONT_BOLD)
    heading = ParagraphStyle('h', parent=bold, alignment=1)
    title = ParagraphStyle('t', parent=bold, fontSize=12, leading=15, alignment=1)
    centered = ParagraphStyle('c', parent=normal, alignment=1, fontSize=9, leading=11)

    def para(text, style=normal):
        return Paragraph(escape(text or ''), style)

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=10 * mm, bottomMargin=10 * mm, title=layout['title'])
    story = [para(layout['agency'], bold), para(layout['office'], bold), Spacer(1, 5 * mm),
             para(layout['title'], title), para(layout['basis'], centered), para(layout['recipient'], centered),
             Spacer(1, 4 * mm)]
    widths = [10, 28, 38, 45, 45, 28, 51, 22]
    data = [[para(label, heading) for label in layout['columns']]]
    data += [[para(value) for value in row] for row in layout['rows']]
    if not layout['rows']:
        data.append([para(layout['empty'])] + [''] * (len(layout['columns']) - 1))
    table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
    style = [('GRID', (0, 0), (-1, -1), 0.4, colors.black),
             ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#F2F2F2')),
             ('VALIGN', (0, 0), (-1, -1), 'MIDDLE')]
    if not layout['rows']:
        style.append(('SPAN', (0, 1), (-1, 1)))
    table.setStyle(TableStyle(style))
    story += [table, Spacer(1, 4 * mm), para(layout['total'], bold)]
    doc.build(story)
    return buf.getvalue()
