package org.diva.transcode.probe.avi;

import static org.diva.transcode.probe.avi.AviProbeTest.fixture;
import static org.diva.transcode.probe.avi.RiffBytes.avih;
import static org.diva.transcode.probe.avi.RiffBytes.bitmapInfo;
import static org.diva.transcode.probe.avi.RiffBytes.chunk;
import static org.diva.transcode.probe.avi.RiffBytes.le32;
import static org.diva.transcode.probe.avi.RiffBytes.list;
import static org.diva.transcode.probe.avi.RiffBytes.riff;
import static org.diva.transcode.probe.avi.RiffBytes.strh;
import static org.diva.transcode.probe.avi.RiffBytes.waveFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.diva.transcode.probe.ByteArrayChannel;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.ProbeAssertions;
import org.diva.transcode.probe.SubtitleTrack;
import org.junit.jupiter.api.Test;

/**
 * Damaged and hostile AVI input: each case ends in a {@link MediaFormatException} that says what and where, or in
 * the facts that could still be read; never an unchecked exception, a huge allocation or an endless loop.
 */
class AviDamageTest {
    private final AviProbe probe = new AviProbe();

    @Test
    void emptyFile() {
        assertFails(new byte[0], "not an AVI file: it is 0 bytes long");
    }

    @Test
    void garbage() {
        byte[] junk = new byte[64 * 1024];
        new Random(1).nextBytes(junk);
        assertFails(junk, "not an AVI file: it starts with");
    }

    @Test
    void waveFileIsNotAvi() {
        assertFails(riff("WAVE", chunk("fmt ", new byte[16])), "not RIFF 'AVI '");
    }

    @Test
    void truncatedInTheMoviListStillReadsEverything() throws IOException {
        MediaInfo info = probe(Arrays.copyOf(fixture("xvid-mp3.avi"), 20_000));
        assertEquals(Optional.of("Xvid Test"), info.title());
        assertEquals("mpeg4", info.video().get(0).codec());
        assertEquals("mp3", info.audio().get(0).codec());
        assertEquals(1040, info.durationMillis().getAsLong());
    }

    @Test
    void truncatedInsideTheHeaderListSaysWhichChunkAndWhere() {
        byte[] whole = fixture("xvid-mp3.avi");
        RiffBytes.Located hdrl = RiffBytes.find(whole, "hdrl");
        int cutAt = (int) (hdrl.offset() + hdrl.size() / 2);
        assertFails(Arrays.copyOf(whole, cutAt), String.format(
                "truncated AVI: LIST 'hdrl' chunk at byte %,d claims %,d bytes but the file ends at byte %,d",
                hdrl.offset(), hdrl.size() - 4, cutAt));
    }

    @Test
    void truncatedAtEveryByteOfTheHeadersFailsCleanlyOrReadsWhatIsThere() {
        byte[] whole = fixture("xvid-mp3.avi");
        for (int length = 0; length < RiffBytes.find(whole, "movi").offset() + 100; length++) {
            probeWithoutSurprises(Arrays.copyOf(whole, length), "cut at " + length);
        }
    }

    @Test
    void randomByteDamageInTheHeadersFailsCleanlyOrReadsWhatIsThere() {
        byte[] whole = fixture("xvid-mp3.avi");
        Random random = new Random(3);
        // Half the damage lands on chunk headers (IDs, sizes, list types), where it does the most harm.
        int[] headers = RiffBytes.chunks(whole).stream().mapToInt(RiffBytes.Located::offset).toArray();
        int movi = RiffBytes.find(whole, "movi").offset();
        for (int i = 0; i < 3000; i++) {
            byte[] damaged = whole.clone();
            int at = i % 2 == 0 ? random.nextInt(movi) : headers[random.nextInt(headers.length)] + random.nextInt(12);
            damaged[at] = (byte) random.nextInt(256);
            probeWithoutSurprises(damaged, "byte " + at + " set to " + damaged[at]);
        }
    }

    @Test
    void headerListClaimingMoreThanItsRiff() {
        byte[] file = fixture("xvid-mp3.avi");
        RiffBytes.Located hdrl = RiffBytes.find(file, "hdrl");
        System.arraycopy(le32(hdrl.size() / 2), 0, file, 4, 4); // the RIFF size
        assertFails(file, String.format("damaged AVI: LIST 'hdrl' chunk at byte %,d claims %,d bytes but its parent "
                + "RIFF 'AVI ' chunk at byte 0 ends at byte %,d", hdrl.offset(), hdrl.size() - 4, 8 + hdrl.size() / 2));
    }

    @Test
    void streamListClaimingMoreThanItsHeaderList() {
        byte[] file = fixture("xvid-mp3.avi");
        RiffBytes.Located hdrl = RiffBytes.find(file, "hdrl");
        RiffBytes.Located strl = RiffBytes.find(file, "strl");
        System.arraycopy(le32(hdrl.size()), 0, file, strl.offset() + 4, 4);
        assertFails(file, String.format("damaged AVI: LIST 'strl' chunk at byte %,d claims %,d bytes but its parent "
                + "LIST 'hdrl' chunk at byte %,d ends at byte %,d", strl.offset(), hdrl.size() - 4, hdrl.offset(),
                hdrl.offset() + 8 + hdrl.size()));
    }

    @Test
    void absurdChunkSize() {
        byte[] file = fixture("xvid-mp3.avi");
        RiffBytes.Located hdrl = RiffBytes.find(file, "hdrl");
        System.arraycopy(le32(0xFFFF_FFFFL), 0, file, hdrl.offset() + 4, 4);
        assertFails(file, String.format("truncated AVI: LIST 'hdrl' chunk at byte %,d claims 4,294,967,291 bytes",
                hdrl.offset()));
    }

    @Test
    void zeroRatesAndScalesGiveNoFrameRateRatherThanADivisionByZero() throws IOException {
        byte[] file = riff("AVI ", list("hdrl", avih(0, 100, 320, 240),
                list("strl", strh("vids", "XVID", 0, 0, 100), bitmapInfo(320, 240, "XVID")),
                list("strl", strh("auds", "\0\0\0\0", 0, 0, 100), waveFormat(0x55, 2, 44100, 0))));
        MediaInfo info = probe(file);
        assertEquals(OptionalDouble.empty(), info.video().get(0).frameRate());
        assertTrue(info.audio().get(0).bitrate().isEmpty());
        assertTrue(info.durationMillis().isEmpty());
    }

    @Test
    void streamHeaderTooShort() {
        byte[] file = riff("AVI ", list("hdrl", avih(40_000, 100, 320, 240),
                list("strl", chunk("strh", new byte[20]), bitmapInfo(320, 240, "XVID"))));
        assertFails(file,
                "damaged AVI at byte 88 of 176: a stream list (LIST 'strl') has no complete stream header (strh)");
    }

    @Test
    void noHeaderList() {
        assertFails(riff("AVI ", list("movi", chunk("00dc", new byte[10]))),
                "AVI file has no header list (LIST 'hdrl')");
    }

    @Test
    void noMainHeader() {
        assertFails(riff("AVI ", list("hdrl", list("strl", strh("vids", "XVID", 1, 25, 100)))),
                "damaged AVI at byte 12 of 100: the header list (LIST 'hdrl') has no main header (avih)");
    }

    @Test
    void endlessNestingOfListsCostsNothing() throws IOException {
        // 100,000 nested LISTs inside hdrl: the probe reads only the lists AVI defines, so depth never matters.
        int depth = 100_000;
        ByteArrayOutputStream nested = new ByteArrayOutputStream();
        for (int d = 0; d < depth; d++) {
            nested.writeBytes(RiffBytes.ascii("LIST"));
            nested.writeBytes(le32((long) (depth - 1 - d) * 12 + 4));
            nested.writeBytes(RiffBytes.ascii("strl"));
        }
        byte[] file = riff("AVI ", list("hdrl", avih(40_000, 25, 320, 240), list("strl",
                strh("vids", "XVID", 1, 25, 25), bitmapInfo(320, 240, "XVID"), nested.toByteArray())));
        MediaInfo info = probe(file);
        assertEquals("mpeg4", info.video().get(0).codec());
        assertEquals(1000, info.durationMillis().getAsLong());
    }

    @Test
    void tooManyChunksIsDamage() {
        byte[] junk = new byte[8 * 20_000];
        for (int i = 0; i < junk.length; i += 8) {
            System.arraycopy(RiffBytes.ascii("JUNK"), 0, junk, i, 4);
        }
        assertFails(riff("AVI ", list("hdrl", avih(40_000, 25, 320, 240), junk)), "has more than 10000 chunks");
    }

    @Test
    void subtitleStreamsAndTopDownBitmaps() throws IOException {
        byte[] file = riff("AVI ", list("hdrl", avih(40_000, 25, 320, 240),
                list("strl", strh("vids", "H264", 1001, 30000, 300), bitmapInfo(640, -360, "H264")),
                list("strl", strh("vids", "DXSB", 1, 25, 25), bitmapInfo(640, 360, "DXSB"),
                        chunk("strn", RiffBytes.ascii("English\0"))),
                list("strl", strh("txts", "\0\0\0\0", 1, 25, 25), chunk("strn", RiffBytes.ascii("Notes\0")))));
        MediaInfo info = probe(file);
        assertEquals(1, info.video().size());
        assertEquals("h264", info.video().get(0).codec());
        assertEquals(360, info.video().get(0).height());
        assertEquals(OptionalDouble.of(29.97), info.video().get(0).frameRate());
        assertEquals(10_010, info.durationMillis().getAsLong());
        assertEquals(SubtitleTrack.embedded("xsub", Optional.empty(), Optional.of("English")), info.subtitles().get(0));
        assertEquals(SubtitleTrack.embedded("txts", Optional.empty(), Optional.of("Notes")), info.subtitles().get(1));
    }

    private MediaInfo probe(byte[] file) throws IOException {
        return probe.probe(new ByteArrayChannel(file));
    }

    private void assertFails(byte[] file, String expectedMessagePart) {
        ProbeAssertions.assertFails(probe, file, expectedMessagePart);
    }

    private void probeWithoutSurprises(byte[] file, String what) {
        ProbeAssertions.probeWithoutSurprises(probe, file, what);
    }
}
