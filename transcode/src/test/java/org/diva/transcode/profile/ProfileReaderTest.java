package org.diva.transcode.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a household can get a profile file wrong yields a message naming the file and the field. */
class ProfileReaderTest {
    private static final String VALID = """
            id: den-tv
            name: Den TV
            plays:
              containers: [mp4]
              video: [{codec: h264, maxWidth: 1920, maxHeight: 1080}]
              audio: [{codec: aac, maxChannels: 2}]
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing id              | id: den-tv                    | priority: 1                   | id: is required
            id with capitals        | id: den-tv                    | id: Den_TV                    | id: must be lower-case
            missing plays           | plays:                        | plays-not:                    | unknown field
            misspelt field          | maxWidth: 1920                | maxWidht: 1920                | plays.video[0].maxWidht: unknown field
            width not a number      | maxWidth: 1920                | maxWidth: wide                | plays.video[0].maxWidth: must be a whole number
            absurd width            | maxWidth: 1920                | maxWidth: 99999999            | plays.video[0].maxWidth: must be a whole number from 16 to 16384
            zero channels           | maxChannels: 2                | maxChannels: 0                | plays.audio[0].maxChannels
            bad level               | codec: h264,                  | codec: h264, maxLevel: high,  | plays.video[0].maxLevel: a level is a number
            bad subtitles           | containers: [mp4]             | containers: [mp4]\\n  subtitles: burnt | plays.subtitles: must be external, embedded or none
            bad pattern             | name: Den TV                  | name: Den TV\\nrecognise: {userAgent: '(['} | recognise.userAgent: is not a regular expression
            tiny bitrate            | containers: [mp4]             | containers: [mp4]\\n  maxBitrate: 5 | plays.maxBitrate
            key given twice         | name: Den TV                  | name: Den TV\\nname: Other   | Duplicate field
            quirk not a boolean     | name: Den TV                  | name: Den TV\\nquirks: {timeSeek: maybe} | quirks.timeSeek: must be true or false
            """)
    void namesTheFileAndTheField(String name, String replace, String with, String expected) {
        String text = VALID.replace(replace, with.replace("\\n", "\n"));
        InvalidProfileException e = assertThrows(InvalidProfileException.class,
                () -> new ProfileReader().read("den.yaml", text));
        assertTrue(e.getMessage().startsWith("den.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''
            '---'
            '[1, 2]'
            'just text'
            """)
    void notAMappingIsRefused(String text) {
        InvalidProfileException e = assertThrows(InvalidProfileException.class,
                () -> new ProfileReader().read("odd.yaml", text));
        assertTrue(e.getMessage().startsWith("odd.yaml: "), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aValidFileReadsWithDefaults() throws InvalidProfileException {
        DeviceProfile profile = new ProfileReader().read("den.yaml", VALID);
        assertEquals("den-tv", profile.id());
        assertEquals(SubtitleMethod.NONE, profile.plays().subtitles());
        assertEquals(Quirks.none(), profile.quirks());
        assertEquals(8, profile.plays().video("h264").orElseThrow().maxBitDepth());
    }

    @org.junit.jupiter.api.Test
    void aHugeFileIsRefusedUnread() {
        String huge = VALID + "#" + "x".repeat(ProfileReader.MAX_BYTES);
        InvalidProfileException e = assertThrows(InvalidProfileException.class,
                () -> new ProfileReader().read("huge.yaml", huge));
        assertTrue(e.getMessage().contains("at most"), e.getMessage());
    }
}
