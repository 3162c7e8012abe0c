package org.diva.upnp.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device UUID is made once per data directory and kept, so TVs know DiVA after a restart. */
class DeviceIdentityTest {
    @TempDir
    Path data;

    @Test
    void firstLoadCreatesARandomVersion4UuidAndKeepsIt() throws IOException {
        UUID first = DeviceIdentity.loadOrCreate(data).uuid();

        assertEquals(4, first.version(), "random, not derived from a MAC address (version 1)");
        assertEquals(first, DeviceIdentity.loadOrCreate(data).uuid());
        assertEquals(first + "\n", Files.readString(data.resolve(DeviceIdentity.FILE_NAME)));
        try (var files = Files.list(data)) {
            assertEquals(List.of(data.resolve(DeviceIdentity.FILE_NAME)), files.toList(), "no temporary left");
        }
    }

    @Test
    void twoDataDirectoriesAreTwoDevices(@TempDir Path other) throws IOException {
        assertNotEquals(DeviceIdentity.loadOrCreate(data).uuid(), DeviceIdentity.loadOrCreate(other).uuid());
    }

    @Test
    void aKeptUuidIsReadWithSurroundingBlanks() throws IOException {
        UUID kept = UUID.fromString("3c1f2a9e-58d4-4b6e-9c37-0d2a6f1b8e44");
        Files.writeString(data.resolve(DeviceIdentity.FILE_NAME), "  " + kept + "\r\n");

        assertEquals(kept, DeviceIdentity.loadOrCreate(data).uuid());
    }

    @Test
    void aDamagedFileIsAnErrorSayingWhatToDo() throws IOException {
        Path file = Files.writeString(data.resolve(DeviceIdentity.FILE_NAME), "not-a-uuid");

        String message = assertThrows(IOException.class, () -> DeviceIdentity.loadOrCreate(data)).getMessage();

        assertTrue(message.contains(file.toString()) && message.contains("does not hold a UUID")
                && message.contains("delete it"), message);
        assertEquals("not-a-uuid", Files.readString(file), "left alone for the household to look at");
    }
}
