package org.diva.transcode.mux.mp4;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.diva.transcode.codec.AnnexB;
import org.diva.transcode.codec.H264Sps;
import org.diva.transcode.probe.MediaFormatException;

/**
 * Turns H.264 access units from Annex B (start codes, parameter sets and access unit delimiters in band) into MP4
 * samples: NAL units each prefixed by a 4-byte length (ISO/IEC 14496-15 section 5.3.2), and collects the sequence
 * and picture parameter sets for the AVCDecoderConfigurationRecord (section 5.3.3.1).
 *
 * <p>The record holds the SPS and PPS known when the first sample is written (the stream's codec private data and
 * what the first access unit carries). A parameter set equal to one in the record is dropped from the samples; one
 * that differs (a resolution change mid-stream, a new PPS) stays in band in its sample, which an 'avc1' sample entry
 * permits (parameter sets may also be sent in the stream), so such a stream still decodes from there on; ffmpeg
 * keeps every in-band set in its samples and players cope with that too.
 * Access unit delimiters are dropped: MP4 samples delimit access units already.
 */
final class AvcSamples {
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;
    private static final int NAL_AUD = 9;
    private static final int MAX_SETS = 32;

    private final List<byte[]> sps = new ArrayList<>();
    private final List<byte[]> pps = new ArrayList<>();
    /** Set after the first sample: the record is what was known when the first picture was decoded. */
    private boolean sealed;
    /**
     * Set once a parameter set had to stay in band: from then on all of them do, since a stream that changed to a
     * new SPS and later back to the recorded one needs the recorded one sent again (broadcast ad breaks).
     */
    private boolean inBand;

    AvcSamples(ByteBuffer codecPrivate) {
        for (ByteBuffer nal : AnnexB.split(codecPrivate.duplicate())) {
            keepIfNew(bytes(nal));
        }
    }

    /** One access unit as an MP4 sample. */
    byte[] sample(ByteBuffer accessUnit) throws MediaFormatException {
        List<ByteBuffer> nals = AnnexB.split(accessUnit.duplicate());
        if (nals.isEmpty() && accessUnit.hasRemaining()) {
            throw new MediaFormatException("H.264 packet of " + accessUnit.remaining()
                    + " bytes has no Annex B start code; DiVA's demuxers hand out Annex B");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(accessUnit.remaining() + 16);
        for (ByteBuffer nal : nals) {
            if (!nal.hasRemaining()) {
                continue;
            }
            int type = nal.get(nal.position()) & 0x1f;
            if (type == NAL_AUD) {
                continue;
            }
            if ((type == NAL_SPS || type == NAL_PPS) && !keepIfNew(bytes(nal))) {
                continue;
            }
            int length = nal.remaining();
            out.write(length >>> 24);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
            out.write(bytes(nal), 0, length);
        }
        sealed = true;
        return out.toByteArray();
    }

    boolean hasParameterSets() {
        return !sps.isEmpty() && !pps.isEmpty();
    }

    Optional<H264Sps> firstSps() {
        return sps.isEmpty() ? Optional.empty() : H264Sps.parse(sps.get(0));
    }

    /** The 'avcC' box: an AVCDecoderConfigurationRecord with 4-byte NAL lengths. */
    void writeAvcC(BoxBuffer b) {
        byte[] first = sps.get(0);
        int box = b.begin("avcC");
        b.u8(1); // configurationVersion
        b.u8(first.length > 1 ? first[1] : 0); // AVCProfileIndication
        b.u8(first.length > 2 ? first[2] : 0); // profile_compatibility
        b.u8(first.length > 3 ? first[3] : 0); // AVCLevelIndication
        b.u8(0xfc | 3); // lengthSizeMinusOne
        b.u8(0xe0 | sps.size());
        for (byte[] s : sps) {
            b.u16(s.length);
            b.bytes(s);
        }
        b.u8(pps.size());
        for (byte[] p : pps) {
            b.u16(p.length);
            b.bytes(p);
        }
        int profile = first.length > 1 ? first[1] & 0xff : 0;
        Optional<H264Sps> parsed = firstSps();
        if ((profile == 100 || profile == 110 || profile == 122 || profile == 144) && parsed.isPresent()) {
            // The High-profile extension of the record (section 5.3.3.1.2), which ffmpeg writes too.
            int depth = Math.max(0, parsed.get().bitDepthLuma() - 8);
            b.u8(0xfc | parsed.get().chromaFormatIdc());
            b.u8(0xf8 | depth);
            b.u8(0xf8 | depth);
            b.u8(0); // numOfSequenceParameterSetExt
        }
        b.end(box);
    }

    /**
     * Adds a parameter set to the record until the first sample is done (returns false: it is in the record), drops
     * an exact repeat of a recorded one (false) until some set has stayed in band, keeps any other in band (true).
     */
    private boolean keepIfNew(byte[] nal) {
        int type = nal[0] & 0x1f;
        if (type != NAL_SPS && type != NAL_PPS) {
            return true;
        }
        if (inBand) {
            return true;
        }
        List<byte[]> sets = type == NAL_SPS ? sps : pps;
        for (byte[] known : sets) {
            if (Arrays.equals(known, nal)) {
                return false;
            }
        }
        if (!sealed && sets.size() < MAX_SETS && nal.length <= 0xffff) {
            sets.add(nal);
            return false;
        }
        inBand = true;
        return true;
    }

    private static byte[] bytes(ByteBuffer nal) {
        byte[] b = new byte[nal.remaining()];
        nal.duplicate().get(b);
        return b;
    }
}
