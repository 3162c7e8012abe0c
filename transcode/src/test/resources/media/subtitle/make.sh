#!/bin/sh
# Regenerates the embedded-subtitle fixtures with ffmpeg (made with ffmpeg 5.1): a short video with a 3GPP timed
# text (mov_text) track made from a SubRip file with overlapping cues, a gap, two-line and non-ASCII cues and
# italics (which mov_text stores as a style box after the text).
# Run from anywhere: sh make.sh
set -eu
cd "$(dirname "$0")"
FF="ffmpeg -hide_banner -loglevel error -y"
EXACT="-fflags +bitexact -flags:v +bitexact -flags:a +bitexact"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/cues.srt" <<'SRT'
1
00:00:00,200 --> 00:00:01,000
First line

2
00:00:00,600 --> 00:00:01,400
Overlapping <i>italic</i> cue

3
00:00:02,000 --> 00:00:02,500
Two lines:
déjà vu – ünïcödé

4
00:00:03,250 --> 00:00:03,900
After a gap
SRT

$FF -f lavfi -i testsrc=size=64x48:rate=10:duration=4 -i "$tmp/cues.srt" \
    -map 0:v -map 1:s -c:v libx264 -preset veryfast -crf 45 -pix_fmt yuv420p -c:s mov_text \
    -metadata:s:s:0 language=eng $EXACT h264-movtext.mp4
