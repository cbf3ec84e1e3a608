#!/usr/bin/env python3
"""Independent PNG decoder (stdlib zlib + struct only) for the cloud tests.

Usage: png_check.py FILE.png  ->  prints "WIDTH HEIGHT COLOR_TYPE FNV1A64_OF_RGBA" where the hash
covers the pixels expanded to 8-bit RGBA. Exit status 1 on any format error.
"""
import struct
import sys
import zlib


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def main(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("signature")
    pos, idat, header = 8, b"", None
    while True:
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError("crc of " + kind.decode())
        pos += 12 + length
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        raise ValueError("unexpected format")
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    if len(raw) != height * (stride + 1):
        raise ValueError("size")
    prev = bytearray(stride)
    h = 0xCBF29CE484222325
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            p = (0, a, b, (a + b) // 2, paeth(a, b, c))[f]
            line[i] = (line[i] + p) & 0xFF
        for x in range(width):
            px = line[x * bpp:(x + 1) * bpp] + (b"\xff" if bpp == 3 else b"")
            for v in px:
                h = ((h ^ v) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
        prev = line
    print(width, height, color, h)


if __name__ == "__main__":
    try:
        main(sys.argv[1])
    except Exception as e:  # noqa: BLE001
        print("error:", e)
        sys.exit(1)
