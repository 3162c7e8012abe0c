package org.diva.transcode.audio;

import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.StreamKind;

/** Picks the pure-Java decoder for an audio stream. */
public final class AudioDecoders {
    private AudioDecoders() {
    }

    /**
     * A new decoder for {@code stream}.
     *
     * @throws UnsupportedAudioException when no decoder here handles the codec or its profile
     * @throws MediaFormatException      when the stream's configuration is unreadable
     */
    public static AudioDecoder forStream(ElementaryStream stream) throws MediaFormatException {
        if (stream.kind() != StreamKind.AUDIO) {
            throw new IllegalArgumentException("stream " + stream.index() + " is " + stream.kind() + ", not audio");
        }
        return switch (stream.codec()) {
            case "aac" -> new JcodecAacDecoder(stream);
            case "mp3" -> new JcodecMp3Decoder();
            default -> throw new UnsupportedAudioException("no pure-Java decoder for " + stream.codec()
                    + " audio (stream " + stream.index() + "); aac and mp3 are supported");
        };
    }
}
