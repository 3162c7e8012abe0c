package org.diva.transcode.probe.photo;

import com.drew.imaging.heif.HeifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.png.PngChunkType;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.jpeg.JpegDirectory;
import com.drew.metadata.png.PngDirectory;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.diva.transcode.probe.ContainerFormat;
import org.diva.transcode.probe.FileProbe;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.PhotoInfo;
import org.diva.transcode.probe.Probed;

/**
 * Probes photos (JPEG, PNG, HEIF) with metadata-extractor: the stored size, and from EXIF the orientation, the
 * time taken, the camera and a title. JPEG metadata ends where the compressed picture starts, so a JPEG cut
 * short inside the picture still probes (and shows, partly); one cut inside its headers does not. HEIF size and
 * orientation come from {@link HeifPrimaryImage}.
 */
public final class PhotoProbe implements FileProbe {

    @Override
    public Probed probe(Path file, ContainerFormat format) throws IOException {
        String name = switch (format) {
            case JPEG, PNG, HEIF -> format.name();
            default -> throw new IllegalArgumentException(format + " is not a photo format");
        };
        long size = Files.size(file);
        Metadata metadata = read(file, format, name, size);
        ExifFacts exif = ExifFacts.of(metadata);
        int width;
        int height;
        int orientation = exif.orientation();
        switch (format) {
            case JPEG -> {
                JpegDirectory sof = metadata.getFirstDirectoryOfType(JpegDirectory.class);
                width = sof == null ? 0 : intOrZero(sof.getInteger(JpegDirectory.TAG_IMAGE_WIDTH));
                height = sof == null ? 0 : intOrZero(sof.getInteger(JpegDirectory.TAG_IMAGE_HEIGHT));
            }
            case PNG -> {
                PngDirectory ihdr = metadata.getDirectoriesOfType(PngDirectory.class).stream()
                        .filter(d -> d.getPngChunkType().equals(PngChunkType.IHDR)).findFirst().orElse(null);
                width = ihdr == null ? 0 : intOrZero(ihdr.getInteger(PngDirectory.TAG_IMAGE_WIDTH));
                height = ihdr == null ? 0 : intOrZero(ihdr.getInteger(PngDirectory.TAG_IMAGE_HEIGHT));
            }
            default -> {
                HeifPrimaryImage primary;
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    primary = HeifPrimaryImage.read(channel);
                }
                width = primary.width();
                height = primary.height();
                orientation = primary.orientation();
            }
        }
        if (width <= 0 || height <= 0) {
            throw new MediaFormatException(String.format(
                    "damaged %s: no image size found (truncated at byte %,d?)", name, size));
        }
        PhotoInfo photo = new PhotoInfo(width, height, orientation, exif.dateTaken(), exif.make(), exif.model());
        MediaInfo info = MediaInfo.empty(MediaKind.PHOTO, format.name().toLowerCase(Locale.ROOT)).withPhoto(photo);
        return Probed.of(exif.title().map(info::withTitle).orElse(info));
    }

    private static Metadata read(Path file, ContainerFormat format, String name, long size) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            try {
                return switch (format) {
                    case JPEG -> JpegMetadataReader.readMetadata(in);
                    case PNG -> PngMetadataReader.readMetadata(in);
                    default -> HeifMetadataReader.readMetadata(in);
                };
            } catch (EOFException e) {
                throw new MediaFormatException(String.format(
                        "truncated %s: the file ends inside its headers, at byte %,d", name, size), e);
            } catch (Exception e) { // JpegProcessingException, PngProcessingException, runtime exceptions
                throw new MediaFormatException("damaged " + name + ": "
                        + (e.getMessage() == null ? e.toString() : e.getMessage()), e);
            }
        }
    }

    private static int intOrZero(Integer value) {
        return value == null ? 0 : value;
    }
}
