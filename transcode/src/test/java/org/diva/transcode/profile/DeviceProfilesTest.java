package org.diva.transcode.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-ins and the household's profile folder: overrides by id, new devices, bad files reported and skipped. */
class DeviceProfilesTest {
    @TempDir
    Path dir;

    @Test
    void everyBuiltInLoadsWithTheIdsTheApiPromises() {
        DeviceProfiles profiles = DeviceProfiles.builtIn();
        assertEquals(DeviceProfiles.BUILT_INS, profiles.all().stream().map(DeviceProfile::id).toList());
        for (String id : List.of("generic-dlna", "samsung-tv", "lg-tv", "sony-bravia", "panasonic-tv", "xbox",
                "playstation", "vlc", "kodi", "android", "browser", "sd-tv")) {
            assertTrue(profiles.byId(id).isPresent(), id);
            assertEquals("built-in", profiles.source(id));
        }
        assertEquals("generic-dlna", profiles.fallback().id());
        assertTrue(profiles.problems().isEmpty());
    }

    @Test
    void sdTvIsTheOldStandardDefinitionTelevisionTheIssueDescribes() {
        DeviceProfile sd = DeviceProfiles.builtIn().byId("sd-tv").orElseThrow();
        assertEquals(java.util.Set.of("mpegts", "mpegps", "mp3", "jpeg"), sd.plays().containers());
        VideoCapability h264 = sd.plays().video("h264").orElseThrow();
        assertTrue(h264.takesProfile("Main"));
        assertFalse(h264.takesProfile("High"));
        assertEquals(720, h264.maxWidth());
        assertEquals(576, h264.maxHeight());
        for (String codec : List.of("aac", "ac3", "mp2")) {
            assertTrue(sd.plays().audio(codec).isPresent(), codec);
        }
        assertEquals(SubtitleMethod.NONE, sd.plays().subtitles());
    }

    @Test
    void aHouseholdFileReplacesTheBuiltInOfTheSameIdWhole() throws IOException {
        Files.writeString(dir.resolve("my-samsung.yaml"), """
                id: samsung-tv
                name: Our old Samsung
                plays:
                  containers: [mpegts]
                  maxBitrate: 8000000
                  video:
                    - {codec: h264, maxWidth: 1280, maxHeight: 720}
                  audio:
                    - aac
                """.replace("    - aac", "    - {codec: aac}"));
        DeviceProfiles profiles = DeviceProfiles.load(dir);
        DeviceProfile samsung = profiles.byId("samsung-tv").orElseThrow();
        assertEquals("Our old Samsung", samsung.name());
        assertEquals(OptionalLong.of(8_000_000), samsung.plays().maxBitrate());
        assertEquals(2, samsung.plays().audio("aac").orElseThrow().maxChannels(), "default channel count");
        assertEquals(60, samsung.plays().video("h264").orElseThrow().maxFrameRate(), "default frame rate");
        assertTrue(samsung.plays().audio("ac3").isEmpty(), "an override replaces, it does not merge");
        assertEquals("my-samsung.yaml", profiles.source("samsung-tv"));
        assertEquals(DeviceProfiles.BUILT_INS.size(), profiles.all().size());
    }

    @Test
    void aHouseholdFileAddsANewDeviceAfterTheBuiltIns() throws IOException {
        Files.writeString(dir.resolve("projector.yml"), """
                id: attic-projector
                name: Attic projector
                recognise:
                  friendlyName: Attic
                plays:
                  containers: [mp4]
                  video: [{codec: h264, maxWidth: 1280, maxHeight: 720}]
                """);
        DeviceProfiles profiles = DeviceProfiles.load(dir);
        assertEquals("attic-projector", profiles.all().get(profiles.all().size() - 1).id());
        assertEquals(1, profiles.byId("attic-projector").orElseThrow().recognition().friendlyName().size());
    }

    @Test
    void aMalformedFileIsReportedWithItsNameAndSkippedAndTheRestStillLoad() throws IOException {
        Files.writeString(dir.resolve("a-broken.yaml"), "id: broken\nname: [unclosed\n");
        Files.writeString(dir.resolve("b-good.yaml"), "id: good-tv\nname: Good\nplays: {containers: [mp4]}\n");
        DeviceProfiles profiles = DeviceProfiles.load(dir);
        assertTrue(profiles.byId("good-tv").isPresent());
        assertTrue(profiles.byId("broken").isEmpty());
        assertEquals(1, profiles.problems().size());
        String problem = profiles.problems().get(0);
        assertTrue(problem.contains("a-broken.yaml") && problem.contains("not valid YAML")
                && problem.contains("line") && problem.contains("skipped"), problem);
    }

    @Test
    void aMissingFolderMeansTheBuiltInsAlone() {
        DeviceProfiles profiles = DeviceProfiles.load(dir.resolve("absent"));
        assertEquals(DeviceProfiles.BUILT_INS.size(), profiles.all().size());
        assertTrue(profiles.problems().isEmpty());
    }

    @Test
    void twoFilesWithOneIdAreReportedAndTheLaterByNameWins() throws IOException {
        Files.writeString(dir.resolve("1.yaml"), "id: den-tv\nname: First\nplays: {containers: [mp4]}\n");
        Files.writeString(dir.resolve("2.yaml"), "id: den-tv\nname: Second\nplays: {containers: [mp4]}\n");
        DeviceProfiles profiles = DeviceProfiles.load(dir);
        assertEquals("Second", profiles.byId("den-tv").orElseThrow().name());
        assertTrue(profiles.problems().get(0).contains("also defined by 1.yaml"), profiles.problems().toString());
    }

    @Test
    void filesThatAreNotYamlProfilesAreLeftAlone() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "not a profile");
        Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        DeviceProfiles profiles = DeviceProfiles.load(dir);
        assertEquals(1, profiles.problems().size(), profiles.problems().toString());
        assertTrue(profiles.problems().get(0).contains("binary.yaml"));
    }
}
