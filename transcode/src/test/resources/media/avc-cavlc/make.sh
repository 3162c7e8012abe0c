#!/bin/sh
# Regenerates the extra CAVLC clips of the CAVLC macroblock reader's tests (made with ffmpeg 5.1.x of Debian 12 and
# its libx264), in the style of ../avc/make.sh: the same moving test pattern, 208x120, a few pictures each.
#   cavlc-lowqp.264  High profile CAVLC at a very low QP: large levels (level_prefix escapes 14, 15 and 16 and
#                    suffixLength up to 6), 8x8 transform intra and inter, B pictures, adaptive quantisation so
#                    mb_qp_delta varies from macroblock to macroblock
set -eu
cd "$(dirname "$0")"

SRC="testsrc2=size=208x120:rate=25:duration=1[a];mandelbrot=size=208x120:rate=25[b];[a][b]blend=all_mode=average,format=yuv420p"
ffmpeg -hide_banner -loglevel error -y -f lavfi -i "$SRC" -frames:v 6 -fflags +bitexact -flags:v +bitexact \
    -c:v libx264 -pix_fmt yuv420p -profile:v high -crf 2 \
    -x264-params "threads=1:scenecut=0:cabac=0:keyint=6:bframes=2:8x8dct=1:ref=2:aq-mode=1" -f h264 cavlc-lowqp.264
