package org.diva.transcode.mux.ts;

import org.diva.transcode.stream.Ticks;

/**
 * How a {@link TsMuxer} lays out its output.
 *
 * @param m2ts       write 192-byte packets with a 4-byte arrival timestamp in front (Blu-ray/AVCHD M2TS, which
 *                   some DLNA profiles name), instead of plain 188-byte packets
 * @param start      the program clock (PCR) at the first packet, in ticks; timestamps keep the source's spacing
 *                   from there, shifted so none is negative
 * @param pcrDelay   how far each packet's decoding time lies ahead of the PCR sent with it, in ticks: the time a
 *                   receiver has to buffer before it decodes, so a big keyframe arrives in time
 * @param psiEvery   the longest time between two PAT/PMT pairs, in ticks (they also precede every video keyframe)
 * @param pcrEvery   the longest time between two PCRs, in ticks (ISO/IEC 13818-1 section 2.7.2 allows 100 ms; DVB
 *                   asks for 40 ms)
 */
public record TsSettings(boolean m2ts, long start, long pcrDelay, long psiEvery, long pcrEvery) {
    /** Plain 188-byte TS starting at 0, a 0.5 s decoder buffer, PAT/PMT every 100 ms, PCR every 40 ms. */
    public static final TsSettings DEFAULT = new TsSettings(false, 0, Ticks.PER_SECOND / 2,
            Ticks.fromMillis(100), Ticks.fromMillis(40));

    public TsSettings {
        if (start < 0 || pcrDelay < 0 || psiEvery <= 0 || pcrEvery <= 0 || pcrEvery > Ticks.fromMillis(100)) {
            throw new IllegalArgumentException("bad TS settings: start " + start + ", PCR delay " + pcrDelay
                    + ", PSI every " + psiEvery + ", PCR every " + pcrEvery + " (at most 100 ms) ticks");
        }
    }

    public TsSettings withM2ts(boolean enabled) {
        return new TsSettings(enabled, start, pcrDelay, psiEvery, pcrEvery);
    }

    public TsSettings withStart(long ticks) {
        return new TsSettings(m2ts, ticks, pcrDelay, psiEvery, pcrEvery);
    }
}
