package org.diva.transcode.probe.audio;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.diva.transcode.probe.AudioTrack;
import org.jaudiotagger.audio.AudioHeader;
import org.jaudiotagger.audio.mp4.Mp4AudioHeader;
import org.jaudiotagger.audio.mp4.atom.Mp4EsdsBox;

/**
 * Turns a jaudiotagger {@link AudioHeader} into DiVA's track facts, working around what it gets wrong: MP4 AAC
 * channel counts come out sign-extended (mono reads as -15), FLAC bitrates come out low (24 kb/s for a
 * 30.7 kb/s file), and WAV codecs other than PCM are named "Unknown Sub Format Code:0x55". MP3 files get their
 * codec, channels and bitrate from {@link Mp3Frames} instead, which reads the frames themselves.
 */
final class AudioHeaderReader {
    private static final Pattern WAV_FORMAT_CODE = Pattern.compile("Code:0x([0-9A-Fa-f]+)");
    /** WAVE format tags (RFC 2361) of codecs DiVA knows, by the names AudioTrack uses. */
    private static final Map<Integer, String> WAV_CODECS = Map.of(0x0002, "adpcm_ms", 0x0006, "pcm_alaw",
            0x0007, "pcm_mulaw", 0x0011, "adpcm_ima_wav", 0x0050, "mp2", 0x0055, "mp3", 0x2000, "ac3",
            0x2001, "dts");

    private AudioHeaderReader() {
    }

    /** Playing time in milliseconds, if the header states a positive one. */
    static OptionalLong durationMillis(AudioHeader header) {
        double seconds = header.getPreciseTrackLength();
        return seconds > 0 && Double.isFinite(seconds)
                ? OptionalLong.of(Math.round(seconds * 1000)) : OptionalLong.empty();
    }

    static AudioTrack flac(AudioHeader header, long fileSize) {
        OptionalLong bitrate = OptionalLong.empty();
        Long start = header.getAudioDataStartPosition();
        double seconds = header.getPreciseTrackLength();
        if (start != null && start < fileSize && seconds > 0) {
            bitrate = OptionalLong.of(Math.round((fileSize - start) * 8 / seconds));
        }
        return track("flac", Optional.empty(), channels(header), header, bitrate);
    }

    static AudioTrack vorbis(AudioHeader header) {
        return track("vorbis", Optional.empty(), channels(header), header, kilobits(header));
    }

    static AudioTrack wav(AudioHeader header) {
        Integer byteRate = header.getByteRate();
        OptionalLong bitrate = byteRate != null && byteRate > 0
                ? OptionalLong.of(byteRate * 8L) : OptionalLong.empty();
        return track(wavCodec(header.getEncodingType()), Optional.empty(), channels(header), header, bitrate);
    }

    static AudioTrack mp4(AudioHeader header) {
        String encoding = String.valueOf(header.getEncodingType()).toLowerCase(Locale.ROOT);
        OptionalInt channels = channels(header);
        Optional<String> profile = Optional.empty();
        if (encoding.equals("aac")) {
            // jaudiotagger shifts the signed second byte of the AudioSpecificConfig: the low four bits are
            // still the channel configuration (ISO/IEC 14496-3 table 1.19; 7 means 7.1, 0 means "see PCE").
            OptionalInt shifted = parseInt(header.getChannels());
            if (shifted.isPresent()) {
                int configuration = shifted.getAsInt() & 0xF;
                channels = configuration == 7 ? OptionalInt.of(8) : AudioTrack.positive(configuration);
            }
            if (header instanceof Mp4AudioHeader mp4 && mp4.getProfile() != null) {
                profile = aacProfile(mp4.getProfile());
            }
        }
        return track(encoding, profile, channels, header, OptionalLong.empty());
    }

    private static AudioTrack track(String codec, Optional<String> profile, OptionalInt channels,
                                    AudioHeader header, OptionalLong bitrate) {
        return new AudioTrack(codec, profile, channels, AudioTrack.positive(header.getSampleRateAsNumber()), bitrate,
                Optional.empty());
    }

    private static OptionalInt channels(AudioHeader header) {
        OptionalInt count = parseInt(header.getChannels());
        return count.isPresent() ? AudioTrack.positive(count.getAsInt()) : count;
    }

    private static OptionalLong kilobits(AudioHeader header) {
        long kbps = header.getBitRateAsNumber();
        return kbps > 0 ? OptionalLong.of(kbps * 1000) : OptionalLong.empty();
    }

    static String wavCodec(String encodingType) {
        String type = String.valueOf(encodingType);
        if (type.contains("IEEE_FLOAT")) {
            return "pcm_float";
        }
        if (type.contains("PCM")) {
            return "pcm";
        }
        Matcher code = WAV_FORMAT_CODE.matcher(type);
        if (code.find() && code.group(1).length() <= 4) {
            int tag = Integer.parseInt(code.group(1), 16);
            return WAV_CODECS.getOrDefault(tag, String.format("wav_0x%04x", tag));
        }
        return "wav";
    }

    private static Optional<String> aacProfile(Mp4EsdsBox.AudioProfile profile) {
        return switch (profile) {
            case MAIN -> Optional.of("Main");
            case LOW_COMPLEXITY -> Optional.of("LC");
            default -> Optional.empty();
        };
    }

    private static OptionalInt parseInt(String text) {
        try {
            return text == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
