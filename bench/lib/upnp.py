#!/usr/bin/env python3
"""upnp.py: the UPnP control point bench/browse uses to find and check a MediaServer.

    upnp.py discover ADDR SECONDS NAME...  M-SEARCH from ADDR (an interface's IPv4 address) for up to
                                           SECONDS, until a device with each friendlyName NAME has
                                           answered; one JSON line per device description (LOCATION)
                                           found: its names, type and ContentDirectory control URL, or
                                           the reason it could not be read
    upnp.py container CONTROL_URL [DEPTH]  browse from "0", DEPTH levels (default 2), and print the
                                           container with most children: ID<TAB>CHILDREN<TAB>TITLE
    upnp.py check CONTROL_URL ID N SAMPLE [SORT]
                                           a page of 100 from ID (SortCriteria SORT, default empty),
                                           at offset 0 and at a random offset, must hold 100 distinct
                                           items, each with dc:title and res, of TotalMatches >= N;
                                           the last raw SOAP response is written to SAMPLE

Nothing here is timed: this finds the same thing on every server by the protocol alone (SSDP, the
device description, ContentDirectory Browse), so the benchmark needs no knowledge of either
server's object IDs. Exits non-zero with the reason when a check fails.
"""
import http.client
import json
import random
import socket
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

SSDP = ("239.255.255.250", 1900)
MEDIA_SERVER = "urn:schemas-upnp-org:device:MediaServer:1"
CDS = "urn:schemas-upnp-org:service:ContentDirectory:1"
DEV = "{urn:schemas-upnp-org:device-1-0}"
DIDL = "{urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/}"
DC = "{http://purl.org/dc/elements/1.1/}"


def http_get(url, timeout=10):
    u = urllib.parse.urlsplit(url)
    c = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=timeout)
    c.request("GET", u.path + ("?" + u.query if u.query else ""))
    r = c.getresponse()
    body = r.read()
    c.close()
    if r.status != 200:
        raise RuntimeError(f"GET {url}: HTTP {r.status}")
    return body


def describe(location, headers):
    """The device description's names and its ContentDirectory's absolute control URL (or None)."""
    root = ET.fromstring(http_get(location))
    base = root.findtext(DEV + "URLBase") or location
    dev = root.find(DEV + "device")
    if dev is None:
        raise RuntimeError(f"{location}: no <device> in the description")
    control = None
    # The ContentDirectory may sit in an embedded device; look through all of them.
    for svc in root.iter(DEV + "service"):
        if (svc.findtext(DEV + "serviceType") or "").startswith("urn:schemas-upnp-org:service:ContentDirectory:"):
            control = urllib.parse.urljoin(base, (svc.findtext(DEV + "controlURL") or "").strip())
    return {
        "location": location,
        "friendlyName": (dev.findtext(DEV + "friendlyName") or "").strip(),
        "manufacturer": (dev.findtext(DEV + "manufacturer") or "").strip(),
        "modelName": (dev.findtext(DEV + "modelName") or "").strip(),
        "deviceType": (dev.findtext(DEV + "deviceType") or "").strip(),
        "server": headers.get("server", ""),
        "st": headers.get("st", ""),
        "controlURL": control,
    }


def discover(addr, seconds, names):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(addr))
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 2)
    s.bind((addr, 0))
    s.settimeout(0.2)
    found, failed = {}, {}
    deadline = time.monotonic() + seconds
    next_search = 0.0
    while time.monotonic() < deadline:
        if time.monotonic() >= next_search:
            # Both the device type and ssdp:all: a server may answer only one of them.
            for st in (MEDIA_SERVER, "ssdp:all"):
                msg = ("M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: \"ssdp:discover\"\r\n"
                       f"MX: 1\r\nST: {st}\r\nUSER-AGENT: Linux/1 UPnP/1.0 diva-bench/1\r\n\r\n")
                s.sendto(msg.encode(), SSDP)
            next_search = time.monotonic() + 1.0
        try:
            data, _ = s.recvfrom(65536)
        except socket.timeout:
            data = None
        if data:
            lines = data.decode("utf-8", "replace").split("\r\n")
            headers = {k.strip().lower(): v.strip() for k, _, v in (l.partition(":") for l in lines[1:]) if k}
            loc = headers.get("location")
            if loc and loc not in found and loc not in failed:
                try:
                    found[loc] = describe(loc, headers)
                except Exception as e:  # noqa: BLE001 -- reported, not fatal: another device may answer
                    failed[loc] = str(e)
        if names and all(any(d["friendlyName"] == n for d in found.values()) for n in names):
            break
    for loc, why in failed.items():
        print(json.dumps({"location": loc, "error": why}))
    for d in found.values():
        print(json.dumps(d))


def browse(control, object_id, start=0, count=0, sort=""):
    """One Browse; returns (Result DIDL text, NumberReturned, TotalMatches, raw SOAP body)."""
    body = ('<?xml version="1.0" encoding="utf-8"?>\r\n'
            '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" '
            's:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"><s:Body>'
            f'<u:Browse xmlns:u="{CDS}"><ObjectID>{escape(object_id)}</ObjectID>'
            f'<BrowseFlag>BrowseDirectChildren</BrowseFlag><Filter>*</Filter><StartingIndex>{start}</StartingIndex>'
            f'<RequestedCount>{count}</RequestedCount><SortCriteria>{escape(sort)}</SortCriteria></u:Browse>'
            '</s:Body></s:Envelope>').encode()
    u = urllib.parse.urlsplit(control)
    c = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=30)
    c.request("POST", u.path + ("?" + u.query if u.query else ""), body,
              {"Content-Type": 'text/xml; charset="utf-8"', "SOAPACTION": f'"{CDS}#Browse"'})
    r = c.getresponse()
    raw = r.read()
    c.close()
    if r.status != 200:
        raise RuntimeError(f"Browse {object_id!r} {start}+{count}: HTTP {r.status}: {raw[:300]!r}")
    env = ET.fromstring(raw)
    resp = next((e for e in env.iter() if e.tag.endswith("BrowseResponse")), None)
    if resp is None:
        raise RuntimeError(f"Browse {object_id!r}: no BrowseResponse in {raw[:300]!r}")
    out = {child.tag.split("}")[-1]: (child.text or "") for child in resp}
    return out.get("Result", ""), int(out.get("NumberReturned", -1)), int(out.get("TotalMatches", -1)), raw


def container(control, depth):
    """Breadth-first from "0": the container with most children, by childCount or TotalMatches."""
    best = None  # (children, prefers "All ...", id, title)
    level, browsed = ["0"], 0
    for _ in range(depth):
        following = []
        for cid in level:
            if browsed >= 200:
                break
            browsed += 1
            # The first 200: containers usually come first, and a page of all 10,000 items is not wanted.
            didl, _, _, _ = browse(control, cid, 0, 200)
            for c in ET.fromstring(didl).findall(DIDL + "container"):
                oid, title = c.get("id"), (c.findtext(DC + "title") or "").strip()
                n = c.get("childCount")
                if n is None:  # childCount is optional; ask for the count itself
                    _, _, total, _ = browse(control, oid, 0, 1)
                    n = total
                key = (int(n), title.lower().startswith("all"), oid, title)
                if best is None or key[:2] > best[:2]:
                    best = key
                following.append(oid)
        level = following
    if best is None:
        sys.exit(f"no containers under \"0\" at {control}")
    print(f"{best[2]}\t{best[0]}\t{best[3]}")


def check(control, object_id, n, sample, sort):
    raw = b""
    for start in (0, random.Random(1).randrange(0, max(1, n - 100))):
        didl, returned, total, raw = browse(control, object_id, start, 100, sort)
        if returned != 100 or total < n:
            sys.exit(f"Browse {object_id!r} at {start}: NumberReturned {returned}, TotalMatches {total}; "
                     f"want 100 and >= {n}")
        root = ET.fromstring(didl)  # the DIDL-Lite must parse on its own
        items = root.findall(DIDL + "item")
        ids = {i.get("id") for i in items}
        bad = [i.get("id") for i in items if not (i.findtext(DC + "title") or "").strip() or i.find(DIDL + "res") is None]
        if len(items) != 100 or len(ids) != 100 or bad:
            sys.exit(f"Browse {object_id!r} at {start}: DIDL-Lite holds {len(items)} items ({len(ids)} distinct ids, "
                     f"{len(bad)} without dc:title or res, e.g. {bad[:3]}); want 100 distinct, each with both")
    with open(sample, "wb") as f:
        f.write(raw)
    print(f"ok: 100 items per page, TotalMatches {total}, {len(raw)} bytes per response")


def main():
    cmd, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    if cmd == "discover":
        discover(args[0], float(args[1]), args[2:])
    elif cmd == "container":
        container(args[0], int(args[1]) if len(args) > 1 else 2)
    elif cmd == "check":
        check(args[0], args[1], int(args[2]), args[3], args[4] if len(args) > 4 else "")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    try:
        main()
    except (OSError, RuntimeError, ET.ParseError, ValueError) as e:
        # One line for the benchmark's report, not a traceback.
        sys.exit(f"{type(e).__name__}: {e}")
