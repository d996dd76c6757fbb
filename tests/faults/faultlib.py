"""Shared by the fault-injection scripts: run the real contra binary with a broken standard
output or a hostile output path, and collect what a user would notice (exit code, message,
files left behind)."""

import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROFILE = os.path.join(ROOT, "examples", "suspected-dvt.yaml")  # do_not_massage: exit 3
SMALL_PACK = os.path.join(ROOT, "tests", "data", "small-pack")
CANNOT_WRITE = 73
SKIP = 77  # CTest's SKIP_RETURN_CODE for these scripts
TIMEOUT = 10  # seconds: a FIFO or a lock must never make contra hang


class Run:
    def __init__(self, code, out, err):
        self.code, self.out, self.err = code, out, err


class Suite:
    """Counts checks; prints each failure with what was seen."""

    def __init__(self, name):
        self.name = name
        self.failures = 0
        self.checks = 0
        self.binary = os.path.abspath(sys.argv[1])
        self.work = tempfile.mkdtemp(prefix="contra-faults-")

    def run(self, args, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, close_stdout=False,
            ignore_sigpipe=False, umask=None, file_size_limit=None, cwd=ROOT):
        def prepare_child():
            if file_size_limit is not None:  # a write past it is cut short, then fails EFBIG
                resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            if ignore_sigpipe:
                signal.signal(signal.SIGPIPE, signal.SIG_IGN)
            if umask is not None:
                os.umask(umask)
            if close_stdout:
                os.close(1)

        try:
            done = subprocess.run([self.binary] + args, stdin=stdin, stdout=stdout,
                                  stderr=subprocess.PIPE, cwd=cwd, timeout=TIMEOUT,
                                  preexec_fn=prepare_child, env=dict(os.environ, NO_COLOR="1"))
        except subprocess.TimeoutExpired:
            self.expect(False, f"contra {' '.join(args)} hung (killed after {TIMEOUT} s)")
            return Run(None, "", "")
        out = done.stdout.decode(errors="replace") if done.stdout is not None else ""
        return Run(done.returncode, out, done.stderr.decode(errors="replace"))

    def expect(self, condition, what):
        self.checks += 1
        if not condition:
            self.failures += 1
            print(f"FAIL {self.name}: {what}")
        return condition

    def expect_cannot_write(self, run, label, *fragments):
        """Exit 73, and every fragment (the file's name, the reason) in the message."""
        self.expect(run.code == CANNOT_WRITE,
                    f"{label}: exit {run.code}, expected {CANNOT_WRITE}; stderr: {run.err!r}")
        for fragment in fragments:
            self.expect(fragment in run.err, f"{label}: {fragment!r} not in stderr {run.err!r}")

    def expect_mode_0600(self, path, label):
        mode = stat.S_IMODE(os.lstat(path).st_mode)
        self.expect(mode == 0o600, f"{label}: {path} has mode {mode:04o}, expected 0600")

    def expect_no_temporary_files(self, folder, label):
        left = [name for name in os.listdir(folder) if ".contra-" in name]
        self.expect(not left, f"{label}: temporary files left behind in {folder}: {left}")

    def folder(self, name):
        path = os.path.join(self.work, name)
        os.makedirs(path)
        return path

    def finish(self):
        shutil.rmtree(self.work, ignore_errors=True)
        print(f"{self.name}: {self.checks - self.failures} of {self.checks} checks passed")
        sys.exit(1 if self.failures else 0)

    def skip(self, why):
        shutil.rmtree(self.work, ignore_errors=True)
        print(f"SKIP {self.name}: {why}")
        sys.exit(SKIP)


def private_copy(source, folder, name=None):
    """A copy of `source` (a file or a folder) in `folder`, each file of mode 0600: an input
    that only the rule against writing over inputs protects."""
    target = os.path.join(folder, name or os.path.basename(source))
    if os.path.isdir(source):
        shutil.copytree(source, target)
        for parent, _, files in os.walk(target):
            for file in files:
                os.chmod(os.path.join(parent, file), 0o600)
    else:
        shutil.copyfile(source, target)
        os.chmod(target, 0o600)
    return target


def read_bytes(path):
    with open(path, "rb") as file:
        return file.read()


# Every way contra writes a file a user asked for: the option's command line for an output
# path, and the words its error message uses before the path.
def writers():
    """name -> (the command line writing PATH, the words of the message before PATH)"""
    return {
        "body-map": (lambda path: ["check", PROFILE, "--body-map", path],
                     "cannot write the body map "),
        "audit-log": (lambda path: ["check", PROFILE, "--audit-log", path], "the audit log "),
        "save": (lambda path: ["interview", "--force", "--save", path], "cannot save the answers to "),
        "junit": (lambda path: ["test", SMALL_PACK, "--junit", path],
                  "cannot write the JUnit report "),
    }
