#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, and the two ways ctest runs a target (tests/fuzz/CMakeLists.txt).

  fuzz_run.py replay TARGET BINARY SOURCE_DIR WORK_DIR
      runs TARGET's replay program (replay_main.cc, any compiler) once over its kept regressions
      (tests/fuzz/regressions/TARGET/) and its seeds: every crash once found stays fixed.
  fuzz_run.py smoke TARGET BINARY SOURCE_DIR WORK_DIR --runs N --max-len BYTES [--dict FILE]
      runs TARGET's libFuzzer program for N executions from its seeds, with a fixed seed (set
      MINUTES_FUZZ_SEED to vary it); fails on any crash, sanitizer report, timeout or leak, and
      prints libFuzzer's final coverage.

Seeds are made afresh in WORK_DIR/seeds/TARGET from the committed samples/ (and seeds/multipart/)
and, when it is there, the peer corpus beside the checkout (../shared/peer-corpus); nothing of the
peer corpus is ever written into the source tree. New inputs libFuzzer finds go to
WORK_DIR/corpus/TARGET, crashes to WORK_DIR/artifacts/TARGET/.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile

MAX_SEED = 1 << 20  # larger seeds (the peer corpus's 6 MB zip64 probe) only slow the smoke down
# The parts of a DOCX the reader parses (not settings, themes or fonts), as xml_part seeds.
XML_PART = re.compile(r"(^|/)((document|styles|numbering|footnotes|endnotes|comments|header\d*|"
                      r"footer\d*)\.xml|\[Content_Types\]\.xml|[^/]*\.rels)$")


def files_under(root, suffixes):
    """Regular files below `root` whose names end in one of `suffixes`, sorted; [] if no root."""
    found = []
    if not os.path.isdir(root):
        return found
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            if name.lower().endswith(suffixes) and os.path.getsize(path) <= MAX_SEED:
                found.append(path)
    return sorted(found)


def multipart(name, content):
    """`content` uploaded as the "file" field of a form, as the upload page sends it."""
    boundary = b"----minutesSeedBoundary"
    body = (b"--" + boundary + b"\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
            name.encode() + b"\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content +
            b"\r\n--" + boundary + b"--\r\n")
    head = (b"POST /api/v1/extract HTTP/1.1\r\nHost: localhost\r\n"
            b"Content-Type: multipart/form-data; boundary=" + boundary +
            b"\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n")
    return head + body


def small_pdf(lines):
    """A one-page PDF writing `lines` (ASCII) as a PDF export would place them: a larger bold first
    line, one line every 14 points, tab-separated cells in columns. Seeds a few KB long mutate far
    faster than the 60 KB renditions of samples/."""
    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    ops, y = [], 800
    for i, line in enumerate(lines):
        font, size = ("/F2", 16) if i == 0 else ("/F1", 11)
        for col, cell in enumerate(line.split("\t")[:4]):
            if cell.strip():
                ops.append("BT %s %d Tf %d %d Td (%s) Tj ET" % (font, size, 60 + 150 * col, y,
                                                             escape(cell.strip())))
        y -= 24 if i == 0 else 14
    content = "\n".join(ops).encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>"]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return out


def seed_inputs(target, source_dir):
    """(name, bytes) pairs: the seeds of `target`."""
    samples = os.path.join(source_dir, "samples")
    peer = os.path.join(os.path.dirname(os.path.abspath(source_dir)), "shared", "peer-corpus")
    docx = files_under(samples, (".docx",)) + files_under(peer, (".docx",))
    texts = files_under(samples, (".txt",))

    def read(path):
        with open(path, "rb") as f:
            return f.read()

    def named(paths):
        return [(os.path.relpath(p, os.path.dirname(samples) if p.startswith(samples) else peer),
                 read(p)) for p in paths]

    if target == "docx":
        return named(docx)
    if target == "xml_part":
        out = []
        for path in docx:
            try:
                with zipfile.ZipFile(path) as z:
                    for info in z.infolist():
                        if XML_PART.search(info.filename) and info.file_size <= 64 << 10:
                            out.append((path + "/" + info.filename, z.read(info)))
            except (zipfile.BadZipFile, NotImplementedError, OSError, ValueError):
                pass  # the corpus's broken zips are the docx target's seeds, not this one's
        return out
    if target == "text":
        return named(texts + files_under(samples, (".md", ".csv")) + files_under(peer, (".txt",)))
    if target == "pdf":
        out = named(files_under(samples, (".pdf",)))
        for path in texts:  # the first page of each text note, as a small PDF
            text = read(path).decode("utf-8", "replace").encode("ascii", "replace").decode()
            lines = [line for line in text.splitlines() if line.strip()][:40]
            out.append((path + ".pdf", small_pdf(lines)))
        return out
    if target == "html":
        return named(files_under(samples, (".html",)))
    if target == "extract":
        return named(texts)
    if target == "normalize":
        # One line of the notes each, after the byte that picks the reference date and options.
        lines = set()
        for path in texts:
            for line in read(path).splitlines():
                for part in [line] + line.split(b"\t"):
                    part = part.strip()
                    if 3 <= len(part) <= 400:
                        lines.add(part)
        return [("line%05d" % i, b"\x00" + line) for i, line in enumerate(sorted(lines))]
    if target == "multipart":
        here = os.path.join(source_dir, "tests", "fuzz", "seeds", "multipart")
        out = named(files_under(here, (".http",)))
        for path in texts + files_under(samples, (".docx", ".html")):
            content = read(path)
            if len(content) <= 60 << 10:
                out.append((path + ".http", multipart(os.path.basename(path), content)))
        return out
    sys.exit("fuzz_run: no seeds for target '%s'" % target)


def write_seeds(target, source_dir, work_dir):
    """Writes the seeds into a fresh WORK_DIR/seeds/TARGET (numbered, so names never clash)."""
    out = os.path.join(work_dir, "seeds", target)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    inputs = seed_inputs(target, source_dir)
    for i, (name, data) in enumerate(inputs):
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", name)[-80:]
        with open(os.path.join(out, "%05d_%s" % (i, safe)), "wb") as f:
            f.write(data)
    return out, len(inputs)


def fuzz_environment(source_dir):
    """The environment for a libFuzzer run: sanitizer reports in the run's log (where this script
    prints them from), not in a log_path file, and the third-party leak suppressions."""
    env = dict(os.environ)
    for name in ("ASAN_OPTIONS", "UBSAN_OPTIONS"):
        options = [o for o in env.get(name, "").split(":") if o and not o.startswith("log_path=")]
        env[name] = ":".join(options)
    lsan = [o for o in env.get("LSAN_OPTIONS", "").split(":") if o and
            not o.startswith("suppressions=")]
    lsan.append("suppressions=" + os.path.join(os.path.abspath(source_dir), "tests", "lsan.supp"))
    env["LSAN_OPTIONS"] = ":".join(lsan)
    return env


def replay(args):
    seeds, count = write_seeds(args.target, args.source_dir, args.work_dir)
    regressions = os.path.join(args.source_dir, "tests", "fuzz", "regressions", args.target)
    paths = [p for p in (regressions, seeds) if os.path.isdir(p)]
    start = time.monotonic()
    proc = subprocess.run([args.binary] + paths, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode(errors="replace")[-20000:])
        print("fuzz replay %s: FAILED (exit %d)" % (args.target, proc.returncode))
        return 1
    print("fuzz replay %s: %s (%d seeds, %d regressions) in %.1f s" %
          (args.target, proc.stdout.decode().strip(), count,
           len(files_under(regressions, ("",))), time.monotonic() - start))
    return 0


def smoke(args):
    seeds, count = write_seeds(args.target, args.source_dir, args.work_dir)
    corpus = os.path.join(args.work_dir, "corpus", args.target)
    artifacts = os.path.join(args.work_dir, "artifacts", args.target) + os.sep
    logs = os.path.join(args.work_dir, "logs")
    shutil.rmtree(corpus, ignore_errors=True)
    for d in (corpus, artifacts, logs):
        os.makedirs(d, exist_ok=True)
    command = [args.binary, "-runs=%d" % args.runs, "-max_len=%d" % args.max_len,
               "-timeout=%d" % args.timeout, "-rss_limit_mb=2048", "-print_final_stats=1",
               "-seed=%s" % os.environ.get("MINUTES_FUZZ_SEED", "1"),
               "-artifact_prefix=" + artifacts]
    if args.dict:
        command.append("-dict=" + args.dict)
    command += [corpus, seeds]  # the first directory is the one libFuzzer writes new inputs to
    log_path = os.path.join(logs, args.target + ".log")
    start = time.monotonic()
    with open(log_path, "wb") as log:
        code = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT,
                              env=fuzz_environment(args.source_dir)).returncode
    seconds = time.monotonic() - start
    with open(log_path, "rb") as f:
        text = f.read().decode(errors="replace")
    done = re.findall(r"^#(\d+)\s+DONE\s+cov: (\d+) ft: (\d+) corp: (\d+)", text, re.M)
    if code != 0 or not done:
        sys.stderr.write(text[-20000:])
        print("fuzz smoke %s: FAILED (exit %d after %.0f s); the input is in %s, the log in %s" %
              (args.target, code, seconds, artifacts, log_path))
        return 1
    runs, cov, ft, corp = done[-1]
    print("fuzz smoke %s: %s runs in %.0f s from %d seeds: cov %s ft %s corpus %s" %
          (args.target, runs, seconds, count, cov, ft, corp))
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mode", choices=["replay", "smoke", "seeds"])
    p.add_argument("target")
    p.add_argument("binary")
    p.add_argument("source_dir")
    p.add_argument("work_dir")
    p.add_argument("--runs", type=int, default=10000)
    p.add_argument("--max-len", type=int, default=4096)
    p.add_argument("--timeout", type=int, default=25, help="seconds one input may take")
    p.add_argument("--dict")
    args = p.parse_args()
    if args.mode == "seeds":  # for a long run by hand (README.md)
        path, count = write_seeds(args.target, args.source_dir, args.work_dir)
        print("%d seeds in %s" % (count, path))
        return 0
    return replay(args) if args.mode == "replay" else smoke(args)


if __name__ == "__main__":
    sys.exit(main())
