"""Every user-facing string of the THADS addons has a Vietnamese translation:
the terms Odoo exports for each thads_* module must all be translated in its
i18n/vi.po."""
import ast
import io
import os

from babel.messages import pofile

from odoo import models, tools
from odoo.modules.module import get_module_path
from odoo.tests.common import TransactionCase, at_install, post_install

MAGIC = list(models.MAGIC_COLUMNS) + ['display_name', '__last_update']


def read_catalog(fileobj):
    return {message.id: message.string for message in pofile.read_po(fileobj) if message.id}


def read_locations(fileobj):
    """{msgid: the records it translates}: the "model:" references of each
    entry (a field's label, a view's terms, a menu...).  Odoo loads such a
    translation for the records its references name only: a label whose
    entry lacks the field's reference stays in English on that field.
    (Read here: babel drops references that do not end in a line number.)"""
    result, references, msgid, reading = {}, set(), None, False
    for line in io.TextIOWrapper(fileobj, encoding='utf-8'):
        line = line.strip()
        if line.startswith('#:'):
            references.update(ref for ref in line[2:].split() if ref.startswith('model:'))
        elif line.startswith('msgid '):
            msgid, reading = ast.literal_eval(line[6:]), True
        elif line.startswith('"') and reading:
            msgid += ast.literal_eval(line)
        elif line.startswith('msgstr'):
            if msgid:
                result.setdefault(msgid, set()).update(references)
            references, msgid, reading = set(), None, False
    return result


@at_install(False)
@post_install(True)
class TestTranslations(TransactionCase):

    def test_vi_po_complete(self):
        modules = self.env['ir.module.module'].search(
            [('name', '=like', 'thads\\_%'), ('state', '=', 'installed')]).mapped('name')
        self.assertTrue(modules)
        missing, unplaced = [], []
        for module in modules:
            po_path = os.path.join(get_module_path(module), 'i18n', 'vi.po')
            self.assertTrue(os.path.isfile(po_path), '%s has no i18n/vi.po' % module)
            with open(po_path, 'rb') as handle:
                translated = read_catalog(handle)
            with open(po_path, 'rb') as handle:
                placed = read_locations(handle)
            buf = io.BytesIO()
            tools.trans_export(False, [module], buf, 'po', self.env.cr)
            for source, locations in read_locations(io.BytesIO(buf.getvalue())).items():
                if not translated.get(source):
                    missing.append('%s: %r' % (module, source[:80]))
                for location in sorted(locations - placed.get(source, set())):
                    unplaced.append('%s: %r for %s' % (module, source[:60], location))
        self.assertFalse(missing, 'untranslated strings:\n' + '\n'.join(sorted(set(missing))))
        self.assertFalse(unplaced, 'translated, but not for these records (they show in English):\n'
                         + '\n'.join(sorted(set(unplaced))))

    def test_every_field_label_in_vietnamese(self):
        """What the user sees: every field the THADS addons define has its
        label in Vietnamese in the database (the field's own translation,
        loaded from the references of vi.po)."""
        self.env.cr.execute("""
            SELECT f.model || '.' || f.name || ': ' || f.field_description FROM ir_model_fields f
              JOIN ir_model_data d ON d.model = 'ir.model.fields' AND d.res_id = f.id
                                  AND d.module LIKE 'thads\\_%%'
         LEFT JOIN ir_translation t ON t.type = 'model' AND t.name = 'ir.model.fields,field_description'
                                   AND t.res_id = f.id AND t.lang = 'vi_VN' AND COALESCE(t.value, '') <> ''
             WHERE t.id IS NULL AND f.name NOT IN %s
          ORDER BY 1""", (tuple(MAGIC),))
        self.assertFalse(self.env.cr.fetchall())

    def test_menu_shown_in_vietnamese(self):
        menu = self.env.ref('thads_accounts.thads_root_menu').with_context(lang='vi_VN')
        self.assertEqual(menu.name, 'Thi hành án dân sự')
