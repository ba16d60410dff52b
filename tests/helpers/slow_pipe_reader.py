"""Runs a command with its stdout (or stderr) on a real OS pipe that nobody reads until the command has exited, or
has filled the pipe and stayed alive for a second: the way a slow consumer (`| python3 -m json.tool` on a busy
office PC) meets the CLI. Then copies everything from the pipe to our stdout and exits with the command's code.

A writer that exits while its output is still queued loses everything past the pipe's capacity (64 KB), so the
copy comes out cut short; a writer that waits for its output to drain delivers all of it.

usage: slow_pipe_reader.py stdout|stderr COMMAND [ARG...]
"""
import array
import fcntl
import os
import subprocess
import sys
import termios
import time

GRACE_SECONDS = 1.0
F_GETPIPE_SZ = getattr(fcntl, "F_GETPIPE_SZ", 1032)


def queued(fd: int) -> int:
    count = array.array("i", [0])
    fcntl.ioctl(fd, termios.FIONREAD, count)
    return count[0]


def main() -> int:
    stream, command = sys.argv[1], sys.argv[2:]
    read_end, write_end = os.pipe()
    child = subprocess.Popen(command, **{stream: write_end})
    os.close(write_end)
    capacity = fcntl.fcntl(read_end, F_GETPIPE_SZ)
    full_since = None
    while child.poll() is None:
        if queued(read_end) >= capacity:
            full_since = full_since or time.monotonic()
            if time.monotonic() - full_since > GRACE_SECONDS:
                break
        else:
            full_since = None
        time.sleep(0.02)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    sys.stdout.buffer.write(data)
    sys.stdout.flush()
    return child.wait()


if __name__ == "__main__":
    sys.exit(main())
