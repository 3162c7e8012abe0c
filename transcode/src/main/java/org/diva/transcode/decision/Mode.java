package org.diva.transcode.decision;

/** How a device gets a file. */
public enum Mode {
    /** The file as it is. */
    DIRECT,
    /** Every stream copied into MPEG-TS: only the container was wrong. */
    REMUX,
    /** Into MPEG-TS with at least one stream converted (video to H.264, audio to MP2). */
    TRANSCODE,
    /** Nothing DiVA can send would play; the reasons say why. */
    UNSUPPORTED
}
