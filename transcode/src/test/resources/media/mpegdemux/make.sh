#!/bin/sh
# Regenerates the MPEG-TS/PS demuxer fixtures (tested by the org.diva.transcode.demux.mpeg tests, which compare
# every packet with ffprobe -show_packets) from ffmpeg's synthetic sources: lavfi testsrc and sine. Made with
# ffmpeg 5.1 (libx264, native aac/ac3/mp2); another ffmpeg may produce other bytes but the same stream facts.
# Usage: sh make.sh   (writes into the directory this script is in)
set -eu
cd "$(dirname "$0")"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
video() { echo "testsrc=size=$1:rate=$2:duration=$3"; }
tone() { echo "sine=frequency=$1:sample_rate=$2:duration=$3"; }

# MPEG-2 with two B-frames between references (open GOPs of 12) + MP2 stereo, 6 s: reordering and seek targets.
ff -f lavfi -i "$(video 176x144 25 6)" -f lavfi -i "$(tone 440 48000 6)" \
   -c:v mpeg2video -q:v 31 -g 12 -bf 2 -c:a mp2 -b:a 64k -ac 2 -f mpegts mpeg2_bframes_mp2.ts

# H.264 High with B-frames (keyframe every 25 frames) + AAC-LC stereo 44.1 kHz in ADTS, 6 s.
ff -f lavfi -i "$(video 176x144 25 6)" -f lavfi -i "$(tone 440 44100 6)" \
   -c:v libx264 -profile:v high -crf 45 -g 25 -bf 3 -pix_fmt yuv420p -c:a aac -b:a 32k -ac 2 \
   -f mpegts h264_bframes_aac.ts

# BDAV .m2ts (192-byte packets): H.264 High + AC-3 stereo, 4 s.
ff -f lavfi -i "$(video 176x144 25 4)" -f lavfi -i "$(tone 440 48000 4)" \
   -c:v libx264 -crf 45 -g 25 -pix_fmt yuv420p -c:a ac3 -ac 2 -b:a 96k \
   -f mpegts -mpegts_m2ts_mode 1 h264_ac3.m2ts

# MPEG-2 with B-frames + AC-3 in a DVD-style program stream, 6 s: seeking in PS.
ff -f lavfi -i "$(video 176x144 25 6)" -f lavfi -i "$(tone 440 48000 6)" \
   -c:v mpeg2video -q:v 31 -g 12 -bf 2 -c:a ac3 -b:a 64k -ac 2 -f vob mpeg2_ac3.vob

# Time stamps that wrap: 33-bit PTS start 2 s before 2^33 ticks (95,443.7 s), so the clock wraps 2 s in.
ff -f lavfi -i "$(video 176x144 25 4)" -f lavfi -i "$(tone 440 48000 4)" \
   -c:v mpeg2video -q:v 31 -g 12 -bf 2 -c:a mp2 -b:a 64k -ac 2 -output_ts_offset 95441 -f mpegts pts_wrap.ts

# HEVC (libx265, B-frames, keyframe every 25) + AAC-LC mono 48 kHz, 2 s.
ff -f lavfi -i "$(video 176x144 25 2)" -f lavfi -i "$(tone 440 48000 2)" \
   -c:v libx265 -x265-params log-level=error:keyint=25 -crf 40 -pix_fmt yuv420p \
   -c:a aac -b:a 32k -ac 1 -f mpegts hevc_aac.ts
