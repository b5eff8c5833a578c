"""The statistical form as a PDF with reportlab (an Odoo dependency): a
fixed landscape layout, no browser.  Vietnamese text needs a TrueType font
with its glyphs: DejaVu Sans from Debian's fonts-dejavu-core.

The page is landscape A4, or landscape A3 when the form is too wide; every
column is as wide as its widest figure (values are drawn as single-line
strings, never wrapped) and as its longest heading word (headings wrap
between words only)."""
import io
import os
from xml.sax.saxutils import escape

FONT_DIRS = ('/usr/share/fonts/truetype/dejavu',)
FONT, FONT_BOLD = 'THADS-DejaVuSans', 'THADS-DejaVuSans-Bold'

NATIONAL_HEADING = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
MOTTO = 'Độc lập - Tự do - Hạnh phúc'

MM = 72 / 25.4
MARGIN = 10 * MM
PADDING = 3  # points, left and right of a cell
LABEL_MAX = 70 * MM  # the row labels wrap beyond this width
FONT_SIZES = (7, 6.5, 6, 5.5, 5)


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


def column_widths(layout, size):
    """(label width, [value column widths]) in points at font size `size`:
    each value column fits its widest figure (bold, as on office rows) and
    its longest heading word; the label column fits its longest label up
    to LABEL_MAX, and at least its longest word."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    widths = []
    for index, (code, label) in enumerate(layout['columns']):
        words = (label or '').split() + [code]
        need = max(stringWidth(word, FONT_BOLD, size) for word in words)
        for row in layout['rows']:
            need = max(need, stringWidth(row['values'][index], FONT_BOLD, size))
        widths.append(need + 2 * PADDING + 1)
    labels = [row['label'] or '' for row in layout['rows']] or ['']
    longest = max(stringWidth(label, FONT_BOLD, size) + 3 * MM for label in labels)
    word = max(stringWidth(w, FONT_BOLD, size) for label in labels for w in (label.split() or ['']))
    label_width = max(min(longest, LABEL_MAX), word, 30 * MM) + 2 * PADDING
    return label_width, widths


def page_layout(layout):
    """(page size, font size, label width, column widths): the first of
    landscape A4 then A3, at the largest font size, on which the table
    fits; the spare width goes to the value columns."""
    from reportlab.lib.pagesizes import A3, A4, landscape
    _register_fonts()
    choice = None
    for page in (A4, A3):
        usable = landscape(page)[0] - 2 * MARGIN
        for size in FONT_SIZES:
            label_width, widths = column_widths(layout, size)
            if label_width + sum(widths) <= usable:
                choice = (landscape(page), size, label_width, widths, usable)
                break
        if choice:
            break
    if not choice:  # wider than A3 at the usual sizes: A3 with a smaller font, down to 3 points
        usable = landscape(A3)[0] - 2 * MARGIN
        size = FONT_SIZES[-1]
        while True:
            label_width, widths = column_widths(layout, size)
            if label_width + sum(widths) <= usable or size <= 3:
                break
            size -= 0.25
        choice = (landscape(A3), size, label_width, widths, usable)
    page, size, label_width, widths, usable = choice
    spare = usable - label_width - sum(widths)
    if spare > 0 and widths:
        widths = [width + spare / len(widths) for width in widths]
    return page, size, label_width, widths


def render(layout):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _register_fonts()
    page, size, label_width, widths = page_layout(layout)
    usable = page[0] - 2 * MARGIN
    normal = ParagraphStyle('n', fontName=FONT, fontSize=8, leading=10)
    bold = ParagraphStyle('b', parent=normal, fontName=FONT_BOLD)
    center = ParagraphStyle('c', parent=normal, alignment=1)
    center_bold = ParagraphStyle('cb', parent=bold, alignment=1)
    italic_right = ParagraphStyle('pd', parent=normal, alignment=1)
    title = ParagraphStyle('t', parent=bold, fontSize=11, leading=14, alignment=1)
    heading = ParagraphStyle('h', parent=bold, fontSize=size, leading=size * 1.25, alignment=1, splitLongWords=0)
    label_style = ParagraphStyle('l', parent=normal, fontSize=size, leading=size * 1.25, splitLongWords=0)
    label_bold = ParagraphStyle('lb', parent=label_style, fontName=FONT_BOLD)

    def para(text, style):
        return Paragraph(escape(text or ''), style)

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=page, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN, title=layout['title'])
    # the form's identity on the left, the national heading in the middle,
    # the reporting office on the right (the layout of the official forms)
    identity = [para(layout['form_code'], bold), para(layout['form_ref'], normal)]
    if layout.get('legal_basis'):
        identity.append(para(layout['legal_basis'], normal))
    national = [para(NATIONAL_HEADING, center_bold),
                Paragraph('<u>%s</u>' % escape(MOTTO), center_bold)]
    office = [para(layout['agency'], center), para(layout['office'], center_bold)]
    top = Table([[identity, national, office]], colWidths=[usable * 0.3, usable * 0.4, usable * 0.3])
    top.setStyle(TableStyle([('VALIGN', (0, 0), (-1, -1), 'TOP'),
                             ('LEFTPADDING', (0, 0), (-1, -1), 0), ('RIGHTPADDING', (0, 0), (-1, -1), 0)]))
    story = [top, Spacer(1, 4 * MM), para(layout['title'], title), para(layout['period'], center),
             para(layout['validity'], center)]
    if layout.get('working_note'):
        story.append(para(layout['working_note'], normal))
    story += [para(layout['unit'], ParagraphStyle('r', parent=normal, alignment=2)), Spacer(1, 2 * MM)]

    header = [para('', heading)] + [Paragraph('%s<br/>%s' % (escape(label), escape(code)), heading)
                                    for code, label in layout['columns']]
    data = [header]
    commands = [
        ('GRID', (0, 0), (-1, -1), 0.4, colors.black),
        ('BACKGROUND', (0, 0), (-1, 0), colors.HexColor('#F2F2F2')),
        ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
        ('FONTNAME', (1, 1), (-1, -1), FONT),
        ('FONTSIZE', (1, 1), (-1, -1), size),
        ('ALIGN', (1, 1), (-1, -1), 'RIGHT'),
        ('LEFTPADDING', (0, 0), (-1, -1), PADDING),
        ('RIGHTPADDING', (0, 0), (-1, -1), PADDING),
    ]
    for index, row in enumerate(layout['rows'], start=1):
        is_office = row['level'] == 'office'
        label = para(row['label'], label_bold if is_office else ParagraphStyle(
            'le', parent=label_style, leftIndent=3 * MM))
        # figures are plain strings: a table cell never wraps them
        data.append([label] + list(row['values']))
        if is_office:
            commands.append(('FONTNAME', (1, index), (-1, index), FONT_BOLD))
    table = Table(data, colWidths=[label_width] + widths, repeatRows=1)
    table.setStyle(TableStyle(commands))
    story += [table, Spacer(1, 6 * MM)]
    preparer, head = layout['signers']
    place_date = para(layout['place_date'], italic_right)
    sign = Table([['', place_date],
                  [para(preparer, center_bold), para(head, center_bold)],
                  [para(layout['signers_note'], center), para(layout['head_note'], center)]],
                 colWidths=[usable / 2, usable / 2])
    story.append(KeepTogether([sign]))
    doc.build(story)
    return buf.getvalue()
