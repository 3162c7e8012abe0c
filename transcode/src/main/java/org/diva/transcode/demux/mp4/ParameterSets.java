package org.diva.transcode.demux.mp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.diva.transcode.probe.MediaFormatException;

/**
 * The parameter sets of an AVC or HEVC decoder configuration record (ISO/IEC 14496-15 sections 5.3.3.1 and
 * 8.3.3.1) and the size of the NAL unit length prefixes the samples use.
 *
 * @param annexB    SPS/PPS (and HEVC VPS) with start codes, in the record's order
 * @param nalLength 1, 2 or 4
 */
record ParameterSets(byte[] annexB, int nalLength) {

    static ParameterSets avcC(Box box) throws MediaFormatException {
        ByteBuffer b = box.data();
        try {
            int nalLength = (b.get(4) & 3) + 1;
            b.position(5);
            List<byte[]> nals = new ArrayList<>();
            nals.addAll(units(b, b.get() & 0x1f));
            nals.addAll(units(b, b.get() & 0xff));
            return checked(new ParameterSets(SampleFormat.annexB(nals), nalLength), box);
        } catch (RuntimeException e) {
            throw new MediaFormatException("damaged MP4: the " + box.describe() + " is cut short or inconsistent");
        }
    }

    static ParameterSets hvcC(Box box) throws MediaFormatException {
        ByteBuffer b = box.data();
        try {
            int nalLength = (b.get(21) & 3) + 1;
            b.position(22);
            int arrays = b.get() & 0xff;
            List<byte[]> nals = new ArrayList<>();
            for (int i = 0; i < arrays; i++) {
                b.get(); // completeness and NAL unit type
                nals.addAll(units(b, b.getShort() & 0xffff));
            }
            return checked(new ParameterSets(SampleFormat.annexB(nals), nalLength), box);
        } catch (RuntimeException e) {
            throw new MediaFormatException("damaged MP4: the " + box.describe() + " is cut short or inconsistent");
        }
    }

    private static ParameterSets checked(ParameterSets sets, Box box) throws MediaFormatException {
        if (sets.nalLength == 3) {
            throw new MediaFormatException("damaged MP4: the " + box.describe() + " declares 3-byte NAL lengths");
        }
        return sets;
    }

    private static List<byte[]> units(ByteBuffer b, int count) {
        List<byte[]> nals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] nal = new byte[b.getShort() & 0xffff];
            b.get(nal);
            nals.add(nal);
        }
        return nals;
    }
}
