package org.diva.transcode.probe.mpeg;

import static org.diva.transcode.probe.mpeg.MpegProbing.HEAD_LIMIT;
import static org.diva.transcode.probe.mpeg.MpegProbing.START_SEARCH;
import static org.diva.transcode.probe.mpeg.MpegProbing.TAIL_LENGTH;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.diva.transcode.probe.ContainerProbe;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;

/**
 * Probes MPEG program streams: .mpg/.mpeg (MPEG-1 system streams and MPEG-2 program streams) and DVD-Video .vob.
 * Container "mpegps".
 *
 * <p>How: find the first pack header; read the head (at most 8 MiB) for the streams, in the order their first
 * packets appear, their codec headers (MPEG-1/2 sequence header or H.264 SPS for video, MPEG audio, AC-3 and LPCM
 * headers for audio) and first time stamps; then the last 2 MiB for the last time stamps. The duration runs from
 * the earliest PTS to the latest end over the audio and video streams, or between the first and last system clock
 * references (SCR) when the packets carry no usable PTS.
 */
public final class MpegPsProbe implements ContainerProbe {
    @Override
    public MediaInfo probe(SeekableByteChannel channel) throws IOException {
        return MpegProbing.probe(channel, "MPEG-PS", MpegPsProbe::read);
    }

    private static MediaInfo read(SeekableByteChannel channel, long size) throws IOException {
        long start = findPack(channel, size);
        PtsClock clock = new PtsClock();
        PsHeadScan head = new PsHeadScan(start, Math.min(size, start + HEAD_LIMIT), clock).run(channel);
        List<MpegStreamHead> streams = head.streams();
        if (streams.stream().noneMatch(s -> s.codec().kind() != MpegStreamCodec.Kind.SUBTITLE)) {
            throw new MediaFormatException(noStreams(head, start, size));
        }
        TailScan tail = new TailScan(head, clock);
        new PsScanner(channel, Math.max(start, size - TAIL_LENGTH), size).run(tail);
        List<MpegStreamTail> ends = new ArrayList<>();
        head.keys().forEach(key -> ends.add(tail.ends.get(key)));
        OptionalLong scrSpan = OptionalLong.empty();
        if (head.firstScr() >= 0 && tail.lastScr >= 0) {
            PtsClock scrClock = new PtsClock();
            scrClock.offset(head.firstScr());
            scrSpan = OptionalLong.of(scrClock.offset(tail.lastScr));
        }
        return MpegMediaInfo.build("mpegps", streams, ends, size, scrSpan);
    }

    private static long findPack(SeekableByteChannel channel, long size) throws IOException {
        int searched = (int) Math.min(size, START_SEARCH);
        byte[] bytes = MpegProbing.start(channel, searched + 16);
        int pack = PsScanner.findPack(bytes, 0, Math.min(bytes.length, searched + 13));
        if (pack >= 0) {
            return pack;
        }
        if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 1 && (bytes[3] & 0xff) == 0xb3) {
            throw new MediaFormatException("not an MPEG-PS file: it starts with an MPEG video sequence header, so it"
                    + " is a bare video elementary stream without pack headers");
        }
        if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 1 && (bytes[3] & 0xff) == 0xba) {
            throw new MediaFormatException(String.format("truncated MPEG-PS: the file ends at byte %,d, inside its"
                    + " first pack header", size));
        }
        throw new MediaFormatException(String.format("not an MPEG-PS file: no pack header (00 00 01 BA) in the"
                + " first %,d bytes", searched));
    }

    private static String noStreams(PsHeadScan head, long start, long size) {
        int packs = head.scanner().packs();
        String packHeaders = String.format("%,d pack header%s", packs, packs == 1 ? "" : "s");
        long limit = Math.min(size, start + HEAD_LIMIT);
        if (limit == size) {
            return String.format("MPEG-PS without audio or video: the file ends at byte %,d, after %s and no audio"
                    + " or video packet", size, packHeaders);
        }
        return String.format("MPEG-PS without audio or video: %s but no audio or video packet in the first %,d"
                + " bytes", packHeaders, limit - start);
    }

    /** Collects the last time stamps of the streams the head found, and the last SCR. */
    private static final class TailScan implements PsScanner.Listener {
        final Map<Integer, MpegStreamTail> ends = new HashMap<>();
        private final PsHeadScan head;
        private final PtsClock clock;
        long lastScr = -1;

        TailScan(PsHeadScan head, PtsClock clock) {
            this.head = head;
            this.clock = clock;
            List<MpegStreamHead> streams = head.streams();
            List<Integer> keys = head.keys();
            for (int i = 0; i < keys.size(); i++) {
                ends.put(keys.get(i), new MpegStreamTail(streams.get(i).codec().kind() == MpegStreamCodec.Kind.AUDIO));
            }
        }

        @Override
        public void pack(long scr) {
            if (scr >= 0) {
                lastScr = scr;
            }
        }

        @Override
        public void pes(PesHeader header, byte[] data, int offset, int length) {
            int substream = length > 0 ? data[offset] & 0xff : -1;
            int key = PsStreamIds.key(header.streamId(), substream);
            MpegStreamTail end = ends.get(key);
            if (end == null) {
                return;
            }
            int skip = Math.min(length, head.skip(key));
            end.packetStart(header.pts(), clock);
            end.payload(data, offset + skip, length - skip);
        }

        @Override
        public boolean done(long position) {
            return false;
        }
    }
}
