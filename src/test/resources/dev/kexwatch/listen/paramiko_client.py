"""Connects Paramiko to a kexwatch listener and prints the lists Paramiko says it sends (one 'key=a,b' a line).

Usage: /usr/bin/python3 paramiko_client.py PORT [CATEGORY=NAME,NAME ...]  (disabled_algorithms, e.g. macs=hmac-sha1)
"""
import socket
import sys

import paramiko

port = int(sys.argv[1])
disabled = {}
for arg in sys.argv[2:]:
    key, names = arg.split("=", 1)
    disabled[key] = names.split(",")
sock = socket.create_connection(("127.0.0.1", port), timeout=10)
transport = paramiko.Transport(sock, disabled_algorithms=disabled)
print("version=" + paramiko.__version__)
print("kex=" + ",".join(transport.preferred_kex))
print("hostkey=" + ",".join(transport.preferred_keys))
print("cipher=" + ",".join(transport.preferred_ciphers))
print("mac=" + ",".join(transport.preferred_macs))
print("compression=" + ",".join(transport.preferred_compression))
sys.stdout.flush()
try:
    transport.start_client(timeout=10)
except Exception as error:  # the listener disconnects: that is the expected end
    print("error=" + str(error).replace("\n", " "))
finally:
    transport.close()
