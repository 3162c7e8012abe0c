#!/bin/sh
# Regenerates the AVI probe fixtures with ffmpeg (made with ffmpeg 5.1 and libmp3lame).
# Each file is about one second of lavfi test picture and tone, kept tiny so the repository stays small.
# Run from anywhere: sh make.sh
set -eu
cd "$(dirname "$0")"
FF="ffmpeg -hide_banner -loglevel error -y"
# Output options that keep the files byte-identical from run to run (no random UIDs, no encoder version strings).
EXACT="-fflags +bitexact -flags:v +bitexact -flags:a +bitexact"

# MPEG-4 Part 2 tagged XVID, 25 fps + MP3 stereo 44.1 kHz 64 kb/s, with a title (INFO/INAM).
$FF -f lavfi -i testsrc=size=320x240:rate=25:duration=1 \
    -f lavfi -i sine=frequency=440:sample_rate=44100:duration=1 \
    -c:v mpeg4 -vtag XVID -q:v 20 \
    -c:a libmp3lame -b:a 64k -ac 2 \
    -metadata title="Xvid Test" \
    $EXACT xvid-mp3.avi

# Motion JPEG 10 fps + 16-bit PCM mono 8 kHz.
$FF -f lavfi -i testsrc=size=160x120:rate=10:duration=1 \
    -f lavfi -i sine=frequency=440:sample_rate=8000:duration=1 \
    -c:v mjpeg -q:v 20 -pix_fmt yuvj420p \
    -c:a pcm_s16le -ac 1 \
    $EXACT mjpeg-pcm.avi
