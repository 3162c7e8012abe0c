package org.diva.transcode.demux.mpeg;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.StreamKind;

/**
 * What a stream's own headers tell, as far as they have been read.
 *
 * @param known whether the headers that give the details have been seen (else the rest are the container's guess)
 */
record StreamFacts(StreamKind kind, String codec, byte[] codecPrivate, int width, int height, int sampleRate,
                   int channels, boolean known) {
    StreamFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(codec, "codec");
        codecPrivate = codecPrivate.clone();
        if (width < 0 || height < 0 || sampleRate < 0 || channels < 0) {
            throw new IllegalArgumentException("negative stream detail for " + codec);
        }
    }

    static StreamFacts guess(StreamKind kind, String codec) {
        return new StreamFacts(kind, codec, new byte[0], 0, 0, 0, 0, false);
    }

    ElementaryStream toStream(int index, Optional<String> language) {
        ByteBuffer priv = ByteBuffer.wrap(codecPrivate.clone());
        return new ElementaryStream(index, kind, codec, priv, width, height, sampleRate, channels, language,
                java.util.OptionalLong.empty());
    }
}
