package org.diva.transcode.probe;

/** A file format as recognised from its first bytes, independent of the file's extension. */
public enum ContainerFormat {
    MP4(MediaKind.VIDEO),
    MATROSKA(MediaKind.VIDEO),
    MPEG_TS(MediaKind.VIDEO),
    MPEG_PS(MediaKind.VIDEO),
    AVI(MediaKind.VIDEO),
    MP3(MediaKind.AUDIO),
    AAC_ADTS(MediaKind.AUDIO),
    FLAC(MediaKind.AUDIO),
    OGG(MediaKind.AUDIO),
    WAV(MediaKind.AUDIO),
    JPEG(MediaKind.PHOTO),
    PNG(MediaKind.PHOTO),
    HEIF(MediaKind.PHOTO);

    private final MediaKind usualKind;

    ContainerFormat(MediaKind usualKind) {
        this.usualKind = usualKind;
    }

    /** The kind such files usually are; an MP4 may turn out to be audio-only (m4a) once probed. */
    public MediaKind usualKind() {
        return usualKind;
    }
}
