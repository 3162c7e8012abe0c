package org.diva.transcode.probe.mp4;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.diva.transcode.codec.BitReader;

/**
 * The codec configuration boxes MP4 audio sample entries carry besides 'esds', each read for channels, sample rate
 * and bitrate. A box too short for its fields gives empty: the entry's own (often generic) values stand.
 */
final class Mp4AudioConfigs {
    private static final int[] AC3_RATES = {48000, 44100, 32000};
    /** AC-3 channels per audio coding mode (ATSC A/52 table 5.8), before the LFE. */
    private static final int[] AC3_CHANNELS = {2, 1, 2, 3, 3, 4, 4, 5};
    /** AC-3 nominal bitrates in kb/s per bit_rate_code (ETSI TS 102 366 table F.4.1). */
    private static final int[] AC3_KBPS = {32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448,
        512, 576, 640};

    /** What a configuration box states; 0 where it says nothing. */
    record Facts(int channels, int sampleRate, long bitrate) {
    }

    private Mp4AudioConfigs() {
    }

    /** 'dac3', the AC3SpecificBox (ETSI TS 102 366 annex F.4). */
    static Optional<Facts> ac3(ByteBuffer dac3) {
        if (dac3.remaining() < 3) {
            return Optional.empty();
        }
        BitReader r = reader(dac3, 3);
        int fscod = r.readInt(2);
        r.skipBits(5 + 3); // bsid, bsmod
        int channels = AC3_CHANNELS[r.readInt(3)] + r.readInt(1);
        int rateCode = r.readInt(5);
        return Optional.of(new Facts(channels, fscod < 3 ? AC3_RATES[fscod] : 0,
                rateCode < AC3_KBPS.length ? AC3_KBPS[rateCode] * 1000L : 0));
    }

    /** 'dec3', the EC3SpecificBox (ETSI TS 102 366 annex F.6): the first independent substream's layout. */
    static Optional<Facts> eac3(ByteBuffer dec3) {
        if (dec3.remaining() < 5) {
            return Optional.empty();
        }
        BitReader r = reader(dec3, 5);
        long kbps = r.readBits(13);
        r.skipBits(3); // num_ind_sub
        int fscod = r.readInt(2);
        r.skipBits(5 + 1 + 1 + 3); // bsid, reserved, asvc, bsmod
        int channels = AC3_CHANNELS[r.readInt(3)] + r.readInt(1);
        return Optional.of(new Facts(channels, fscod < 3 ? AC3_RATES[fscod] : 0, kbps * 1000));
    }

    /** 'dOps', the Opus specific box (Encapsulation of Opus in ISO BMFF, section 4.3.2); Opus always decodes at 48 kHz. */
    static Optional<Facts> opus(ByteBuffer dOps) {
        if (dOps.remaining() < 2) {
            return Optional.empty();
        }
        return Optional.of(new Facts(dOps.get(dOps.position() + 1) & 0xff, 48000, 0));
    }

    /** 'dfLa', the FLAC specific box: a full box, then FLAC metadata blocks, STREAMINFO first (RFC 9639 8.2). */
    static Optional<Facts> flac(ByteBuffer dfLa) {
        int streamInfo = dfLa.position() + 4 + 4; // version/flags, metadata block header
        if (dfLa.limit() - streamInfo < 18 || (dfLa.get(dfLa.position() + 4) & 0x7f) != 0) {
            return Optional.empty();
        }
        BitReader r = reader(dfLa.duplicate().position(streamInfo + 10), 8);
        int sampleRate = r.readInt(20);
        int channels = r.readInt(3) + 1;
        return Optional.of(new Facts(channels, sampleRate, 0));
    }

    /** 'alac', Apple's ALACSpecificConfig after a full-box header. */
    static Optional<Facts> alac(ByteBuffer alac) {
        int config = alac.position() + 4;
        if (alac.limit() - config < 24) {
            return Optional.empty();
        }
        return Optional.of(new Facts(alac.get(config + 9) & 0xff, alac.getInt(config + 20),
                alac.getInt(config + 16) & 0xffff_ffffL));
    }

    private static BitReader reader(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.duplicate().get(bytes);
        return new BitReader(bytes);
    }
}
