package org.diva.transcode.decision;

/** How a device gets a file. */
public enum Mode {
    /** The file as it is. */
    DIRECT,
    /** Every stream copied into MPEG-TS (MP4 for devices without MPEG-TS): only the container was wrong. */
    REMUX,
    /** Into MPEG-TS (or MP4) with at least one stream converted (video to H.264, audio to MP2). */
    TRANSCODE,
    /** Nothing DiVA can send would play; the reasons say why. */
    UNSUPPORTED
}
