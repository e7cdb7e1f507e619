#!/usr/bin/env python3
"""The hostile-input suite of issue #13: every class of hostile input, generated at a modest size
by cases.py, through `minutes extract`, `minutes batch` and `minutes serve`.

extract  Each case alone, measured (wall seconds; peak RSS of the child from os.wait4). A refused
         input must exit 3 with exactly one line on standard error, `minutes: FILE: KIND: MESSAGE`,
         control characters in it escaped, the message naming the limit or the fault; an accepted
         one must exit 0 or 1 (findings) with its JSON on standard output. Both within the case's
         time and memory bounds. Then every refused input in one run beside a good seed: one line
         each, and the seed still extracted.
batch    One folder holding every input and a seed: the seed converted, each input where README
         "Batch" puts it (documents.jsonl; errors.csv with the same kind; skipped.csv for what is
         not a regular file), exit 3 because some failed.
serve    Each input uploaded to `minutes serve` on a free loopback port: a 4xx answer for a
         refused one (413 or 422 with the same kind as the CLI), 200 for an accepted one; a good
         upload and /healthz still answered after them all, and every log line one line.

Bounds, per case in CASES: refusals 5 s and 150 MB (they take about 0.3 s and 30 MB); the cost
cases 10 to 40 s and 250 to 800 MB, three times or more what they take alone once fixed (so a
loaded machine does not fail them), at sizes where issue #13 measured tens of seconds or
gigabytes, or where a limit must stop the input (memory then grows with the limit: 2,000,000
blocks cost about 350 MB). With MINUTES_SANITIZED=1 (the ASan/UBSan build) time bounds are 10 times longer and
memory is not bounded (nor is the RLIMIT_AS case run: ASan reserves terabytes of address space).

usage: hostile_test.py MINUTES SOURCE_DIR {extract,batch,serve,all} [--case NAME]...
"""
import argparse
import csv
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases  # noqa: E402
import measure  # noqa: E402

SANITIZED = os.environ.get("MINUTES_SANITIZED") == "1"
TIME_FACTOR = 10 if SANITIZED else 1
SEED = "samples/seeds/000_e0affe79a15288f1.docx"

LIMIT, CORRUPT, UNSUPPORTED, CANNOT_READ = ("limit exceeded", "corrupt", "unsupported format",
                                            "cannot read")


@dataclass(frozen=True)
class Outcome:
    exit_codes: frozenset
    kind: str = None  # None: the input is read (exit 0, or 1 for findings of severity error)
    says: tuple = ()  # what the error message must contain

    def __str__(self):
        if self.kind is None:
            return "read (exit 0 or 1)"
        return "exit 3, %s: %s" % (self.kind, " ... ".join(self.says) or "...")


READ = Outcome(frozenset({0, 1}))


def refused(kind, *says):
    return Outcome(frozenset({3}), kind, says)


@dataclass
class Case:
    name: str
    generator: str  # a cases.GENERATORS name, or "seed"
    k: int
    outcomes: tuple  # any one of them
    seconds: float = 5.0
    rss_mb: float = 150.0
    args: tuple = ()  # extra `minutes extract` options
    stdin: bool = False  # the input through standard input ("-")
    limit_as_mb: int = None  # RLIMIT_AS in the child
    batch: bool = True  # in the batch folder and uploaded to the service
    not_regular: bool = False  # batch lists it in skipped.csv; it cannot be uploaded
    fmt: str = None  # when read, the reader that must have read it
    path: str = field(default=None, repr=False)  # set once generated


READ_OR_CELLS = (READ, refused(LIMIT, "max_table_cells (1000000)"),
                 refused(LIMIT, "max_blocks (2000000)"))

CASES = [
    # Cost: input whose cost grew faster than its size (#13), at a size that shows it.
    # 8 MiB of '\t\n': no text, so read (exit 1: not minutes), or refused at a cell or block limit.
    Case("tab_lines", "tab_lines", 8, READ_OR_CELLS, 10, 300),
    Case("tsv_table", "tsv_table", 4, (READ,), 10, 250),  # 240,000 cells
    Case("tsv_table_over_cells", "tsv_table", 17,  # 1,020,000 cells
         (refused(LIMIT, "max_table_cells (1000000)"),), 10, 400),
    Case("long_line", "long_line", 16, (READ,), 10, 300),  # 2 MiB on one line
    Case("long_line_over_paragraph", "long_line", 40,  # 5 MiB on one line
         (refused(LIMIT, "max_paragraph_bytes (4194304)"),), 10, 300),
    Case("many_pounds", "many_pounds", 4, (READ,), 10, 300),  # 25,000 figures on a line
    Case("many_actions", "many_actions", 4, (READ,), 15, 400),  # 50,000 Action: lines
    Case("paragraph_lines_over_blocks", "paragraph_lines", 21,  # 2,100,000 paragraphs
         (refused(LIMIT, "max_blocks (2000000)"),), 15, 600),
    Case("docx_empty_paragraphs", "docx_empty_paragraphs", 3,  # 1,500,000 <w:p/>, 9 MB of XML
         (READ,), 25, 350),
    Case("docx_paragraphs_over_blocks", "docx_paragraphs", 21,  # 2,100,000 paragraphs
         (refused(LIMIT, "max_blocks (2000000)"),), 40, 600),
    # 40 MiB of notes take about 50 s; a budget of 2 s stops them. The budget is checked between
    # blocks while reading and between extraction steps, so it is overrun by at most one step
    # (seconds at this size): the bound is well under the 50 s the whole run takes.
    Case("max_seconds", "notes", 40, (refused(LIMIT, "max_seconds (2)"),), 20, 800,
         args=("--max-seconds", "2"), batch=False),
    Case("out_of_memory", "notes", 40, (refused(LIMIT, "out of memory"),), 10, 300,
         limit_as_mb=256, batch=False),
    # The new limits as options, on a real document.
    Case("seed_max_blocks", "seed", 1, (refused(LIMIT, "max_blocks (10)"),),
         args=("--max-blocks", "10"), batch=False),
    Case("seed_max_paragraph_bytes", "seed", 1, (refused(LIMIT, "max_paragraph_bytes (64)"),),
         args=("--max-paragraph-bytes", "64"), batch=False),
    Case("seed_max_table_cells", "seed", 1, (refused(LIMIT, "max_table_cells (4)"),),
         args=("--max-table-cells", "4"), batch=False),
    # libxml2's own limits are limits, not "malformed XML"; error lines stay one line.
    Case("xml_huge_text_node", "xml_huge_text_node", 1, (refused(LIMIT),)),
    Case("xml_long_name", "xml_long_name", 1, (refused(LIMIT),)),
    Case("xml_invalid_utf8", "xml_invalid_utf8", 1, (refused(CORRUPT, "word/document.xml"),)),
    Case("name_with_newline", "name_with_newline", 1, (refused(CORRUPT, "empty file"),)),
    Case("name_with_escape", "name_with_escape", 1, (refused(CORRUPT, "empty file"),)),
    # Misreadings.
    Case("pk_trailer_text", "pk_trailer_text", 1, (READ,), fmt="text"),
    Case("zip_duplicate_names", "zip_duplicate_names", 1,
         (refused(CORRUPT, "word/document.xml"),)),
    # What the readers already refuse.
    Case("zip_bomb", "zip_bomb", 1, (refused(LIMIT, "max_compression_ratio (200)"),)),
    Case("zip_declared_huge", "zip_declared_huge", 1,
         (refused(LIMIT, "max_decompressed_bytes (268435456)"),)),
    Case("zip_lying_size", "zip_lying_size", 1, (refused(CORRUPT, "declared size"),)),
    Case("zip_many_entries", "zip_many_entries", 1, (refused(LIMIT, "max_zip_entries (100000)"),)),
    Case("xxe", "xxe", 1, (refused(CORRUPT, "DTD"),)),
    Case("billion_laughs", "billion_laughs", 1, (refused(CORRUPT, "DTD"),)),
    # ../ names: nothing is ever extracted to disk, /etc/passwd never read (checked below).
    Case("zip_dotdot_names", "zip_dotdot_names", 1, (READ, refused(CORRUPT))),
    Case("zip_truncated", "zip_truncated", 1, (refused(CORRUPT, "truncated or corrupt zip"),)),
    Case("ole_doc", "ole_doc", 1, (refused(UNSUPPORTED, "legacy Word 97-2003 .doc"),)),
    Case("ole_encrypted", "ole_encrypted", 1, (refused(UNSUPPORTED, "password-protected"),)),
    Case("fifo", "fifo", 1, (refused(CANNOT_READ, "not a regular file"),), not_regular=True),
    Case("dev_zero", "dev_zero", 1, (refused(CANNOT_READ, "not a regular file"),),
         not_regular=True),
    Case("dev_zero_stdin", "dev_zero", 1, (refused(LIMIT, "max_input_bytes (67108864)"),),
         rss_mb=300, stdin=True, batch=False),
    Case("over_max_input", "over_max_input", 1, (refused(LIMIT, "max_input_bytes (67108864)"),)),
    Case("empty_file", "empty_file", 1, (refused(CORRUPT, "empty file"),)),
    Case("binary_file", "binary_file", 1, (refused(UNSUPPORTED, "binary file"),)),
    Case("html_deep_nesting", "html_deep_nesting", 1, (refused(LIMIT, "max_xml_depth (256)"),)),
    Case("xml_deep_nesting", "xml_deep_nesting", 1, (refused(LIMIT, "max_xml_depth (256)"),)),
    Case("pdf_truncated", "pdf_truncated", 1, (refused(CORRUPT, "PDF"),)),
    Case("pdf_encrypted", "pdf_encrypted", 1, (refused(UNSUPPORTED, "password"),)),
    Case("pdf_page_count_claim", "pdf_page_count_claim", 1,
         (refused(LIMIT, "max_pdf_pages (5000)"),)),
    Case("pdf_object_count_claim", "pdf_object_count_claim", 1,
         (refused(LIMIT, "max_pdf_objects (1000000)"),)),
]

def escape(raw):
    """A name or message as StderrLine writes it: control characters as \\n, \\t, \\r, \\xHH."""
    out = []
    for b in raw:
        if b >= 0x20 and b != 0x7F:
            out.append(chr(b))
        elif b == 0x0A:
            out.append("\\n")
        elif b == 0x09:
            out.append("\\t")
        elif b == 0x0D:
            out.append("\\r")
        else:
            out.append("\\x%02x" % b)
    return "".join(out).encode("latin-1")


def shown_name(case):
    return b"<stdin>" if case.stdin else escape(os.fsencode(case.path))


class Results:
    """Pass/fail per check."""

    def __init__(self):
        self.failed = []

    def report(self, case_name, problems, detail=""):
        status = "FAIL" if problems else "ok"
        if problems:
            self.failed.append(case_name)
        print("%-28s %-8s %s" % (case_name, status, detail), flush=True)
        for p in problems:
            print("    " + p, flush=True)

    def skip(self, case_name, why):
        print("%-28s %-8s %s" % (case_name, "skipped", why), flush=True)

    def summary(self, what):
        print("%s: %d failed%s" % (
            what, len(self.failed), (" (" + ", ".join(self.failed) + ")") if self.failed else ""))
        return not self.failed


def generate(case_list, archive, elsewhere, source_dir):
    """Writes every case's input once: into `archive` (the folder batch converts) when the case
    belongs there, else into `elsewhere`."""
    made = {}
    for c in sorted(case_list, key=lambda c: not c.batch):  # archive first: inputs are shared
        key = (c.generator, c.k)
        if key not in made:
            if c.generator == "seed":
                made[key] = os.path.join(source_dir, SEED)
            else:
                made[key] = cases.GENERATORS[c.generator](archive if c.batch else elsewhere, c.k)
        c.path = made[key]


def error_line_problems(line, case, outcome):
    """What is wrong with one stderr line for a refused input (empty when nothing)."""
    problems = []
    if any(b < 0x20 or b == 0x7F for b in line):
        problems.append("a control character in the error line")
    prefix = b"minutes: " + shown_name(case) + b": " + outcome.kind.encode() + b": "
    if not line.startswith(prefix):
        problems.append("error line does not start %r" % prefix.decode("latin-1"))
    for s in outcome.says:
        if s.encode() not in line:
            problems.append("error line does not say %r" % s)
    return problems


def outcome_problems(run, case, outcome):
    """Why `run` does not give `outcome` (empty when it does)."""
    if run.exit_code not in outcome.exit_codes:
        return ["exit %d, expected %s" % (run.exit_code, sorted(outcome.exit_codes))]
    if outcome.kind is None:
        if run.stderr:
            return ["read, but wrote to stderr: %r" % run.stderr[:300]]
        try:
            doc = json.loads(run.stdout)
        except ValueError as e:
            return ["read, but stdout is not one JSON document: %s" % e]
        src = doc.get("source", {})
        want = "-" if case.stdin else case.path
        problems = []
        if src.get("path") != want:
            problems.append("source.path %r, expected %r" % (src.get("path"), want))
        if case.fmt and src.get("format") != case.fmt:
            problems.append("read as %r, expected %r" % (src.get("format"), case.fmt))
        return problems
    lines = run.stderr.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    if len(lines) != 1:
        return ["%d stderr lines, expected one: %r" % (len(lines), run.stderr[:500])]
    return error_line_problems(lines[0], case, outcome)


def check_extract(case, binary, results):
    argv = [binary, "extract"] + list(case.args) + ["-" if case.stdin else case.path]
    if case.limit_as_mb and SANITIZED:
        results.skip(case.name, "RLIMIT_AS under AddressSanitizer")
        return
    seconds = case.seconds * TIME_FACTOR
    run = measure.run(argv, stdin_path=case.path if case.stdin else None,
                      kill_seconds=seconds * 1.5 + 2,
                      kill_rss_mb=6000 if SANITIZED else max(2 * case.rss_mb, 1000),
                      limit_as_mb=case.limit_as_mb)
    detail = "exit %d %6.2f s %7.1f MB (bounds %g s, %s)" % (
        run.exit_code, run.seconds, run.rss_mb, seconds,
        "no memory bound" if SANITIZED else "%g MB" % case.rss_mb)
    problems = []
    if run.stopped:
        problems.append("stopped by the watchdog (%s)" % run.stopped)
    else:
        tries = [outcome_problems(run, case, o) for o in case.outcomes]
        if all(tries):
            best = min(tries, key=len)
            problems.append("expected %s" % " or ".join(str(o) for o in case.outcomes))
            problems += best
    if run.seconds > seconds:
        problems.append("took %.2f s, over %g s" % (run.seconds, seconds))
    if not SANITIZED and run.rss_mb > case.rss_mb:
        problems.append("peak RSS %.1f MB, over %g MB" % (run.rss_mb, case.rss_mb))
    if case.name == "zip_dotdot_names":
        problems += dotdot_problems(run.stdout + run.stderr, os.path.dirname(case.path))
    results.report(case.name, problems, detail)


def dotdot_problems(output, folder):
    """zip_dotdot_names names an entry ../../(folder)/escaped/pwned.txt and a main part
    ../../../../etc/passwd: neither may be written or read."""
    problems = []
    if b"root:" in output:
        problems.append("the output holds 'root:' (an /etc/passwd line)")
    if os.path.exists(os.path.join(folder, "escaped")):
        problems.append("an entry named ../ was written outside")
    return problems


def check_extract_together(selected, binary, source_dir, results):
    """Every refused input in one run, after a seed: one stderr line each, the seed extracted."""
    bad = [c for c in selected
           if c.batch and not c.stdin and not c.args and c.limit_as_mb is None
           and all(o.kind is not None for o in c.outcomes)]
    if not bad:
        results.skip("extract_together", "no refused input selected")
        return
    seed = os.path.join(source_dir, SEED)
    argv = [binary, "extract", "--jsonl", seed] + [c.path for c in bad]
    run = measure.run(argv, kill_seconds=120 * TIME_FACTOR)
    problems = []
    if run.exit_code != 3:
        problems.append("exit %d, expected 3" % run.exit_code)
    lines = run.stderr.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    if len(lines) != len(bad):
        problems.append("%d stderr lines for %d refused inputs" % (len(lines), len(bad)))
    for c in bad:
        mine = [x for x in lines if x.startswith(b"minutes: " + shown_name(c) + b": ")]
        if len(mine) != 1:
            problems.append("%s: %d stderr lines, expected one" % (c.name, len(mine)))
            continue
        tries = [error_line_problems(mine[0], c, o) for o in c.outcomes]
        if all(tries):
            problems.append("%s: %s" % (c.name, "; ".join(min(tries, key=len))))
    docs = [json.loads(x) for x in run.stdout.splitlines() if x.strip()]
    if [d["source"]["path"] for d in docs] != [seed]:
        problems.append("stdout holds %d documents, expected the seed alone" % len(docs))
    results.report("extract_together", problems,
                   "%d refused inputs and a seed in one run: exit %d" % (len(bad), run.exit_code))


def run_extract(selected, binary, source_dir, results, scratch):
    print("== minutes extract, one input at a time%s" % (" (sanitized)" if SANITIZED else ""))
    for c in selected:
        check_extract(c, binary, results)
    check_extract_together(selected, binary, source_dir, results)
    return results.summary("extract")


# ---- batch ----


def run_batch(selected, binary, source_dir, results, scratch):
    print("== minutes batch over every input and a seed")
    folder = os.path.join(scratch, "archive")
    batch_cases = [c for c in selected if c.batch]
    seed = shutil.copy(os.path.join(source_dir, SEED), folder)
    out = os.path.join(scratch, "batch_out")
    doc_timeout = 30 * TIME_FACTOR  # every case takes at most a few seconds alone once fixed
    run = measure.run([binary, "batch", folder, "--out", out, "--jobs", "2", "--quiet",
                       "--doc-timeout", str(doc_timeout)], kill_seconds=900 * TIME_FACTOR,
                      keep_stdout=False)
    print("batch: exit %d in %.1f s" % (run.exit_code, run.seconds))
    converted = {}
    with open(os.path.join(out, "documents.jsonl"), encoding="utf-8") as f:
        for line in f:
            src = json.loads(line)["source"]
            for p in [src["path"]] + src.get("other_paths", []):
                converted[p] = src
    with open(os.path.join(out, "errors.csv"), newline="", encoding="utf-8") as f:
        errors = {r["path"]: r for r in csv.DictReader(f)}
    with open(os.path.join(out, "skipped.csv"), newline="", encoding="utf-8") as f:
        skipped = {r["path"]: r for r in csv.DictReader(f)}

    def where(path):
        return [name for name, table in (("documents.jsonl", converted), ("errors.csv", errors),
                                         ("skipped.csv", skipped)) if path in table]

    problems = []
    if run.exit_code != 3:
        problems.append("exit %d, expected 3 (some inputs failed)" % run.exit_code)
    for line in run.stderr.splitlines():
        if not line.startswith(b"minutes: ") or any(b < 0x20 or b == 0x7F for b in line):
            problems.append("stderr line not one escaped line: %r" % line[:200])
    if where(seed) != ["documents.jsonl"]:
        problems.append("the seed is in %s, expected documents.jsonl" % where(seed))
    results.report("batch_run", problems, "exit %d, %d converted, %d errors, %d skipped" %
                   (run.exit_code, len(converted), len(errors), len(skipped)))

    for c in batch_cases:
        found = where(c.path)
        problems = []
        if len(found) != 1:
            problems.append("in %s, expected exactly one of the outputs" % (found or "none"))
        elif c.not_regular:
            if found != ["skipped.csv"] or "not a regular file" not in skipped[c.path]["reason"]:
                problems.append("expected in skipped.csv as not a regular file, found in %s" %
                                found)
        else:
            tries = []
            for o in c.outcomes:
                if o.kind is None:
                    row = errors.get(c.path, {})
                    tries.append([] if found == ["documents.jsonl"] else
                                 ["in %s, expected documents.jsonl %s" %
                                  (found[0], row and (row["kind"], row["message"][:200]))])
                elif found != ["errors.csv"]:
                    tries.append(["in %s, expected errors.csv (%s)" % (found[0], o.kind)])
                else:
                    row = errors[c.path]
                    t = [] if row["kind"] == o.kind else ["kind %r, expected %r" % (row["kind"],
                                                                                  o.kind)]
                    t += ["message does not say %r: %r" % (s, row["message"][:200])
                          for s in o.says if s not in row["message"]]
                    tries.append(t)
            if all(tries):
                problems += min(tries, key=len)
        results.report("batch:" + c.name, problems, "/".join(found))
        if c.name == "zip_dotdot_names":
            results.report("batch:zip_dotdot_escape", dotdot_problems(b"", folder))
    return results.summary("batch")


# ---- serve ----


def post(port, target, body, timeout):
    """POSTs `body`; past the service's upload limit only the headers are sent, as a client
    should learn the 413 from Content-Length alone."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.putrequest("POST", target)
        conn.putheader("Content-Type", "application/octet-stream")
        conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        if len(body) <= 25 << 20:
            conn.send(body)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def get(port, target, timeout=30):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", target)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def run_serve(selected, binary, source_dir, results, scratch):
    print("== minutes serve: every input uploaded, then a good one")
    processing = 30 * TIME_FACTOR  # every case takes at most a few seconds alone once fixed
    server = subprocess.Popen([binary, "serve", "--port", "0", "--workers", "2",
                               "--processing-timeout", str(processing)],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
    log = []
    first = server.stderr.readline()
    log.append(first)
    port = int(first.rsplit(b":", 1)[1]) if b"serving on http://" in first else None
    drain = threading.Thread(target=lambda: log.extend(iter(server.stderr.readline, b"")),
                             daemon=True)
    drain.start()
    try:
        if port is None:
            results.report("serve_start", ["did not start: %r" % first])
            return results.summary("serve")
        for c in selected:
            if not c.batch or c.not_regular:
                continue
            with open(c.path, "rb") as f:
                body = f.read()
            target = "/api/v1/extract?name=" + urllib.parse.quote(os.path.basename(c.path), safe="")
            start = time.monotonic()
            try:
                status, answer = post(port, target, body, processing + 60)
            except OSError as e:
                results.report("serve:" + c.name, ["no answer: %s" % e])
                continue
            tries = [serve_problems(status, answer, len(body), o) for o in c.outcomes]
            results.report("serve:" + c.name, [] if not all(tries) else min(tries, key=len),
                           "%d in %.2f s" % (status, time.monotonic() - start))
        seed = open(os.path.join(source_dir, SEED), "rb").read()
        problems = []
        status, answer = post(port, "/api/v1/extract?name=seed.docx", seed, 120)
        if status != 200 or b'"source"' not in answer:
            problems.append("a good upload after them: %d %r" % (status, answer[:200]))
        status, _ = get(port, "/healthz")
        if status != 200:
            problems.append("/healthz after them: %d" % status)
        if server.poll() is not None:
            problems.append("the server exited (%d)" % server.returncode)
        results.report("serve_after", problems, "good upload and /healthz answered")
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        drain.join(timeout=10)
    bad_lines = [line for line in log if line and (
        not line.startswith(b"minutes: ") or any(b < 0x20 or b == 0x7F for b in line[:-1]))]
    results.report("serve_log", ["log line not one escaped line: %r" % x[:200] for x in bad_lines],
                   "%d log lines" % len(log))
    return results.summary("serve")


def serve_problems(status, answer, size, outcome):
    if outcome.kind is None:
        if status != 200:
            return ["status %d, expected 200: %r" % (status, answer[:200])]
        return [] if b'"source"' in answer else ["200 without a document"]
    if not 400 <= status < 500:
        return ["status %d, expected 4xx (%s): %r" % (status, outcome.kind, answer[:200])]
    if size > 25 << 20:
        return [] if status == 413 else ["status %d for an upload over 25 MB, expected 413" %
                                         status]
    try:
        error = json.loads(answer)["error"]
    except (ValueError, KeyError, TypeError):
        return ["status %d without an error object: %r" % (status, answer[:200])]
    problems = []
    want = 413 if outcome.kind == LIMIT else 422
    if status != want:
        problems.append("status %d, expected %d" % (status, want))
    if error.get("kind") != outcome.kind:
        problems.append("kind %r, expected %r" % (error.get("kind"), outcome.kind))
    problems += ["message does not say %r" % s for s in outcome.says
                 if s not in error.get("message", "")]
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("minutes")
    parser.add_argument("source_dir")
    parser.add_argument("what", choices=("extract", "batch", "serve", "all"))
    parser.add_argument("--case", action="append", help="only these cases (repeatable)")
    a = parser.parse_args()
    unknown = set(a.case or ()) - {c.name for c in CASES}
    if unknown:
        parser.error("unknown case %s" % ", ".join(sorted(unknown)))
    selected = [c for c in CASES if not a.case or c.name in a.case]
    binary = os.path.abspath(a.minutes)
    source_dir = os.path.abspath(a.source_dir)
    ok = True
    with tempfile.TemporaryDirectory(prefix="minutes_hostile_") as scratch:
        archive, inputs = os.path.join(scratch, "archive"), os.path.join(scratch, "inputs")
        os.mkdir(archive)
        os.mkdir(inputs)
        generate(selected, archive, inputs, source_dir)
        for what, fn in (("extract", run_extract), ("batch", run_batch), ("serve", run_serve)):
            if a.what in (what, "all"):
                ok = fn(selected, binary, source_dir, Results(), scratch) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
