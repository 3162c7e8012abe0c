#!/bin/sh
# Regenerates the video transcoding fixtures used by the org.diva.transcode.video tests (made with ffmpeg 5.1.x of
# Debian 12 and libx264). Each is a few seconds of a moving lavfi test pattern in MPEG-TS, where every codec keeps
# its parameter sets in band before keyframes, as DiVA's demuxers hand packets on. The tests read the packets back
# with ffprobe (pts, dts, keyframe flag, bytes), so they need no demuxer of DiVA's own.
set -eu
cd "$(dirname "$0")"

ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
EXACT="-fflags +bitexact -flags:v +bitexact -threads 1"
# A pattern with motion and detail everywhere: what a scaler or encoder gets wrong shows in PSNR.
SRC="-f lavfi -i testsrc2=size=640x360:rate=25:duration=3"

# H.264 High with B-frames (pyramid), 3 s, a keyframe every second: 3 GOPs of 25 pictures, closed.
ff $SRC $EXACT -c:v libx264 -preset fast -profile:v high -bf 3 -g 25 -keyint_min 25 -sc_threshold 0 \
   -crf 30 -pix_fmt yuv420p -x264-params threads=1 h264_high_bframes.ts
# MPEG-2 Main with B-frames (IBBP), 3 s, GOPs of 12 (as DVDs have them), closed.
ff $SRC $EXACT -c:v mpeg2video -bf 2 -g 12 -flags +cgop -sc_threshold 1000000000 -q:v 18 mpeg2_bframes.ts
# MPEG-4 Part 2 Advanced Simple (B-frames, quarter-pel off: JCodec lacks it), 3 s, GOPs of 25.
ff $SRC $EXACT -c:v mpeg4 -bf 2 -g 25 -q:v 12 -vtag mp4v mpeg4_asp.ts
# Refusals: interlaced (field-coded) and 10-bit H.264, a third of a second each.
ff -f lavfi -i testsrc2=size=320x180:rate=25:duration=0.32 $EXACT -c:v libx264 -preset fast -flags +ildct+ilme \
   -x264-params threads=1:interlaced=1 -pix_fmt yuv420p -crf 35 h264_interlaced.ts
ff -f lavfi -i testsrc2=size=320x180:rate=25:duration=0.32 $EXACT -c:v libx264 -preset fast \
   -x264-params threads=1 -pix_fmt yuv420p10le -crf 35 h264_10bit.ts
# x264's ultrafast preset switches the deblocking filter off, which JCodec ignores (DiVA refuses such streams).
ff -f lavfi -i testsrc2=size=320x180:rate=25:duration=0.32 $EXACT -c:v libx264 -preset ultrafast \
   -x264-params threads=1 -pix_fmt yuv420p -crf 35 h264_no_deblock.ts
# Four slices a picture: JCodec decodes those on a thread pool of its own, which DiVA must not leave behind.
ff -f lavfi -i testsrc2=size=320x180:rate=25:duration=0.4 $EXACT -c:v libx264 -preset fast -pix_fmt yuv420p \
   -x264-params threads=1:slices=4 -crf 35 h264_slices.ts
