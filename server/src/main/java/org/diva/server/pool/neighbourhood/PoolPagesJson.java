package org.diva.server.pool.neighbourhood;

import java.util.List;
import java.util.Optional;

/** Wire forms of {@code GET /api/v1/pool/items}: a page of the neighbourhood tree, and a search's results. */
public final class PoolPagesJson {
    private PoolPagesJson() {
    }

    /**
     * A folder (a household or one of its folders, with the id to pass as {@code parent}) or an item.
     *
     * @param type "household", "folder" or "item"
     */
    public record EntryJson(String type, String id, String name, Optional<PoolItemJson> item) {
    }

    /** A page of a folder of the neighbourhood tree. */
    public record PageJson(List<EntryJson> entries, long total, int offset, int limit) {
    }

    /** A neighbour that had not answered by the deadline, and why. */
    public record MissingJson(String id, String name, String reason) {
    }

    /** What the neighbours found by the deadline, and who had not answered. */
    public record SearchJson(List<PoolItemJson> items, List<MissingJson> missing) {
    }

    /** How a neighbour's title plays on a device: {@code PlaybackJson} with the neighbour item's id. */
    public record PlaybackJson(String item, org.diva.server.api.ProfileRefJson profile, String mode,
                               List<String> reasons, Optional<org.diva.server.api.PlaybackJson.TargetJson> target,
                               Optional<String> url) {
    }
}
