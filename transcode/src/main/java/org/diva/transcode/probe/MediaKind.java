package org.diva.transcode.probe;

/** What a household would call a file: something to watch, to listen to, or to look at. */
public enum MediaKind {
    VIDEO, AUDIO, PHOTO
}
