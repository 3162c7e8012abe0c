#!/bin/sh
# Regenerates the MPEG-TS probe fixtures (tested by MpegTsProbeTest) from ffmpeg's synthetic sources:
# lavfi testsrc (a test card) and sine (a tone). Made with ffmpeg 5.1 (libx264, native aac/ac3/eac3/mp2,
# libmp3lame); another ffmpeg may produce other bytes but the same stream facts.
# Usage: sh make.sh   (writes into the directory this script is in)
set -eu
cd "$(dirname "$0")"
ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
video() { echo "testsrc=size=$1:rate=$2:duration=$3"; }
tone() { echo "sine=frequency=$1:sample_rate=$2:duration=$3"; }

# H.264 High 3.0 320x240 25 fps with B-frames + two AAC-LC tracks: stereo 48 kHz "eng", mono 44.1 kHz "fra".
ff -f lavfi -i "$(video 320x240 25 2)" -f lavfi -i "$(tone 440 48000 2)" -f lavfi -i "$(tone 660 44100 2)" \
   -map 0:v -map 1:a -map 2:a -c:v libx264 -profile:v high -level 3.0 -crf 45 -g 25 -pix_fmt yuv420p \
   -c:a aac -b:a 24k -ac:a:0 2 -ac:a:1 1 -metadata:s:a:0 language=eng -metadata:s:a:1 language=fra \
   -f mpegts h264_aac_2tracks.ts

# MPEG-2 Main@Main 352x288 25 fps, interlaced (progressive_sequence 0), 16:9 + MPEG-1 layer II stereo 48 kHz.
ff -f lavfi -i "$(video 352x288 25 1)" -f lavfi -i "$(tone 440 48000 1)" \
   -c:v mpeg2video -flags +ilme+ildct -q:v 31 -g 12 -aspect 16:9 -c:a mp2 -b:a 64k -ac 2 \
   -f mpegts mpeg2_mp2.ts

# H.264 Main 320x240 29.97 fps + AC-3 5.1 (stream type 0x81) 48 kHz 192 kb/s.
ff -f lavfi -i "$(video 320x240 30000/1001 1)" -f lavfi -i "$(tone 440 48000 1)" \
   -c:v libx264 -profile:v main -crf 45 -pix_fmt yuv420p -c:a ac3 -ac 6 -b:a 192k \
   -f mpegts h264_ac3_51.ts

# BDAV .m2ts (192-byte packets, "HDMV" registration): H.264 High 23.976 fps + AC-3 stereo 96 kb/s.
ff -f lavfi -i "$(video 320x240 24000/1001 1)" -f lavfi -i "$(tone 440 48000 1)" \
   -c:v libx264 -crf 45 -pix_fmt yuv420p -c:a ac3 -ac 2 -b:a 96k \
   -f mpegts -mpegts_m2ts_mode 1 h264_ac3.m2ts

# Audio only, DVB style (-mpegts_flags system_b): MP3 mono 22.05 kHz 32 kb/s (stream type 0x04, MPEG-2 layer III)
# + E-AC-3 stereo 48 kHz 96 kb/s "deu" (stream type 0x06 with an enhanced_AC-3 descriptor 0x7A).
ff -f lavfi -i "$(tone 440 22050 1)" -f lavfi -i "$(tone 440 48000 1)" \
   -map 0 -map 1 -c:a:0 libmp3lame -b:a:0 32k -ac:a:0 1 -c:a:1 eac3 -b:a:1 96k -ac:a:1 2 \
   -metadata:s:a:1 language=deu -mpegts_flags system_b -f mpegts mp3_eac3_audio.ts
