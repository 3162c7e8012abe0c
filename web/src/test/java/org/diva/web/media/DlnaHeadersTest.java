package org.diva.web.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DLNA request headers against what a file's contentFeatures offer: one row per case a renderer sends. */
class DlnaHeadersTest {
    private static final String VIDEO = "DLNA.ORG_PN=AVC_MP4_HP_HD_AAC;DLNA.ORG_OP=01;DLNA.ORG_CI=0;"
            + "DLNA.ORG_FLAGS=01700000000000000000000000000000";
    private static final String PHOTO = "DLNA.ORG_PN=JPEG_LRG;DLNA.ORG_OP=01;DLNA.ORG_CI=0;"
            + "DLNA.ORG_FLAGS=00D00000000000000000000000000000";
    private static final String TIME_SEEKABLE = "DLNA.ORG_OP=11;DLNA.ORG_FLAGS=01700000000000000000000000000000";

    @ParameterizedTest(name = "{0}: {1}={2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            video  | -                           | -            | ok  | -        | Streaming
            video  | getcontentFeatures.dlna.org | 1            | ok  | VIDEO    | Streaming
            video  | getcontentFeatures.dlna.org | 2            | 400 | -        | -
            video  | transferMode.dlna.org       | Streaming    | ok  | -        | Streaming
            video  | transferMode.dlna.org       | background   | ok  | -        | Background
            video  | transferMode.dlna.org       | Interactive  | 406 | -        | -
            video  | transferMode.dlna.org       | Bulk         | 406 | -        | -
            video  | TimeSeekRange.dlna.org      | npt=10-      | 406 | -        | Streaming
            seek   | TimeSeekRange.dlna.org      | npt=10-      | ok  | -        | Streaming
            photo  | -                           | -            | ok  | -        | Interactive
            photo  | transferMode.dlna.org       | Streaming    | 406 | -        | -
            photo  | transferMode.dlna.org       | Interactive  | ok  | -        | Interactive
            plain  | getcontentFeatures.dlna.org | 1            | ok  | -        | -
            plain  | transferMode.dlna.org       | Streaming    | ok  | -        | Streaming
            """)
    void requestHeadersAgainstTheFilesFeatures(String file, String header, String value, String outcome,
                                               String featuresSent, String modeSent) {
        Optional<String> features = switch (file) {
            case "video" -> Optional.of(VIDEO);
            case "photo" -> Optional.of(PHOTO);
            case "seek" -> Optional.of(TIME_SEEKABLE);
            default -> Optional.empty();
        };
        HttpFields.Mutable request = HttpFields.build();
        if (header != null) {
            request.put(header, value);
        }
        HttpFields.Mutable response = HttpFields.build();
        Optional<DlnaHeaders.Refusal> refusal = DlnaHeaders.apply(request,
                response, new ServedFile(Path.of("/x"), "video/mp4", 1, 0, features));
        assertEquals(outcome, refusal.map(r -> String.valueOf(r.status())).orElse("ok"));
        if (refusal.isEmpty()) {
            assertEquals(featuresSent == null ? null : VIDEO, response.get(DlnaHeaders.CONTENT_FEATURES));
            assertEquals(modeSent, response.get(DlnaHeaders.TRANSFER_MODE));
        }
    }
}
