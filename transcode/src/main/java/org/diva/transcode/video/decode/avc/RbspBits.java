package org.diva.transcode.video.decode.avc;

import org.diva.transcode.probe.MediaFormatException;

/**
 * Reads the header syntax elements of an RBSP (14496-10 7.2: u(n), ue(v), se(v)) and knows its bit position, which
 * the slice data decoders start from. Running out of data or an Exp-Golomb code longer than 32 bits is a
 * {@link MediaFormatException} naming the bit, so hostile headers end cleanly.
 */
final class RbspBits {
    private final byte[] data;
    private final int limitBits;
    private final String what;
    private int pos;

    RbspBits(byte[] rbsp, String what) {
        this.data = rbsp;
        this.limitBits = rbsp.length * 8;
        this.what = what;
    }

    int position() {
        return pos;
    }

    int bit() throws MediaFormatException {
        if (pos >= limitBits) {
            throw new MediaFormatException(what + " ends early at bit " + pos + " (" + data.length + " bytes)");
        }
        int b = (data[pos >> 3] >> (7 - (pos & 7))) & 1;
        pos++;
        return b;
    }

    boolean flag() throws MediaFormatException {
        return bit() == 1;
    }

    /** u(n) for n in 0..31. */
    int u(int n) throws MediaFormatException {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | bit();
        }
        return v;
    }

    /** ue(v) (9.1); values beyond 2^31 - 2 are refused rather than wrapped. */
    int ue() throws MediaFormatException {
        int start = pos;
        int zeros = 0;
        while (bit() == 0) {
            if (++zeros > 30) {
                throw new MediaFormatException(what + ": Exp-Golomb code too long at bit " + start);
            }
        }
        return (1 << zeros) - 1 + u(zeros);
    }

    /** Skips a ue(v) that may be as large as 2^32 - 2 (HRD bit rates and buffer sizes). */
    void skipUe() throws MediaFormatException {
        int start = pos;
        int zeros = 0;
        while (bit() == 0) {
            if (++zeros > 31) {
                throw new MediaFormatException(what + ": Exp-Golomb code too long at bit " + start);
            }
        }
        for (int i = 0; i < zeros; i++) {
            bit();
        }
    }

    /** se(v) (9.1.1). */
    int se() throws MediaFormatException {
        int k = ue();
        return (k & 1) == 1 ? (k + 1) >> 1 : -(k >> 1);
    }

    /** ue(v) that must lie in [min, max]; the message names the field and the bit where it starts. */
    int ue(String field, int min, int max) throws MediaFormatException {
        int at = pos;
        return check(field, at, ue(), min, max);
    }

    int se(String field, int min, int max) throws MediaFormatException {
        int at = pos;
        return check(field, at, se(), min, max);
    }

    private int check(String field, int at, int v, int min, int max) throws MediaFormatException {
        if (v < min || v > max) {
            throw new MediaFormatException(what + ": " + field + " = " + v + " at bit " + at + " outside [" + min
                    + ", " + max + "]");
        }
        return v;
    }

    /** more_rbsp_data() (7.2): whether anything but the rbsp_stop_one_bit and its zero padding follows. */
    boolean moreData() {
        int last = data.length - 1;
        while (last >= 0 && data[last] == 0) {
            last--;
        }
        if (last < 0) {
            return false;
        }
        int stopBit = last * 8 + 7 - Integer.numberOfTrailingZeros(data[last] & 0xff);
        return pos < stopBit;
    }

    MediaFormatException error(String message) {
        return new MediaFormatException(what + ": " + message + " (bit " + pos + ")");
    }
}
