package org.diva.transcode.probe.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.MediaFormatException;

/**
 * Reads the packets at the start of an Ogg file and the granule position at its end (RFC 3533), with bounded
 * reads: an Ogg page is at most 65,307 bytes, so the last complete page starts within that distance of the end.
 * Only the first logical stream is followed; pages of other streams (a chained or multiplexed file) are skipped.
 */
final class OggPacketReader {
    static final int MAX_PAGE = 27 + 255 + 255 * 255;
    private static final int HEADER = 27;

    private final SeekableByteChannel channel;
    private long nextPage;
    private int serial;
    private boolean serialKnown;
    private byte[] lacing = new byte[0];
    private int lace;
    private long bodyStart;
    private byte[] body; // null while skipping an over-long packet
    private int bodyAt;

    OggPacketReader(SeekableByteChannel channel) {
        this.channel = channel;
    }

    /**
     * The next packet, or empty if it is longer than {@code maxBytes}: then only its page headers are read.
     *
     * @throws MediaFormatException if the file ends or stops being Ogg before the packet does
     */
    Optional<byte[]> next(int maxBytes) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        boolean tooLong = false;
        while (true) {
            while (lace < lacing.length) {
                int length = lacing[lace++] & 0xFF;
                if (!tooLong && packet.size() + length <= maxBytes) {
                    if (body == null) {
                        body = readBody();
                    }
                    packet.write(body, bodyAt, length);
                } else {
                    tooLong = true;
                }
                bodyAt += length;
                if (length < 255) {
                    return tooLong ? Optional.empty() : Optional.of(packet.toByteArray());
                }
            }
            readPage();
        }
    }

    /** The serial number of the stream being read; valid once a packet was read. */
    int serial() {
        return serial;
    }

    /** Where the page after the current one starts: the audio, once the header packets have been read. */
    long nextPagePosition() {
        return nextPage;
    }

    private void readPage() throws IOException {
        while (true) {
            ByteBuffer header = ChannelReads.readExactly(channel, nextPage, HEADER, "Ogg page header");
            if (!isPageHeader(header, 0)) {
                throw new MediaFormatException(String.format("damaged Ogg: no page starts at byte %,d", nextPage));
            }
            int segments = header.get(26) & 0xFF;
            ByteBuffer table = ChannelReads.readExactly(channel, nextPage + HEADER, segments, "Ogg segment table");
            int bodyLength = 0;
            for (int i = 0; i < segments; i++) {
                bodyLength += table.get(i) & 0xFF;
            }
            bodyStart = nextPage + HEADER + segments;
            nextPage = bodyStart + bodyLength;
            int pageSerial = header.order(ByteOrder.LITTLE_ENDIAN).getInt(14);
            if (serialKnown && pageSerial != serial) {
                continue;
            }
            serial = pageSerial;
            serialKnown = true;
            lacing = new byte[segments];
            table.get(lacing);
            lace = 0;
            body = null;
            bodyAt = 0;
            return;
        }
    }

    private byte[] readBody() throws IOException {
        ByteBuffer read = ChannelReads.readExactly(channel, bodyStart, (int) (nextPage - bodyStart), "Ogg page");
        byte[] bytes = new byte[read.remaining()];
        read.get(bytes);
        return bytes;
    }

    /**
     * The granule position of the last complete page of stream {@code serial} that ends a packet: for Vorbis and
     * Opus, the number of samples decoded by the end of the file.
     */
    static OptionalLong lastGranule(SeekableByteChannel channel, int serial) throws IOException {
        long size = channel.size();
        long from = Math.max(0, size - MAX_PAGE);
        ByteBuffer tail = ChannelReads.readUpTo(channel, from, (int) (size - from)).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = tail.limit() - HEADER; at >= 0; at--) {
            if (!isPageHeader(tail, at) || tail.getInt(at + 14) != serial) {
                continue;
            }
            int segments = tail.get(at + 26) & 0xFF;
            if (at + HEADER + segments > tail.limit()) {
                continue;
            }
            long end = at + HEADER + segments;
            for (int i = 0; i < segments; i++) {
                end += tail.get(at + HEADER + i) & 0xFF;
            }
            long granule = tail.getLong(at + 6);
            if (end <= tail.limit() && granule != -1) { // -1: no packet ends on this page
                return OptionalLong.of(granule);
            }
        }
        return OptionalLong.empty();
    }

    private static boolean isPageHeader(ByteBuffer b, int at) {
        return b.limit() - at >= HEADER && b.get(at) == 'O' && b.get(at + 1) == 'g' && b.get(at + 2) == 'g'
                && b.get(at + 3) == 'S' && b.get(at + 4) == 0;
    }
}
