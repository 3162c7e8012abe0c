package org.diva.server.pool.neighbourhood;

import java.util.Objects;
import java.util.Optional;
import org.diva.server.pool.ServerId;
import org.diva.server.pool.sharing.FolderId;

/**
 * A folder of the neighbourhood tree, as the pool API's {@code parent} and the TV's container ids name it:
 * {@code h-<ServerId, 52 letters>} is a household (its shares below it), {@code h-<ServerId>/<folder id>} one of its
 * shared folders ({@link FolderId}, checked as strictly as the holder checks it).
 */
public record NeighbourFolderId(ServerId household, Optional<FolderId> folder) {
    public static final String PREFIX = "h-";
    private static final int ID_LETTERS = 52;

    public NeighbourFolderId {
        Objects.requireNonNull(household, "household");
        Objects.requireNonNull(folder, "folder");
    }

    public static boolean claims(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    public static NeighbourFolderId parse(String text) {
        if (!claims(text)) {
            throw new IllegalArgumentException("a neighbourhood folder id starts with 'h-'");
        }
        int end = PREFIX.length() + ID_LETTERS;
        if (text.length() < end || (text.length() > end && text.charAt(end) != '/')) {
            throw new IllegalArgumentException("a neighbourhood folder id is 'h-', 52 letters of ServerId, then "
                    + "optionally '/' and a folder");
        }
        String holder = text.substring(PREFIX.length(), end);
        for (int i = 0; i < holder.length(); i++) {
            char c = holder.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '2' && c <= '7')) {
                throw new IllegalArgumentException("folder id has '" + NeighbourItemId.printable(c) + "' at character "
                        + (PREFIX.length() + i) + ", where a ServerId letter (A-Z, 2-7) belongs");
            }
        }
        ServerId id = ServerId.parse(holder);
        Optional<FolderId> folder = text.length() == end ? Optional.empty()
                : Optional.of(FolderId.parse(text.substring(end + 1)));
        return new NeighbourFolderId(id, folder);
    }

    @Override
    public String toString() {
        return PREFIX + NeighbourItemId.compact(household) + folder.map(f -> "/" + f).orElse("");
    }
}
