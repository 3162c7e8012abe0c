#!/bin/sh
# Regenerates the thumbnail fixtures and, beside each picture the tests compare, ffmpeg's own rendering of it
# (*.ref.png): ffmpeg decodes the same frame, turns it as a player would and scales it with its area filter, as DiVA
# does. The tests measure DiVA's thumbnail against these (PSNR) and never run ffmpeg themselves.
# Made with ffmpeg 5.1 of Debian 12 (libx264, 8- and 10-bit) and exiftool; other versions give other bytes but the
# same pictures within the tests' tolerance.
set -eu
cd "$(dirname "$0")"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
EXACT="-fflags +bitexact -flags:v +bitexact -threads 1"
# Keyframes every second exactly (no scene-cut keyframes), B-frames as x264 places them, single-threaded for stable bytes.
X264="-c:v libx264 -preset medium -crf 30 -x264-params keyint=25:min-keyint=25:scenecut=0:threads=1"
# swscale's area filter, with chroma interpolated to every output pixel (by default swscale shares one chroma sample
# between two RGB pixels, softer than what DiVA makes) and exact rounding.
SWS=area+full_chroma_int+full_chroma_inp+accurate_rnd
# ffmpeg's rendering of decoded frame $2 (presentation order) of $1, scaled to $3.
ref() { ff -i "$1" -vf "select=eq(n\,$2),scale=$3:flags=$SWS,format=rgb24" -frames:v 1 -update 1 "$4"; }

# 6 s, 320x240, black for the first 1.5 s: the keyframe nearest 10% (1.0 s) is black, so the thumbnail must come from
# the next candidate, the keyframe at 2.0 s (frame 50). Movie header first, so a cut-short copy keeps its index.
ff -f lavfi -i testsrc=size=320x240:rate=25:duration=6 -vf "drawbox=enable='lt(t,1.5)':color=black:t=fill" \
   $EXACT $X264 -pix_fmt yuv420p -movflags +faststart dark-intro.mp4
ref dark-intro.mp4 50 160:120 dark-intro.ref.png

# Portrait as stored: 180x320, 2 s; 10% is frame 5, nearest keyframe frame 0.
ff -f lavfi -i testsrc=size=180x320:rate=25:duration=2 $EXACT $X264 -pix_fmt yuv420p portrait.mp4
ref portrait.mp4 0 90:160 portrait.ref.png

# Landscape as stored, shown turned a quarter clockwise (tkhd matrix, as phones write; exiftool sets it). ffmpeg's
# reference applies the turn as players do.
ff -f lavfi -i testsrc=size=320x240:rate=25:duration=2 $EXACT $X264 -pix_fmt yuv420p rotated.mp4
exiftool -q -overwrite_original -Rotation=90 rotated.mp4
ref rotated.mp4 0 120:160 rotated.ref.png

# Anamorphic: 480x360 stored with 4:3 pixels (pasp box and VUI), shown 640x360.
ff -f lavfi -i testsrc=size=480x360:rate=25:duration=1 -vf setsar=4/3 $EXACT $X264 -pix_fmt yuv420p anamorphic.mp4
ref anamorphic.mp4 0 160:90 anamorphic.ref.png

# Four slices per frame: JCodec would decode them on a thread pool it never shuts down.
ff -f lavfi -i testsrc=size=320x240:rate=25:duration=1 $EXACT $X264:slices=4 -pix_fmt yuv420p slices.mp4

# What JCodec cannot decode: 10-bit (High 10), interlaced (PAFF/MBAFF), 4:2:2 (High 4:2:2).
ff -f lavfi -i testsrc=size=160x120:rate=25:duration=0.2 $EXACT $X264 -pix_fmt yuv420p10le high10.mp4
ff -f lavfi -i testsrc=size=160x120:rate=25:duration=0.2 $EXACT $X264:interlaced=1 -pix_fmt yuv420p interlaced.mp4
ff -f lavfi -i testsrc=size=160x120:rate=25:duration=0.2 $EXACT $X264 -pix_fmt yuv422p yuv422.mp4

# Photos. A 320x240 JPEG whose EXIF says to show it turned a quarter clockwise (orientation 6), as cameras held
# upright write; ffmpeg applies the orientation itself (autorotate) in its reference.
ff -f lavfi -i testsrc2=size=320x240 -frames:v 1 -q:v 3 -pix_fmt yuvj420p rotated.jpg
exiftool -q -overwrite_original -Orientation#=6 rotated.jpg
ff -i rotated.jpg -vf "scale=120:160:flags=$SWS,format=rgb24" -frames:v 1 -update 1 rotated-jpg.ref.png
# PNG 400x300, and a 64x64 one whose corners are transparent.
ff -f lavfi -i testsrc2=size=400x300 -frames:v 1 -pix_fmt rgb24 plain.png
ff -i plain.png -vf "scale=160:120:flags=$SWS,format=rgb24" -frames:v 1 -update 1 plain-png.ref.png
ff -f lavfi -i "color=c=red:s=64x64,format=rgba,geq=r='255':g='0':b='0':a='if(lt(hypot(X-32,Y-32),24),255,0)'" \
   -frames:v 1 transparent.png
# 12 megapixels (4000x3000, 4:2:0 as cameras write), for the memory bound; smooth, so it stays small.
ff -f lavfi -i "gradients=s=4000x3000:seed=7" -frames:v 1 -q:v 20 -pix_fmt yuvj420p 12mp.jpg

# MPEG-4 Part 2 (ASP, B-frames) with 16:11 pixels stated only in the VOL header (aspect_ratio_info 4), in Matroska
# whose CodecPrivate holds the VOL: 352x288 stored, shown 512x288.
ff -f lavfi -i testsrc=size=352x288:rate=25:duration=2 -vf setsar=16/11 -c:v mpeg4 -q:v 8 -bf 2 -g 25 \
   $EXACT anamorphic-asp.mkv
