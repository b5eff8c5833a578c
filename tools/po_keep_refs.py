#!/usr/bin/env python3
"""po_keep_refs.py OLD_PO NEW_PO ADDON: give back to NEW_PO the "#: model:"
references of OLD_PO that name another module's record (a mixin field of
thads_accounts or thads_case on a model of ADDON, e.g.
thads_case.field_thads_complaint_limit_count).  Odoo's export of ADDON
never lists them, so msgmerge drops them, and Odoo then loads the
translation for the records the references name only: the label would show
in English.  Kept only where the msgid is still in NEW_PO."""
import re
import sys


def blocks(text):
    return text.split('\n\n')


def msgid(block):
    match = re.search(r'^msgid "(.*)"$', block, re.M)
    return match.group(1) if match else None


def refs(block):
    return [ref for line in block.splitlines() if line.startswith('#:')
            for ref in line[2:].split() if ref.startswith('model:')]


def main(old_path, new_path, addon):
    own = ':%s.' % addon
    foreign = {}
    for block in blocks(open(old_path, encoding='utf-8').read()):
        key = msgid(block)
        if key:
            foreign.setdefault(key, []).extend(ref for ref in refs(block) if own not in ref)
    out, added = [], 0
    for block in blocks(open(new_path, encoding='utf-8').read()):
        key = msgid(block)
        missing = [ref for ref in foreign.get(key, ()) if ref not in refs(block)] if key else []
        if missing:
            lines = block.splitlines()
            last = max(i for i, line in enumerate(lines) if line.startswith('#') and not line.startswith('#,'))
            lines[last + 1:last + 1] = ['#: %s' % ref for ref in missing]
            block = '\n'.join(lines)
            added += len(missing)
        out.append(block)
    open(new_path, 'w', encoding='utf-8').write('\n\n'.join(out))
    print('%s: %d references to other modules kept' % (addon, added))


if __name__ == '__main__':
    main(*sys.argv[1:4])
