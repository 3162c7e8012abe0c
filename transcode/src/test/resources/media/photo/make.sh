#!/bin/sh
# Regenerates the photo fixtures with real encoders (ffmpeg, exiftool, heif-enc from libheif-examples).
# The tests never run this: its output is committed, and the tests assert the values set here.
set -eu
cd "$(dirname "$0")"
ff() { ffmpeg -hide_banner -loglevel error -y -bitexact "$@"; }

# A 64x48 camera-like JPEG: EXIF Make/Model with the padding cameras leave, rotated 90 degrees (orientation 6).
ff -f lavfi -i testsrc=size=64x48:rate=1 -frames:v 1 -q:v 10 camera.jpg
exiftool -q -overwrite_original -Make='Canon ' -Model=' Canon EOS 80D  ' -Orientation#=6 \
  -DateTimeOriginal='2019:05:01 14:30:15' -ImageDescription='Harbour at dusk' camera.jpg

# The same picture as it leaves an editor that strips metadata: no EXIF at all.
ff -f lavfi -i testsrc=size=64x48:rate=1 -frames:v 1 -q:v 10 plain.jpg

# A title set in Windows Explorer (XPTitle), the camera's boilerplate description, and a camera default date.
ff -f lavfi -i testsrc=size=40x30:rate=1 -frames:v 1 -q:v 10 xptitle.jpg
exiftool -q -overwrite_original -XPTitle='Grandma’s 90th & <party>' -ImageDescription='OLYMPUS DIGITAL CAMERA' \
  -Make=OLYMPUS -DateTimeOriginal#='0000:00:00 00:00:00' xptitle.jpg

# PNG, 32x24, no EXIF.
ff -f lavfi -i testsrc=size=32x24:rate=1 -frames:v 1 plain.png

# HEIC, 64x48, from the camera JPEG (heif-enc carries its EXIF over).
heif-enc -q 30 camera.jpg -o camera.heic
