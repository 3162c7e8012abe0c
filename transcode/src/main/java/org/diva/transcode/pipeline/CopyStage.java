package org.diva.transcode.pipeline;

import java.util.List;

import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Packet;

/** Passes packets through unchanged (remux), renumbered to the output stream index. */
public final class CopyStage implements PacketStage {
    private final ElementaryStream output;

    public CopyStage(ElementaryStream input, int outputIndex) {
        this.output = new ElementaryStream(outputIndex, input.kind(), input.codec(), input.codecPrivate(),
                input.width(), input.height(), input.sampleRate(), input.channels(), input.language(),
                input.duration());
    }

    @Override
    public ElementaryStream output() {
        return output;
    }

    @Override
    public List<Packet> push(Packet packet) {
        return List.of(new Packet(output.index(), packet.pts(), packet.dts(), packet.duration(), packet.keyframe(),
                packet.data()));
    }

    @Override
    public List<Packet> finish() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
