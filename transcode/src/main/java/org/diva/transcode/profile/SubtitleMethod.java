package org.diva.transcode.profile;

/** How a device takes subtitles: a file beside the video (SRT), tracks inside the container, or not at all. */
public enum SubtitleMethod {
    EXTERNAL, EMBEDDED, NONE
}
