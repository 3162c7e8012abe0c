package org.diva.transcode.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.diva.transcode.probe.MediaInfo;
import org.diva.transcode.profile.DeviceProfile;
import org.diva.transcode.profile.DeviceProfiles;
import org.diva.transcode.profile.SubtitleMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The play decision as a table: one row of {@code decision-table.txt} per real-world case, (media, profile) to
 * (mode, target, a phrase of the reasons). The profiles are the built-ins plus {@code stereo-tv}, a household's
 * own file for a TV that takes AAC and AC-3 in stereo only.
 */
class DecisionTableTest {
    private static final Path USER_PROFILES = Path.of("src/test/resources/profiles/user");
    private static final DeviceProfiles PROFILES = DeviceProfiles.load(USER_PROFILES);
    private final PlaybackDecision decision = new PlaybackDecision(Conversions.diva());

    static Stream<Arguments> rows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = DecisionTableTest.class.getResourceAsStream("decision-table.txt")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                if (cells.length != 6) {
                    throw new IllegalArgumentException("a row has six cells: " + line);
                }
                rows.add(Arguments.of(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip(),
                        cells[4].strip(), cells[5].strip()));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("rows")
    void decides(String name, String media, String profileId, String mode, String target, String reason) {
        DeviceProfile profile = PROFILES.byId(profileId).orElseThrow(() -> new AssertionError("no " + profileId));
        MediaInfo info = MediaSpec.parse(media);
        Decision made = decision.decide(info, profile);
        String summary = made.mode() + " " + summary(made);
        assertEquals(mode + " " + target, summary, () -> name + ": reasons " + made.reasons());
        String reasons = String.join("; ", made.reasons());
        assertTrue(reasons.toLowerCase(Locale.ROOT).contains(reason.toLowerCase(Locale.ROOT)),
                () -> name + ": reasons should say '" + reason + "' but say: " + reasons);
        DecisionInvariants.check(info, profile, made);
    }

    /** {@code mpegts; h264 Main 3.0 720x404 25; mp2 2ch}, or {@code -} when unsupported. */
    static String summary(Decision decision) {
        if (decision.target().isEmpty()) {
            return "-";
        }
        Target t = decision.target().get();
        String video = t.video().map(v -> v.copy() ? v.codec() + " copy" : String.format(Locale.ROOT,
                "%s %s %s %dx%d %s", v.codec(), v.profile().orElse("?"), v.level().orElse("?"), v.width(),
                v.height(), v.frameRate().isPresent() ? Names.rate(v.frameRate().getAsDouble()) : "?")).orElse("-");
        String audio = t.audio().map(a -> (a.copy() ? a.codec() + " copy" : a.codec() + " "
                + a.channels().orElse(0) + "ch") + (a.track() > 0 ? " #" + (a.track() + 1) : "")).orElse("-");
        String subtitles = t.subtitles() == SubtitleMethod.NONE ? ""
                : "; subs " + t.subtitles().name().toLowerCase(Locale.ROOT);
        return t.container() + "; " + video + "; " + audio + subtitles;
    }
}
