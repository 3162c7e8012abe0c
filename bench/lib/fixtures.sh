#!/usr/bin/env bash
# fixtures.sh DIR: small real media files, one per format a household library holds, made with
# ffmpeg. Each carries the 16-byte marker DIVAUNIQ00000000 in a tag (or, for TS, in a trailing
# null packet) that mklibrary.py overwrites to make every copy a distinct file.
set -euo pipefail
dir=$1
lib=$(cd "$(dirname "$0")" && pwd)
M=DIVAUNIQ00000000
mkdir -p "$dir"
cd "$dir"
ff() { ffmpeg -hide_banner -loglevel error -nostdin -y "$@"; }
video=(-f lavfi -i testsrc=size=160x120:rate=10:duration=1 -f lavfi -i sine=frequency=440:duration=1
       -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -b:a 32k)

ff "${video[@]}" -metadata title="Bench Clip" -metadata comment=$M -movflags +faststart clip.mp4
# Matroska CRC-32 elements would no longer match once the marker is patched.
ff "${video[@]}" -metadata title="Bench Film" -metadata comment=$M -write_crc32 0 clip.mkv
ff -f lavfi -i sine=frequency=550:duration=1 -c:a libmp3lame -b:a 32k -id3v2_version 3 \
   -metadata title="Bench Song" -metadata artist="Bench Artist" -metadata album="Bench Album" \
   -metadata track=1 -metadata genre=Rock -metadata date=2024 -metadata comment=$M song.mp3
ff -f lavfi -i sine=frequency=660:duration=1 -ar 8000 -c:a flac \
   -metadata title="Bench Flac" -metadata artist="Bench Artist" -metadata album="Bench Album" \
   -metadata comment=$M song.flac
ff -f lavfi -i testsrc=size=320x240:duration=1 -frames:v 1 -pix_fmt yuvj420p -q:v 8 photo-noexif.jpg
python3 "$lib/jpeg_exif.py" photo-noexif.jpg photo.jpg "$M"
rm photo-noexif.jpg
# PSI sections carry CRCs, so the marker goes into a null packet (PID 0x1FFF) that demuxers skip.
ff "${video[@]}" -metadata service_name="Bench TV" clip.ts
python3 - clip.ts "$M" <<'PY'
import sys
path, marker = sys.argv[1], sys.argv[2].encode()
with open(path, "ab") as f:
    f.write(b"\x47\x1f\xff\x10" + marker.ljust(184, b"\xff"))
PY
for f in clip.mp4 clip.mkv song.mp3 song.flac photo.jpg clip.ts; do
    grep -q "$M" "$f" || { echo "fixture $f lacks the marker" >&2; exit 1; }
done
