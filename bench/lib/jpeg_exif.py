#!/usr/bin/env python3
"""Insert a minimal EXIF APP1 segment into a baseline JPEG (stdlib only).

ffmpeg writes JPEGs without EXIF; media servers read camera, date and size from
EXIF, so the scan fixture carries a real one (CIPA DC-008 / TIFF 6.0 layout,
little-endian, IFD0 + Exif sub-IFD).

usage: jpeg_exif.py IN.jpg OUT.jpg DESCRIPTION
"""
import struct
import sys


def ifd(entries, start, next_ifd=0):
    """entries: (tag, type, count, bytes). Returns IFD bytes placed at offset start."""
    entries = sorted(entries)
    head = struct.pack("<H", len(entries))
    data_off = start + 2 + 12 * len(entries) + 4
    body, data = b"", b""
    for tag, typ, count, raw in entries:
        if len(raw) <= 4:
            body += struct.pack("<HHI", tag, typ, count) + raw.ljust(4, b"\0")
        else:
            body += struct.pack("<HHII", tag, typ, count, data_off + len(data))
            data += raw + (b"\0" if len(raw) % 2 else b"")
    return head + body + struct.pack("<I", next_ifd) + data


def ascii_(tag, text):
    raw = text.encode("ascii") + b"\0"
    return (tag, 2, len(raw), raw)


def exif_segment(description, width, height):
    stamp = "2024:05:17 18:30:00"
    sub_entries = [
        ascii_(0x9003, stamp),                                    # DateTimeOriginal
        (0xA002, 4, 1, struct.pack("<I", width)),                 # PixelXDimension
        (0xA003, 4, 1, struct.pack("<I", height)),                # PixelYDimension
    ]
    ifd0_entries = [
        ascii_(0x010E, description),                              # ImageDescription
        ascii_(0x010F, "DiVA Bench"),                             # Make
        ascii_(0x0110, "Fixture Cam 1"),                          # Model
        (0x0112, 3, 1, struct.pack("<H", 1)),                     # Orientation
        ascii_(0x0132, stamp),                                    # DateTime
        (0x8769, 4, 1, b"\0\0\0\0"),                              # ExifIFDPointer, patched below
    ]
    ifd0 = ifd(ifd0_entries, 8)
    sub_off = 8 + len(ifd0)
    ifd0_entries[-1] = (0x8769, 4, 1, struct.pack("<I", sub_off))
    ifd0 = ifd(ifd0_entries, 8)
    tiff = b"II*\0" + struct.pack("<I", 8) + ifd0 + ifd(sub_entries, sub_off)
    payload = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


def frame_size(jpeg):
    i = 2
    while i < len(jpeg):
        marker, length = jpeg[i + 1], struct.unpack(">H", jpeg[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", jpeg[i + 5:i + 9])
            return width, height
        i += 2 + length
    raise ValueError("no SOF marker")


def main():
    src, dst, description = sys.argv[1:4]
    jpeg = open(src, "rb").read()
    if jpeg[:2] != b"\xff\xd8":
        sys.exit(f"{src}: not a JPEG")
    width, height = frame_size(jpeg)
    # Drop a JFIF APP0 if present: EXIF files conventionally start with APP1.
    rest = jpeg[2:]
    if rest[:2] == b"\xff\xe0":
        rest = rest[2 + struct.unpack(">H", rest[2:4])[0]:]
    with open(dst, "wb") as out:
        out.write(b"\xff\xd8" + exif_segment(description, width, height) + rest)


if __name__ == "__main__":
    main()
