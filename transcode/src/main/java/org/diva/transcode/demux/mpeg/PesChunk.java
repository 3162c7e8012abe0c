package org.diva.transcode.demux.mpeg;

import org.diva.transcode.stream.Ticks;

/**
 * The elementary stream bytes of one PES packet, as the container demuxer hands them to a framer.
 *
 * @param data         the payload is {@code data[offset, offset + length)}; valid only during the call
 * @param pts          unwrapped presentation time, or {@link Ticks#NONE}
 * @param dts          unwrapped decoding time, or {@link Ticks#NONE}
 * @param randomAccess the transport's random_access_indicator (false where the container has none)
 * @param position     file position of the container packet that began this PES packet
 */
record PesChunk(byte[] data, int offset, int length, long pts, long dts, boolean randomAccess, long position) {
    PesChunk {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IllegalArgumentException("chunk [" + offset + ", +" + length + ") outside " + data.length);
        }
    }

    boolean timed() {
        return pts != Ticks.NONE;
    }
}
