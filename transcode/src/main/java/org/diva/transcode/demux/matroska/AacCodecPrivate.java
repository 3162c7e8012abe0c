package org.diva.transcode.demux.matroska;

import java.util.Locale;
import java.util.Optional;

/**
 * Builds the AudioSpecificConfig that old muxers left out: tracks with CodecID A_AAC/MPEG2/LC, A_AAC/MPEG4/MAIN,
 * A_AAC/MPEG4/LC/SBR and the like name the object type in the ID and carry no CodecPrivate. The two-byte form is
 * ISO/IEC 14496-3 section 1.6.2.1 (5 bits object type, 4 bits sampling frequency index, 4 bits channel
 * configuration, 3 zero bits); SBR is signalled backward-compatibly with the sync extension 0x2B7 (section
 * 1.6.5), naming object type 5 and the output rate.
 */
final class AacCodecPrivate {
    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
        11025, 8000, 7350};

    private AacCodecPrivate() {
    }

    /** The ASC a legacy CodecID implies, or empty when the ID names no profile or the rate has no index. */
    static Optional<byte[]> fromCodecId(String codecId, int sampleRate, int channels) {
        String id = codecId.toUpperCase(Locale.ROOT);
        boolean sbr = id.endsWith("/SBR");
        String base = sbr ? id.substring(0, id.length() - 4) : id;
        int objectType;
        if (base.endsWith("/MAIN")) {
            objectType = 1;
        } else if (base.endsWith("/LC")) {
            objectType = 2;
        } else if (base.endsWith("/SSR")) {
            objectType = 3;
        } else if (base.endsWith("/LTP")) {
            objectType = 4;
        } else {
            return Optional.empty();
        }
        // With SBR the track's rate is the output rate; the core runs at half of it.
        int coreRate = sbr ? sampleRate / 2 : sampleRate;
        int core = index(coreRate);
        int output = index(sampleRate);
        if (core < 0 || output < 0 || channels < 1 || channels > 7) {
            return Optional.empty();
        }
        int asc = (objectType << 11) | (core << 7) | (channels << 3);
        if (!sbr) {
            return Optional.of(new byte[] {(byte) (asc >> 8), (byte) asc});
        }
        // 16 bits ASC, then 11 bits sync 0x2B7, 5 bits object type 5, 1 bit sbrPresent, 4 bits output index.
        long bits = ((long) asc << 21) | (0x2B7L << 10) | (5L << 5) | (1L << 4) | output;
        bits <<= 3; // 37 bits padded to 40
        byte[] out = new byte[5];
        for (int i = 0; i < 5; i++) {
            out[i] = (byte) (bits >>> (8 * (4 - i)));
        }
        return Optional.of(out);
    }

    private static int index(int rate) {
        for (int i = 0; i < RATES.length; i++) {
            if (RATES[i] == rate) {
                return i;
            }
        }
        return -1;
    }
}
