package org.diva.transcode.thumbnail;

import org.diva.transcode.probe.ContainerFormat;

/** Why a recognised format gives no picture, in the words a household reads next to the file. */
final class Unsupported {
    private Unsupported() {
    }

    static ThumbnailException format(ContainerFormat format, String name) {
        String why = switch (format) {
            case MATROSKA -> "a Matroska/WebM video; DiVA cannot take frames from Matroska yet (JCodec's Matroska "
                    + "reader misreads timestamps and cannot seek, and DiVA's own reads headers only)";
            case MPEG_TS -> "an MPEG transport stream; DiVA cannot take frames from MPEG-TS yet (JCodec's reader "
                    + "guesses the streams instead of reading the PAT/PMT and fails on MPEG-2 with B-frames, and "
                    + "DiVA's own reads headers only)";
            case MPEG_PS -> "an MPEG program stream (DVD/VOB, .mpg); DiVA cannot take frames from MPEG-PS yet "
                    + "(JCodec's program-stream reader works only from the start of a file, whose first frames are "
                    + "black or a menu, and DiVA's own reads headers only)";
            case AVI -> "an AVI video; DiVA cannot take frames from AVI yet (JCodec has no AVI reader)";
            case HEIF -> "a HEIF/HEIC photo; Java's ImageIO has no HEIF reader and JCodec no HEVC decoder";
            case MP3, AAC_ADTS, FLAC, OGG, WAV -> "an audio file; its picture is its cover art";
            default -> "a " + format + " file, which DiVA makes no picture of";
        };
        return new ThumbnailException(ThumbnailException.Reason.UNSUPPORTED, name + ": " + why);
    }
}
