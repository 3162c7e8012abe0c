package org.diva.transcode.demux.mpeg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.OptionalInt;
import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.probe.ChannelReads;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.mpeg.TsSync;

/** Opens MPEG transport streams (.ts, .m2ts, .mts) and program streams (.mpg, .vob) for demuxing. */
public final class MpegDemuxers {
    private static final int SYNC_SEARCH = 64 * 1024;

    private MpegDemuxers() {
    }

    /** A transport stream's first program in the PAT. */
    public static Demuxer openTransportStream(SeekableByteChannel channel) throws IOException {
        return openTransport(channel, OptionalInt.empty());
    }

    /** A transport stream's program {@code programNumber} (program_number in the PAT). */
    public static Demuxer openTransportStream(SeekableByteChannel channel, int programNumber) throws IOException {
        if (programNumber <= 0 || programNumber > 0xffff) {
            throw new IllegalArgumentException("program_number must be 1-65535: " + programNumber);
        }
        return openTransport(channel, OptionalInt.of(programNumber));
    }

    /** A program stream: MPEG-1 system stream, MPEG-2 program stream, DVD VOB. */
    public static Demuxer openProgramStream(SeekableByteChannel channel) throws IOException {
        ArrayDeque<Unit> queue = new ArrayDeque<>();
        return MpegDemuxer.open(queue, new PsEngine(channel, channel.size(), queue::addLast));
    }

    private static Demuxer openTransport(SeekableByteChannel channel, OptionalInt program) throws IOException {
        long size = channel.size();
        int searched = (int) Math.min(size, SYNC_SEARCH);
        ByteBuffer head = ChannelReads.readUpTo(channel, 0,
                searched + TsSync.CONFIRMATIONS * TsSync.BDAV_PACKET);
        byte[] bytes = new byte[head.remaining()];
        head.get(bytes);
        Optional<TsSync> sync = TsSync.find(bytes, bytes.length, searched, 0);
        if (sync.isEmpty()) {
            throw new MediaFormatException(String.format("not an MPEG-TS file: no 0x47 sync byte recurring every 188"
                    + " or 192 bytes in the first %,d bytes", searched));
        }
        ArrayDeque<Unit> queue = new ArrayDeque<>();
        return MpegDemuxer.open(queue, new TsEngine(channel, sync.get(), size, program, queue::addLast));
    }
}
