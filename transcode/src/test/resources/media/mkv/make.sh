#!/bin/sh
# Regenerates the Matroska probe fixtures with ffmpeg (made with ffmpeg 5.1, libx264, libvpx-vp9, libopus).
# Each file is about one second of lavfi test picture and tone, kept tiny so the repository stays small.
# Run from anywhere: sh make.sh
set -eu
cd "$(dirname "$0")"
FF="ffmpeg -hide_banner -loglevel error -y"
# Output options that keep the files byte-identical from run to run (no random UIDs, no encoder version strings).
EXACT="-fflags +bitexact -flags:v +bitexact -flags:a +bitexact"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/eng.srt" <<'SRT'
1
00:00:00,000 --> 00:00:00,800
Hello
SRT
cat > "$tmp/fre.ass" <<'ASS'
[Script Info]
ScriptType: v4.00+
PlayResX: 320
PlayResY: 240

[V4+ Styles]
Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding
Style: Default,Arial,20,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,1,0,2,10,10,10,1

[Events]
Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text
Dialogue: 0,0:00:00.00,0:00:00.80,Default,,0,0,0,,Bonjour
ASS

# H.264 High 3.0, 25 fps + AAC LC stereo (eng) + AAC LC mono (ger) + SubRip (eng) + ASS (fre), with a title.
$FF -f lavfi -i testsrc=size=320x240:rate=25:duration=1 \
    -f lavfi -i sine=frequency=440:sample_rate=48000:duration=1 \
    -f lavfi -i sine=frequency=660:sample_rate=44100:duration=1 \
    -i "$tmp/eng.srt" -i "$tmp/fre.ass" \
    -map 0:v -map 1:a -map 2:a -map 3:s -map 4:s \
    -c:v libx264 -profile:v high -level:v 3.0 -preset veryfast -crf 40 -pix_fmt yuv420p \
    -c:a aac -b:a 32k -ac:a:0 2 -ac:a:1 1 \
    -c:s:0 srt -c:s:1 ass \
    -metadata title="Test Pattern" \
    -metadata:s:a:0 language=eng -metadata:s:a:1 language=ger -metadata:s:a:1 title="Deutsch" \
    -metadata:s:s:0 language=eng -metadata:s:s:0 title="English" \
    -metadata:s:s:1 language=fre -metadata:s:s:1 title="Francais" \
    -disposition:s:1 default \
    $EXACT h264-aac-subs.mkv

# VP9 profile 0 at 30 fps + Opus stereo in WebM.
$FF -f lavfi -i testsrc=size=320x240:rate=30:duration=1 \
    -f lavfi -i sine=frequency=440:sample_rate=48000:duration=1 \
    -c:v libvpx-vp9 -pix_fmt yuv420p -b:v 60k -deadline realtime -cpu-used 8 \
    -c:a libopus -b:a 24k -ac 2 \
    $EXACT vp9-opus.webm

# FLAC audio only, 44.1 kHz stereo, with a title (Matroska audio: .mka).
$FF -f lavfi -i sine=frequency=440:sample_rate=44100:duration=1 \
    -ac 2 -c:a flac -sample_fmt s16 -metadata title="A Tone" \
    $EXACT flac-titled.mka

# MPEG-2 video 29.97 fps + AC-3 5.1 at 48 kHz.
$FF -f lavfi -i testsrc=size=352x288:rate=30000/1001:duration=1 \
    -f lavfi -i sine=frequency=440:sample_rate=48000:duration=1 \
    -c:v mpeg2video -q:v 20 -g 15 \
    -c:a ac3 -b:a 192k -ac 6 \
    $EXACT mpeg2-ac3-51.mkv

# Demuxer fixtures. H.264 with B-frames (3 in a row, so presentation order differs from decoding order) and AAC,
# written to a pipe so the muxer cannot go back to write Cues: seeking must walk the Clusters.
$FF -f lavfi -i testsrc=size=160x120:rate=25:duration=2 \
    -f lavfi -i sine=frequency=440:sample_rate=44100:duration=2 \
    -c:v libx264 -profile:v high -preset veryfast -crf 40 -bf 3 -g 12 -pix_fmt yuv420p \
    -c:a aac -b:a 24k -ac 1 \
    $EXACT -f matroska - > h264-bframes-nocues.mkv

# HEVC (hvcC parameter sets) with MP3 audio.
$FF -f lavfi -i testsrc=size=160x120:rate=25:duration=1 \
    -f lavfi -i sine=frequency=440:sample_rate=44100:duration=1 \
    -c:v libx265 -preset ultrafast -crf 40 -g 10 -pix_fmt yuv420p -x265-params log-level=error \
    -c:a libmp3lame -b:a 32k -ac 1 \
    $EXACT hevc-mp3.mkv
