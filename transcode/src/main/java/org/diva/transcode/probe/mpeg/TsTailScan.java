package org.diva.transcode.probe.mpeg;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.diva.transcode.codec.LpcmHeader;

/** Reads the tail of an MPEG-TS file for the last time stamps of the streams the head found. */
final class TsTailScan {
    private TsTailScan() {
    }

    /**
     * Scans {@code [from, end)}, which may start mid-packet.
     *
     * @return what the tail told about each stream, parallel to {@code head.streams()}
     */
    static List<MpegStreamTail> run(SeekableByteChannel channel, TsSync sync, long from, long end,
                               TsHeadScan.Result head, PtsClock clock) throws IOException {
        List<MpegStreamTail> ends = new ArrayList<>();
        Map<Integer, PesAssembler> routes = new HashMap<>();
        for (int i = 0; i < head.streams().size(); i++) {
            MpegStreamCodec codec = head.streams().get(i).codec();
            MpegStreamTail streamEnd = new MpegStreamTail(codec.kind() == MpegStreamCodec.Kind.AUDIO);
            ends.add(streamEnd);
            boolean pcm = codec.parse() == MpegStreamCodec.Parse.LPCM_BLURAY;
            routes.put(head.pids().get(i), new PesAssembler(new PesAssembler.Listener() {
                private boolean packetStart;

                @Override
                public void packetStart(PesHeader header) {
                    streamEnd.packetStart(header.pts(), clock);
                    packetStart = true;
                }

                @Override
                public void payload(byte[] data, int offset, int length) {
                    // Blu-ray LPCM packets begin with a 4-byte format header that is not audio.
                    int skip = pcm && packetStart ? Math.min(length, LpcmHeader.BLURAY_HEADER_SIZE) : 0;
                    packetStart = false;
                    streamEnd.payload(data, offset + skip, length - skip);
                }
            }));
        }
        TsPacketReader reader = new TsPacketReader(channel, from, end, sync.packetSize());
        TsPacket packet = new TsPacket();
        while (reader.next(packet)) {
            PesAssembler route = routes.get(packet.pid);
            if (route != null) {
                route.push(packet);
            }
        }
        return ends;
    }
}
