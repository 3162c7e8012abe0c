package org.diva.transcode.probe.matroska;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One Matroska TrackEntry as the file states it, before its codec ID is translated into DiVA's names
 * ({@link MatroskaCodecs}). Absent numbers are empty or 0; defaults are the specification's.
 *
 * @param type            TrackType: 1 video, 2 audio, 0x11 subtitle, others ignored
 * @param codecId         CodecID, e.g. "V_MPEG4/ISO/AVC"
 * @param codecPrivate    CodecPrivate when present and no larger than {@link #CODEC_PRIVATE_CAP}
 * @param language        LanguageIETF (BCP 47) if present, else Language (ISO 639-2, "eng" when absent as the
 *                        specification says); empty for "und"
 * @param name            Name, if any
 * @param flagDefault     FlagDefault (default true)
 * @param defaultDuration DefaultDuration in nanoseconds (one frame for video), 0 if absent
 * @param pixelWidth      Video PixelWidth, 0 if absent
 * @param pixelHeight     Video PixelHeight, 0 if absent
 * @param flagInterlaced  Video FlagInterlaced: 0 undetermined, 1 interlaced, 2 progressive
 * @param colourBits      Video Colour BitsPerChannel, if stated
 * @param samplingRate    Audio OutputSamplingFrequency if present (the real rate of HE-AAC), else
 *                        SamplingFrequency (default 8000), rounded to Hz; 0 for non-audio tracks
 * @param channels        Audio Channels (default 1); 0 for non-audio tracks
 * @param bitDepth        Audio BitDepth, if stated
 * @param number          TrackNumber, which blocks name their track by (0 if absent, which is damage)
 * @param compression     the ContentCompression of the first ContentEncoding, if the track's frames are compressed
 * @param codecDelay      CodecDelay in nanoseconds (Opus pre-skip), to subtract from every block timestamp; 0 if
 *                        absent
 */
public record MatroskaTrackEntry(
        int type,
        String codecId,
        Optional<byte[]> codecPrivate,
        Optional<String> language,
        Optional<String> name,
        boolean flagDefault,
        long defaultDuration,
        int pixelWidth,
        int pixelHeight,
        int flagInterlaced,
        OptionalInt colourBits,
        int samplingRate,
        int channels,
        OptionalInt bitDepth,
        long number,
        Optional<Compression> compression,
        long codecDelay) {

    public static final int TYPE_VIDEO = 1;
    public static final int TYPE_AUDIO = 2;
    public static final int TYPE_SUBTITLE = 0x11;
    /** ContentCompAlgo 3: every frame had {@link Compression#settings()} cut from its start. */
    public static final int HEADER_STRIPPING = 3;

    /**
     * A ContentCompression (RFC 9559 section 5.1.4.1.31): algorithm 0 zlib, 1 bzlib, 2 lzo1x, 3 header stripping,
     * and its ContentCompSettings (for header stripping, the bytes to put back before each frame).
     */
    public record Compression(int algorithm, byte[] settings) {
        public Compression {
            settings = settings.clone();
        }

        @Override
        public byte[] settings() {
            return settings.clone();
        }
    }
    /**
     * The largest CodecPrivate read. The structures the probe parses from it (avcC, hvcC, AudioSpecificConfig,
     * BITMAPINFOHEADER, WAVEFORMATEX) are a few hundred bytes; a bigger one is left unread.
     */
    static final int CODEC_PRIVATE_CAP = 64 * 1024;

    /** Reads a TrackEntry's children, descending only into Video, Audio and Video/Colour. */
    public static MatroskaTrackEntry read(EbmlReader ebml, EbmlReader.Element entry) throws IOException {
        int type = 0;
        String codecId = "";
        EbmlReader.Element codecPrivate = null;
        String language = "eng";
        Optional<String> languageIetf = Optional.empty();
        Optional<String> name = Optional.empty();
        boolean flagDefault = true;
        long defaultDuration = 0;
        int width = 0;
        int height = 0;
        int interlaced = 0;
        OptionalInt colourBits = OptionalInt.empty();
        double samplingRate = 8000;
        double outputRate = 0;
        int channels = 1;
        OptionalInt bitDepth = OptionalInt.empty();
        long number = 0;
        long codecDelay = 0;
        Optional<Compression> compression = Optional.empty();
        for (EbmlReader.Element e : ebml.children(entry)) {
            switch (e.id()) {
                case MatroskaIds.TRACK_TYPE -> type = ebml.unsignedInt(e);
                case MatroskaIds.TRACK_NUMBER -> number = ebml.unsigned(e);
                case MatroskaIds.CODEC_DELAY -> codecDelay = Math.max(0, ebml.unsigned(e));
                case MatroskaIds.CONTENT_ENCODINGS -> compression = readCompression(ebml, e);
                case MatroskaIds.CODEC_ID -> codecId = ebml.string(e);
                case MatroskaIds.CODEC_PRIVATE -> codecPrivate = e;
                case MatroskaIds.LANGUAGE -> language = ebml.string(e);
                case MatroskaIds.LANGUAGE_IETF -> languageIetf = nonBlank(ebml.string(e));
                case MatroskaIds.NAME -> name = nonBlank(ebml.string(e));
                case MatroskaIds.FLAG_DEFAULT -> flagDefault = ebml.unsigned(e) != 0;
                case MatroskaIds.DEFAULT_DURATION -> defaultDuration = Math.max(0, ebml.unsigned(e));
                case MatroskaIds.VIDEO -> {
                    for (EbmlReader.Element v : ebml.children(e)) {
                        switch (v.id()) {
                            case MatroskaIds.PIXEL_WIDTH -> width = ebml.unsignedInt(v);
                            case MatroskaIds.PIXEL_HEIGHT -> height = ebml.unsignedInt(v);
                            case MatroskaIds.FLAG_INTERLACED -> interlaced = ebml.unsignedInt(v);
                            case MatroskaIds.COLOUR -> colourBits = readColourBits(ebml, v);
                            default -> { }
                        }
                    }
                }
                case MatroskaIds.AUDIO -> {
                    for (EbmlReader.Element a : ebml.children(e)) {
                        switch (a.id()) {
                            case MatroskaIds.SAMPLING_FREQUENCY -> samplingRate = ebml.floating(a);
                            case MatroskaIds.OUTPUT_SAMPLING_FREQUENCY -> outputRate = ebml.floating(a);
                            case MatroskaIds.CHANNELS -> channels = ebml.unsignedInt(a);
                            case MatroskaIds.BIT_DEPTH -> bitDepth = positive(ebml.unsignedInt(a));
                            default -> { }
                        }
                    }
                }
                default -> { }
            }
        }
        Optional<byte[]> privateData = codecPrivate == null
                ? Optional.empty() : ebml.binary(codecPrivate, CODEC_PRIVATE_CAP);
        boolean audio = type == TYPE_AUDIO;
        return new MatroskaTrackEntry(type, codecId, privateData, iso639(languageIetf.orElse(language)), name,
                flagDefault, defaultDuration, width, height, interlaced, colourBits,
                audio ? hertz(outputRate > 0 ? outputRate : samplingRate) : 0, audio ? channels : 0, bitDepth, number,
                compression, codecDelay);
    }

    /** The first ContentEncoding's compression; encryption (ContentEncodingType 1) is reported as algorithm -1. */
    private static Optional<Compression> readCompression(EbmlReader ebml, EbmlReader.Element encodings)
            throws IOException {
        for (EbmlReader.Element encoding : ebml.children(encodings)) {
            if (encoding.id() != MatroskaIds.CONTENT_ENCODING) {
                continue;
            }
            for (EbmlReader.Element e : ebml.children(encoding)) {
                if (e.id() == MatroskaIds.CONTENT_ENCODING_TYPE && ebml.unsigned(e) == 1) {
                    return Optional.of(new Compression(-1, new byte[0]));
                }
            }
            for (EbmlReader.Element e : ebml.children(encoding)) {
                if (e.id() != MatroskaIds.CONTENT_COMPRESSION) {
                    continue;
                }
                int algorithm = 0; // the specification's default is zlib
                byte[] settings = new byte[0];
                for (EbmlReader.Element c : ebml.children(e)) {
                    if (c.id() == MatroskaIds.CONTENT_COMP_ALGO) {
                        algorithm = ebml.unsignedInt(c);
                    } else if (c.id() == MatroskaIds.CONTENT_COMP_SETTINGS) {
                        settings = ebml.binary(c, 256).orElseThrow(() -> ebml.source().error(
                                "ContentCompSettings longer than 256 bytes", c.offset()));
                    }
                }
                return Optional.of(new Compression(algorithm, settings));
            }
        }
        return Optional.empty();
    }

    private static OptionalInt readColourBits(EbmlReader ebml, EbmlReader.Element colour) throws IOException {
        for (EbmlReader.Element c : ebml.children(colour)) {
            if (c.id() == MatroskaIds.BITS_PER_CHANNEL) {
                return positive(ebml.unsignedInt(c));
            }
        }
        return OptionalInt.empty();
    }

    private static Optional<String> iso639(String language) {
        return language.isBlank() || language.equalsIgnoreCase("und") ? Optional.empty() : Optional.of(language);
    }

    private static Optional<String> nonBlank(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static OptionalInt positive(int value) {
        return value > 0 ? OptionalInt.of(value) : OptionalInt.empty();
    }

    private static int hertz(double rate) {
        return Double.isFinite(rate) && rate > 0 && rate < Integer.MAX_VALUE ? (int) Math.round(rate) : 0;
    }
}
