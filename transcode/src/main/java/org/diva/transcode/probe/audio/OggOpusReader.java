package org.diva.transcode.probe.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.Probed;
import org.jaudiotagger.audio.exceptions.CannotReadException;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ogg Opus (RFC 7845), which jaudiotagger 3.0.1 does not read. The identification header gives the channels
 * and the pre-skip; the OpusTags packet is a Vorbis comment list, which jaudiotagger does parse (including a
 * METADATA_BLOCK_PICTURE cover); the duration is the last granule position less the pre-skip, in 48 kHz
 * samples whatever the input rate was.
 */
final class OggOpusReader {
    static final byte[] HEAD_MAGIC = "OpusHead".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TAGS_MAGIC = "OpusTags".getBytes(StandardCharsets.US_ASCII);
    private static final int RATE = 48_000;
    /** A cover at the size limit grows by a third in base64. */
    private static final int MAX_TAGS_BYTES = CoverArt.MAX_BYTES / 3 * 4 + 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(OggOpusReader.class);

    private OggOpusReader() {
    }

    /**
     * @param head   the first packet, which starts with "OpusHead"
     * @param reader positioned after it
     */
    static Probed read(Path file, SeekableByteChannel channel, byte[] head, OggPacketReader reader)
            throws IOException {
        if (head.length < 19) {
            throw new MediaFormatException("damaged Opus: its identification header is " + head.length
                    + " bytes, 19 needed");
        }
        ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        int version = h.get(8) & 0xFF;
        int channels = h.get(9) & 0xFF;
        int preSkip = h.getShort(10) & 0xFFFF;
        if (version >> 4 != 0) {
            throw new MediaFormatException("Opus version " + version + " is not one DiVA can read (major version 0)");
        }
        if (channels == 0) {
            throw new MediaFormatException("damaged Opus: its identification header says 0 channels");
        }
        TagReader.Result tags = reader.next(MAX_TAGS_BYTES)
                .map(packet -> comments(packet, file))
                .orElse(TagReader.Result.NONE);
        long audioStart = reader.nextPagePosition();
        OptionalLong granule = OggPacketReader.lastGranule(channel, reader.serial());
        if (granule.isEmpty() || granule.getAsLong() <= preSkip) {
            throw new MediaFormatException(String.format(
                    "truncated Opus: no audio after the headers (the file ends at byte %,d)", channel.size()));
        }
        long millis = (granule.getAsLong() - preSkip) * 1000 / RATE;
        OptionalLong bitrate = millis > 0
                ? OptionalLong.of((channel.size() - audioStart) * 8_000 / millis) : OptionalLong.empty();
        AudioTrack track = new AudioTrack("opus", Optional.empty(), AudioTrack.positive(channels),
                AudioTrack.positive(RATE), bitrate, Optional.empty());
        MediaInfo info = MediaInfo.empty(MediaKind.AUDIO, "ogg")
                .withTracks(List.of(), List.of(track), List.of())
                .withDuration(millis);
        if (tags.tags().isPresent()) {
            info = info.withTags(tags.tags().get()).withTitle(tags.tags().get().title().orElse(null));
        }
        return new Probed(info, tags.artwork());
    }

    /** OpusTags; a damaged comment list costs the tags, not the file, which still plays. */
    private static TagReader.Result comments(byte[] packet, Path file) {
        if (!startsWith(packet, TAGS_MAGIC)) {
            return TagReader.Result.NONE;
        }
        try {
            byte[] list = Arrays.copyOfRange(packet, TAGS_MAGIC.length, packet.length);
            return TagReader.read(new VorbisCommentReader().read(list, false, file), file.getFileName().toString());
        } catch (IOException | CannotReadException | RuntimeException e) {
            LOG.debug("unreadable OpusTags in {}: {}", file.getFileName(), e.toString());
            return TagReader.Result.NONE;
        }
    }

    static boolean startsWith(byte[] packet, byte[] magic) {
        return packet.length >= magic.length && Arrays.equals(packet, 0, magic.length, magic, 0, magic.length);
    }
}
