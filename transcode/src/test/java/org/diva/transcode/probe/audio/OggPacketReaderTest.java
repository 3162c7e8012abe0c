package org.diva.transcode.probe.audio;

import static org.diva.transcode.probe.MediaFixtures.audio;
import static org.diva.transcode.probe.MediaFixtures.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.diva.transcode.probe.RepeatingChannel;
import org.junit.jupiter.api.Test;

class OggPacketReaderTest {

    @Test
    void headerPacketsAndLastGranuleOfTheOpusFixture() throws Exception {
        try (FileChannel channel = FileChannel.open(audio("tone.opus"))) {
            OggPacketReader reader = new OggPacketReader(channel);
            byte[] head = reader.next(1024).orElseThrow();
            assertArrayEquals("OpusHead".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(head, 8));
            byte[] tags = reader.next(1024).orElseThrow();
            assertArrayEquals("OpusTags".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(tags, 8));
            // 2 s at 48 kHz plus the 312-sample pre-skip
            assertEquals(OptionalLong.of(96_312), OggPacketReader.lastGranule(channel, reader.serial()));
        }
    }

    @Test
    void packetLongerThanTheLimitIsSkippedNotKept() throws Exception {
        try (FileChannel channel = FileChannel.open(audio("tone.opus"))) {
            OggPacketReader reader = new OggPacketReader(channel);
            assertEquals(Optional.empty(), reader.next(8));
            assertArrayEquals("OpusTags".getBytes(StandardCharsets.US_ASCII),
                    Arrays.copyOf(reader.next(1024).orElseThrow(), 8));
        }
    }

    @Test
    void lastGranuleReadsOnlyTheTailOfAHugeFile() throws Exception {
        RepeatingChannel huge = new RepeatingChannel(bytes(audio("tone.opus")), 5L << 30);
        OggPacketReader reader = new OggPacketReader(huge);
        reader.next(1024);
        long before = huge.bytesRead();
        assertTrue(OggPacketReader.lastGranule(huge, reader.serial()).isPresent());
        assertTrue(huge.bytesRead() - before <= OggPacketReader.MAX_PAGE, huge.bytesRead() - before + " bytes");
    }
}
