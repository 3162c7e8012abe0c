#!/bin/sh
# Regenerates the clips CodecWarmup decodes and re-encodes once when the server starts, so that the first viewer
# after a start does not wait for the JIT (made with ffmpeg 5.1.x of Debian 12 and its libx264). One second each,
# small pictures, the coding tools of typical sources: H.264 High with CABAC, B-frames and 8x8 transforms; MPEG-2
# with B-frames.
set -eu
cd "$(dirname "$0")"
SRC="testsrc2=size=320x180:rate=30:duration=1[a];mandelbrot=size=320x180:rate=30[b];[a][b]blend=all_mode=average,format=yuv420p"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "$SRC" -frames:v 30 -fflags +bitexact -flags:v +bitexact \
    -c:v libx264 -profile:v high -preset veryfast -crf 30 -x264-params threads=1:keyint=15:bframes=3 -f mpegts h264.ts
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "$SRC" -frames:v 30 -fflags +bitexact -flags:v +bitexact \
    -c:v mpeg2video -bf 2 -g 15 -qscale:v 12 -f mpegts mpeg2.ts
