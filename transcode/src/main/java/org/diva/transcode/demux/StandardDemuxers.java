package org.diva.transcode.demux;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

import org.diva.transcode.demux.matroska.MatroskaDemuxer;
import org.diva.transcode.demux.mp4.Mp4Demuxer;
import org.diva.transcode.demux.mpeg.MpegDemuxers;
import org.diva.transcode.probe.MediaFormatException;

/** The demuxer for each container DiVA can read packets from, by the container name the probes report. */
public final class StandardDemuxers {
    private StandardDemuxers() {
    }

    /** Whether packets can be read from files of this container. */
    public static boolean reads(String container) {
        return switch (container) {
            case "mp4", "mov", "m4a", "matroska", "webm", "mpegts", "m2ts", "mpegps" -> true;
            default -> false;
        };
    }

    public static Demuxer open(String container, SeekableByteChannel channel) throws IOException {
        return switch (container) {
            case "mp4", "mov", "m4a" -> Mp4Demuxer.open(channel);
            case "matroska", "webm" -> MatroskaDemuxer.open(channel);
            case "mpegts", "m2ts" -> MpegDemuxers.openTransportStream(channel);
            case "mpegps" -> MpegDemuxers.openProgramStream(channel);
            default -> throw new MediaFormatException("DiVA cannot read the packets of " + container
                    + " files, so it can only send them as they are");
        };
    }
}
