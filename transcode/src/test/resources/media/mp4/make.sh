#!/bin/sh
# Regenerates the MP4/QuickTime fixtures used by Mp4ProbeTest, byte for byte with the same ffmpeg build
# (made with ffmpeg 5.1.x of Debian 12, libx264, libx265, libmp3lame, libopus). Other ffmpeg versions produce files
# with the same stream facts but different bytes; the tests assert facts, not bytes.
#
# Sources are lavfi test patterns and tones; every file is a fraction of a second to a second long and a few KB.
# Bit-exact flags keep the ffmpeg version string out of the files; single-threaded encoders keep output stable.
set -eu
cd "$(dirname "$0")"

ff() { ffmpeg -hide_banner -loglevel error -y "$@"; }
# Optional encoders: without one, its fixture is left as committed (the tests use the committed files).
has() { ffmpeg -hide_banner -encoders 2>/dev/null | grep -q " $1 " || { echo "no $1: keeping $2 as committed"; false; }; }
EXACT="-fflags +bitexact -flags:v +bitexact -flags:a +bitexact -threads 1"
VIDEO="-f lavfi -i testsrc=size=320x180:rate=25:duration=1"
TONE="-f lavfi -i sine=frequency=440:sample_rate=48000:duration=1"
X264="-c:v libx264 -preset medium -crf 40 -pix_fmt yuv420p -x264-params threads=1"

# H.264 High 3.0 (320x180: coded 320x192, cropped) + AAC LC stereo 48 kHz, moov after mdat (ffmpeg's default).
ff $VIDEO $TONE $EXACT $X264 -profile:v high -level:v 3.0 \
   -c:a aac -b:a 48k -ac 2 h264_high_aac_moov_end.mp4
# The same streams with moov moved to the front.
ff -i h264_high_aac_moov_end.mp4 -c copy $EXACT -movflags +faststart h264_high_aac_faststart.mp4

# H.264 Constrained Baseline 1.2, QCIF at 15 fps, in QuickTime with AAC (esds inside 'wave') and a title (udta '©nam').
ff -f lavfi -i testsrc=size=176x144:rate=15:duration=1 -f lavfi -i sine=frequency=440:sample_rate=22050:duration=1 \
   $EXACT -c:v libx264 -preset medium -crf 40 -x264-params threads=1 -profile:v baseline -level:v 1.2 \
   -pix_fmt yuv420p -c:a aac -b:a 32k -ac 1 -metadata title="Baseline clip" h264_baseline.mov

# QuickTime metadata with 'keys' (udta/meta/keys + ilst) carrying the title, a tenth of a second of AAC.
ff -f lavfi -i sine=frequency=440:sample_rate=44100:duration=0.1 $EXACT -c:a aac -b:a 32k \
   -movflags use_metadata_tags -metadata title="Keyed title" keys_title.mov

# 16-bit PCM in QuickTime ('sowt'), mono 8 kHz, a quarter second.
ff -f lavfi -i sine=frequency=440:sample_rate=8000:duration=0.25 $EXACT -c:a pcm_s16le pcm.mov

# MPEG-4 Part 2 (Simple) + MP3 stereo 44.1 kHz.
ff -f lavfi -i testsrc=size=176x144:rate=10:duration=1 -f lavfi -i sine=frequency=440:sample_rate=44100:duration=1 \
   $EXACT -c:v mpeg4 -q:v 20 -c:a libmp3lame -b:a 32k -ac 2 mpeg4_mp3.mp4

# HEVC Main 10 ('hvc1'), no audio.
has libx265 hevc_main10.mp4 && ff -f lavfi -i testsrc=size=320x180:rate=24:duration=0.5 $EXACT -c:v libx265 -preset fast -crf 40 -pix_fmt yuv420p10le \
   -x265-params pools=none:frame-threads=1:log-level=error -tag:v hvc1 hevc_main10.mp4

# Audio only: AAC LC mono 44.1 kHz with an iTunes title (moov/udta/meta/ilst/©nam), non-ASCII on purpose, and two
# chapters, which ffmpeg writes as a QuickTime chapter text track (referenced by tref/chap) as audiobooks have.
printf ';FFMETADATA1\ntitle=Sinus à 440 Hz\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=500\ntitle=One\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=500\nEND=1000\ntitle=Two\n' > chapters.txt
ff -f lavfi -i sine=frequency=440:sample_rate=44100:duration=1 -i chapters.txt -map 0 -map_metadata 1 -map_chapters 1 \
   $EXACT -c:a aac -b:a 32k tone_title.m4a
rm chapters.txt

# Two audio tracks (English stereo 48 kHz, French mono 44.1 kHz) and an English mov_text subtitle.
printf '1\n00:00:00,000 --> 00:00:00,800\nHello\n' > subtitle.srt
ff -f lavfi -i testsrc=size=160x90:rate=25:duration=1 \
   -f lavfi -i sine=frequency=440:sample_rate=48000:duration=1 \
   -f lavfi -i sine=frequency=660:sample_rate=44100:duration=1 -i subtitle.srt \
   -map 0 -map 1 -map 2 -map 3 $EXACT $X264 -c:a aac -b:a 24k -ac:a:0 2 -ac:a:1 1 -c:s mov_text \
   -metadata:s:a:0 language=eng -metadata:s:a:1 language=fra -metadata:s:s:0 language=eng multilang.mp4
rm subtitle.srt

# 5.1 AC-3 (384 kb/s, 'dac3') and 5.1 E-AC-3 (192 kb/s, 'dec3'), audio only, half a second.
ff -f lavfi -i sine=frequency=440:sample_rate=48000:duration=0.5 -f lavfi -i sine=frequency=440:sample_rate=48000:duration=0.5 \
   -map 0 -map 1 $EXACT -c:a:0 ac3 -b:a:0 384k -c:a:1 eac3 -b:a:1 192k -ac 6 ac3_eac3_51.mp4

# Opus stereo, a quarter second ('Opus' + 'dOps').
has libopus opus.mp4 && ff -f lavfi -i sine=frequency=440:sample_rate=48000:duration=0.25 $EXACT -c:a libopus -b:a 32k -ac 2 opus.mp4

# Fragmented MP4 (moov with mvex and no samples, then moof/mdat pairs, mfra at the end); ffmpeg writes no mehd,
# so the moov does not tell the duration.
ff -f lavfi -i testsrc=size=160x90:rate=25:duration=1 $EXACT $X264 -g 10 -profile:v main \
   -movflags frag_keyframe+empty_moov+default_base_moof fragmented.mp4
# The same with a segment index ('sidx') right after the moov, which does tell it.
ff -i fragmented.mp4 -c copy $EXACT -movflags frag_keyframe+empty_moov+global_sidx fragmented_sidx.mp4

# VP9 Profile 0 ('vp09' + 'vpcC') and AV1 Main 10-bit ('av01' + 'av1C'), 64x64, 0.3 s.
has libvpx-vp9 vp9.mp4 && ff -f lavfi -i testsrc=size=64x64:rate=10:duration=0.3 $EXACT -c:v libvpx-vp9 -crf 50 -b:v 0 -row-mt 0 -pix_fmt yuv420p vp9.mp4
has libaom-av1 av1.mp4 && ff -f lavfi -i testsrc=size=64x64:rate=10:duration=0.3 $EXACT -c:v libaom-av1 -cpu-used 8 -crf 50 -pix_fmt yuv420p10le av1.mp4

# Lossless audio: ALAC in .m4a ('alac' config box) and FLAC in .mp4 ('dfLa'), a tenth of a second each.
ff -f lavfi -i sine=sample_rate=44100:duration=0.1 $EXACT -c:a alac alac.m4a
ff -f lavfi -i sine=sample_rate=48000:duration=0.1 $EXACT -c:a flac -strict experimental flac.mp4

# Three seconds of H.264 (a keyframe every second, B-frames) + AAC mono, moov first: the remux tests seek in it.
ff -f lavfi -i testsrc=size=160x90:rate=25:duration=3 -f lavfi -i sine=frequency=440:sample_rate=48000:duration=3 \
   $EXACT $X264 -g 25 -keyint_min 25 -c:a aac -b:a 24k -ac 1 -movflags +faststart h264_aac_gop.mp4

# MPEG-2 video ('mp4v', esds object type 0x61) + MPEG-1 Layer II audio, half a second: TS stream types 0x02 and 0x03.
ff -f lavfi -i testsrc=size=160x90:rate=25:duration=0.5 -f lavfi -i sine=frequency=440:sample_rate=48000:duration=0.5 \
   $EXACT -c:v mpeg2video -q:v 10 -g 6 -c:a mp2 -b:a 64k -ac 1 mpeg2_mp2.mp4

# Fragmented video + audio (two trafs per moof) whose tfhd has neither base_data_offset nor default-base-is-moof,
# so the second traf's data starts where the first one's ends (ISO/IEC 14496-12 section 8.8.7.1).
ff -f lavfi -i testsrc=size=160x90:rate=25:duration=1 -f lavfi -i sine=frequency=440:sample_rate=48000:duration=1 \
   $EXACT $X264 -g 10 -c:a aac -b:a 24k -ac 1 -frag_duration 400000 \
   -movflags frag_keyframe+empty_moov+omit_tfhd_offset fragmented_av_implicit.mp4
