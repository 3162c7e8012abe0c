package org.diva.transcode.demux.mpeg;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.diva.transcode.stream.Packet;
import org.diva.transcode.stream.StreamKind;
import org.diva.transcode.stream.Ticks;

/**
 * One packet per PES packet, for streams whose PES packets are their access units or that DiVA does not frame:
 * subtitles (DVB, teletext, DVD subpictures), LPCM, DTS, LATM. A fixed count of leading payload bytes (a disc's
 * LPCM header) can be stripped, after the facts were read from them.
 */
final class PesFramer extends Framer {
    private final int skip;
    private final Function<PesChunk, Optional<StreamFacts>> learner;
    private StreamFacts facts;

    /**
     * @param skip    leading bytes of each payload that are no elementary stream data
     * @param learner reads the stream's details from a payload, when its container or header states them
     */
    PesFramer(int stream, Consumer<Unit> sink, StreamFacts guess, int skip,
              Function<PesChunk, Optional<StreamFacts>> learner) {
        super(stream, sink);
        this.skip = skip;
        this.learner = learner;
        this.facts = guess;
    }

    @Override
    void push(PesChunk chunk) {
        if (!facts.known()) {
            facts = learner.apply(chunk).orElse(facts);
        }
        if (chunk.length() <= skip) {
            return;
        }
        byte[] data = Arrays.copyOfRange(chunk.data(), chunk.offset() + skip, chunk.offset() + chunk.length());
        boolean key = facts.kind() != StreamKind.VIDEO || chunk.randomAccess();
        emit(new Unit(new Packet(stream, chunk.pts(), chunk.dts() == chunk.pts() ? Ticks.NONE : chunk.dts(), 0, key,
                ByteBuffer.wrap(data)), chunk.position()));
    }

    @Override
    void flush() {
    }

    @Override
    void reset() {
    }

    @Override
    StreamFacts facts() {
        return facts;
    }
}
