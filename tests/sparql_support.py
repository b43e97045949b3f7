"""Shared test helpers for the SPARQL tests: generated corpora, store rows, real servers on free ports."""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

GENERATE = Path(__file__).resolve().parents[1] / "bench" / "generate.py"


def generate(n: int, out: Path, seed: int = 3) -> Path:
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.generate(n, out, seed=seed)
    return out


def rows(result) -> list[dict[str, str]]:
    """SELECT solutions as dicts of variable -> plain value (None when unbound)."""
    names = [v.value for v in result.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in result]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def oxigraph_binary() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


def wait_http(url: str, proc: subprocess.Popen, seconds: float = 60.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=1.0)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} within {seconds} s")


class Server:
    """A real server process on 127.0.0.1, stopped by :meth:`stop`."""

    def __init__(self, args: list[str], base: str, ping: str, cwd: str | None = None, env: dict | None = None):
        self.proc = subprocess.Popen(
            args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env or os.environ.copy()
        )
        self.base = base
        try:
            wait_http(ping, self.proc)
        except Exception:
            self.stop()
            raise

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def start_oxigraph(location: Path, *, union: bool = False) -> Server:
    port = free_port()
    args = [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    if union:
        args.append("--union-default-graph")
    base = f"http://127.0.0.1:{port}"
    return Server(args, base, base + "/")
