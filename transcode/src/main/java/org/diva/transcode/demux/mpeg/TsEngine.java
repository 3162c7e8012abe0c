package org.diva.transcode.demux.mpeg;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.diva.transcode.probe.mpeg.MpegStreamCodec;
import org.diva.transcode.probe.mpeg.ProgramMap;
import org.diva.transcode.probe.mpeg.PsiTables;
import org.diva.transcode.probe.mpeg.SectionAssembler;
import org.diva.transcode.probe.mpeg.TsPacket;
import org.diva.transcode.probe.mpeg.TsPacketReader;
import org.diva.transcode.probe.mpeg.TsStreamTypes;
import org.diva.transcode.probe.mpeg.TsSync;

/**
 * Reads a transport stream the way ISO/IEC 13818-1 section 2.4.4 means it to be read: the PAT on PID 0 names the
 * programs and their PMT PIDs, the chosen program's PMT names its elementary streams, their stream types and
 * descriptors say what each carries. Only that program's streams are read; other PIDs are skipped. The first PMT
 * fixes the stream list (a later version of it is not followed).
 */
final class TsEngine implements Engine {
    private static final int PACKETS_PER_PUMP = 256;

    private final SeekableByteChannel channel;
    private final TsSync sync;
    private final long size;
    private final OptionalInt programNumber;
    private final Consumer<Unit> sink;
    private final Timeline timeline = new Timeline();
    private final TsPacket packet = new TsPacket();
    private final SectionAssembler pat = new SectionAssembler("PAT");
    private final Map<Integer, TsPesCollector> collectors = new HashMap<>();
    private final List<Framer> framers = new ArrayList<>();
    private final List<Optional<String>> languages = new ArrayList<>();
    private SectionAssembler pmtSections;
    private int pmtPid = -1;
    private ProgramMap program;
    private TsPacketReader reader;
    private long position;
    private boolean ended;

    TsEngine(SeekableByteChannel channel, TsSync sync, long size, OptionalInt programNumber, Consumer<Unit> sink) {
        this.channel = channel;
        this.sync = sync;
        this.size = size;
        this.programNumber = programNumber;
        this.sink = sink;
        this.reader = new TsPacketReader(channel, sync.offset(), size, sync.packetSize());
        this.position = sync.offset();
    }

    @Override
    public boolean pump() throws IOException {
        if (ended) {
            return false;
        }
        for (int i = 0; i < PACKETS_PER_PUMP; i++) {
            if (!reader.next(packet)) {
                ended = true;
                position = size;
                for (TsPesCollector collector : collectors.values()) {
                    collector.end();
                }
                for (Framer framer : framers) {
                    framer.flush();
                }
                return false;
            }
            long start = packet.position() - sync.prefix();
            position = start + sync.packetSize();
            route(start);
        }
        return true;
    }

    private void route(long start) throws IOException {
        int pid = packet.pid();
        TsPesCollector collector = collectors.get(pid);
        if (collector != null) {
            collector.push(packet, start);
        } else if (pid == 0) {
            for (byte[] section : pat.push(packet)) {
                choose(PsiTables.parsePat(section));
            }
        } else if (pid == pmtPid && program == null) {
            for (byte[] section : pmtSections.push(packet)) {
                PsiTables.parsePmt(section, pid).ifPresent(this::useProgram);
            }
        }
    }

    private void choose(List<PsiTables.Program> programs) {
        if (pmtPid >= 0) {
            return;
        }
        programs.stream()
                .filter(p -> programNumber.isEmpty() || p.number() == programNumber.getAsInt())
                .findFirst()
                .ifPresent(p -> {
                    pmtPid = p.pmtPid();
                    pmtSections = new SectionAssembler("PMT");
                });
    }

    private void useProgram(ProgramMap map) {
        program = map;
        boolean bluRay = sync.packetSize() == TsSync.BDAV_PACKET
                || map.registration().filter("HDMV"::equals).isPresent();
        for (ProgramMap.Stream stream : map.streams()) {
            Optional<MpegStreamCodec> codec = TsStreamTypes.classify(stream, bluRay);
            if (codec.isEmpty() || collectors.containsKey(stream.pid())) {
                continue;
            }
            Framer framer = Framers.create(framers.size(), sink, codec.get());
            framers.add(framer);
            languages.add(stream.language());
            collectors.put(stream.pid(), new TsPesCollector(framer, timeline));
        }
    }

    @Override
    public void restart(long at) {
        reader = new TsPacketReader(channel, Math.max(sync.offset(), at), size, sync.packetSize());
        position = Math.max(sync.offset(), at);
        ended = false;
        collectors.values().forEach(TsPesCollector::reset);
        framers.forEach(Framer::reset);
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public long dataStart() {
        return sync.offset();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public List<Framer> framers() {
        return List.copyOf(framers);
    }

    @Override
    public Optional<String> language(int stream) {
        return languages.get(stream);
    }

    @Override
    public long discoveryBytes() {
        return 0;
    }

    @Override
    public void lock() {
        // the first PMT already fixed the streams
    }

    @Override
    public String problem() {
        if (pmtPid < 0) {
            return programNumber.isPresent()
                    ? "no program " + programNumber.getAsInt() + " in the PAT" + why(pat.problem())
                    : "no PAT listing a program" + why(pat.problem());
        }
        if (program == null) {
            return String.format("no PMT on PID %d (0x%x)", pmtPid, pmtPid) + why(pmtSections.problem());
        }
        return "the PMT of program " + program.programNumber() + " lists no stream DiVA can read";
    }

    private static String why(String problem) {
        return problem == null ? "" : " (" + problem + ")";
    }
}
