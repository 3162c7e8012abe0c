package org.diva.transcode.stream;

/** What an elementary stream carries. */
public enum StreamKind {
    VIDEO, AUDIO, SUBTITLE
}
