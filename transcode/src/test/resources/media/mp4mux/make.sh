#!/bin/sh
# Regenerates the MPEG-TS fixtures that Mp4MuxerRemuxTest remuxes into MP4 for the audio codecs no other fixture
# pairs with H.264: MP3 and MP2. Made with ffmpeg 5.1 (libx264, libmp3lame, native mp2) from lavfi testsrc (a test
# card) and sine (a tone); another ffmpeg may produce other bytes but the same stream facts.
# Usage: sh make.sh   (writes into the directory this script is in)
set -eu
cd "$(dirname "$0")"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }

# H.264 High 320x240 25 fps with B-frames + MP3 stereo 44.1 kHz 64 kb/s (MPEG-1 layer III).
ff -f lavfi -i testsrc=size=320x240:rate=25:duration=1.2 -f lavfi -i sine=frequency=440:sample_rate=44100:duration=1.2 \
   -c:v libx264 -profile:v high -crf 40 -g 12 -bf 2 -pix_fmt yuv420p -c:a libmp3lame -b:a 64k -ac 2 \
   -f mpegts h264_mp3.ts

# H.264 Main 320x240 25 fps + MP2 mono 48 kHz 64 kb/s (MPEG-1 layer II).
ff -f lavfi -i testsrc=size=320x240:rate=25:duration=1.2 -f lavfi -i sine=frequency=660:sample_rate=48000:duration=1.2 \
   -c:v libx264 -profile:v main -crf 40 -g 12 -pix_fmt yuv420p -c:a mp2 -b:a 64k -ac 1 \
   -f mpegts h264_mp2.ts
