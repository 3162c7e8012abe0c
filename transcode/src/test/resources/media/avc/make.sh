#!/bin/sh
# Regenerates the raw H.264 (Annex B) clips that AvcDecoder's tests decode and compare, picture by picture, with
# ffmpeg's decoding of the same file (made with ffmpeg 5.1.x of Debian 12 and its libx264). Each clip switches on
# one group of coding tools so a mismatch points at the part of the decoder that is wrong.
#
# The picture is a moving test pattern averaged with a mandelbrot zoom (texture everywhere, all of it moving);
# 208x120 is not a multiple of 16 in height (coded 208x128, cropped), 12 pictures each, a few KB.
set -eu
cd "$(dirname "$0")"

SRC="testsrc2=size=208x120:rate=25:duration=1[a];mandelbrot=size=208x120:rate=25[b];[a][b]blend=all_mode=average,format=yuv420p"
ff() {
    out=$1; shift
    ffmpeg -hide_banner -loglevel error -y -f lavfi -i "$SRC" -frames:v 12 -fflags +bitexact -flags:v +bitexact \
        -c:v libx264 -pix_fmt yuv420p -crf 26 "$@" -f h264 "$out"
}
P="threads=1:scenecut=0"

# CAVLC
ff cavlc-intra.264      -profile:v baseline -x264-params "$P:keyint=1"
ff cavlc-p.264          -profile:v baseline -x264-params "$P:keyint=12:ref=3"
ff cavlc-nodeblock.264  -preset ultrafast -x264-params "$P:keyint=12"
ff cavlc-b-8x8.264      -profile:v high -x264-params "$P:cabac=0:keyint=12:bframes=3:b-pyramid=normal:ref=3:8x8dct=1"
ff cavlc-slices.264     -profile:v baseline -x264-params "$P:keyint=6:slices=3"
# CABAC
ff cabac-intra.264      -profile:v main -x264-params "$P:keyint=1"
ff cabac-intra8x8.264   -profile:v high -x264-params "$P:keyint=1:8x8dct=1"
ff cabac-p.264          -profile:v main -x264-params "$P:keyint=12:bframes=0:ref=3:weightp=0"
ff cabac-weightp.264    -profile:v main -x264-params "$P:keyint=12:bframes=0:ref=2:weightp=2"
ff cabac-b-spatial.264  -profile:v main -x264-params "$P:keyint=12:bframes=3:b-pyramid=normal:direct=spatial:weightb=0"
ff cabac-b-temporal.264 -profile:v main -x264-params "$P:keyint=12:bframes=2:b-pyramid=none:direct=temporal:weightb=0"
ff cabac-b-weighted.264 -profile:v main -x264-params "$P:keyint=12:bframes=2:weightb=1:direct=auto"
ff cabac-high.264       -profile:v high -preset veryfast -x264-params "$P:keyint=12:bframes=3"
ff cabac-high-cqm.264   -profile:v high -x264-params "$P:keyint=12:bframes=2:cqm=jvt"
ff cabac-slices.264     -profile:v high -x264-params "$P:keyint=6:bframes=2:slices=4"
ff cabac-nodeblock.264  -profile:v high -x264-params "$P:keyint=12:bframes=2:no-deblock=1"
ff cabac-deblock-offsets.264 -profile:v high -x264-params "$P:keyint=12:bframes=2:deblock=3,-2:chroma-qp-offset=4"
ff cabac-lowqp.264      -profile:v high -crf 5 -x264-params "$P:keyint=6:bframes=2"
