"""Which addresses a feed's redirects may lead to: never into the host's own network.

A feed is untrusted input. One on a public site that answers with a redirect to `http://127.0.0.1:9108/`,
`http://169.254.169.254/` (cloud metadata) or a name resolving into 10/8 would make the bot fetch from
inside its own network (SSRF). The operator's own configured URL may point anywhere (an intranet feed is
their choice); each redirect hop to another host is checked, by its literal address and by every address
its name resolves to.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

__all__ = ["DEFAULT_POLICY", "INTERNAL_NETWORKS", "AddressPolicy", "is_internal"]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

INTERNAL_NETWORKS = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",  # "this network"; 0.0.0.0 reaches the local host on Linux
        "127.0.0.0/8",
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "169.254.0.0/16",  # link-local, cloud metadata endpoints
        "::/128",
        "::1/128",
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
    )
)


def is_internal(ip: IPAddress) -> bool:
    """Loopback, private, link-local or unspecified (IPv4-mapped IPv6 judged as its IPv4 address)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip in net for net in INTERNAL_NETWORKS if net.version == ip.version)


async def system_resolve(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for HOST."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


@dataclass(frozen=True)
class AddressPolicy:
    """The redirect check; both parts injectable (tests resolve names themselves, never leave 127.0.0.1)."""

    internal: Callable[[IPAddress], bool] = is_internal
    resolve: Callable[[str, int], Awaitable[list[str]]] = field(default=system_resolve)

    async def refusal(self, host: str, port: int) -> str | None:
        """Why a redirect to HOST may not be followed, or None. A name that does not resolve is left to the
        connection attempt to fail as usual."""
        bare = host.strip("[]")
        try:
            literal: IPAddress | None = ipaddress.ip_address(bare)
        except ValueError:
            literal = None
        if literal is not None:
            return f"redirect to internal address {bare} refused" if self.internal(literal) else None
        try:
            addresses = await self.resolve(bare, port)
        except OSError:
            return None
        for address in addresses:
            try:
                ip = ipaddress.ip_address(address.split("%", 1)[0])
            except ValueError:
                continue
            if self.internal(ip):
                return f"redirect to {bare} refused: it resolves to internal address {ip}"
        return None


DEFAULT_POLICY = AddressPolicy()
