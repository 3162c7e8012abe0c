package org.diva.transcode.demux.mp4;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.MediaFormatException;

/**
 * The top level of an MP4 file: its movie box, read whole, and where its movie fragments are. The walk seeks from
 * box header to box header, so media data of any size costs one read; the movie and each fragment header are capped
 * in size, and the number of top-level boxes too, so a hostile file cannot exhaust memory or time.
 *
 * @param moov      the movie box, in memory
 * @param fragments file offsets of the 'moof' boxes, in file order
 */
record Mp4Layout(Box moov, List<Long> fragments) {
    static final int MAX_MOOV = 64 << 20;
    static final int MAX_MOOF = 16 << 20;
    static final int MAX_TOP_LEVEL_BOXES = 2_000_000;

    static Mp4Layout read(SeekableByteChannel channel) throws IOException {
        long size = channel.size();
        Box moov = null;
        List<Long> fragments = new ArrayList<>();
        long at = 0;
        for (int count = 0; size - at >= 8; count++) {
            if (count == MAX_TOP_LEVEL_BOXES) {
                throw new MediaFormatException("damaged MP4: more than " + count + " top-level boxes");
            }
            ByteBuffer head = ChannelReads.readExactly(channel, at, (int) Math.min(16, size - at), "MP4 box header");
            long boxSize = head.getInt() & 0xffff_ffffL;
            byte[] code = new byte[4];
            head.get(code);
            String type = new String(code, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (boxSize == 1 && head.remaining() >= 8) {
                boxSize = head.getLong();
                header = 16;
            } else if (boxSize == 0) {
                boxSize = size - at;
            }
            if (boxSize < header) {
                if (moov != null) {
                    break; // damage after the movie: play what the header describes
                }
                throw new MediaFormatException(String.format(Locale.ROOT,
                        "damaged MP4: '%s' box at byte %,d claims %,d bytes", printable(type), at, boxSize));
            }
            if (type.equals("moov") && moov == null) {
                moov = load(channel, type, at, header, boxSize, MAX_MOOV);
            } else if (type.equals("moof")) {
                fragments.add(at);
            }
            at += boxSize;
        }
        if (moov == null) {
            throw new MediaFormatException("not a playable MP4: no 'moov' box (the movie header) in the file");
        }
        return new Mp4Layout(moov, List.copyOf(fragments));
    }

    /** Reads the 'moof' at {@code at}. */
    Box readFragment(SeekableByteChannel channel, long at) throws IOException {
        ByteBuffer head = ChannelReads.readExactly(channel, at, 16, "'moof' header");
        long boxSize = head.getInt(0) & 0xffff_ffffL;
        int header = 8;
        if (boxSize == 1) {
            boxSize = head.getLong(8);
            header = 16;
        }
        return load(channel, "moof", at, header, boxSize, MAX_MOOF);
    }

    private static Box load(SeekableByteChannel channel, String type, long at, int header, long boxSize, int max)
            throws IOException {
        if (boxSize > max) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "MP4 header too big: the '%s' box at byte %,d claims %,d bytes; DiVA reads at most %,d",
                    type, at, boxSize, max));
        }
        if (at + boxSize > channel.size()) {
            throw new MediaFormatException(String.format(Locale.ROOT,
                    "truncated MP4: the '%s' box at byte %,d claims %,d bytes but the file ends at byte %,d",
                    type, at, boxSize, channel.size()));
        }
        ByteBuffer body = ChannelReads.readExactly(channel, at + header, (int) boxSize - header, "'" + type + "' box");
        return new Box(type, at, header, body);
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? type : "?";
    }
}
