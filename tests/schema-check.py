#!/usr/bin/env python3
"""schema-check.py SCHEMA PATH...: validate facts files against the JSON
Schema the way an editor's yaml-language-server does (YAML 1.2 core types:
dates stay strings). Prints FILE: PATH: message for each problem; exit 1
if any, 2 if python3-jsonschema or python3-yaml is missing."""
import json
import os
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:
    print(f"schema-check: {e} (apt-get install python3-jsonschema python3-yaml)", file=sys.stderr)
    sys.exit(2)


class Loader(yaml.SafeLoader):
    pass


# YAML 1.2 core schema has no timestamps: keep dates as strings.
Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in sorted(os.walk(p)):
                for n in sorted(names):
                    if n.endswith((".yaml", ".yml")):
                        yield os.path.join(root, n)
        else:
            yield p


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    bad = n = 0
    for f in files(sys.argv[2:]):
        data = yaml.load(open(f, encoding="utf-8"), Loader=Loader)
        if isinstance(data, dict) and next(iter(data), None) == "grammar":
            continue  # a grammar file (doc/grammar.md), not facts: kg check checks it
        n += 1
        for err in sorted(validator.iter_errors(data), key=lambda e: list(e.path)):
            where = "/".join(str(x) for x in err.path)
            print(f"{f}: {where}: {err.message}")
            bad += 1
    print(f"schema-check: {n} files, {bad} problems", file=sys.stderr)
    sys.exit(1 if bad or not n else 0)


main()
