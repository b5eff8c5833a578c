"""Every user-facing string of the THADS addons has a Vietnamese translation:
the terms Odoo exports for each thads_* module must all be translated in its
i18n/vi.po."""
import io
import os

from babel.messages import pofile

from odoo import tools
from odoo.modules.module import get_module_path
from odoo.tests.common import TransactionCase, at_install, post_install


def read_catalog(fileobj):
    return {message.id: message.string for message in pofile.read_po(fileobj) if message.id}


@at_install(False)
@post_install(True)
class TestTranslations(TransactionCase):

    def test_vi_po_complete(self):
        modules = self.env['ir.module.module'].search(
            [('name', '=like', 'thads\\_%'), ('state', '=', 'installed')]).mapped('name')
        self.assertTrue(modules)
        missing = []
        for module in modules:
            po_path = os.path.join(get_module_path(module), 'i18n', 'vi.po')
            self.assertTrue(os.path.isfile(po_path), '%s has no i18n/vi.po' % module)
            with open(po_path, 'rb') as handle:
                translated = read_catalog(handle)
            buf = io.BytesIO()
            tools.trans_export(False, [module], buf, 'po', self.env.cr)
            buf.seek(0)
            for source in read_catalog(buf):
                if not translated.get(source):
                    missing.append('%s: %r' % (module, source[:80]))
        self.assertFalse(missing, 'untranslated strings:\n' + '\n'.join(sorted(set(missing))))

    def test_menu_shown_in_vietnamese(self):
        menu = self.env.ref('thads_accounts.thads_root_menu').with_context(lang='vi_VN')
        self.assertEqual(menu.name, 'Thi hành án dân sự')
