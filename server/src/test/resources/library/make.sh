#!/usr/bin/env bash
# Regenerates the small library the server tests scan. Needs ffmpeg (Debian package ffmpeg).
set -euo pipefail
cd "$(dirname "$0")"
ff() { ffmpeg -loglevel error -y "$@"; }
ff -f lavfi -i testsrc=size=320x240:rate=25 -f lavfi -i sine=frequency=440 -t 1 \
   -c:v libx264 -pix_fmt yuv420p -profile:v high -preset veryfast -crf 35 -c:a aac -b:a 32k -movflags +faststart \
   -metadata title="Test Pattern" clip.mp4
ff -f lavfi -i testsrc=size=320x240:rate=25 -f lavfi -i sine=frequency=330 -t 1 \
   -c:v libx264 -pix_fmt yuv420p -preset veryfast -crf 35 -c:a aac -b:a 32k -metadata:s:a:0 language=fre clip.mkv
printf '1\n00:00:00,000 --> 00:00:01,000\nHello & <welcome>\n' > clip.en.srt
ff -f lavfi -i testsrc=size=64x64:rate=1 -frames:v 1 cover.jpg
ff -f lavfi -i sine=frequency=523:sample_rate=44100 -i cover.jpg -t 1 -map 0:a -map 1:v -c:a libmp3lame -b:a 64k \
   -c:v copy -disposition:v attached_pic -id3v2_version 3 \
   -metadata title="Song & <Dance>" -metadata artist="The Testers" -metadata album="Fixtures" \
   -metadata track=3 -metadata date=2021 -metadata genre=Rock song.mp3
ff -f lavfi -i sine=frequency=262:sample_rate=44100 -t 1 -c:a flac -metadata title="Quiet" \
   -metadata artist="The Testers" -metadata album="Fixtures" quiet.flac
ff -f lavfi -i testsrc=size=160x120:rate=1 -frames:v 1 -q:v 8 photo.jpg
rm cover.jpg
