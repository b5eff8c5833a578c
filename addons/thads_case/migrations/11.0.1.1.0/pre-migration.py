"""11.0.1.1.0: imports belong to an office (the importer's), so that the
access table can scope them; fill the new required column before the ORM
sets NOT NULL on it."""


def migrate(cr, version):
    if not version:
        return
    cr.execute('ALTER TABLE thads_case_import ADD COLUMN IF NOT EXISTS office_id integer')
    cr.execute('''UPDATE thads_case_import i SET office_id = u.thads_office_id
                  FROM res_users u WHERE u.id = i.create_uid AND i.office_id IS NULL''')
