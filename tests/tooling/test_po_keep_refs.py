"""tools/po_keep_refs.py: ./thads i18n keeps the references of vi.po to other
modules' records (mixin fields), which msgmerge would drop."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, 'tools', 'po_keep_refs.py')

OLD = '''msgid ""
msgstr ""

#. module: thads_support
#: model:ir.model.fields,field_description:thads_support.field_thads_complaint_office_id
#: model:ir.model.fields,field_description:thads_accounts.field_thads_citizen_reception_office_id
msgid "Office"
msgstr "Cơ quan"

#. module: thads_support
#: model:ir.model.fields,field_description:thads_case.field_thads_old_model_count
msgid "Gone"
msgstr "Đã bỏ"
'''
MERGED = '''msgid ""
msgstr ""

#. module: thads_support
#: model:ir.model.fields,field_description:thads_support.field_thads_complaint_office_id
msgid "Office"
msgstr "Cơ quan"
'''


def test_foreign_references_come_back(tmp_path):
    old, new = tmp_path / 'old.po', tmp_path / 'new.po'
    old.write_text(OLD, encoding='utf-8')
    new.write_text(MERGED, encoding='utf-8')
    out = subprocess.run([sys.executable, TOOL, str(old), str(new), 'thads_support'], check=True,
                         stdout=subprocess.PIPE, universal_newlines=True).stdout
    text = new.read_text(encoding='utf-8')
    assert 'thads_accounts.field_thads_citizen_reception_office_id' in text
    assert text.index('thads_accounts.field_thads_citizen_reception_office_id') < text.index('msgid "Office"')
    # an entry no longer exported is not brought back, own references are not doubled
    assert 'Gone' not in text
    assert text.count('thads_support.field_thads_complaint_office_id') == 1
    assert '1 references' in out
