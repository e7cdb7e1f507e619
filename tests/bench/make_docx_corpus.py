#!/usr/bin/env python3
"""make_docx_corpus.py: N distinct, seed-sized Word notes for the performance harness.

Each file is one of the seed DOCX files (samples/seeds/*.docx, 44 KB, Word's default template with
its 349 KB styles.xml) with every part kept byte for byte except word/document.xml, whose digits are
changed (dates, figures, refs) so that no two files have the same bytes or the same text. That is
what a year of a group's notes looks like: the same template, different meetings.

  python3 tests/bench/make_docx_corpus.py --count 1000 --out /tmp/corpus [--seeds samples/seeds]
"""
import argparse
import glob
import os
import random
import re
import sys
import zipfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seeds", default=os.path.join(os.path.dirname(__file__), "..", "..", "samples", "seeds"))
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    seeds = sorted(glob.glob(os.path.join(a.seeds, "*.docx")))
    if not seeds:
        sys.exit("make_docx_corpus: no .docx in " + a.seeds)
    parts = []
    for s in seeds:
        with zipfile.ZipFile(s) as z:
            parts.append([(i, z.read(i.filename)) for i in z.infolist()])
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    digit = re.compile(rb"(<w:t[^>]*>)([^<]*)")
    for n in range(a.count):
        entries = parts[n % len(parts)]
        path = os.path.join(a.out, "notes_%05d.docx" % n)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for info, data in entries:
                if info.filename == "word/document.xml":
                    def vary(m):
                        text = re.sub(rb"[0-9]", lambda d: b"%d" % rng.randrange(10), m.group(2))
                        return m.group(1) + text
                    data = digit.sub(vary, data)
                    # A unique mark, so even a document without digits differs.
                    data = data.replace(b"</w:body>", b"<w:p><w:r><w:t>Ref %d</w:t></w:r></w:p></w:body>" % n, 1)
                z.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    print("make_docx_corpus: %d files in %s" % (a.count, a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
