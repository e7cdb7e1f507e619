"""Runs one `minutes` process and measures it: wall seconds, and peak RSS from os.wait4's
ru_maxrss (the kernel's own high-water mark, so a short spike is never missed).

A child's ru_maxrss starts at its parent's RSS when it was forked (Linux keeps the forked copy's
high-water mark across exec), so a test process that has parsed a large JSON output would inflate
every later measure. The process is therefore forked by a fresh interpreter started for it (this
file run as a script, about 10 MB), never by the caller.

A watchdog stops the child (SIGKILL) past `kill_seconds` or, sampling /proc every 20 ms, past
`kill_rss_mb`: an input that still costs what issue #13 measured (minutes, gigabytes) fails its
bound quickly instead of stalling the suite or waking the OS killer. The result says why it was
stopped.
"""
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass


@dataclass
class Run:
    exit_code: int  # negative: killed by that signal
    stdout: bytes  # b"" unless kept
    stderr: bytes
    seconds: float
    rss_mb: float
    stopped: str  # "" or why the watchdog stopped it: "time" or "memory"


def run(argv, stdin_path=None, kill_seconds=120.0, kill_rss_mb=None, limit_as_mb=None,
        keep_stdout=True):
    """Runs argv to its end (or the watchdog's). `limit_as_mb` sets RLIMIT_AS in the child (an
    allocation past it fails, as it would on a small machine). stdout is read back only when
    `keep_stdout`."""
    with tempfile.NamedTemporaryFile() as out, tempfile.NamedTemporaryFile() as err:
        spec = {"argv": [os.fsdecode(a) for a in argv], "stdin": stdin_path,
                "kill_seconds": kill_seconds, "kill_rss_mb": kill_rss_mb,
                "limit_as_mb": limit_as_mb, "stdout": out.name, "stderr": err.name}
        helper = subprocess.run([sys.executable, "-S", os.path.abspath(__file__), json.dumps(spec)],
                                stdout=subprocess.PIPE, check=True)
        r = json.loads(helper.stdout)
        return Run(r["exit_code"], out.read() if keep_stdout else b"", err.read(), r["seconds"],
                   r["rss_mb"], r["stopped"])


def _rss_mb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


def _measure(spec):
    """In the helper: fork, exec, watch, reap; the result as a dict."""
    stdin = os.open(spec["stdin"] or os.devnull, os.O_RDONLY)
    out = os.open(spec["stdout"], os.O_WRONLY | os.O_TRUNC)
    err = os.open(spec["stderr"], os.O_WRONLY | os.O_TRUNC)
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            os.dup2(stdin, 0)
            os.dup2(out, 1)
            os.dup2(err, 2)
            if spec["limit_as_mb"] is not None:
                import resource
                b = int(spec["limit_as_mb"] * 1024 * 1024)
                resource.setrlimit(resource.RLIMIT_AS, (b, b))
            os.execv(spec["argv"][0], spec["argv"])
        finally:
            os._exit(127)
    stopped = ""
    while True:
        got, status, usage = os.wait4(pid, os.WNOHANG)
        if got == pid:
            break
        if time.monotonic() - start > spec["kill_seconds"]:
            stopped = "time"
        elif spec["kill_rss_mb"] is not None and _rss_mb(pid) > spec["kill_rss_mb"]:
            stopped = "memory"
        if stopped:
            os.kill(pid, signal.SIGKILL)
            got, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.02)
    return {"exit_code": os.waitstatus_to_exitcode(status), "seconds": time.monotonic() - start,
            "rss_mb": usage.ru_maxrss / 1024.0, "stopped": stopped}


if __name__ == "__main__":
    json.dump(_measure(json.loads(sys.argv[1])), sys.stdout)
