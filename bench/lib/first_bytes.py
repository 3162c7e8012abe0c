#!/usr/bin/env python3
"""first_bytes.py OUT CMD...: run CMD, read its standard output to the end and print, in seconds
after CMD was started, when its first byte came, when its first MiB was complete, when it ended,
then the byte count and CMD's exit status: "FIRST MIB TOTAL BYTES STATUS" (MIB is "nan" when CMD
wrote less than 1 MiB). The bytes are written to OUT (or discarded when OUT is "-").

The clock starts just before CMD is started, inside this process, so Python's own start-up is
not counted; CMD's is (curl's, or ffmpeg's: part of what a viewer waits for).
"""
import os
import subprocess
import sys
import time

MIB = 1 << 20


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: first_bytes.py OUT CMD...")
    out_path, cmd = sys.argv[1], sys.argv[2:]
    sink = open(out_path, "wb") if out_path != "-" else None
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, bufsize=0)
    first = mib = None
    count = 0
    fd = proc.stdout.fileno()
    while True:
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            break
        now = time.monotonic()
        if first is None:
            first = now
        count += len(chunk)
        if mib is None and count >= MIB:
            mib = now
        if sink:
            sink.write(chunk)
    end = time.monotonic()
    status = proc.wait()
    if sink:
        sink.close()

    def since(t):
        return "nan" if t is None else "%.3f" % (t - t0)

    print(since(first), since(mib), since(end), count, status)


if __name__ == "__main__":
    main()
