package org.diva.transcode.probe.matroska;

import static org.diva.transcode.probe.Fixtures.concat;
import static org.diva.transcode.probe.matroska.EbmlBytes.element;
import static org.diva.transcode.probe.matroska.EbmlBytes.elementClaiming;
import static org.diva.transcode.probe.matroska.EbmlBytes.matroska;
import static org.diva.transcode.probe.matroska.EbmlBytes.string;
import static org.diva.transcode.probe.matroska.EbmlBytes.uint;
import static org.diva.transcode.probe.matroska.EbmlBytes.videoEntry;
import static org.diva.transcode.probe.matroska.MatroskaProbeTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.diva.transcode.probe.ByteArrayChannel;
import org.diva.transcode.probe.MediaFormatException;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.probe.ProbeAssertions;
import org.junit.jupiter.api.Test;

/**
 * Damaged and hostile Matroska input: each case ends in a {@link MediaFormatException} that says what and where,
 * or in the facts that could still be read; never an unchecked exception, a huge allocation or an endless loop.
 */
class MatroskaDamageTest {
    private final MatroskaProbe probe = new MatroskaProbe();

    @Test
    void emptyFile() {
        assertFails(new byte[0], "not a Matroska file: it is 0 bytes long");
    }

    @Test
    void garbage() {
        byte[] junk = new byte[64 * 1024];
        new Random(1).nextBytes(junk);
        assertFails(junk, "not a Matroska file: it does not start with an EBML header");
    }

    @Test
    void garbageAfterTheEbmlMagic() {
        byte[] junk = new byte[64 * 1024];
        new Random(2).nextBytes(junk);
        junk[0] = 0x1A;
        junk[1] = 0x45;
        junk[2] = (byte) 0xDF;
        junk[3] = (byte) 0xA3;
        junk[4] = (byte) 0x84; // a 4-byte header body of random bytes
        assertThrows(MediaFormatException.class, () -> probe(junk));
    }

    @Test
    void otherEbmlDocType() {
        byte[] file = concat(EbmlBytes.ebmlHeader("x-other"), element(MatroskaIds.SEGMENT));
        assertFails(file, "not a Matroska file: its EBML DocType is \"x-other\"");
    }

    @Test
    void truncatedInsideTracksSaysWhichElementAndWhere() {
        byte[] whole = fixture("h264-aac-subs.mkv");
        EbmlBytes.Located tracks = EbmlBytes.locate(whole, MatroskaIds.SEGMENT, 0, MatroskaIds.TRACKS, 0);
        int cutAt = tracks.dataOffset() + tracks.size() / 2;
        assertFails(Arrays.copyOf(whole, cutAt), String.format(
                "truncated Matroska: Tracks element at byte %,d claims %,d bytes but the file ends at byte %,d",
                tracks.offset(), tracks.size(), cutAt));
    }

    @Test
    void truncatedInTheClustersStillReadsEverything() throws IOException {
        byte[] whole = fixture("h264-aac-subs.mkv");
        int firstClusterEnd = EbmlBytes.locate(whole, MatroskaIds.SEGMENT, 0, MatroskaIds.CLUSTER, 0).end();
        byte[] cut = Arrays.copyOf(whole, firstClusterEnd);
        MediaInfo info = probe(cut);
        assertEquals(Optional.of("High"), info.video().get(0).profile());
        assertEquals(2, info.audio().size());
        assertEquals(Optional.of("Test Pattern"), info.title());
    }

    @Test
    void truncatedAtEveryByteOfTheHeadersFailsCleanlyOrReadsWhatIsThere() {
        byte[] whole = fixture("h264-aac-subs.mkv");
        for (int length = 0; length < headersEnd(whole) + 100; length++) {
            probeWithoutSurprises(Arrays.copyOf(whole, length), "cut at " + length);
        }
    }

    @Test
    void randomByteDamageInTheHeadersFailsCleanlyOrReadsWhatIsThere() {
        byte[] whole = fixture("h264-aac-subs.mkv");
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            byte[] damaged = whole.clone();
            int at = random.nextInt(headersEnd(whole));
            damaged[at] = (byte) random.nextInt(256);
            probeWithoutSurprises(damaged, "byte " + at + " set to " + damaged[at]);
        }
    }

    @Test
    void trackEntryClaimingMoreThanItsTracks() {
        byte[] file = matroska(element(MatroskaIds.TRACKS,
                elementClaiming(MatroskaIds.TRACK_ENTRY, 5000, uint(MatroskaIds.TRACK_TYPE, 1))),
                element(MatroskaIds.VOID, new byte[6000]));
        assertFails(file, "damaged Matroska: TrackEntry element at byte ");
        assertFails(file, "claims 5,000 bytes but its parent Tracks element at byte ");
    }

    @Test
    void tracksClaimingMoreThanItsSegment() {
        byte[] tracks = element(MatroskaIds.TRACKS, videoEntry("V_VP8", 320, 240));
        byte[] segment = concat(EbmlBytes.id(MatroskaIds.SEGMENT), EbmlBytes.size8(tracks.length - 4), tracks);
        byte[] file = concat(EbmlBytes.ebmlHeader("matroska"), segment, new byte[100]);
        assertFails(file, "damaged Matroska: Tracks element at byte ");
        assertFails(file, "but its parent Segment ends at byte");
    }

    @Test
    void absurdSizeOfTwoToTheFiftySix() {
        byte[] file = matroska(elementClaiming(MatroskaIds.TRACKS, (1L << 56) - 2, videoEntry("V_VP8", 320, 240)));
        assertFails(file, "claims 72,057,594,037,927,934 bytes but the file ends at byte");
    }

    @Test
    void absurdSizeBeforeTracksStopsTheWalk() {
        byte[] file = matroska(elementClaiming(MatroskaIds.VOID, (1L << 56) - 2), element(MatroskaIds.TRACKS));
        assertFails(file, "truncated Matroska: Void element at byte 21 claims 72,057,594,037,927,934 bytes");
    }

    @Test
    void elementIdOfInvalidLength() {
        byte[] file = fixture("h264-aac-subs.mkv");
        int entry = firstTrackEntry(file).offset();
        String where = String.format("damaged Matroska at byte %,d of %,d: ", entry, file.length);
        file[entry] = 0x00;
        assertFails(file, where + "invalid EBML element ID starting with byte 0x00");
        file[entry] = 0x08; // a five-byte ID; Matroska IDs have at most four
        assertFails(file, where + "invalid EBML element ID starting with byte 0x08");
    }

    @Test
    void elementSizeOfInvalidLength() {
        byte[] file = fixture("h264-aac-subs.mkv");
        int size = firstTrackEntry(file).offset() + 1; // TrackEntry's ID is one byte
        file[size] = 0x00;
        assertFails(file, String.format("damaged Matroska at byte %,d of %,d: invalid EBML size of TrackEntry",
                size, file.length));
    }

    @Test
    void unknownSizeInsideTracks() {
        byte[] file = matroska(element(MatroskaIds.TRACKS,
                elementClaiming(MatroskaIds.TRACK_ENTRY, EbmlBytes.UNKNOWN, uint(MatroskaIds.TRACK_TYPE, 1))));
        assertFails(file, "TrackEntry element at byte ");
        assertFails(file, "has an unknown size");
    }

    @Test
    void noTracksBeforeTheFirstClusterAndNoSeekHead() {
        byte[] file = matroska(EbmlBytes.info(1000), element(MatroskaIds.CLUSTER, new byte[10]),
                element(MatroskaIds.TRACKS, videoEntry("V_VP8", 320, 240)));
        assertFails(file, "no Tracks element before its first Cluster");
    }

    @Test
    void tracksWithoutVideoOrAudio() {
        byte[] file = matroska(element(MatroskaIds.TRACKS, element(MatroskaIds.TRACK_ENTRY,
                uint(MatroskaIds.TRACK_TYPE, 0x11), string(MatroskaIds.CODEC_ID, "S_TEXT/UTF8"))));
        assertFails(file, "lists no video or audio track");
    }

    @Test
    void seekHeadPointingAtItselfAndPastTheFileIsHarmless() throws IOException {
        byte[] selfSeek = element(MatroskaIds.SEEK_HEAD,
                element(MatroskaIds.SEEK, element(MatroskaIds.SEEK_ID, EbmlBytes.id(MatroskaIds.SEEK_HEAD)),
                        uint(MatroskaIds.SEEK_POSITION, 0)),
                element(MatroskaIds.SEEK, element(MatroskaIds.SEEK_ID, EbmlBytes.id(MatroskaIds.INFO)),
                        uint(MatroskaIds.SEEK_POSITION, 1L << 40)));
        byte[] file = matroska(selfSeek, element(MatroskaIds.TRACKS, videoEntry("V_VP8", 320, 240)));
        MediaInfo info = probe(file);
        assertEquals("vp8", info.video().get(0).codec());
        assertTrue(info.durationMillis().isEmpty());
    }

    private MediaInfo probe(byte[] file) throws IOException {
        return probe.probe(new ByteArrayChannel(file));
    }

    /** Where the header elements of a real file end: past Info, Tracks and Tags, before the first Cluster. */
    static int headersEnd(byte[] file) {
        return EbmlBytes.locate(file, MatroskaIds.SEGMENT, 0, MatroskaIds.CLUSTER, 0).offset();
    }

    private static EbmlBytes.Located firstTrackEntry(byte[] file) {
        return EbmlBytes.locate(file, MatroskaIds.SEGMENT, 0, MatroskaIds.TRACKS, 0, MatroskaIds.TRACK_ENTRY, 0);
    }

    private void assertFails(byte[] file, String expectedMessagePart) {
        ProbeAssertions.assertFails(probe, file, expectedMessagePart);
    }

    private void probeWithoutSurprises(byte[] file, String what) {
        ProbeAssertions.probeWithoutSurprises(probe, file, what);
    }
}
