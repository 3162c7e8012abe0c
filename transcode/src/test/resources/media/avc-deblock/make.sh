#!/bin/sh
# Regenerates the intra-only H.264 clips that DeblockerFfmpegTest filters and compares with ffmpeg's own deblocking
# (made with ffmpeg 5.1.x of Debian 12 and its libx264). Every macroblock is intra and the QP is constant (CQP,
# ipratio 1, no AQ), so the boundary strengths and QPs are known without parsing the stream: bS 4 on macroblock edges,
# 3 inside. The test takes ffmpeg's decoding with -skip_loop_filter all as the picture before deblocking.
# Baseline profile: no 8x8 transform. 128x96 = 8x6 macroblocks, 3 pictures, 3 slices each.
set -eu
cd "$(dirname "$0")"

SRC="testsrc2=size=128x96:rate=25:duration=1[a];mandelbrot=size=128x96:rate=25[b];[a][b]blend=all_mode=average,format=yuv420p"
ff() {
    out=$1; shift
    ffmpeg -hide_banner -loglevel error -y -f lavfi -i "$SRC" -frames:v 3 -fflags +bitexact -flags:v +bitexact \
        -c:v libx264 -pix_fmt yuv420p -profile:v baseline "$@" -f h264 "$out"
}
P="threads=1:scenecut=0:keyint=1:slices=3:ipratio=1.0:aq-mode=0"

# QP 32, the default filter offsets.
ff intra-qp32.264         -x264-params "$P:qp=32"
# QP 38 with FilterOffsetA +4, FilterOffsetB -2 (slice_alpha_c0_offset_div2 2, slice_beta_offset_div2 -1) and
# chroma_qp_index_offset 3.
ff intra-qp38-offsets.264 -x264-params "$P:qp=38:deblock=2,-1:chroma-qp-offset=3"
