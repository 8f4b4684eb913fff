#!/usr/bin/env python3
"""Reads a server's identification line and first SSH_MSG_KEXINIT (RFC 4253 §4.2, §7.1) from a
loopback port and prints an offer fixture as YAML. Usage: capture-kexinit.py PORT "how it was started"

Only 127.0.0.1 is ever contacted. The client sends its own identification line (the server may
wait for it) and nothing else, then closes the connection."""
import socket
import struct
import sys

LISTS = ["kex", "host_key", "cipher_c2s", "cipher_s2c", "mac_c2s", "mac_s2c",
         "compression_c2s", "compression_s2c", "language_c2s", "language_s2c"]


def read_exact(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            raise EOFError("connection closed")
        data += chunk
    return data


def main():
    port = int(sys.argv[1])
    how = sys.argv[2] if len(sys.argv) > 2 else ""
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(b"SSH-2.0-kexwatch_capture\r\n")
    buf = b""
    while True:
        line = b""
        while not line.endswith(b"\n"):
            line += read_exact(sock, 1)
        if line.startswith(b"SSH-"):
            ident = line.decode().rstrip("\r\n")
            break
    length, padding = struct.unpack(">IB", read_exact(sock, 5))
    payload = read_exact(sock, length - 1)[: length - 1 - padding]
    sock.close()
    assert payload[0] == 20, "first packet is not KEXINIT"
    pos = 17
    print("# Captured with src/test/resources/offers/capture-kexinit.py from a real server on 127.0.0.1.")
    for part in how.split("\\n"):
        print("# " + part)
    print(f"identification: {ident!r}".replace("'", '"'))
    print("lists:")
    for name in LISTS:
        (n,) = struct.unpack(">I", payload[pos:pos + 4])
        raw = payload[pos + 4:pos + 4 + n].decode()
        pos += 4 + n
        print(f"  {name}: \"{raw}\"")


if __name__ == "__main__":
    main()
