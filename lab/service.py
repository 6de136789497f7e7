"""A minimal asyncio service that reproduces the Prisma reconnect freeze.

It runs a stand-in query engine as a child process (engine.py), answers
GET /health/liveliness, and on POST /lab/outage runs one reconnect path:

  before  the old path: `await asyncio.wait_for(disconnect(), timeout)`, where
          disconnect() stops the engine and then calls the blocking
          subprocess.Popen.wait() from inside the coroutine, as
          prisma-client-py does. The timeout cannot fire: the loop is stuck.
  after   the fix: SIGTERM, `await asyncio.sleep(0.5)`, SIGKILL if the engine
          is still alive, then start a fresh engine.

Standard library only. It prints "listening on HOST:PORT" once it serves.
"""

import argparse
import asyncio
import os
import signal
import subprocess
import sys

ENGINE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "engine.py")
GRACE_SECONDS = 0.5


class Lab:
    def __init__(self, path: str, close_delay: float, wait_for_timeout: float, run_id: str):
        self.path = path
        self.close_delay = close_delay
        self.wait_for_timeout = wait_for_timeout
        self.run_id = run_id
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

    async def disconnect_blocking(self) -> None:
        """What the old path awaited: a coroutine that never yields while the engine exits."""
        self.engine.terminate()
        self.engine.wait()  # synchronous waitpid: the event loop stops here

    async def reconnect_before(self) -> None:
        try:
            await asyncio.wait_for(self.disconnect_blocking(), timeout=self.wait_for_timeout)
        except asyncio.TimeoutError:
            log("wait_for timed out")  # never printed: the timeout has no await point to fire at
        self.engine = self.start_engine()

    async def reconnect_after(self) -> None:
        self.engine.send_signal(signal.SIGTERM)
        await asyncio.sleep(GRACE_SECONDS)  # the loop keeps serving probes meanwhile
        if self.engine.poll() is None:
            self.engine.kill()
        await asyncio.to_thread(self.engine.wait)  # reap without blocking the loop
        self.engine = self.start_engine()

    def trigger_outage(self) -> bool:
        if self.reconnect_task is not None:
            return False
        reconnect = self.reconnect_before if self.path == "before" else self.reconnect_after
        self.reconnect_task = asyncio.get_running_loop().create_task(reconnect())
        self.reconnect_task.add_done_callback(lambda task: log(f"reconnect done ({self.path})"))
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


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


async def serve(args: argparse.Namespace) -> None:
    lab = Lab(args.path, args.close_delay, args.wait_for_timeout, args.run_id)
    stopped = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stopped.set)
    server = await asyncio.start_server(lab.handle, "127.0.0.1", args.port, backlog=1024)
    host, port = server.sockets[0].getsockname()[:2]
    print(f"listening on {host}:{port}", flush=True)
    try:
        await stopped.wait()
    finally:
        server.close()
        lab.stop_engine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", choices=["before", "after"], required=True)
    parser.add_argument("--close-delay", type=float, default=5.0, help="seconds the engine lingers after SIGTERM")
    parser.add_argument("--wait-for-timeout", type=float, default=1.0, help="timeout of the old path's asyncio.wait_for")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--run-id", default="", help="tag passed to the engine's command line")
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
