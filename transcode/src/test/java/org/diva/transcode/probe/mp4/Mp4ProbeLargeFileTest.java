package org.diva.transcode.probe.mp4;

import static org.diva.transcode.probe.mp4.Mp4TestFiles.boxAt;
import static org.diva.transcode.probe.mp4.Mp4TestFiles.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.diva.transcode.probe.CountingChannel;
import org.diva.transcode.probe.MediaInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files past 4 GiB: a sparse file with a 64-bit-size mdat of about 5 GB and the moov after it, so every offset and
 * size is past what 32 bits hold. The probe must find the moov by one seek and never read the media data.
 */
class Mp4ProbeLargeFileTest {
    private static final long MEDIA_BYTES = 5_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void movieHeaderAfterA5GbMediaDataBox() throws IOException {
        byte[] source = bytes("h264_high_aac_moov_end.mp4");
        byte[] ftyp = boxAt(source, "ftyp");
        byte[] moov = boxAt(source, "moov");
        long mdatStart = ftyp.length;
        long mdatEnd = mdatStart + 16 + MEDIA_BYTES;
        Path file = dir.resolve("big.mp4");
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(ftyp);
            out.writeInt(1); // size 1: a 64-bit largesize follows the type
            out.writeBytes("mdat");
            out.writeLong(16 + MEDIA_BYTES);
            out.setLength(mdatEnd); // sparse: the media data takes no disk space
            out.seek(mdatEnd);
            out.write(moov);
        }

        CountingChannel channel = new CountingChannel(FileChannel.open(file));
        MediaInfo info;
        try (channel) {
            info = new Mp4Probe().probe(channel);
        }

        assertEquals(OptionalLong.of(1000), info.durationMillis());
        assertEquals(OptionalLong.of((mdatEnd + moov.length) * 8), info.bitrate());
        assertEquals("h264", info.video().get(0).codec());
        assertEquals(320, info.video().get(0).width());
        assertTrue(channel.bytesRead() < 4096, "read " + channel.bytesRead() + " bytes");
        for (CountingChannel.Read read : channel.reads()) {
            assertTrue(read.end() <= mdatStart + 16 || read.position() >= mdatEnd, "read the media data: " + read);
        }
    }

    @Test
    void movieHeaderBeforeA5GbMediaDataBoxStopsAtTheMovieHeader() throws IOException {
        byte[] source = bytes("h264_high_aac_faststart.mp4");
        byte[] ftyp = boxAt(source, "ftyp");
        byte[] moov = boxAt(source, "moov");
        Path file = dir.resolve("big-faststart.mp4");
        long mdatStart = ftyp.length + moov.length;
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.write(ftyp);
            out.write(moov);
            out.writeInt(0); // size 0: to the end of the file
            out.writeBytes("mdat");
            out.setLength(mdatStart + 8 + MEDIA_BYTES);
        }

        CountingChannel channel = new CountingChannel(FileChannel.open(file));
        try (channel) {
            assertEquals(OptionalLong.of(1000), new Mp4Probe().probe(channel).durationMillis());
        }

        assertTrue(channel.bytesRead() < 4096, "read " + channel.bytesRead() + " bytes");
        for (CountingChannel.Read read : channel.reads()) {
            assertTrue(read.end() <= mdatStart + 8, "read the media data: " + read);
        }
    }
}
