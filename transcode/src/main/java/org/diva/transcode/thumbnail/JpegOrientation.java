package org.diva.transcode.thumbnail;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.List;

/**
 * A JPEG's EXIF orientation, read with metadata-extractor from the APP1 segment only: the reader stops at the start
 * of the compressed picture, so this costs the headers, not the photo.
 */
final class JpegOrientation {
    private JpegOrientation() {
    }

    /** The orientation 1..8; 1 when there is none, or the EXIF is damaged (the picture may still decode). */
    static int read(SeekableByteChannel channel) throws IOException {
        channel.position(0);
        // not closed: closing a Channels stream closes the channel, which belongs to the caller
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 8192);
        try {
            Metadata metadata = JpegMetadataReader.readMetadata(in, List.of(new ExifReader()));
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
            return orientation == null || orientation < 1 || orientation > 8 ? 1 : orientation;
        } catch (Exception unreadable) { // damaged or cut-short EXIF costs the turn, not the picture; a read
            return 1;                    // error on the file itself shows again when the picture is decoded
        }
    }
}
