package org.diva.transcode.audio;

import java.util.Optional;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.Packet;

/**
 * Turns the packets of one audio stream into PCM. Packets without a timestamp continue from the previous one.
 * One decoder per stream; a decoder is not shared between threads, but decoders on different threads are
 * independent.
 */
public interface AudioDecoder {
    /**
     * Decodes one packet.
     *
     * @return the PCM it holds; empty when it holds none yet (e.g. a decoder's warm-up)
     * @throws UnsupportedAudioException when the stream uses a feature the decoder cannot decode faithfully
     * @throws MediaFormatException      when the packet is damaged
     */
    Optional<PcmBlock> decode(Packet packet) throws MediaFormatException;
}
