#!/usr/bin/env python3
"""The output contract, checked from outside with independent tools.

For every sample note: `minutes extract` JSON must validate against schema/document.schema.json
(python3-jsonschema, draft 2020-12); `minutes extract --format csv` must write exactly the tables
and columns its datapackage.json lists, and every CSV cell, read back through the type the
datapackage gives it, must equal the value at the same place in the JSON (the datapackage's
x-json-path says where). Prints one line per problem and "N passed, N failed" at the end.

usage: contract_check.py MINUTES_BINARY SOURCE_DIR
"""
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile

import jsonschema


def samples(source_dir):
    out = []
    for pattern in ("samples/seeds/*.txt", "samples/seeds/*.docx", "samples/cases/*"):
        out += sorted(glob.glob(os.path.join(source_dir, pattern)))
    return out


def run(binary, args):
    p = subprocess.run([binary] + args, capture_output=True)
    if p.returncode not in (0, 1):  # 1: findings to fix, still a full output
        raise RuntimeError("minutes %s exited %d: %s" % (" ".join(args), p.returncode,
                                                         p.stderr.decode()))
    return p.stdout.decode("utf-8")


def cast(text, field):
    """A CSV cell read through its datapackage field type; None for a missing value."""
    if text in field.get("missingValues", [""]) and field["type"] != "list":
        return None
    t = field["type"]
    if t == "integer":
        return int(text)
    if t == "number":
        return float(text)
    if t == "boolean":
        if text in field.get("trueValues", ["true"]):
            return True
        if text in field.get("falseValues", ["false"]):
            return False
        raise ValueError("not a boolean: %r" % text)
    if t == "list":
        return [] if text == "" else text.split(field.get("delimiter", ","))
    return text


def at(value, path):
    """The value at a dotted path inside a JSON object."""
    for key in path.split(".") if path else []:
        value = value[key]
    return value


def items(document, path):
    """(parent indexes, index, item) for every item a table's x-json-path names."""
    if path == "":
        return [([], 0, document)]
    out = [([], None, document)]
    for step in path.split("."):
        is_list = step.endswith("[]")
        key = step[:-2] if is_list else step
        nxt = []
        for parents, index, value in out:
            v = value[key]
            if is_list:
                ps = parents + ([index] if index is not None else [])
                nxt += [(ps, i, item) for i, item in enumerate(v)]
            else:
                nxt.append((parents, index, v))
        out = nxt
    return out


def same(expected, got, field):
    if field["type"] == "string" and expected == "" and got is None:
        return True  # an empty field is an empty string where the field cannot be null
    if field["type"] == "number" and isinstance(expected, (int, float)) and got is not None:
        return float(expected) == got
    return expected == got


def main():
    binary, source_dir = sys.argv[1], sys.argv[2]
    with open(os.path.join(source_dir, "schema/document.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    passed = failed = 0

    def check(ok, message):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL: " + message)

    files = samples(source_dir)
    check(len(files) >= 9, "expected the seeds and cases in samples/, found %d" % len(files))
    # One run over every file, as the CSV run below: meetings of one series are settled together,
    # so a file's output depends on the files beside it.
    lines = run(binary, ["extract", "--jsonl"] + files).splitlines()
    check(len(lines) == len(files), "expected %d JSON lines, got %d" % (len(files), len(lines)))
    documents = []
    for path, line in zip(files, lines):
        doc = json.loads(line)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        check(not errors, "%s: %s" % (os.path.basename(path),
                                      "; ".join("%s: %s" % ("/".join(map(str, e.path)), e.message)
                                                for e in errors[:5])))
        documents.append(doc)

    with tempfile.TemporaryDirectory() as out:
        run(binary, ["extract", "--format", "csv", "--out", out] + files)
        with open(os.path.join(out, "datapackage.json"), encoding="utf-8") as f:
            package = json.load(f)
        written = sorted(n for n in os.listdir(out) if n.endswith(".csv"))
        check(written == sorted(r["path"] for r in package["resources"]),
              "tables written %s differ from datapackage resources" % written)
        by_sha = {d["source"]["sha256"]: d for d in documents}
        for resource in package["resources"]:
            fields = resource["schema"]["fields"]
            names = [f["name"] for f in fields]
            with open(os.path.join(out, resource["path"]), newline="", encoding="utf-8") as f:
                reader = csv.reader(f)
                header = next(reader)
                rows = list(reader)
            check(header == names, "%s: header %s, datapackage %s" % (resource["path"], header,
                                                                       names))
            expected = []
            for doc in documents:
                for parents, index, item in items(doc, resource["x-json-path"]):
                    expected.append((doc["source"]["sha256"], parents, index, item))
            check(len(rows) == len(expected),
                  "%s: %d rows, the JSON has %d items" % (resource["path"], len(rows),
                                                          len(expected)))
            for row, (sha, parents, index, item) in zip(rows, expected):
                values = {n: cast(v, fd) for n, v, fd in zip(names, row, fields)}
                # Key columns are the ones with no place in the JSON: the document's sha256, the
                # index of each list item above the row, and the row's own index.
                parent_keys = [fd["name"] for fd in fields if "x-json-path" not in fd and
                               fd["name"] not in ("document_sha256", "index")]
                keys_ok = (values.get("document_sha256", sha) == sha and
                           [values[n] for n in parent_keys] == parents and
                           ("index" not in values or values["index"] == index))
                check(keys_ok and sha in by_sha, "%s: row keys %s" % (resource["path"], row[:3]))
                for fd in fields:
                    if "x-json-path" not in fd:
                        continue
                    want = at(item, fd["x-json-path"])
                    got = values[fd["name"]]
                    check(same(want, got, fd), "%s: %s = %r in CSV, %r in JSON" %
                          (resource["path"], fd["name"], got, want))
    print("%d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
