package org.diva.transcode.mux.mp4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.diva.transcode.demux.Demuxer;
import org.diva.transcode.demux.StandardDemuxers;
import org.diva.transcode.probe.MediaFormatException;
import org.junit.jupiter.api.Test;

/** Annex B access units to MP4 samples, and the parameter sets that go to the avcC record instead. */
class AvcSamplesTest {
    private static final byte[] SPS = {0x67, 0x42, (byte) 0xc0, 0x1e, (byte) 0xda, 0x02, (byte) 0x80, (byte) 0xbf};
    private static final byte[] PPS = {0x68, (byte) 0xce, 0x3c, (byte) 0x80};
    private static final byte[] OTHER_PPS = {0x68, (byte) 0xce, 0x3c, (byte) 0x81};
    private static final byte[] AUD = {0x09, (byte) 0xf0};
    private static final byte[] SEI = {0x06, 0x05, 0x01, 0x00, (byte) 0x80};
    private static final byte[] IDR = {0x65, (byte) 0x88, (byte) 0x84, 0x00, 0x33};
    private static final byte[] SLICE = {0x41, (byte) 0x9a, 0x02};

    private static ByteBuffer annexB(byte[]... nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] nal : nals) {
            out.writeBytes(new byte[] {0, 0, 0, 1});
            out.writeBytes(nal);
        }
        return ByteBuffer.wrap(out.toByteArray());
    }

    private static byte[] lengthPrefixed(byte[]... nals) {
        ByteBuffer b = ByteBuffer.allocate(Arrays.stream(nals).mapToInt(n -> n.length + 4).sum());
        for (byte[] nal : nals) {
            b.putInt(nal.length).put(nal);
        }
        return b.array();
    }

    private static byte[] avcC(AvcSamples samples) {
        BoxBuffer b = new BoxBuffer();
        samples.writeAvcC(b);
        ByteBuffer bytes = b.toBuffer();
        return Arrays.copyOfRange(bytes.array(), 0, bytes.limit());
    }

    @Test
    void parameterSetsAndDelimitersLeaveTheSamplesForTheRecord() throws MediaFormatException {
        AvcSamples samples = new AvcSamples(annexB(SPS, PPS));
        assertArrayEquals(lengthPrefixed(SEI, IDR), samples.sample(annexB(AUD, SPS, PPS, SEI, IDR)));
        assertArrayEquals(lengthPrefixed(SLICE), samples.sample(annexB(AUD, SLICE)));
        byte[] record = avcC(samples);
        ByteBuffer expected = ByteBuffer.allocate(8 + 6 + 2 + SPS.length + 1 + 2 + PPS.length);
        expected.putInt(expected.capacity()).put("avcC".getBytes()).put(new byte[] {1, 0x42, (byte) 0xc0, 0x1e})
                .put((byte) 0xff).put((byte) 0xe1).putShort((short) SPS.length).put(SPS).put((byte) 1)
                .putShort((short) PPS.length).put(PPS);
        assertArrayEquals(expected.array(), record);
    }

    @Test
    void withoutCodecPrivateTheFirstAccessUnitFillsTheRecord() throws MediaFormatException {
        AvcSamples samples = new AvcSamples(ByteBuffer.allocate(0));
        assertFalse(samples.hasParameterSets());
        assertArrayEquals(lengthPrefixed(IDR), samples.sample(annexB(SPS, PPS, IDR)));
        assertTrue(samples.hasParameterSets());
        assertArrayEquals(avcC(new AvcSamples(annexB(SPS, PPS))), avcC(samples));
    }

    @Test
    void aChangedParameterSetStaysInBand() throws MediaFormatException {
        AvcSamples samples = new AvcSamples(annexB(SPS, PPS));
        samples.sample(annexB(IDR));
        assertArrayEquals(lengthPrefixed(OTHER_PPS, IDR), samples.sample(annexB(SPS, OTHER_PPS, IDR)));
        assertArrayEquals(avcC(new AvcSamples(annexB(SPS, PPS))), avcC(samples), "the record keeps the first");
    }

    /** After a change the stream may switch back: the recorded set is then needed in band again. */
    @Test
    void afterAChangeEveryParameterSetStaysInBand() throws MediaFormatException {
        AvcSamples samples = new AvcSamples(annexB(SPS, PPS));
        samples.sample(annexB(SPS, PPS, IDR));
        samples.sample(annexB(OTHER_PPS, IDR));
        assertArrayEquals(lengthPrefixed(SPS, PPS, IDR), samples.sample(annexB(AUD, SPS, PPS, IDR)));
    }

    @Test
    void dataWithoutStartCodesIsRefused() {
        AvcSamples samples = new AvcSamples(ByteBuffer.allocate(0));
        MediaFormatException e = assertThrows(MediaFormatException.class,
                () -> samples.sample(ByteBuffer.wrap(lengthPrefixed(IDR))));
        assertTrue(e.getMessage().contains("no Annex B start code"), e.getMessage());
    }

    /** The record from a demuxer's codec private data is byte for byte the one x264/ffmpeg wrote (High profile). */
    @Test
    void recordOfARealHighProfileStreamEqualsTheSourceFiles() throws IOException {
        Path source = Path.of("src/test/resources/media/mp4/h264_aac_gop.mp4");
        AvcSamples samples;
        try (FileChannel in = FileChannel.open(source); Demuxer demuxer = StandardDemuxers.open("mp4", in)) {
            samples = new AvcSamples(demuxer.streams().get(0).codecPrivate());
        }
        byte[] ours = avcC(samples);
        byte[] file = Files.readAllBytes(source);
        int at = indexOf(file, ours);
        assertTrue(at > 0, "the source's avcC is not our record " + Arrays.toString(ours));
        assertEquals(100, ours[9], "High profile, with the record's High extension");
    }

    private static int indexOf(byte[] data, byte[] part) {
        for (int i = 0; i + part.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
