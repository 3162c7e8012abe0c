package org.diva.transcode.thumbnail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.diva.transcode.probe.ContainerFormat;
import org.diva.transcode.probe.FormatSniffer;

/**
 * Makes a JPEG picture of a photo, a video or cover art, fitted into an {@link ImageBox} (a DLNA thumbnail, or a
 * scaled photo). What a file is comes from its first bytes, not its name. Supported: JPEG (turned as its EXIF
 * orientation says) and PNG photos; and videos in MP4/QuickTime, Matroska/WebM, MPEG-TS/M2TS and MPEG-PS whose video
 * is H.264 (progressive, 8-bit, 4:2:0), MPEG-1/2 or MPEG-4 Part 2, from a keyframe about a tenth of the way in (see
 * {@link VideoStill}). Everything else, and damaged files, end in a {@link ThumbnailException} that says what the
 * file is and why no picture comes from it.
 *
 * <p>Bounds, per call: the time allowed (checked between stages, and between rows while a photo decodes); memory
 * that follows the target box rather than the source (photos decode subsampled; video frames are capped at 4096x2304);
 * and packets read from a video (its headers and a few keyframes' GOP openings). The caller bounds how many calls run at once.
 * Thread-safe: calls share nothing.
 */
public final class Thumbnailer {
    /** Seconds, not minutes: one 4K keyframe decodes in well under one. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(20);
    private static final float JPEG_QUALITY = 0.85f;

    private final InstantSource clock;
    private final Duration timeLimit;
    private final FormatSniffer sniffer = new FormatSniffer();
    private final JpegWriter jpeg = new JpegWriter(JPEG_QUALITY);

    /**
     * @param clock     the time source the per-file limit is measured with
     * @param timeLimit the most one picture may take
     */
    public Thumbnailer(InstantSource clock, Duration timeLimit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("time limit must be positive, not " + timeLimit);
        }
        this.timeLimit = timeLimit;
    }

    /** A picture of a media file. */
    public Thumbnail ofFile(Path file, ImageBox box) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return ofChannel(channel, file.toString(), box);
        }
    }

    /**
     * A picture of a media file read through {@code channel}, which stays open.
     *
     * @param name what to call the file in messages (its path)
     */
    public Thumbnail ofChannel(SeekableByteChannel channel, String name, ImageBox box) throws IOException {
        Deadline deadline = new Deadline(clock, timeLimit, name);
        if (channel.size() == 0) {
            throw new ThumbnailException(ThumbnailException.Reason.DAMAGED, name + ": empty file (0 bytes)");
        }
        Optional<ContainerFormat> format = sniffer.sniff(channel);
        if (format.isEmpty()) {
            throw new ThumbnailException(ThumbnailException.Reason.UNSUPPORTED,
                    name + ": not a photo or video DiVA recognises (its first bytes match no known format)");
        }
        try {
            BufferedImage picture = switch (format.get()) {
                case JPEG -> {
                    int orientation = JpegOrientation.read(channel);
                    yield PhotoDecoder.decode(new ChannelImageInput(channel), "jpeg", box, orientation, deadline, name);
                }
                case PNG -> PhotoDecoder.decode(new ChannelImageInput(channel), "png", box, 1, deadline, name);
                case MP4 -> VideoStill.picture(channel, "mp4", name, box, deadline);
                case MATROSKA -> VideoStill.picture(channel, "matroska", name, box, deadline);
                case MPEG_TS -> VideoStill.picture(channel, "mpegts", name, box, deadline);
                case MPEG_PS -> VideoStill.picture(channel, "mpegps", name, box, deadline);
                default -> throw Unsupported.format(format.get(), name);
            };
            return encode(picture, box, deadline);
        } catch (RuntimeException e) {
            throw Failures.damaged(name, "making its picture failed", e);
        }
    }

    /**
     * A picture of an image held in memory (JPEG or PNG cover art from audio tags).
     *
     * @param name what to call the image in messages ("cover art of /music/song.mp3")
     */
    public Thumbnail ofImage(byte[] image, String name, ImageBox box) throws IOException {
        Deadline deadline = new Deadline(clock, timeLimit, name);
        String reader = imageFormat(image).orElseThrow(() -> new ThumbnailException(
                ThumbnailException.Reason.UNSUPPORTED, name + ": not a JPEG or PNG image, the only kinds DiVA reads"));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(image))) {
            return encode(PhotoDecoder.decode(in, reader, box, 1, deadline, name), box, deadline);
        } catch (RuntimeException e) {
            throw Failures.damaged(name, "making its picture failed", e);
        }
    }

    private static Optional<String> imageFormat(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of("jpeg");
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("png");
        }
        return Optional.empty();
    }

    private Thumbnail encode(BufferedImage picture, ImageBox box, Deadline deadline) throws IOException {
        deadline.check("writing the JPEG");
        return new Thumbnail(jpeg.encode(picture), new PixelSize(picture.getWidth(), picture.getHeight()), box);
    }
}
