package org.diva.transcode.demux.mp4;

import org.diva.transcode.stream.ElementaryStream;
import org.diva.transcode.stream.Ticks;

/**
 * One track the demuxer hands on: its stream, its samples, and how its media times map to presentation ticks.
 *
 * @param stream      the stream as announced
 * @param id          the tkhd track_ID, which movie fragments refer to
 * @param format      the sample description
 * @param samples     every sample in decoding order
 * @param timescale   units per second of the sample times (mdhd)
 * @param mediaStart  the media time the edit list starts playing at (its first non-empty edit), in timescale units
 * @param emptyTicks  the empty edits before it (a delayed start), in ticks
 */
record Mp4Track(ElementaryStream stream, long id, SampleFormat format, SampleTable samples, long timescale,
                long mediaStart, long emptyTicks) {

    Mp4Track {
        if (timescale <= 0) {
            throw new IllegalArgumentException("timescale must be positive: " + timescale);
        }
    }

    long pts(int sample) {
        return Ticks.fromTimescale(samples.cts(sample) - mediaStart, timescale) + emptyTicks;
    }

    long dts(int sample) {
        return Ticks.fromTimescale(samples.dts(sample) - mediaStart, timescale) + emptyTicks;
    }

    /** Duration of a sample in ticks, from the next sample's decoding time; 0 for the last. */
    long duration(int sample) {
        return sample + 1 < samples.count() ? dts(sample + 1) - dts(sample) : 0;
    }
}
