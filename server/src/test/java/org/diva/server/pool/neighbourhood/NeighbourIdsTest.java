package org.diva.server.pool.neighbourhood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.sharing.FolderId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The textual ids of neighbours' items and folders: canonical round trips, and every hostile form refused with why. */
class NeighbourIdsTest {
    private static final ServerId ID = ServerId.ofBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
            16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
    private static final String SID = NeighbourItemId.compact(ID);

    @ParameterizedTest
    @ValueSource(strings = {"1", "42", "999999999999999999"})
    void itemIdsRoundTrip(String remote) {
        NeighbourItemId id = new NeighbourItemId(ID, remote);
        assertEquals("n-" + SID + "-" + remote, id.toString());
        assertEquals(id, NeighbourItemId.parse(id.toString()));
        assertEquals(id, NeighbourItemId.parse(id.toString().replace(SID, SID.toLowerCase())), "case of the letters");
    }

    static Stream<Arguments> hostileItemIds() {
        return Stream.of(
                Arguments.of("x-" + SID + "-1", "starts with 'n-'"),
                Arguments.of("n-", "52 letters"),
                Arguments.of("n-" + SID, "52 letters"),
                Arguments.of("n-" + SID + "-", "52 letters"),
                Arguments.of("n-" + SID + "A-1", "52 letters"),
                Arguments.of("n-" + SID + "-0", "item's number"),
                Arguments.of("n-" + SID + "-007", "item's number"),
                Arguments.of("n-" + SID + "--1", "item's number"),
                Arguments.of("n-" + SID + "-1 ", "item's number"),
                Arguments.of("n-" + SID + "-1/2", "item's number"),
                Arguments.of("n-" + SID + "-12345678901234567890", "too long"),
                Arguments.of("n-!" + SID.substring(1) + "-1", "'!' at character 2"),
                Arguments.of("n-" + SID.substring(0, 10) + "1" + SID.substring(11) + "-1", "'1' at character 12"),
                Arguments.of("n-" + SID.substring(0, 10) + "\u0000" + SID.substring(11) + "-1", "\\u0000"),
                Arguments.of("n-" + SID.substring(0, 51) + "Z-1", "mistyped"));
    }

    @ParameterizedTest
    @MethodSource("hostileItemIds")
    void hostileItemIdsAreRefusedWithTheReason(String id, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeighbourItemId.parse(id));
        assertTrue(e.getMessage().contains(reason), id + ": " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abcdef0123456/x", "abcdef012345/", "abcdef012345//x", "abcdef012345/../x",
            "abcdef012345/./x", "ABCDEF012345", "abcdef012345/a\u0000b", "abcdef012345/a\nb"})
    void hostileFolderIdsAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> FolderId.parse(text));
        assertThrows(IllegalArgumentException.class, () -> NeighbourFolderId.parse("h-" + SID + "/" + text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdef012345", "abcdef012345/Films", "abcdef012345/Films/Drama (1999)/Ça va"})
    void folderIdsRoundTrip(String folder) {
        NeighbourFolderId id = NeighbourFolderId.parse("h-" + SID + "/" + folder);
        assertEquals(ID, id.household());
        assertEquals(folder, id.folder().orElseThrow().toString());
        assertEquals("h-" + SID + "/" + folder, id.toString());
        assertEquals(new NeighbourFolderId(ID, Optional.empty()), NeighbourFolderId.parse("h-" + SID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"h-", "h-SHORT", "x-", "h-{SID}x", "h-{SID}//", "h-{SID}/", "h-{SID-1}1"})
    void malformedHouseholdsAreRefused(String text) {
        String id = text.replace("{SID}", SID).replace("{SID-1}", SID.substring(1));
        assertThrows(IllegalArgumentException.class, () -> NeighbourFolderId.parse(id));
    }

    @ParameterizedTest
    @ValueSource(ints = {5000, 100_000})
    void overlongFolderIdsAreRefusedBeforeTheyAreRead(int length) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FolderId.parse("abcdef012345/" + "a".repeat(length)));
        assertTrue(e.getMessage().contains("at most"), e.getMessage());
    }
}
