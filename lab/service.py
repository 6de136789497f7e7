"""A minimal asyncio service that reproduces the Prisma reconnect freeze.

It runs a stand-in query engine as a child process (engine.py), answers
GET /health/liveliness, and on POST /lab/outage runs one reconnect path:

  before  the old path: `await asyncio.wait_for(disconnect(), timeout)`, where
          disconnect() stops the engine and then calls the blocking
          subprocess.Popen.wait() from inside the coroutine, as
          prisma-client-py does. The timeout cannot fire: the loop is stuck.
  after   the fix: SIGTERM, `await asyncio.sleep(0.5)`, SIGKILL if the engine
          is still alive, then start a fresh engine.

It also records what happened inside, for GET /lab/trace: each step of the
reconnect, a heartbeat's lag (how late a task that asks to wake every few
milliseconds really woke) and asyncio's own slow-callback reports (debug
mode). Times are time.monotonic_ns(), the clock the prober reads too.

Standard library only. It prints "listening on HOST:PORT" once it serves.
"""

import argparse
import asyncio
import json
import logging
import os
import re
import signal
import subprocess
import sys
import time

ENGINE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "engine.py")
GRACE_SECONDS = 0.5


class Trace:
    """What the service saw, on the monotonic clock: events, heartbeat wakes, asyncio's reports."""

    def __init__(self):
        self.events: list[tuple[int, str]] = []
        self.heartbeats: list[tuple[int, int]] = []  # (woke at, lag), ns
        self.slow_callbacks: list[tuple[int, str]] = []

    def event(self, name: str) -> None:
        # Read the clock directly: it must be right even while the loop is blocked.
        self.events.append((time.monotonic_ns(), name))

    def as_json(self) -> bytes:
        return json.dumps(
            {
                "events": [{"atNs": at, "event": name} for at, name in self.events],
                "heartbeats": self.heartbeats,
                "slowCallbacks": [{"atNs": at, "message": message} for at, message in self.slow_callbacks],
            }
        ).encode()


class SlowCallbackLog(logging.Handler):
    """Keeps asyncio's "Executing <...> took N seconds" reports, without this machine's paths."""

    def __init__(self, trace: Trace):
        super().__init__(level=logging.WARNING)
        self.trace = trace

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if " took " in message:
            message = re.sub(r"(?:/[^\s:>]+/)([^/\s:>]+\.py)", r"\1", message)
            self.trace.slow_callbacks.append((time.monotonic_ns(), message))


class Lab:
    def __init__(self, path: str, close_delay: float, wait_for_timeout: float, run_id: str, trace: Trace):
        self.path = path
        self.close_delay = close_delay
        self.wait_for_timeout = wait_for_timeout
        self.run_id = run_id
        self.trace = trace
        self.engine = self.start_engine()
        self.reconnect_task = None

    def start_engine(self) -> subprocess.Popen:
        engine = subprocess.Popen(
            [sys.executable, ENGINE, "--close-delay", str(self.close_delay), "--run-id", self.run_id],
            stdout=subprocess.PIPE,
        )
        # Wait for "engine ready", so the engine has its SIGTERM handler before anyone signals it.
        engine.stdout.readline()
        return engine

    async def start_new_engine(self) -> None:
        # In a thread in both paths: the paths differ only in how the old engine is stopped.
        self.engine = await asyncio.to_thread(self.start_engine)
        self.trace.event("engine-ready")

    async def disconnect_blocking(self) -> None:
        """What the old path awaited: a coroutine that never yields while the engine exits."""
        self.engine.terminate()
        self.trace.event("sigterm-sent")
        self.trace.event("blocking-wait-entered")
        self.engine.wait()  # synchronous waitpid: the event loop stops here
        self.trace.event("engine-exited")

    async def reconnect_before(self) -> None:
        try:
            await asyncio.wait_for(self.disconnect_blocking(), timeout=self.wait_for_timeout)
        except asyncio.TimeoutError:
            log("wait_for timed out")  # never printed: the timeout has no await point to fire at
        await self.start_new_engine()

    async def reconnect_after(self) -> None:
        self.engine.send_signal(signal.SIGTERM)
        self.trace.event("sigterm-sent")
        await asyncio.sleep(GRACE_SECONDS)  # the loop keeps serving probes meanwhile
        if self.engine.poll() is None:
            self.engine.kill()
            self.trace.event("sigkill-sent")

        def reap() -> None:
            self.engine.wait()
            self.trace.event("engine-exited")

        await asyncio.to_thread(reap)  # reap without blocking the loop
        await self.start_new_engine()

    def trigger_outage(self) -> bool:
        if self.reconnect_task is not None:
            return False
        self.trace.event("reconnect-started")
        reconnect = self.reconnect_before if self.path == "before" else self.reconnect_after
        self.reconnect_task = asyncio.get_running_loop().create_task(reconnect())
        self.reconnect_task.add_done_callback(
            lambda task: self.trace.event(
                "reconnect-done" if not task.cancelled() and task.exception() is None else "reconnect-failed"
            )
        )
        return True

    def stop_engine(self) -> None:
        if self.engine.poll() is None:
            self.engine.kill()
            self.engine.wait()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request_line = await reader.readline()
            while (await reader.readline()) not in (b"\r\n", b"\n", b""):
                pass  # headers are not needed
            method, target = (request_line.decode("latin-1").split(" ") + ["", ""])[:2]
            if method == "GET" and target == "/health/liveliness":
                status, body = "200 OK", b'"I\'m alive!"'
            elif method == "POST" and target == "/lab/outage":
                status, body = ("202 Accepted", b'"reconnecting"') if self.trigger_outage() else ("409 Conflict", b'"already triggered"')
            elif method == "GET" and target == "/lab/trace":
                status, body = "200 OK", self.trace.as_json()
            else:
                status, body = "404 Not Found", b'"not found"'
            writer.write(
                f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
                f"Connection: close\r\n\r\n".encode("latin-1") + body
            )
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass  # the prober gave up on this request; nothing to answer
        finally:
            writer.close()


async def heartbeat(trace: Trace, interval: float) -> None:
    """The event-loop-delay measure: ask to wake every `interval` seconds, record how late each wake was."""
    interval_ns = int(interval * 1e9)
    while True:
        asked_at = time.monotonic_ns()
        await asyncio.sleep(interval)
        woke_at = time.monotonic_ns()
        trace.heartbeats.append((woke_at, max(0, woke_at - asked_at - interval_ns)))


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


async def serve(args: argparse.Namespace) -> None:
    trace = Trace()
    loop = asyncio.get_running_loop()
    # Debug mode adds a little bookkeeping per callback; its report is asyncio's own account of the freeze.
    loop.set_debug(args.slow_callback_ms > 0)
    loop.slow_callback_duration = args.slow_callback_ms / 1000
    logging.getLogger("asyncio").addHandler(SlowCallbackLog(trace))
    lab = Lab(args.path, args.close_delay, args.wait_for_timeout, args.run_id, trace)
    stopped = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopped.set)
    beating = loop.create_task(heartbeat(trace, args.heartbeat_ms / 1000))
    server = await asyncio.start_server(lab.handle, "127.0.0.1", args.port, backlog=1024)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"listening on {host}:{port}", flush=True)
    try:
        await stopped.wait()
    finally:
        beating.cancel()
        server.close()
        lab.stop_engine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", choices=["before", "after"], required=True)
    parser.add_argument("--close-delay", type=float, default=5.0, help="seconds the engine lingers after SIGTERM")
    parser.add_argument("--wait-for-timeout", type=float, default=1.0, help="timeout of the old path's asyncio.wait_for")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--run-id", default="", help="tag passed to the engine's command line")
    parser.add_argument("--heartbeat-ms", type=float, default=10, help="how often the heartbeat asks to wake")
    parser.add_argument(
        "--slow-callback-ms", type=float, default=100, help="asyncio debug mode's slow-callback threshold; 0 turns debug mode off"
    )
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
