#!/bin/sh
# Regenerates the MPEG-PS probe fixtures (tested by MpegPsProbeTest) from ffmpeg's synthetic sources:
# lavfi testsrc (a test card) and sine (a tone). Made with ffmpeg 5.1; another ffmpeg may produce other bytes
# but the same stream facts.
# Usage: sh make.sh   (writes into the directory this script is in)
set -eu
cd "$(dirname "$0")"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
video() { echo "testsrc=size=$1:rate=$2:duration=$3"; }
tone() { echo "sine=frequency=$1:sample_rate=$2:duration=$3"; }

# MPEG-2 program stream (-f vob: MPEG-2 pack headers): MPEG-2 Main@Main 352x288 25 fps progressive 4:3
# + MPEG-1 layer II stereo 48 kHz 64 kb/s.
ff -f lavfi -i "$(video 352x288 25 1)" -f lavfi -i "$(tone 440 48000 1)" \
   -c:v mpeg2video -q:v 31 -g 12 -aspect 4:3 -c:a mp2 -b:a 64k -ac 2 -f vob mpeg2_mp2.mpg

# MPEG-1 system stream (-f mpeg: MPEG-1 pack headers and PES syntax): MPEG-1 video 320x240 25 fps
# + layer II mono 44.1 kHz 64 kb/s.
ff -f lavfi -i "$(video 320x240 25 1)" -f lavfi -i "$(tone 440 44100 1)" \
   -c:v mpeg1video -q:v 31 -g 12 -c:a mp2 -b:a 64k -ac 1 -f mpeg mpeg1_mp2.mpg

# DVD-Video style VOB: MPEG-2 352x240 29.97 fps interlaced 16:9 + AC-3 5.1 192 kb/s (private stream 1,
# substream 0x80) + LPCM stereo 48 kHz 16-bit (substream 0xA0, a quarter second to keep the file small).
ff -f lavfi -i "$(video 352x240 30000/1001 1)" -f lavfi -i "$(tone 440 48000 1)" -f lavfi -i "$(tone 660 48000 0.25)" \
   -map 0 -map 1 -map 2 -c:v mpeg2video -q:v 31 -g 15 -flags +ilme+ildct -aspect 16:9 \
   -c:a:0 ac3 -ac:a:0 6 -b:a:0 192k -c:a:1 pcm_dvd -ac:a:1 2 -f vob dvd_ac3_lpcm.vob

# H.264 in an MPEG-2 program stream (stream id 0xE0 says only "video"): Constrained Baseline 1.1 176x144 25 fps
# + MPEG-1 layer II mono 48 kHz.
ff -f lavfi -i "$(video 176x144 25 1)" -f lavfi -i "$(tone 440 48000 1)" \
   -c:v libx264 -profile:v baseline -crf 45 -pix_fmt yuv420p -c:a mp2 -b:a 64k -ac 1 -f vob h264_mp2.mpg

# MPEG-4 Part 2 video alone in a program stream: identified by its VOP start codes, no details read.
ff -f lavfi -i "$(video 176x144 25 0.5)" -c:v mpeg4 -q:v 31 -f vob mpeg4_video_only.mpg
