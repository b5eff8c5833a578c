"""11.0.1.2.0: Law 106/2025/QH15 (in force 01/07/2026) in the legal data.

The rule, ground and threshold data are noupdate: an update creates the new
versions valid from 01/07/2026 but leaves the old records as they were, so
the old version of a rule would stay open-ended and overlap its new one (a
ValidationError stops the update).  Before the data is loaded, give the
shipped records the end date, Law 106 citation and legal basis the data file
now has, only where the database still holds the shipped value (an
administrator's edit is kept)."""
import logging
import os
import xml.etree.ElementTree as ET

_logger = logging.getLogger(__name__)

DATA = os.path.join(os.path.dirname(__file__), '..', '..', 'data')
FILES = (('thads_deadline_rule_data.xml', 'thads.deadline.rule'),
         ('thads_case_ground_data.xml', 'thads.case.ground'),
         ('thads_exemption_threshold_data.xml', 'thads.exemption.threshold'))
# fields filled where the database has none
FILL = ('date_to', 'citation_new')
# legal bases replaced where the database still has the text shipped before
OLD_BASIS = {
    'deadline_rule_decide_2': 'Luật THADS 106/2025/QH15 (điều tương ứng: chưa đối chiếu văn bản); giữ thời hạn '
                              '05 ngày làm việc của luật cũ, cần đối chiếu',
    'deadline_rule_decide_ex_officio_2': 'Luật THADS 106/2025/QH15 (điều tương ứng: chưa đối chiếu văn bản); giữ '
                                         'thời hạn 05 ngày làm việc của luật cũ, cần đối chiếu',
    'deadline_rule_publish_2': 'NĐ 152/2026/NĐ-CP, Điều 23 khoản 1',
    'deadline_rule_separate_register_2': 'NĐ 152/2026/NĐ-CP, Điều 22',
}


def _records(path, model):
    for record in ET.parse(path).getroot().iter('record'):
        if record.get('model') == model:
            yield record.get('id'), {f.get('name'): (f.text or '').strip() for f in record.iter('field')}


def migrate(cr, version):
    if not version:
        return
    changed = 0
    for filename, model in FILES:
        table = model.replace('.', '_')
        for xmlid, values in _records(os.path.join(DATA, filename), model):
            cr.execute("SELECT res_id FROM ir_model_data WHERE module = 'thads_case' AND model = %s AND name = %s",
                       (model, xmlid))
            row = cr.fetchone()
            if not row:
                continue   # a new record: the data file creates it
            for field in FILL:
                if values.get(field) and (field != 'citation_new' or table == 'thads_case_ground'):
                    cr.execute('UPDATE %s SET %s = %%s WHERE id = %%s AND %s IS NULL' % (table, field, field),
                               (values[field], row[0]))
                    changed += cr.rowcount
            if xmlid in OLD_BASIS:
                cr.execute('UPDATE thads_deadline_rule SET legal_basis = %s WHERE id = %s AND legal_basis = %s',
                           (values['legal_basis'], row[0], OLD_BASIS[xmlid]))
                changed += cr.rowcount
    _logger.info('thads_case: %d values of the legal data brought to Law 106/2025/QH15', changed)
