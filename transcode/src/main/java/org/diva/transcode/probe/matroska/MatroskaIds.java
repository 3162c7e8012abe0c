package org.diva.transcode.probe.matroska;

import java.util.Locale;

/**
 * The Matroska element IDs the probe and the demuxer read (IETF RFC 9559, with the marker bits kept as the
 * specification writes them), and their names for messages.
 */
public final class MatroskaIds {
    public static final int EBML = 0x1A45DFA3;
    public static final int DOC_TYPE = 0x4282;
    public static final int SEGMENT = 0x18538067;
    public static final int SEEK_HEAD = 0x114D9B74;
    public static final int SEEK = 0x4DBB;
    public static final int SEEK_ID = 0x53AB;
    public static final int SEEK_POSITION = 0x53AC;
    public static final int INFO = 0x1549A966;
    public static final int TIMESTAMP_SCALE = 0x2AD7B1;
    public static final int DURATION = 0x4489;
    public static final int TITLE = 0x7BA9;
    public static final int TRACKS = 0x1654AE6B;
    public static final int TRACK_ENTRY = 0xAE;
    public static final int TRACK_TYPE = 0x83;
    public static final int FLAG_DEFAULT = 0x88;
    public static final int DEFAULT_DURATION = 0x23E383;
    public static final int NAME = 0x536E;
    public static final int LANGUAGE = 0x22B59C;
    public static final int LANGUAGE_IETF = 0x22B59D;
    public static final int CODEC_ID = 0x86;
    public static final int CODEC_PRIVATE = 0x63A2;
    public static final int VIDEO = 0xE0;
    public static final int FLAG_INTERLACED = 0x9A;
    public static final int PIXEL_WIDTH = 0xB0;
    public static final int PIXEL_HEIGHT = 0xBA;
    public static final int COLOUR = 0x55B0;
    public static final int BITS_PER_CHANNEL = 0x55B2;
    public static final int AUDIO = 0xE1;
    public static final int SAMPLING_FREQUENCY = 0xB5;
    public static final int OUTPUT_SAMPLING_FREQUENCY = 0x78B5;
    public static final int CHANNELS = 0x9F;
    public static final int BIT_DEPTH = 0x6264;
    public static final int CLUSTER = 0x1F43B675;
    public static final int TAGS = 0x1254C367;
    public static final int TAG = 0x7373;
    public static final int TARGETS = 0x63C0;
    public static final int TARGET_TYPE_VALUE = 0x68CA;
    public static final int TAG_TRACK_UID = 0x63C5;
    public static final int TAG_EDITION_UID = 0x63C9;
    public static final int TAG_CHAPTER_UID = 0x63C4;
    public static final int TAG_ATTACHMENT_UID = 0x63C6;
    public static final int SIMPLE_TAG = 0x67C8;
    public static final int TAG_NAME = 0x45A3;
    public static final int TAG_STRING = 0x4487;
    public static final int VOID = 0xEC;
    public static final int TRACK_NUMBER = 0xD7;
    public static final int CODEC_DELAY = 0x56AA;
    public static final int CONTENT_ENCODINGS = 0x6D80;
    public static final int CONTENT_ENCODING = 0x6240;
    public static final int CONTENT_ENCODING_TYPE = 0x5033;
    public static final int CONTENT_COMPRESSION = 0x5034;
    public static final int CONTENT_COMP_ALGO = 0x4254;
    public static final int CONTENT_COMP_SETTINGS = 0x4255;
    public static final int CUES = 0x1C53BB6B;
    public static final int CUE_POINT = 0xBB;
    public static final int CUE_TIME = 0xB3;
    public static final int CUE_TRACK_POSITIONS = 0xB7;
    public static final int CUE_TRACK = 0xF7;
    public static final int CUE_CLUSTER_POSITION = 0xF1;
    public static final int CLUSTER_TIMESTAMP = 0xE7;
    public static final int SIMPLE_BLOCK = 0xA3;
    public static final int BLOCK_GROUP = 0xA0;
    public static final int BLOCK = 0xA1;
    public static final int BLOCK_DURATION = 0x9B;
    public static final int REFERENCE_BLOCK = 0xFB;

    private MatroskaIds() {
    }

    public static String name(int id) {
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
            case CUES -> "Cues";
            case CUE_POINT -> "CuePoint";
            case SIMPLE_BLOCK -> "SimpleBlock";
            case BLOCK_GROUP -> "BlockGroup";
            case BLOCK -> "Block";
            case CLUSTER_TIMESTAMP -> "Timestamp";
            case CONTENT_ENCODINGS -> "ContentEncodings";
            default -> String.format(Locale.ROOT, "element 0x%X", id);
        };
    }
}
