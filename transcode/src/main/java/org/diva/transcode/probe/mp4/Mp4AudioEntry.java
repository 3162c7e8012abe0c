package org.diva.transcode.probe.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.codec.AacConfig;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.mp4.Mp4AudioConfigs.Facts;
import org.diva.transcode.probe.mp4.Mp4InlineBoxes.Inline;

/**
 * Reads an audio sample entry into an {@link AudioTrack}. The entry's own channel count and rate are often generic
 * (AC-3 entries say 2 channels for 5.1; MP4 caps the rate field at 65,535 Hz), so the codec configuration box wins
 * where there is one. QuickTime sound descriptions come in versions 0, 1 and 2 (Apple's QuickTime File Format,
 * "Sound Sample Descriptions"), with their configuration boxes sometimes wrapped in a 'wave' box.
 */
final class Mp4AudioEntry {
    private static final int V0_SIZE = 36;

    private Mp4AudioEntry() {
    }

    /** Where the child boxes start: QuickTime versions 1 and 2 add 16 and 36 bytes of fields. */
    static int fixedSize(ByteBuffer entry) {
        int version = entry.limit() >= V0_SIZE ? entry.getShort(16) & 0xffff : 0;
        return switch (version) {
            case 1 -> V0_SIZE + 16;
            case 2 -> V0_SIZE + 36;
            default -> V0_SIZE;
        };
    }

    /**
     * @param timescale the track's mdhd timescale, which for audio is almost always the sample rate: the fallback
     */
    static AudioTrack read(Mp4SampleEntry entry, long timescale) {
        ByteBuffer b = entry.bytes();
        int fixed = fixedSize(b);
        int channels = 0;
        int sampleRate = 0;
        int sampleBits = 0;
        if (b.limit() >= fixed && fixed == V0_SIZE + 36) {
            double rate = b.getDouble(40);
            sampleRate = rate > 0 && rate < 10_000_000 ? (int) Math.round(rate) : 0;
            channels = b.getInt(48);
            sampleBits = b.getInt(56);
        } else if (b.limit() >= V0_SIZE) {
            channels = b.getShort(24) & 0xffff;
            sampleBits = b.getShort(26) & 0xffff;
            sampleRate = (b.getInt(32) >>> 16);
        }
        if (sampleRate <= 0 && timescale > 0 && timescale <= Integer.MAX_VALUE) {
            sampleRate = (int) timescale;
        }
        List<Inline> children = new ArrayList<>(entry.children(fixed));
        Mp4InlineBoxes.find(children, "wave").ifPresent(wave -> children.addAll(Mp4InlineBoxes.children(wave)));
        OptionalLong btrt = Mp4InlineBoxes.find(children, "btrt").filter(box -> box.remaining() >= 12)
                .map(box -> box.getInt(box.position() + 8) & 0xffff_ffffL).filter(rate -> rate > 0)
                .map(OptionalLong::of).orElse(OptionalLong.empty());
        AudioTrack plain = new AudioTrack(codec(entry.format()).orElse(entry.unknownCodec()), Optional.empty(),
                AudioTrack.positive(channels), AudioTrack.positive(sampleRate), btrt, Optional.empty());
        return switch (plain.codec()) {
            case "aac" -> Mp4InlineBoxes.find(children, "esds").flatMap(Mp4Esds::parse)
                    .map(esds -> fromEsds(plain, esds)).orElse(plain);
            case "ac3" -> merge(plain, Mp4InlineBoxes.find(children, "dac3").flatMap(Mp4AudioConfigs::ac3));
            case "eac3" -> merge(plain, Mp4InlineBoxes.find(children, "dec3").flatMap(Mp4AudioConfigs::eac3));
            case "opus" -> merge(plain, Mp4InlineBoxes.find(children, "dOps").flatMap(Mp4AudioConfigs::opus));
            case "flac" -> merge(plain, Mp4InlineBoxes.find(children, "dfLa").flatMap(Mp4AudioConfigs::flac));
            case "alac" -> merge(plain, Mp4InlineBoxes.find(children, "alac").flatMap(Mp4AudioConfigs::alac));
            case "pcm" -> pcm(plain, sampleBits);
            default -> plain;
        };
    }

    private static Optional<String> codec(String format) {
        return Optional.ofNullable(switch (format) {
            case "mp4a" -> "aac"; // refined by the esds object type
            case "ac-3", "sac3" -> "ac3";
            case "ec-3" -> "eac3";
            case "alac" -> "alac";
            case "Opus" -> "opus";
            case "fLaC" -> "flac";
            case "lpcm", "sowt", "twos", "in24", "in32", "fl32", "fl64", "raw ", "NONE" -> "pcm";
            case ".mp3", "ms\u0000U" -> "mp3";
            case ".mp2" -> "mp2";
            case "samr" -> "amr_nb";
            case "sawb" -> "amr_wb";
            case "dtsc", "dtsh", "dtsl", "dtse" -> "dts";
            case "mlpa" -> "truehd";
            case "ulaw" -> "pcm_mulaw";
            case "alaw" -> "pcm_alaw";
            default -> null;
        });
    }

    /** An 'mp4a' entry: the object type says which MPEG audio it is; AAC's own config gives profile and layout. */
    private static AudioTrack fromEsds(AudioTrack t, Mp4Esds esds) {
        OptionalLong bitrate = esds.avgBitrate() > 0 ? OptionalLong.of(esds.avgBitrate()) : t.bitrate();
        String codec = switch (esds.objectType()) {
            case 0x69, 0x6b -> "mp3";
            case 0xa5 -> "ac3";
            case 0xa6 -> "eac3";
            case 0xa9 -> "dts";
            case 0xdd -> "vorbis";
            default -> "aac"; // 0x40 and the MPEG-2 AAC types 0x66..0x68
        };
        AudioTrack renamed = new AudioTrack(codec, t.profile(), t.channels(), t.sampleRate(), bitrate, t.language());
        if (!codec.equals("aac")) {
            return renamed;
        }
        return AacConfig.parse(esds.specificInfo())
                .map(aac -> new AudioTrack("aac", Optional.of(aac.profileName()),
                        aac.channels() > 0 ? OptionalInt.of(aac.channels()) : t.channels(),
                        aac.sampleRate() > 0 ? OptionalInt.of(aac.sampleRate()) : t.sampleRate(),
                        bitrate, t.language()))
                .orElse(renamed);
    }

    /** Uncompressed audio's bitrate is its sample rate times its sample size times its channels. */
    private static AudioTrack pcm(AudioTrack t, int sampleBits) {
        if (t.bitrate().isPresent() || sampleBits <= 0 || sampleBits > 64 || t.channels().isEmpty()
                || t.sampleRate().isEmpty()) {
            return t;
        }
        long bitrate = (long) t.channels().getAsInt() * t.sampleRate().getAsInt() * sampleBits;
        return new AudioTrack(t.codec(), t.profile(), t.channels(), t.sampleRate(), OptionalLong.of(bitrate),
                t.language());
    }

    /** The configuration box's channels and rate win; a stated 'btrt' bitrate wins over its nominal one. */
    private static AudioTrack merge(AudioTrack t, Optional<Facts> facts) {
        return facts.map(f -> new AudioTrack(t.codec(), t.profile(),
                        f.channels() > 0 ? OptionalInt.of(f.channels()) : t.channels(),
                        f.sampleRate() > 0 ? OptionalInt.of(f.sampleRate()) : t.sampleRate(),
                        t.bitrate().isEmpty() && f.bitrate() > 0 ? OptionalLong.of(f.bitrate()) : t.bitrate(),
                        t.language()))
                .orElse(t);
    }
}
