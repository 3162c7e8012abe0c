package org.diva.transcode.demux.mpeg;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;

/** Everything a demuxer reads from a file, for tests to compare. */
record DemuxedPackets(List<ElementaryStream> streams, List<Packet> packets, Demuxer demuxer) {

    interface Opener {
        Demuxer open(FileChannel channel) throws IOException;
    }

    static DemuxedPackets read(Path file, Opener opener) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             Demuxer demuxer = opener.open(channel)) {
            List<Packet> packets = new ArrayList<>();
            for (Optional<Packet> p = demuxer.read(); p.isPresent(); p = demuxer.read()) {
                packets.add(p.get());
            }
            return new DemuxedPackets(demuxer.streams(), packets, demuxer);
        }
    }

    static Opener forName(String name) {
        return name.endsWith(".ts") || name.endsWith(".m2ts") ? MpegDemuxers::openTransportStream
                : MpegDemuxers::openProgramStream;
    }

    List<Packet> of(int stream) {
        return packets.stream().filter(p -> p.stream() == stream).toList();
    }
}
