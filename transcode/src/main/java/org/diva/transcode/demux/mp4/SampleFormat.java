package org.diva.transcode.demux.mp4;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

import org.diva.transcode.codec.AacConfig;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.StreamKind;

/**
 * What the first sample description of a track (ISO/IEC 14496-12 section 8.5.2) tells the demuxer: the codec, its
 * configuration in DiVA's normalised form, and how samples must be rewritten.
 *
 * @param kind          video, audio or subtitle
 * @param codec         DiVA's codec name (h264, hevc, aac, ac3, eac3, mp3, mp2, mpeg4, mov_text ...)
 * @param codecPrivate  H.264/HEVC: the parameter sets in Annex B; AAC: the AudioSpecificConfig; MPEG-4 Part 2 and
 *                      MPEG-2 video: the esds decoder specific info (VOS/VOL or sequence header); else empty
 * @param nalLength     bytes of each NAL unit's length prefix for H.264/HEVC (ISO/IEC 14496-15), else 0
 * @param width         picture width, video only
 * @param height        picture height, video only
 * @param sampleRate    audio only
 * @param channels      audio only
 */
record SampleFormat(StreamKind kind, String codec, byte[] codecPrivate, int nalLength, int width, int height,
                    int sampleRate, int channels) {

    /** Size of a visual sample entry's fixed part, header included (section 12.1.3). */
    private static final int VISUAL_FIXED = 86;

    static Optional<SampleFormat> read(Box stsd, String handler) throws MediaFormatException {
        ByteBuffer b = stsd.data();
        if (b.remaining() < 16 || b.getInt(4) < 1) {
            throw new MediaFormatException("damaged MP4: no sample description in the " + stsd.describe());
        }
        List<Box> entries = Box.parse(b.position(8), stsd.offset() + 16, stsd);
        if (entries.isEmpty()) {
            throw new MediaFormatException("damaged MP4: no sample description in the " + stsd.describe());
        }
        Box entry = entries.get(0);
        return switch (handler) {
            case "vide" -> video(entry);
            case "soun" -> audio(entry);
            case "text", "sbtl" -> entry.type().equals("tx3g") || entry.type().equals("text")
                    ? Optional.of(new SampleFormat(StreamKind.SUBTITLE, "mov_text", new byte[0], 0, 0, 0, 0, 0))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<SampleFormat> video(Box entry) throws MediaFormatException {
        ByteBuffer b = entry.data();
        if (b.remaining() < VISUAL_FIXED - 8) {
            return Optional.empty();
        }
        int width = b.getShort(24) & 0xffff;
        int height = b.getShort(26) & 0xffff;
        List<Box> children = Box.parse(b.position(VISUAL_FIXED - 8), entry.offset() + VISUAL_FIXED, entry);
        String codec = switch (entry.type()) {
            case "avc1", "avc3" -> "h264";
            case "hvc1", "hev1" -> "hevc";
            case "mp4v" -> "mpeg4";
            case "mp2v", "m2v1", "xdv7", "xdva", "xdvb", "xdvc", "xd5c", "xd54", "xd55", "xdvd", "xdve", "xdvf",
                 "hdv2", "hdv3", "hdv5", "hdv6" -> "mpeg2video";
            default -> null;
        };
        if (codec == null) {
            return Optional.empty();
        }
        byte[] config = new byte[0];
        int nalLength = 0;
        if (codec.equals("h264")) {
            ParameterSets sets = ParameterSets.avcC(find(children, "avcC", entry));
            config = sets.annexB();
            nalLength = sets.nalLength();
        } else if (codec.equals("hevc")) {
            ParameterSets sets = ParameterSets.hvcC(find(children, "hvcC", entry));
            config = sets.annexB();
            nalLength = sets.nalLength();
        } else if (codec.equals("mpeg4")) {
            Optional<Esds> esds = children.stream().filter(c -> c.type().equals("esds")).findFirst()
                    .flatMap(c -> Esds.parse(c.data()));
            if (esds.isPresent() && esds.get().objectType() >= 0x60 && esds.get().objectType() <= 0x65) {
                codec = "mpeg2video";
            }
            config = esds.map(Esds::decoderSpecificInfo).orElse(new byte[0]); // VOL or sequence header
        }
        return Optional.of(new SampleFormat(StreamKind.VIDEO, codec, config, nalLength, width, height, 0, 0));
    }

    private static Optional<SampleFormat> audio(Box entry) throws MediaFormatException {
        ByteBuffer b = entry.data();
        if (b.remaining() < 28) {
            return Optional.empty();
        }
        int version = b.getShort(8) & 0xffff; // QuickTime sound description version
        int channels = b.getShort(16) & 0xffff;
        int rate = (int) ((b.getInt(24) & 0xffff_ffffL) >>> 16);
        int fixed = 28 + (version == 1 ? 16 : version == 2 ? 36 : 0);
        List<Box> children = fixed <= b.limit() ? Box.parse(b.position(fixed), entry.offset() + 8 + fixed, entry)
                : List.of();
        String codec = switch (entry.type()) {
            case "mp4a" -> "aac";
            case "ac-3" -> "ac3";
            case "ec-3" -> "eac3";
            case ".mp3" -> "mp3";
            case ".mp2" -> "mp2";
            default -> null;
        };
        if (codec == null) {
            return Optional.empty();
        }
        byte[] config = new byte[0];
        if (codec.equals("aac")) {
            Optional<Esds> esds = esds(children, entry);
            codec = esds.map(e -> switch (e.objectType()) {
                case 0x69, 0x6b -> "mp3";
                case 0xa5 -> "ac3";
                case 0xa6 -> "eac3";
                default -> "aac";
            }).orElse("aac");
            if (codec.equals("aac")) {
                config = esds.map(Esds::decoderSpecificInfo).filter(c -> c.length >= 2).orElseThrow(
                        () -> new MediaFormatException("damaged MP4: no AudioSpecificConfig in the 'esds' of the "
                                + entry.describe()));
                Optional<AacConfig> asc = AacConfig.parse(config);
                if (asc.isPresent()) {
                    rate = asc.get().sampleRate();
                    channels = asc.get().channels() > 0 ? asc.get().channels() : channels;
                }
            }
        }
        return Optional.of(new SampleFormat(StreamKind.AUDIO, codec, config, 0, 0, 0, rate, channels));
    }

    /** The esds, directly in the entry or (QuickTime) inside its 'wave' box. */
    private static Optional<Esds> esds(List<Box> children, Box entry) throws MediaFormatException {
        for (Box c : children) {
            if (c.type().equals("esds")) {
                return Esds.parse(c.data());
            }
            if (c.type().equals("wave")) {
                Optional<Esds> inner = esds(Box.parse(c.data(), c.offset() + c.header(), c), entry);
                if (inner.isPresent()) {
                    return inner;
                }
            }
        }
        return Optional.empty();
    }

    private static Box find(List<Box> children, String type, Box entry) throws MediaFormatException {
        return children.stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow(
                () -> new MediaFormatException("damaged MP4: no '" + type + "' in the " + entry.describe()));
    }

    /** Concatenates NAL units with 4-byte start codes. */
    static byte[] annexB(List<byte[]> nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] nal : nals) {
            out.write(0);
            out.write(0);
            out.write(0);
            out.write(1);
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }
}
