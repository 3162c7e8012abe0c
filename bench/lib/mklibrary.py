#!/usr/bin/env python3
"""mklibrary.py [--distinct-titles] FIXTURES OUT N [FORMATS]: a library of N distinct media files in 100 folders.

Files cycle through the fixtures of FORMATS (comma-separated, default mp4,mkv,mp3,flac,jpg,ts). Each is a real, separate
file (no hard links) whose 16-byte marker is overwritten with its index, so no two files
share content: a server that identifies content by hash must still see N titles. Names mix
spaces, '&', apostrophes, brackets and non-ASCII letters, as household libraries do.

The fixtures' title tags are all alike ("Bench Clip", ...). With --distinct-titles each copy's
title is overwritten too, with ten bytes of its own ("Dune 07919"), distinct up to N = 100,000 and
in an order unrelated to the files' own: listing servers sort by title, and a sort of equal keys,
or of keys already in order, would be unrealistically cheap. (MPEG-TS keeps its title: it sits in
a section covered by a CRC.)
"""
import os
import sys

MARKER = b"DIVAUNIQ00000000"

# Each is the 10-byte title tag fixtures.sh gives the file; no format here checksums its tags.
TITLES = {"clip.mp4": b"Bench Clip", "clip.mkv": b"Bench Film", "song.mp3": b"Bench Song", "song.flac": b"Bench Flac"}
WORDS = ["Alba", "Bora", "Cove", "Dune", "Echo", "Fern", "Gale", "Hail"]


def title(i):
    # 7919 is prime to 100000, so the numbers are distinct for i < 100000 but out of order.
    return b"%s %05d" % (WORDS[(i * 37) % len(WORDS)].encode(), (i * 7919) % 100000)

ALL = ["clip.mp4", "clip.mkv", "song.mp3", "song.flac", "photo.jpg", "clip.ts"]

NAMES = {
    "clip.mp4": ["Holiday & Friends {i:05d}.mp4", "Émile – été à Paris {i}.mp4", "clip_{i:05d}.mp4"],
    "clip.mkv": ["Film {i} (1080p) [Director's Cut].mkv", "Сериал S01E{i:05d}.mkv", "movie.{i}.mkv"],
    "song.mp3": ["{i:05d} - Björk & Co - Jóga.mp3", "track {i}.mp3", "Ελληνικά {i}.mp3"],
    "song.flac": ["Symphony No. {i} & Finale.flac", "Ж опера {i}.flac", "{i:05d}.flac"],
    "photo.jpg": ["IMG_{i:05d}.jpg", "写真 {i}.jpg", "Beach & Sun {i}.JPG"],
    "clip.ts": ["Recording {i} – News & Weather.ts", "録画 {i}.ts", "rec{i:05d}.ts"],
}


def folder(i, folders=100):
    n = i % folders
    top, sub = divmod(n, 10)
    parent = f"Collection {top:02d} & Extras" if top % 2 else f"Sammlung {top:02d} Ü"
    return os.path.join(parent, f"Série {sub:02d}" if sub % 3 else f"Disc {sub:02d} [Bonus]")


def main():
    args = sys.argv[1:]
    distinct = args[:1] == ["--distinct-titles"]
    if distinct:
        args = args[1:]
    fixtures, out, n = args[0], args[1], int(args[2])
    formats = (args[3] if len(args) > 3 else "mp4,mkv,mp3,flac,jpg,ts").split(",")
    chosen = [f for f in ALL if f.rsplit(".", 1)[1] in formats]
    unknown = set(formats) - {f.rsplit(".", 1)[1] for f in ALL}
    if unknown or not chosen:
        sys.exit(f"unknown formats {sorted(unknown)}; choose from mp4,mkv,mp3,flac,jpg,ts")
    blobs = {}
    for name in chosen:
        data = open(os.path.join(fixtures, name), "rb").read()
        if MARKER not in data:
            sys.exit(f"{name}: marker missing")
        if distinct and name in TITLES and data.count(TITLES[name]) != 1:
            sys.exit(f"{name}: title {TITLES[name]!r} found {data.count(TITLES[name])} times, want once")
        blobs[name] = data
    for i in range(n):
        fixture = chosen[i % len(chosen)]
        variants = NAMES[fixture]
        name = variants[(i // len(chosen)) % len(variants)].format(i=i)
        d = os.path.join(out, folder(i))
        os.makedirs(d, exist_ok=True)
        data = blobs[fixture].replace(MARKER, b"DIVAUNIQ%08d" % i)
        if distinct and fixture in TITLES:
            data = data.replace(TITLES[fixture], title(i))
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
