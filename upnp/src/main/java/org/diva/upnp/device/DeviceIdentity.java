package org.diva.upnp.device;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.UUID;

/**
 * The device's UUID, which TVs use to recognise DiVA across restarts (and to keep its place in their source
 * menus). Created once, randomly, and kept in the data directory; never derived from a MAC address, which would
 * change with the network card and tell the network which card this is.
 */
public final class DeviceIdentity {
    static final String FILE_NAME = "upnp-device-uuid";

    private final UUID uuid;

    private DeviceIdentity(UUID uuid) {
        this.uuid = uuid;
    }

    /** Reads the UUID kept in {@code dataDir}, creating and keeping a new random one the first time. */
    public static DeviceIdentity loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            return new DeviceIdentity(parse(file, Files.readString(file, StandardCharsets.US_ASCII)));
        } catch (NoSuchFileException e) {
            return new DeviceIdentity(create(file));
        }
    }

    public static DeviceIdentity of(UUID uuid) {
        return new DeviceIdentity(Objects.requireNonNull(uuid, "uuid"));
    }

    public UUID uuid() {
        return uuid;
    }

    private static UUID parse(Path file, String text) throws IOException {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IOException("the UPnP device identity " + file + " does not hold a UUID: restore it from a "
                    + "backup, or delete it to get a new one (TVs will then list DiVA as a new server)");
        }
    }

    /** Written to a temporary file and moved into place, so a crash never leaves half a UUID behind. */
    private static UUID create(Path file) throws IOException {
        UUID uuid = UUID.randomUUID();
        Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
        try {
            Files.writeString(temp, uuid + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return uuid;
    }
}
