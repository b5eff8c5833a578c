#!/usr/bin/env python3
"""Print the comma-separated non-project dependencies of the given addons.

Usage: addon_deps.py PROJECT_ADDONS_DIR ADDON [ADDON...]
Used to build the cached test template: everything the THADS addons depend
on, directly or through each other, except the THADS addons themselves.
"""
import ast
import os
import sys


def main(argv):
    root, names = argv[0], argv[1:]
    project = set(os.listdir(root))
    seen, external, todo = set(), set(), list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        with open(os.path.join(root, name, '__manifest__.py'), encoding='utf-8') as handle:
            manifest = ast.literal_eval(handle.read())
        for dep in manifest.get('depends', []):
            if dep in project:
                todo.append(dep)
            else:
                external.add(dep)
    print(','.join(sorted(external)))


if __name__ == '__main__':
    main(sys.argv[1:])
