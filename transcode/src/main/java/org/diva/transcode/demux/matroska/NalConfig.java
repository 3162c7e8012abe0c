package org.diva.transcode.demux.matroska;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.diva.transcode.probe.MediaFormatException;

/**
 * The parts of an H.264 or HEVC decoder configuration record that turn length-prefixed samples into Annex B: the
 * size of each NAL unit's length field and the parameter sets, already written with start codes.
 *
 * <p>avcC is ISO/IEC 14496-15 section 5.3.3.1 (lengthSizeMinusOne in the low 2 bits of byte 4, then the SPS count
 * in the low 5 bits of byte 5, the SPSs, a PPS count byte and the PPSs, each behind a 16-bit length); hvcC is
 * section 8.3.3.1 (lengthSizeMinusOne in byte 21, numOfArrays in byte 22, then per array a NAL type byte, a 16-bit
 * count and 16-bit-length NAL units).
 *
 * @param lengthSize    bytes of each NAL length prefix: 1, 2 or 4
 * @param parameterSets the SPS/PPS (and HEVC VPS) as Annex B
 */
record NalConfig(int lengthSize, byte[] parameterSets) {
    static final byte[] START_CODE = {0, 0, 0, 1};

    NalConfig {
        if (lengthSize != 1 && lengthSize != 2 && lengthSize != 4) {
            throw new IllegalArgumentException("NAL length size " + lengthSize);
        }
        parameterSets = parameterSets.clone();
    }

    static NalConfig avcC(byte[] record) throws MediaFormatException {
        ByteBuffer b = ByteBuffer.wrap(record);
        ByteArrayOutputStream sets = new ByteArrayOutputStream();
        try {
            b.position(4);
            int lengthSize = (b.get() & 3) + 1;
            int sps = b.get() & 0x1f;
            copy(b, sps, sets);
            int pps = b.get() & 0xff;
            copy(b, pps, sets);
            return checked(lengthSize, sets, "avcC");
        } catch (RuntimeException e) {
            throw new MediaFormatException("damaged H.264 CodecPrivate (avcC) of " + record.length + " bytes: " + e);
        }
    }

    static NalConfig hvcC(byte[] record) throws MediaFormatException {
        ByteBuffer b = ByteBuffer.wrap(record);
        ByteArrayOutputStream sets = new ByteArrayOutputStream();
        try {
            b.position(21);
            int lengthSize = (b.get() & 3) + 1;
            int arrays = b.get() & 0xff;
            for (int i = 0; i < arrays; i++) {
                b.get(); // array_completeness and NAL unit type; every array is a parameter set array here
                copy(b, b.getShort() & 0xffff, sets);
            }
            return checked(lengthSize, sets, "hvcC");
        } catch (RuntimeException e) {
            throw new MediaFormatException("damaged HEVC CodecPrivate (hvcC) of " + record.length + " bytes: " + e);
        }
    }

    private static NalConfig checked(int lengthSize, ByteArrayOutputStream sets, String what)
            throws MediaFormatException {
        if (lengthSize == 3) {
            throw new MediaFormatException(what + " states a 3-byte NAL length, which ISO/IEC 14496-15 forbids");
        }
        return new NalConfig(lengthSize, sets.toByteArray());
    }

    private static void copy(ByteBuffer b, int count, ByteArrayOutputStream out) {
        for (int i = 0; i < count; i++) {
            int length = b.getShort() & 0xffff;
            byte[] nal = new byte[length];
            b.get(nal);
            out.writeBytes(START_CODE);
            out.writeBytes(nal);
        }
    }

    /**
     * One length-prefixed sample as Annex B, with the parameter sets first when {@code withParameterSets} and the
     * sample carries none of its own ({@code parameterSetType} tells a NAL header byte of an SPS).
     */
    byte[] toAnnexB(byte[] data, int offset, int length, boolean withParameterSets, ParameterSetTest isSps,
                    long where) throws MediaFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + parameterSets.length + 16);
        int position = offset;
        int end = offset + length;
        boolean hasSps = false;
        while (position < end) {
            if (end - position < lengthSize) {
                throw Lacing.damage("a NAL length prefix is cut off by the end of the frame", where);
            }
            long nalLength = 0;
            for (int i = 0; i < lengthSize; i++) {
                nalLength = (nalLength << 8) | (data[position + i] & 0xff);
            }
            position += lengthSize;
            if (nalLength > end - position) {
                throw Lacing.damage(String.format(Locale.ROOT, "a NAL unit claims %d bytes but the frame has %d left",
                        nalLength, end - position), where);
            }
            if (nalLength > 0) {
                hasSps |= isSps.test(data[position] & 0xff);
                out.writeBytes(START_CODE);
                out.write(data, position, (int) nalLength);
            }
            position += (int) nalLength;
        }
        if (!withParameterSets || hasSps || parameterSets.length == 0) {
            return out.toByteArray();
        }
        byte[] body = out.toByteArray();
        byte[] all = new byte[parameterSets.length + body.length];
        System.arraycopy(parameterSets, 0, all, 0, parameterSets.length);
        System.arraycopy(body, 0, all, parameterSets.length, body.length);
        return all;
    }

    /** Tells whether a NAL header's first byte is that of a sequence parameter set. */
    @FunctionalInterface
    interface ParameterSetTest {
        boolean test(int nalHeaderByte);

        ParameterSetTest H264 = b -> (b & 0x1f) == 7;
        ParameterSetTest HEVC = b -> ((b >> 1) & 0x3f) == 33;
    }
}
