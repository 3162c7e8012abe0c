package org.diva.transcode.mux.mp4;

import org.diva.transcode.codec.Ac3Header;
import org.diva.transcode.codec.BitReader;
import org.diva.transcode.probe.MediaFormatException;

/**
 * The AC3SpecificBox 'dac3' (ETSI TS 102 366 annex F.4) fields, read from the first sync frame's bit stream
 * information (section 5.3.2) after {@link Ac3Header} has confirmed it is AC-3.
 */
record Ac3Specific(int fscod, int bsid, int bsmod, int acmod, boolean lfeon, int bitRateCode, int sampleRate) {
    Ac3Specific {
        if (fscod < 0 || fscod > 2 || bitRateCode < 0 || bitRateCode > 18) {
            throw new IllegalArgumentException("bad AC-3 header fields: fscod " + fscod + ", bit_rate_code "
                    + bitRateCode);
        }
    }

    static Ac3Specific of(byte[] frame, int streamIndex) throws MediaFormatException {
        Ac3Header header = Ac3Header.parse(frame, 0, frame.length).orElseThrow(() -> new MediaFormatException(
                "AC-3 stream " + streamIndex + ": its first packet does not start with an AC-3 sync frame"));
        if (header.enhanced()) {
            throw new MediaFormatException("AC-3 stream " + streamIndex + " carries E-AC-3 frames; MP4 output "
                    + "carries " + SampleEntry.CODECS);
        }
        BitReader r = new BitReader(frame, 4, frame.length - 4);
        int fscod = r.readInt(2);
        int frmsizecod = r.readInt(6);
        int bsid = r.readInt(5);
        int bsmod = r.readInt(3);
        int acmod = r.readInt(3);
        if ((acmod & 1) != 0 && acmod != 1) {
            r.skipBits(2); // cmixlev
        }
        if ((acmod & 4) != 0) {
            r.skipBits(2); // surmixlev
        }
        if (acmod == 2) {
            r.skipBits(2); // dsurmod
        }
        boolean lfeon = r.readFlag();
        return new Ac3Specific(fscod, bsid, bsmod, acmod, lfeon, frmsizecod >> 1, header.sampleRate());
    }

    void write(BoxBuffer b) {
        int box = b.begin("dac3");
        int bits = fscod << 22 | bsid << 17 | bsmod << 14 | acmod << 11 | (lfeon ? 1 : 0) << 10 | bitRateCode << 5;
        b.u24(bits); // the last 5 bits are reserved
        b.end(box);
    }
}
