package org.diva.transcode.demux.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

import org.diva.transcode.probe.MediaFormatException;

/**
 * How an MP4's first video track is meant to be shown, which the packets do not say: the turn in the track header's
 * transformation matrix (ISO/IEC 14496-12 section 8.3.2, as phones record portrait video) and the pixel aspect of
 * the sample entry's 'pasp' box (section 12.1.4). Thumbnails need both; a player reads them from the same boxes.
 *
 * @param clockwiseTurn 0, 90, 180 or 270: how far the stored picture is turned clockwise for display
 * @param pixelAspect   hSpacing / vSpacing of 'pasp', if the entry has one
 */
public record VideoDisplay(int clockwiseTurn, Optional<Double> pixelAspect) {
    /** The body of a visual sample entry before its child boxes (section 12.1.3). */
    private static final int VISUAL_ENTRY_FIELDS = 78;

    public VideoDisplay {
        if (clockwiseTurn % 90 != 0 || clockwiseTurn < 0 || clockwiseTurn >= 360) {
            throw new IllegalArgumentException("turn must be 0, 90, 180 or 270 degrees, not " + clockwiseTurn);
        }
    }

    /** The first video track's display facts; upright with square pixels when there is no video track. */
    public static VideoDisplay read(SeekableByteChannel channel) throws IOException {
        Box moov = Mp4Layout.read(channel).moov();
        for (Box trak : moov.all("trak")) {
            Optional<Box> hdlr = trak.path("mdia", "hdlr");
            if (hdlr.isEmpty() || hdlr.get().data().remaining() < 12 || hdlr.get().data().getInt(8) != 0x76696465) {
                continue; // not 'vide'
            }
            return new VideoDisplay(turn(trak.need("tkhd").data()),
                    trak.path("mdia", "minf", "stbl", "stsd").flatMap(VideoDisplay::pasp));
        }
        return new VideoDisplay(0, Optional.empty());
    }

    /**
     * The matrix {a b u / c d v / x y w} maps stored to shown coordinates; its rotation part (a, b) is (cos, sin)
     * of the clockwise turn, as ffmpeg's display matrix reads it. Anything not a quarter turn is taken as upright.
     */
    private static int turn(ByteBuffer tkhd) {
        int at = tkhd.get(0) == 1 ? 52 : 40;
        if (tkhd.remaining() < at + 16) {
            return 0;
        }
        int a = tkhd.getInt(at);
        int b = tkhd.getInt(at + 4);
        long degrees = Math.round(Math.toDegrees(Math.atan2(b, a)));
        int turn = (int) Math.floorMod(degrees, 360);
        return turn % 90 == 0 ? turn : 0;
    }

    private static Optional<Double> pasp(Box stsd) {
        ByteBuffer body = stsd.data();
        if (body.remaining() < 16) {
            return Optional.empty();
        }
        int entrySize = body.getInt(8);
        int end = Math.min(body.remaining(), 8 + entrySize);
        int childStart = 8 + 8 + VISUAL_ENTRY_FIELDS;
        try {
            for (Box child : Box.parse(body.duplicate().position(childStart).limit(end), stsd.offset(), stsd)) {
                ByteBuffer p = child.data();
                if (child.type().equals("pasp") && p.remaining() >= 8) {
                    long h = p.getInt(0) & 0xffff_ffffL;
                    long v = p.getInt(4) & 0xffff_ffffL;
                    return h > 0 && v > 0 && h != v ? Optional.of((double) h / v) : Optional.empty();
                }
            }
        } catch (MediaFormatException | IllegalArgumentException damaged) {
            return Optional.empty(); // a damaged entry's aspect is not worth refusing the picture for
        }
        return Optional.empty();
    }
}
