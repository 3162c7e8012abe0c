package org.diva.transcode.video.decode.avc;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.diva.transcode.codec.Rbsp;
import org.diva.transcode.probe.MediaFormatException;

/**
 * Test helper: splits an Annex B file into NAL units and walks its headers with our parsers, grouping slices into
 * pictures (a slice with first_mb_in_slice 0 starts one; the fixtures have no arbitrary slice order).
 */
final class HeaderWalk {
    static final List<String> NAMES = List.of("cabac-b-spatial", "cabac-b-temporal", "cabac-b-weighted",
            "cabac-deblock-offsets", "cabac-high-cqm", "cabac-high", "cabac-intra", "cabac-intra8x8", "cabac-lowqp",
            "cabac-nodeblock", "cabac-p", "cabac-slices", "cabac-weightp", "cavlc-b-8x8", "cavlc-intra",
            "cavlc-nodeblock", "cavlc-p", "cavlc-slices");

    /** One slice NAL unit: its RBSP and parsed header, with the parameter sets in force. */
    record Slice(byte[] rbsp, SliceStart start, Sps sps, Pps pps) {
    }

    /** A coded picture: its slices in decoding order. */
    record Picture(List<Slice> slices) {
        SliceHeader first() {
            return slices.get(0).start().header();
        }

        Sps sps() {
            return slices.get(0).sps();
        }
    }

    private HeaderWalk() {
    }

    static Path path(String name) {
        try {
            return Path.of(HeaderWalk.class.getResource("/media/avc/" + name + ".264").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> names() {
        return NAMES.stream();
    }

    /** NAL units (header byte included) of an Annex B byte stream. */
    static List<byte[]> nals(byte[] data) {
        List<byte[]> out = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < data.length) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                if (start >= 0) {
                    out.add(trimmed(data, start, i));
                }
                start = i + 3;
                i += 3;
            } else {
                i++;
            }
        }
        if (start >= 0) {
            out.add(trimmed(data, start, data.length));
        }
        return out;
    }

    private static byte[] trimmed(byte[] data, int from, int to) {
        int end = to;
        while (end > from && data[end - 1] == 0) {
            end--;
        }
        return java.util.Arrays.copyOfRange(data, from, end);
    }

    static byte[] rbsp(byte[] nal) {
        return Rbsp.unescape(ByteBuffer.wrap(nal, 1, nal.length - 1));
    }

    static List<Picture> pictures(String name) throws IOException {
        return pictures(Files.readAllBytes(path(name)));
    }

    static List<Picture> pictures(byte[] stream) throws MediaFormatException {
        Map<Integer, Sps> spss = new HashMap<>();
        Map<Integer, Pps> ppss = new HashMap<>();
        List<Picture> pictures = new ArrayList<>();
        List<Slice> current = null;
        for (byte[] nal : nals(stream)) {
            int type = nal[0] & 0x1f;
            int refIdc = (nal[0] >> 5) & 3;
            if (type == 7) {
                Sps sps = SpsParser.parse(rbsp(nal));
                spss.put(sps.spsId(), sps);
            } else if (type == 8) {
                Pps pps = PpsParser.parse(rbsp(nal), spss::get);
                ppss.put(pps.ppsId(), pps);
            } else if (type == 1 || type == 5) {
                byte[] rbsp = rbsp(nal);
                SliceStart start = SliceHeaderParser.parse(rbsp, type, refIdc, spss::get, ppss::get);
                Pps pps = ppss.get(start.header().ppsId());
                if (start.header().firstMbInSlice() == 0) {
                    current = new ArrayList<>();
                    pictures.add(new Picture(current));
                }
                if (current == null) {
                    throw new MediaFormatException("stream starts in the middle of a picture");
                }
                current.add(new Slice(rbsp, start, spss.get(pps.spsId()), pps));
            }
        }
        return pictures;
    }
}
