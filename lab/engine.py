"""Stand-in for the Prisma query engine: a child process that is slow to close.

The real engine, stuck closing TCP connections to an unresponsive database,
took 30 to 120+ seconds to exit after being asked to stop. This one ignores
SIGTERM for --close-delay seconds, then exits. SIGKILL ends it at once.
"""

import argparse
import signal
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--close-delay", type=float, required=True, help="seconds to linger after SIGTERM")
    parser.add_argument("--run-id", default="", help="tag in the command line, so a test can find leftovers")
    args = parser.parse_args()

    stop_requested_at = None

    def on_sigterm(_signum, _frame):
        nonlocal stop_requested_at
        if stop_requested_at is None:
            stop_requested_at = time.monotonic()

    signal.signal(signal.SIGTERM, on_sigterm)
    print("engine ready", flush=True)
    while stop_requested_at is None or time.monotonic() - stop_requested_at < args.close_delay:
        time.sleep(0.01)
    sys.exit(0)


if __name__ == "__main__":
    main()
