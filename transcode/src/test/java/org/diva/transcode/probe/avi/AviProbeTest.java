package org.diva.transcode.probe.avi;

import static org.diva.transcode.probe.avi.RiffBytes.ascii;
import static org.diva.transcode.probe.avi.RiffBytes.le32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.diva.transcode.probe.AudioTrack;
import org.diva.transcode.probe.ByteArrayChannel;
import org.diva.transcode.probe.CountingChannel;
import org.diva.transcode.probe.Fixtures;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.MediaKind;
import org.diva.transcode.probe.VideoTrack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AVI probe against real files made by ffmpeg (see media/avi/make.sh). */
class AviProbeTest {
    private final AviProbe probe = new AviProbe();

    @Test
    void xvidWithMp3AndATitle() throws IOException {
        byte[] file = fixture("xvid-mp3.avi");
        MediaInfo info = probe.probe(new ByteArrayChannel(file));

        assertEquals(MediaKind.VIDEO, info.kind());
        assertEquals("avi", info.container());
        assertEquals(Optional.of("Xvid Test"), info.title());
        assertEquals(OptionalLong.of(1040), info.durationMillis(), "26 frames at 25 per second");
        assertEquals(OptionalLong.of(file.length * 8_000L / 1040), info.bitrate());
        assertEquals(new VideoTrack("mpeg4", Optional.empty(), Optional.empty(), 320, 240, OptionalDouble.of(25.0),
                OptionalInt.empty(), false, OptionalLong.empty(), Optional.empty()), info.video().get(0));
        assertEquals(new AudioTrack("mp3", Optional.empty(), OptionalInt.of(2), OptionalInt.of(44100),
                OptionalLong.of(64_000), Optional.empty()), info.audio().get(0));
        assertEquals(0, info.subtitles().size());
    }

    @Test
    void motionJpegWithPcm() throws IOException {
        MediaInfo info = probe.probe(new ByteArrayChannel(fixture("mjpeg-pcm.avi")));

        assertEquals(Optional.empty(), info.title());
        assertEquals(OptionalLong.of(1000), info.durationMillis());
        VideoTrack v = info.video().get(0);
        assertEquals("mjpeg", v.codec());
        assertEquals(160, v.width());
        assertEquals(120, v.height());
        assertEquals(OptionalDouble.of(10.0), v.frameRate());
        assertEquals(new AudioTrack("pcm", Optional.empty(), OptionalInt.of(1), OptionalInt.of(8000),
                OptionalLong.of(128_000), Optional.empty()), info.audio().get(0));
    }

    @Test
    void openDmlFileOverFourGigabytesTakesItsFrameCountFromDmlhAndReadsOnlyItsHeaders(@TempDir Path dir)
            throws IOException {
        byte[] real = fixture("xvid-mp3.avi");
        int movi = RiffBytes.find(real, "movi").offset();
        byte[] head = Arrays.copyOf(real, movi);
        // ffmpeg reserves the OpenDML header as the JUNK chunk that ends hdrl, its data starting "odml" (the list
        // type it becomes when the file outgrows 1 GB); turn it into LIST odml with dmlh = 90,000 frames.
        RiffBytes.Located reserved = RiffBytes.chunks(real).stream()
                .filter(c -> c.id().equals("JUNK") && new String(real, c.offset() + 8, 4,
                        java.nio.charset.StandardCharsets.ISO_8859_1).equals("odml"))
                .findFirst().orElseThrow();
        byte[] odml = RiffBytes.list("odml", RiffBytes.chunk("dmlh",
                Fixtures.concat(le32(90_000), new byte[(int) reserved.size() - 16])));
        assertEquals(reserved.size() + 8, odml.length);
        System.arraycopy(odml, 0, head, reserved.offset(), odml.length);

        long gigabyte = 1L << 30;
        long moviSize = gigabyte - movi - 8;
        System.arraycopy(le32(gigabyte - 8), 0, head, 4, 4); // RIFF 'AVI ' spans the first gigabyte
        Path file = dir.resolve("big.avi");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(head);
            raf.write(Fixtures.concat(ascii("LIST"), le32(moviSize), ascii("movi")));
            for (int i = 1; i <= 4; i++) { // four AVIX extensions take the file past 4 GiB
                raf.seek(i * gigabyte);
                raf.write(Fixtures.concat(ascii("RIFF"), le32(gigabyte - 8), ascii("AVIX"),
                        ascii("LIST"), le32(gigabyte - 20), ascii("movi")));
            }
            raf.setLength(5 * gigabyte);
        }

        try (CountingChannel channel = new CountingChannel(FileChannel.open(file))) {
            assertTrue(channel.size() > 4L << 30);
            MediaInfo info = probe.probe(channel);

            assertEquals(OptionalLong.of(3_600_000), info.durationMillis(), "90,000 frames at 25 per second");
            assertEquals("mpeg4", info.video().get(0).codec());
            assertEquals(Optional.of("Xvid Test"), info.title());
            assertEquals(OptionalLong.of(5 * gigabyte * 8_000 / 3_600_000), info.bitrate());
            assertTrue(channel.bytesRead() < 64 * 1024, "read " + channel.bytesRead() + " bytes");
        }
    }

    static byte[] fixture(String name) {
        return Fixtures.bytes("avi/" + name);
    }
}
