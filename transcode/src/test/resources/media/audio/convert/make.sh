#!/bin/sh
# Regenerates the audio-conversion fixtures with ffmpeg's native AAC encoder and libmp3lame.
# The tests never run this: its output is committed, and the tests assert the frequencies and layouts set here.
set -eu
cd "$(dirname "$0")"
ff() { ffmpeg -hide_banner -loglevel error -y -bitexact "$@"; }

# AAC-LC 44.1 kHz stereo, 2 s: 440 Hz on the left, 1000 Hz on the right (channel order, resampling to 48 kHz).
ff -f lavfi -i "sine=frequency=440:sample_rate=44100:duration=2" -f lavfi -i "sine=frequency=1000:sample_rate=44100:duration=2" \
   -filter_complex "[0:a][1:a]join=inputs=2:channel_layout=stereo[a]" -map "[a]" -c:a aac -b:a 128k -f adts lr-44k.aac

# AAC-LC 48 kHz 5.1, 1 s: each channel its own tone, 300 Hz (FL) 500 (FR) 700 (FC) 60 (LFE) 1100 (BL) 1300 (BR).
ff -f lavfi -i "aevalsrc=0.5*sin(2*PI*300*t)|0.5*sin(2*PI*500*t)|0.5*sin(2*PI*700*t)|0.5*sin(2*PI*60*t)|0.5*sin(2*PI*1100*t)|0.5*sin(2*PI*1300*t):s=48000:d=1:c=5.1" \
   -c:a aac -b:a 256k -f adts surround-48k.aac

# AAC-LC with perceptual noise substitution: white noise at a low bitrate, where the encoder codes bands as noise.
ff -f lavfi -i "anoisesrc=color=white:sample_rate=44100:amplitude=0.5:duration=1:seed=7" -ac 1 \
   -c:a aac -aac_pns 1 -b:a 24k -f adts pns-noise.aac
