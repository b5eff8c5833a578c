from odoo import api, models

# group-by field types whose read_group value is the one Odoo 11's
# read_progress_bar keys its result by (raw value, or a many2one's name)
PLAIN_GROUP_TYPES = ('selection', 'char', 'boolean', 'integer', 'many2one')


class ThadsKanbanProgressMixin(models.AbstractModel):
    """Kanban column progress bars counted by the database.

    Odoo 11 counts them by reading every record the kanban shows
    (web/models/models.py: search_read of the whole domain), which takes
    minutes when a manager's kanban holds hundreds of thousands of cases.
    Later Odoo versions count them with read_group, as here; the result is
    the same, dates and non-stored fields keep Odoo's own way.  A selection
    column is keyed by its label, as the web client looks it up (Odoo 11
    keys it by the raw value, so its bars stay empty).  For the
    models with a large kanban (cases, support requests)."""
    _name = 'thads.kanban.progress.mixin'
    _description = 'Kanban progress bars counted in SQL'

    @api.model
    def read_progress_bar(self, domain, group_by, progress_bar):
        group_field = self._fields.get(group_by)
        bar_field = self._fields.get(progress_bar.get('field'))
        if not (group_field and bar_field and group_field.store and bar_field.store
                and group_field.type in PLAIN_GROUP_TYPES and progress_bar.get('colors')):
            return super(ThadsKanbanProgressMixin, self).read_progress_bar(domain, group_by, progress_bar)
        # the web client names a selection column by its label (in the
        # user's language) and looks the bars up by that name
        labels = dict(group_field._description_selection(self.env)) if group_field.type == 'selection' else None
        data = {}
        for group in self.read_group(domain or [], [group_by, bar_field.name], [group_by, bar_field.name],
                                     lazy=False):
            value = group[group_by]
            if isinstance(value, (tuple, list)):
                value = value[1]  # Odoo 11 keys a many2one column by its name
            elif labels is not None:
                value = labels.get(value, False)
            counts = data.setdefault(value, dict.fromkeys(progress_bar['colors'], 0))
            if group[bar_field.name] in counts:
                counts[group[bar_field.name]] += group['__count']
        return data
