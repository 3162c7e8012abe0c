package org.diva.transcode.probe.matroska;

import java.util.Locale;

/**
 * The Matroska element IDs the probe reads (IETF RFC 9559, with the marker bits kept as the specification writes
 * them), and their names for messages.
 */
final class MatroskaIds {
    static final int EBML = 0x1A45DFA3;
    static final int DOC_TYPE = 0x4282;
    static final int SEGMENT = 0x18538067;
    static final int SEEK_HEAD = 0x114D9B74;
    static final int SEEK = 0x4DBB;
    static final int SEEK_ID = 0x53AB;
    static final int SEEK_POSITION = 0x53AC;
    static final int INFO = 0x1549A966;
    static final int TIMESTAMP_SCALE = 0x2AD7B1;
    static final int DURATION = 0x4489;
    static final int TITLE = 0x7BA9;
    static final int TRACKS = 0x1654AE6B;
    static final int TRACK_ENTRY = 0xAE;
    static final int TRACK_TYPE = 0x83;
    static final int FLAG_DEFAULT = 0x88;
    static final int DEFAULT_DURATION = 0x23E383;
    static final int NAME = 0x536E;
    static final int LANGUAGE = 0x22B59C;
    static final int LANGUAGE_IETF = 0x22B59D;
    static final int CODEC_ID = 0x86;
    static final int CODEC_PRIVATE = 0x63A2;
    static final int VIDEO = 0xE0;
    static final int FLAG_INTERLACED = 0x9A;
    static final int PIXEL_WIDTH = 0xB0;
    static final int PIXEL_HEIGHT = 0xBA;
    static final int COLOUR = 0x55B0;
    static final int BITS_PER_CHANNEL = 0x55B2;
    static final int AUDIO = 0xE1;
    static final int SAMPLING_FREQUENCY = 0xB5;
    static final int OUTPUT_SAMPLING_FREQUENCY = 0x78B5;
    static final int CHANNELS = 0x9F;
    static final int BIT_DEPTH = 0x6264;
    static final int CLUSTER = 0x1F43B675;
    static final int TAGS = 0x1254C367;
    static final int TAG = 0x7373;
    static final int TARGETS = 0x63C0;
    static final int TARGET_TYPE_VALUE = 0x68CA;
    static final int TAG_TRACK_UID = 0x63C5;
    static final int TAG_EDITION_UID = 0x63C9;
    static final int TAG_CHAPTER_UID = 0x63C4;
    static final int TAG_ATTACHMENT_UID = 0x63C6;
    static final int SIMPLE_TAG = 0x67C8;
    static final int TAG_NAME = 0x45A3;
    static final int TAG_STRING = 0x4487;
    static final int VOID = 0xEC;

    private MatroskaIds() {
    }

    static String name(int id) {
        return switch (id) {
            case EBML -> "EBML header";
            case DOC_TYPE -> "DocType";
            case SEGMENT -> "Segment";
            case SEEK_HEAD -> "SeekHead";
            case SEEK -> "Seek";
            case SEEK_ID -> "SeekID";
            case SEEK_POSITION -> "SeekPosition";
            case INFO -> "Info";
            case TIMESTAMP_SCALE -> "TimestampScale";
            case DURATION -> "Duration";
            case TITLE -> "Title";
            case TRACKS -> "Tracks";
            case TRACK_ENTRY -> "TrackEntry";
            case TRACK_TYPE -> "TrackType";
            case DEFAULT_DURATION -> "DefaultDuration";
            case NAME -> "Name";
            case LANGUAGE -> "Language";
            case LANGUAGE_IETF -> "LanguageIETF";
            case CODEC_ID -> "CodecID";
            case CODEC_PRIVATE -> "CodecPrivate";
            case VIDEO -> "Video";
            case AUDIO -> "Audio";
            case COLOUR -> "Colour";
            case CLUSTER -> "Cluster";
            case TAGS -> "Tags";
            case TAG -> "Tag";
            case TARGETS -> "Targets";
            case SIMPLE_TAG -> "SimpleTag";
            case VOID -> "Void";
            default -> String.format(Locale.ROOT, "element 0x%X", id);
        };
    }
}
