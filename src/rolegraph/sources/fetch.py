"""Fetching a page over HTTP(S) with httpx: http and https only, a timeout for each step and
for the whole fetch, a size limit read as a stream, at most :data:`MAX_REDIRECTS` redirects
(each checked again for its scheme), and only HTML or plain text. Every failure is a
:class:`UsageError` of one line naming the URL. Imports httpx lazily; it must not import any
rolegraph module but the errors.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from ..errors import UsageError

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


@dataclass(frozen=True)
class Fetched:
    url: str  # the final URL, after redirects
    content_type: str  # "text/html", "text/plain", ...
    charset: str | None
    body: bytes


def redact(url: str) -> str:
    """``url`` without a ``user:password@`` part: a password is never recorded or printed."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return re.sub(r"//[^/@]*@", "//", url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]))


def check_url(url: str, came_from: str | None = None) -> str:
    where = f"{redact(came_from)} redirected to {redact(url)}" if came_from else redact(url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a bad port)
    except ValueError as e:
        raise UsageError(f"{where}: not a valid URL ({e}); check it") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{where}: only http:// and https:// URLs can be fetched")
    return url


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> Fetched:
    """GET ``url`` and return the final URL, its content type and body."""
    import httpx

    check_url(url)
    shown = redact(url)
    deadline = time.monotonic() + timeout
    headers = {"User-Agent": "rolegraph (+https://w3id.org/rolegraph)", "Accept": "text/html, text/plain;q=0.9"}
    try:
        with httpx.Client(follow_redirects=False, timeout=timeout, headers=headers, trust_env=False) as client:
            for _hop in range(MAX_REDIRECTS + 1):
                with client.stream("GET", url) as r:
                    if r.is_redirect:
                        loc = r.headers.get("location")
                        if not loc:
                            raise UsageError(f"{shown}: redirect ({r.status_code}) without a Location header")
                        try:
                            target = urljoin(str(r.url), loc)
                        except ValueError:
                            target = loc
                        url = check_url(target, came_from=url)
                        shown = redact(url)
                        continue
                    if r.status_code >= 400:
                        raise UsageError(f"{shown}: the server answered HTTP {r.status_code}; check the URL")
                    ctype, _, params = r.headers.get("content-type", "text/html").partition(";")
                    ctype = ctype.strip().lower() or "text/html"
                    if ctype not in TEXT_TYPES:
                        raise UsageError(
                            f"{shown}: content type {ctype} is not HTML or plain text; save the text and add the file"
                        )
                    charset = None
                    for p in params.split(";"):
                        k, _, v = p.partition("=")
                        if k.strip().lower() == "charset" and v.strip():
                            charset = v.strip().strip('"').lower()
                    declared = r.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > max_bytes:
                        raise UsageError(
                            f"{shown}: the page is {int(declared)} bytes, over the limit of {max_bytes}; "
                            "pass a larger --max-bytes"
                        )
                    chunks, size = [], 0
                    for chunk in r.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise UsageError(
                                f"{shown}: the page is over the limit of {max_bytes} bytes; pass a larger --max-bytes"
                            )
                        if time.monotonic() > deadline:
                            raise UsageError(f"{shown}: timed out after {timeout:g} s; pass a larger --timeout")
                        chunks.append(chunk)
                    return Fetched(str(r.url), ctype, charset, b"".join(chunks))
            raise UsageError(f"{shown}: more than {MAX_REDIRECTS} redirects; give the final URL")
    except httpx.TimeoutException:
        raise UsageError(f"{redact(url)}: timed out after {timeout:g} s; pass a larger --timeout") from None
    except (httpx.HTTPError, httpx.InvalidURL) as e:
        why = " ".join(str(e).replace(url, redact(url)).split()) or type(e).__name__
        raise UsageError(f"{redact(url)}: cannot fetch: {why}") from None
