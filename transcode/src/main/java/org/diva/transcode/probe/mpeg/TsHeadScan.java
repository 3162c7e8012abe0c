package org.diva.transcode.probe.mpeg;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.diva.transcode.codec.LpcmHeader;
import org.diva.transcode.probe.MediaFormatException;

/**
 * Reads the head of an MPEG-TS file: the PAT, the first program's PMT, and the first PES packets of each of its
 * streams, until every stream has told its details and start time or the byte budget is spent.
 */
final class TsHeadScan {
    private static final int PAT_PID = 0;
    private static final int EARLY_PIDS = 64;
    private static final int EARLY_PER_PID = 8;

    /** What the head told: the first program's streams that DiVA knows, in PMT order, and their PIDs. */
    record Result(List<Integer> pids, List<MpegStreamHead> streams) {
    }

    private final SeekableByteChannel channel;
    private final TsSync sync;
    private final long limit;
    private final PtsClock clock;
    private final SectionAssembler pat = new SectionAssembler("PAT");
    private final Map<Integer, PesAssembler> routes = new HashMap<>();
    private final List<Integer> pids = new ArrayList<>();
    private final List<MpegStreamHead> streams = new ArrayList<>();
    private final Map<Integer, List<Long>> early = new HashMap<>();
    private SectionAssembler pmt;
    private String pmtProblem;
    private PsiTables.Program program;
    private ProgramMap map;
    private boolean patSeen;
    private long packets;
    private long nullPackets;

    /** Scans {@code [sync.offset(), limit)}. */
    TsHeadScan(SeekableByteChannel channel, TsSync sync, long limit, PtsClock clock) {
        this.channel = channel;
        this.sync = sync;
        this.limit = limit;
        this.clock = clock;
    }

    Result run() throws IOException {
        TsPacketReader reader = new TsPacketReader(channel, sync.offset(), limit, sync.packetSize());
        TsPacket packet = new TsPacket();
        while (reader.next(packet)) {
            packets++;
            if (packet.pid == TsPacket.NULL_PID) {
                nullPackets++;
            } else if (map == null) {
                readTables(packet);
                noteEarlyTimestamp(packet);
            } else {
                PesAssembler route = routes.get(packet.pid);
                if (route != null) {
                    route.push(packet);
                }
                if ((packets & 63) == 0 && streams.stream().allMatch(MpegStreamHead::settled)) {
                    break;
                }
            }
        }
        streams.forEach(MpegStreamHead::finish);
        long scanned = limit - sync.offset();
        if (map == null) {
            throw new MediaFormatException(missingTables(scanned));
        }
        if (streams.stream().noneMatch(s -> s.codec().kind() != MpegStreamCodec.Kind.SUBTITLE)) {
            throw new MediaFormatException(String.format(
                    "MPEG-TS program %d has no audio or video stream DiVA knows (PMT on PID 0x%04X lists stream"
                            + " types %s)", map.programNumber(), map.pid(), streamTypes()));
        }
        return new Result(pids, streams);
    }

    private void readTables(TsPacket packet) {
        if (packet.pid == PAT_PID && program == null) {
            for (byte[] section : pat.push(packet)) {
                patSeen = true;
                List<PsiTables.Program> programs = PsiTables.parsePat(section);
                if (!programs.isEmpty() && program == null) {
                    program = programs.get(0);
                    pmt = new SectionAssembler("PMT");
                }
            }
        } else if (program != null && packet.pid == program.pmtPid()) {
            for (byte[] section : pmt.push(packet)) {
                Optional<ProgramMap> parsed = PsiTables.parsePmt(section, packet.pid)
                        .filter(m -> m.programNumber() == program.number());
                if (parsed.isEmpty()) {
                    pmtProblem = String.format("the PMT section at byte %,d is damaged or maps another program",
                            packet.position);
                } else if (map == null) {
                    accept(parsed.get());
                }
            }
        }
    }

    /**
     * Keeps the time stamps of PES packets that come before the PMT: a recording cut mid-stream has media packets
     * before its first PMT (repeated only every 0.1 to 0.5 s), and they are the stream's true start.
     */
    private void noteEarlyTimestamp(TsPacket packet) {
        if (!packet.unitStart || !packet.hasPayload || packet.pid < 0x10
                || (early.size() >= EARLY_PIDS && !early.containsKey(packet.pid))) {
            return;
        }
        PesHeader header = PesHeader.parse(packet.data, packet.payloadOffset,
                packet.payloadOffset + packet.payloadLength);
        if (header != null && header != PesHeader.INCOMPLETE && header.pts() >= 0) {
            List<Long> times = early.computeIfAbsent(packet.pid, pid -> new ArrayList<>());
            if (times.size() < EARLY_PER_PID) {
                times.add(header.pts());
            }
        }
    }

    private void accept(ProgramMap programMap) {
        map = programMap;
        boolean bluRay = sync.packetSize() == TsSync.BDAV_PACKET
                || programMap.registration().filter("HDMV"::equals).isPresent();
        for (ProgramMap.Stream stream : programMap.streams()) {
            Optional<MpegStreamCodec> codec = TsStreamTypes.classify(stream, bluRay);
            if (codec.isEmpty() || routes.containsKey(stream.pid())) {
                continue;
            }
            MpegStreamHead state = new MpegStreamHead(codec.get(), stream.language());
            pids.add(stream.pid());
            streams.add(state);
            routes.put(stream.pid(), new PesAssembler(new HeadListener(state, clock)));
            early.getOrDefault(stream.pid(), List.of()).forEach(pts -> state.packetStart(pts, clock));
        }
    }

    private String missingTables(long scanned) {
        if (!patSeen) {
            if (packets > 0 && nullPackets == packets) {
                return String.format("MPEG-TS holds only null packets (PID 0x1FFF) in its first %,d bytes:"
                        + " no program to play", scanned);
            }
            return String.format("MPEG-TS without a program association table: no PAT on PID 0 in the first"
                    + " %,d bytes (%,d packets)%s", scanned, packets, because(pat.problem()));
        }
        if (program == null) {
            return "the MPEG-TS program association table lists no program";
        }
        return String.format("MPEG-TS program %d has no program map: the PAT names PID 0x%04X for its PMT, but no"
                + " readable PMT arrived there in the first %,d bytes%s", program.number(), program.pmtPid(),
                scanned, because(pmt.problem() != null ? pmt.problem() : pmtProblem));
    }

    private static String because(String problem) {
        return problem == null ? "" : "; " + problem;
    }

    private String streamTypes() {
        String types = map.streams().stream().map(s -> String.format("0x%02X", s.streamType()))
                .collect(Collectors.joining(", "));
        return types.isEmpty() ? "none" : types;
    }

    /** Feeds a stream's PES packets to its state; Blu-ray LPCM states its format in each packet. */
    private static final class HeadListener implements PesAssembler.Listener {
        private final MpegStreamHead state;
        private final PtsClock clock;
        private boolean packetStart;

        HeadListener(MpegStreamHead state, PtsClock clock) {
            this.state = state;
            this.clock = clock;
        }

        @Override
        public void packetStart(PesHeader header) {
            state.packetStart(header.pts(), clock);
            packetStart = true;
        }

        @Override
        public void payload(byte[] data, int offset, int length) {
            if (packetStart && state.codec().parse() == MpegStreamCodec.Parse.LPCM_BLURAY) {
                LpcmHeader.parseBluray(data, offset, offset + length).map(MpegEsInspector::pcm)
                        .ifPresent(state::resolve);
            }
            packetStart = false;
            state.payload(data, offset, length);
        }
    }
}
