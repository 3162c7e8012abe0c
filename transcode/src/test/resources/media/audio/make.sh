#!/bin/sh
# Regenerates the audio fixtures with real encoders (ffmpeg with libmp3lame, libvorbis, libopus).
# The tests never run this: its output is committed, and the tests assert the values set here.
set -eu
cd "$(dirname "$0")"
ff() { ffmpeg -hide_banner -loglevel error -y -bitexact "$@"; }
sine() { echo "sine=frequency=440:sample_rate=$1:duration=$2"; }

# A 32x32 cover picture (the bytes are compared with what the probes extract).
ff -f lavfi -i testsrc=size=32x32:rate=1 -frames:v 1 -q:v 8 cover.jpg

TAGS="-metadata title=Tone -metadata artist=DiVA_Test -metadata album_artist=Various -metadata album=Fixtures"

# MP3: ID3v2.4 with a full date, a numeric ID3v1-style genre, track/disc with totals, and a front cover.
ff -f lavfi -i "$(sine 22050 1)" -i cover.jpg -map 0:a -map 1:v \
   -c:a libmp3lame -b:a 32k -ac 1 -c:v copy -disposition:v attached_pic \
   -metadata:s:v title="Album cover" -metadata:s:v comment="Cover (front)" \
   $TAGS -metadata track=3/12 -metadata disc=1/2 -metadata date=2019-05-01 -metadata genre="(17)" \
   -id3v2_version 4 tone.mp3

# MP3: 44.1 kHz stereo VBR with an ID3v2.3 tag, for the VBR path and for probing two different MP3s at once.
ff -f lavfi -i "$(sine 44100 1)" -c:a libmp3lame -q:a 9 -ac 2 -metadata title="Stereo VBR" -id3v2_version 3 \
   stereo-vbr.mp3

# FLAC: Vorbis comments and a PICTURE block.
ff -f lavfi -i "$(sine 8000 1)" -i cover.jpg -map 0:a -map 1:v \
   -c:a flac -sample_fmt s16 -ac 1 -c:v copy -disposition:v attached_pic \
   -metadata:s:v comment="Cover (front)" \
   $TAGS -metadata track=5 -metadata disc=2 -metadata date=2019 -metadata genre=Jazz tone.flac

# Ogg Vorbis, stereo.
ff -f lavfi -i "$(sine 22050 1)" -c:a libvorbis -q:a 0 -ac 2 \
   $TAGS -metadata track=7 -metadata date=2020 -metadata genre=Ambient tone.ogg

# Ogg Opus, mono, 2 seconds.
ff -f lavfi -i "$(sine 48000 2)" -c:a libopus -b:a 12k -ac 1 \
   $TAGS -metadata track=9 -metadata date=2021-12-24 -metadata genre=Electronic tone.opus

# WAV: 8-bit PCM with a RIFF INFO title.
ff -f lavfi -i "$(sine 8000 1)" -c:a pcm_u8 -ac 1 -metadata title="Wave Tone" -metadata artist=DiVA_Test tone.wav

# M4A: AAC-LC with iTunes tags and covr.
ff -f lavfi -i "$(sine 22050 1)" -i cover.jpg -map 0:a -map 1:v \
   -c:a aac -b:a 24k -ac 1 -c:v copy -disposition:v attached_pic \
   $TAGS -metadata track=4/10 -metadata disc=1/1 -metadata date=2018 -metadata genre=Classical tone.m4a

# M4A: Apple Lossless, no tags.
ff -f lavfi -i "$(sine 8000 1)" -c:a alac -ac 1 -sample_fmt s16p plain-alac.m4a

# AAC ADTS, 2 seconds, stereo.
ff -f lavfi -i "$(sine 22050 2)" -c:a aac -b:a 24k -ac 2 -f adts tone.aac
