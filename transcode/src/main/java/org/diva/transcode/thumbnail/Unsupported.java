package org.diva.transcode.thumbnail;

import org.diva.transcode.probe.ContainerFormat;

/** Why a recognised format gives no picture, in the words a household reads next to the file. */
final class Unsupported {
    private Unsupported() {
    }

    static ThumbnailException format(ContainerFormat format, String name) {
        String why = switch (format) {
            case AVI -> "an AVI video; DiVA cannot take frames from AVI yet (it has no AVI demuxer; "
                    + "remuxing to MKV or MP4 makes one)";
            case HEIF -> "a HEIF/HEIC photo; Java's ImageIO has no HEIF reader and JCodec no HEVC decoder";
            case MP3, AAC_ADTS, FLAC, OGG, WAV -> "an audio file; its picture is its cover art";
            default -> "a " + format + " file, which DiVA makes no picture of";
        };
        return new ThumbnailException(ThumbnailException.Reason.UNSUPPORTED, name + ": " + why);
    }
}
