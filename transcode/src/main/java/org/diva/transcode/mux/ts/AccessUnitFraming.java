package org.diva.transcode.mux.ts;

import java.nio.ByteBuffer;

import org.diva.transcode.codec.BitReader;
import org.diva.transcode.stream.ElementaryStream;

/**
 * What TS receivers expect around an access unit that DiVA's normalised payloads leave out.
 *
 * <p>AAC in MPEG-TS (stream_type 0x0F) is ADTS: each raw frame gets a 7-byte header (ISO/IEC 13818-7 section 6.2)
 * built from the AudioSpecificConfig (ISO/IEC 14496-3 section 1.6.2.1). ADTS has 2 bits of profile, so explicit
 * HE-AAC (object type 5 or 29) is signalled as LC at the core rate, as ffmpeg and broadcasters do; the SBR is found
 * implicitly by the decoder. H.264 and HEVC access units must start with an access unit delimiter in TS (ITU-T H.222.0
 * section 2.14; many TVs will not decode without it): one is added where the payload does not begin with one.
 */
final class AccessUnitFraming {
    private static final byte[] H264_AUD = {0, 0, 0, 1, 0x09, (byte) 0xF0};
    private static final byte[] HEVC_AUD = {0, 0, 0, 1, 0x46, 0x01, 0x50};
    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
        11025, 8000, 7350};

    private final String codec;
    /** ADTS bytes 0-3 fixed for the stream (profile, rate index, channels); length goes in per frame. */
    private final int adtsProfile;
    private final int adtsRateIndex;
    private final int adtsChannels;

    AccessUnitFraming(ElementaryStream stream) {
        this.codec = stream.codec();
        if (codec.equals("aac")) {
            byte[] asc = stream.codecPrivateBytes();
            if (asc.length < 2) {
                throw new IllegalArgumentException("AAC stream " + stream.index()
                        + " has no AudioSpecificConfig; ADTS headers cannot be made");
            }
            BitReader r = new BitReader(asc);
            int objectType = r.readInt(5);
            if (objectType == 31) {
                objectType = 32 + r.readInt(6);
            }
            int rateIndex = r.readInt(4);
            if (rateIndex == 15) {
                rateIndex = nearestIndex(r.readInt(24));
            }
            int channels = r.readInt(4);
            if (objectType == 5 || objectType == 29) {
                objectType = 2;
            }
            if (objectType < 1 || objectType > 4) {
                throw new IllegalArgumentException("AAC object type " + objectType + " of stream " + stream.index()
                        + " cannot be carried in ADTS");
            }
            adtsProfile = objectType - 1;
            adtsRateIndex = rateIndex;
            adtsChannels = channels;
        } else {
            adtsProfile = 0;
            adtsRateIndex = 0;
            adtsChannels = 0;
        }
    }

    /** The pieces to send for one access unit: a prefix (maybe empty) and the payload itself. */
    ByteBuffer[] frame(ByteBuffer payload) {
        return switch (codec) {
            case "aac" -> new ByteBuffer[] {ByteBuffer.wrap(adts(payload.remaining())), payload};
            case "h264" -> firstNalType(payload, false) == 9 ? new ByteBuffer[] {payload}
                    : new ByteBuffer[] {ByteBuffer.wrap(H264_AUD), payload};
            case "hevc" -> firstNalType(payload, true) == 35 ? new ByteBuffer[] {payload}
                    : new ByteBuffer[] {ByteBuffer.wrap(HEVC_AUD), payload};
            default -> new ByteBuffer[] {payload};
        };
    }

    private byte[] adts(int rawLength) {
        int length = rawLength + 7;
        if (length > 0x1FFF) {
            throw new IllegalArgumentException("AAC frame of " + rawLength + " bytes is too long for ADTS");
        }
        return new byte[] {
            (byte) 0xFF, (byte) 0xF1, // sync, MPEG-4, layer 0, no CRC
            (byte) (adtsProfile << 6 | adtsRateIndex << 2 | (adtsChannels >> 2) & 1),
            (byte) ((adtsChannels & 3) << 6 | length >> 11),
            (byte) (length >> 3),
            (byte) ((length & 7) << 5 | 0x1F), // buffer fullness 0x7FF: variable rate
            (byte) 0xFC, // one raw data block
        };
    }

    /** The type of the NAL unit after the payload's first start code, or -1. */
    private static int firstNalType(ByteBuffer payload, boolean hevc) {
        int p = payload.position();
        int limit = payload.limit();
        for (int i = p; i + 3 < limit && i < p + 8; i++) {
            if (payload.get(i) == 0 && payload.get(i + 1) == 0 && payload.get(i + 2) == 1) {
                int header = payload.get(i + 3) & 0xff;
                return hevc ? (header >> 1) & 0x3f : header & 0x1f;
            }
        }
        return -1;
    }

    private static int nearestIndex(int rate) {
        int best = 0;
        for (int i = 1; i < RATES.length; i++) {
            if (Math.abs(RATES[i] - rate) < Math.abs(RATES[best] - rate)) {
                best = i;
            }
        }
        return best;
    }
}
