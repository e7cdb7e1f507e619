#!/usr/bin/env python3
"""How the cost of `minutes extract` grows with hostile input: the table of issue #13.

    python3 tests/hostile/scale.py build/minutes [--scales 1,4,16] [--case NAME]...

For each cost case of cases.py (COST_CASES) it writes the input at each scale (1x, 4x, 16x by
default) into a temporary folder, runs `minutes extract` on it once, and prints a markdown table:
input bytes, wall seconds, peak RSS (ru_maxrss of the child, as hostile_test.py measures it), the
exit code, and the time at each scale divided by the time at the first. Linear cost gives ratios
near 4 and 16 (less while the fixed start-up cost, the first row, dominates); quadratic cost gives
16 and 256. A run past --kill-seconds or --kill-mb is stopped and marked so. Inputs are deleted as
soon as they are measured. Not a test: ctest never runs it.
"""
import argparse
import os
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases  # noqa: E402
import measure  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("minutes")
    p.add_argument("--scales", default="1,4,16", help="comma-separated k (default 1,4,16)")
    p.add_argument("--case", action="append", choices=cases.COST_CASES,
                   help="only these cases (repeatable)")
    p.add_argument("--kill-seconds", type=float, default=300)
    p.add_argument("--kill-mb", type=float, default=8000)
    a = p.parse_args()
    scales = [int(x) for x in a.scales.split(",")]
    binary = os.path.abspath(a.minutes)

    print("| case | k | input bytes | seconds | peak RSS MB | exit | time / time at %dx |" %
          scales[0])
    print("|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="minutes_scale_") as scratch:
        startup = os.path.join(scratch, "startup.txt")
        with open(startup, "w") as f:
            f.write(cases.HEADER)
        r = measure.run([binary, "extract", startup], keep_stdout=False)
        print("| start-up (the header alone) | | %d | %.2f | %.1f | %d | |" %
              (len(cases.HEADER), r.seconds, r.rss_mb, r.exit_code), flush=True)
        for name in a.case or cases.COST_CASES:
            first = None
            for k in scales:
                path = cases.GENERATORS[name](scratch, k)
                size = os.path.getsize(path)
                r = measure.run([binary, "extract", path], kill_seconds=a.kill_seconds,
                                kill_rss_mb=a.kill_mb, keep_stdout=False)
                os.remove(path)
                first = first or r.seconds
                seconds = ("> %.0f (stopped: %s)" % (r.seconds, r.stopped) if r.stopped else
                           "%.2f" % r.seconds)
                print("| %s | %d | %d | %s | %.1f | %d | %s |" %
                      (name, k, size, seconds, r.rss_mb, r.exit_code,
                       "" if k == scales[0] else "%.1f" % (r.seconds / first)), flush=True)


if __name__ == "__main__":
    main()
