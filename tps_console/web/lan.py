"""The addresses a witness types into a browser on the LAN, found with the standard library only."""

from __future__ import annotations

import contextlib
import ipaddress
import socket

ALL_INTERFACES = ("0.0.0.0", "::", "")
# Connecting a UDP socket sends nothing: it only asks the system which of this computer's
# addresses it would use to reach there. One probe per private range finds the address on each
# kind of LAN (a rutan office network, a phone's hotspot, a bare switch) with no internet.
_PROBES = ("10.255.255.255", "172.31.255.255", "192.168.255.255", "169.254.255.255")


def lan_addresses() -> list[str]:
    """This computer's IPv4 addresses others on a LAN can reach (no loopback), sorted."""
    found: set[str] = set()
    with contextlib.suppress(OSError):
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(str(info[4][0]))
    for probe in _PROBES:
        with (
            contextlib.suppress(OSError),
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s,
        ):
            s.connect((probe, 9))
            found.add(s.getsockname()[0])
    usable = {a for a in found if not ipaddress.ip_address(a).is_loopback and a != "0.0.0.0"}
    return sorted(usable, key=ipaddress.ip_address)


def urls_to_open(host: str, port: int) -> list[str]:
    """What to print for a server bound to `host`: every LAN address when it listens on all
    interfaces (and this computer's own name for its own browser), else the host given."""
    hosts = [*lan_addresses(), "localhost"] if host in ALL_INTERFACES else [host]
    return [f"http://{f'[{h}]' if ':' in h else h}:{port}/" for h in hosts]


def reachable_from_lan(host: str) -> bool:
    if host in ALL_INTERFACES:
        return True
    try:
        return not ipaddress.ip_address(socket.gethostbyname(host)).is_loopback
    except (OSError, ValueError):
        return True
