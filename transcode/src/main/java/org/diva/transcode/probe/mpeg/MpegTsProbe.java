package org.diva.transcode.probe.mpeg;

import static org.diva.transcode.probe.mpeg.MpegProbing.HEAD_LIMIT;
import static org.diva.transcode.probe.mpeg.MpegProbing.START_SEARCH;
import static org.diva.transcode.probe.mpeg.MpegProbing.TAIL_LENGTH;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.probe.ContainerProbe;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;

/**
 * Probes MPEG transport streams: broadcast and IPTV .ts recordings (188-byte packets, container "mpegts") and
 * Blu-ray/AVCHD .m2ts/.mts (192-byte BDAV packets, container "m2ts").
 *
 * <p>How: find the packet size and first packet by the recurring 0x47 sync byte; read the PAT, the first program's
 * PMT, and the first PES packets of each stream for its codec headers (H.264 SPS, MPEG-2 sequence header, ADTS,
 * AC-3 and MPEG audio frame headers) and first time stamp, within the first 8 MiB; then the last 2 MiB for the
 * last time stamps, so a 50 GB recording costs at most about 10 MB of reading. The duration runs from the earliest
 * start to the latest end over the audio and video streams, across the wrap of the 33-bit time stamps. A file whose
 * tail has no time stamps is reported without a duration; a stream whose headers do not show in the head is
 * reported with what the PMT says of it.
 */
public final class MpegTsProbe implements ContainerProbe {
    @Override
    public MediaInfo probe(SeekableByteChannel channel) throws IOException {
        return MpegProbing.probe(channel, "MPEG-TS", MpegTsProbe::read);
    }

    private static MediaInfo read(SeekableByteChannel channel, long size) throws IOException {
        if (size < 2 * TsSync.TS_PACKET) {
            throw new MediaFormatException(String.format(
                    "not an MPEG-TS file: its %,d bytes are fewer than two 188-byte packets", size));
        }
        TsSync sync = findSync(channel, size);
        PtsClock clock = new PtsClock();
        TsHeadScan.Result head = new TsHeadScan(channel, sync, Math.min(size, sync.offset() + HEAD_LIMIT), clock)
                .run();
        long tailStart = Math.max(sync.offset(), size - TAIL_LENGTH);
        List<MpegStreamTail> ends = TsTailScan.run(channel, sync, tailStart, size, head, clock);
        String container = sync.packetSize() == TsSync.BDAV_PACKET ? "m2ts" : "mpegts";
        return MpegMediaInfo.build(container, head.streams(), ends, size, OptionalLong.empty());
    }

    private static TsSync findSync(SeekableByteChannel channel, long size) throws IOException {
        int searched = (int) Math.min(size, START_SEARCH);
        byte[] bytes = MpegProbing.start(channel, searched + TsSync.CONFIRMATIONS * TsSync.BDAV_PACKET);
        Optional<TsSync> sync = TsSync.find(bytes, bytes.length, searched, 0);
        if (sync.isEmpty()) {
            throw new MediaFormatException(String.format("not an MPEG-TS file: no 0x47 sync byte recurring every 188"
                    + " or 192 bytes in the first %,d bytes", searched));
        }
        return sync.get();
    }
}
