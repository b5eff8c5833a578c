"""11.0.1.2.0: the applicant e-mails come from the office's address and
carry its signature; their templates are noupdate data, so they are
reloaded from the module once (issue 18, point 6)."""


def migrate(cr, version):
    if not version:
        return
    cr.execute("""UPDATE ir_model_data SET noupdate = FALSE
                   WHERE module = 'thads_support' AND model = 'mail.template'""")
