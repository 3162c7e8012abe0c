package org.diva.server.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.diva.server.catalogue.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientDevicesTest {
    @TempDir
    Path data;

    private Instant now = Instant.parse("2026-11-24T20:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void coalesced_writes_still_count_every_request_and_survive_a_restart() throws Exception {
        try (Database db = Database.open(data)) {
            ClientDevices devices = new ClientDevices(db.dataSource(), clock);
            for (int i = 0; i < 5; i++) {
                devices.seen(new ClientSighting("192.168.1.40", "SEC_HHP_[TV] Living room/1.0", Optional.empty()));
                now = now.plusSeconds(1);
            }
            devices.close();
        }
        try (Database db = Database.open(data)) {
            ClientDevices devices = new ClientDevices(db.dataSource(), clock);
            List<ClientDevice> list = devices.list();
            assertEquals(1, list.size());
            ClientDevice tv = list.get(0);
            assertEquals(5, tv.requests());
            assertEquals(Instant.parse("2026-11-24T20:00:00Z"), tv.firstSeen());
            assertEquals(Instant.parse("2026-11-24T20:00:04Z"), tv.lastSeen());
        }
    }

    @Test
    void the_latest_av_client_info_is_kept_and_a_upnp_description_names_the_device() throws Exception {
        try (Database db = Database.open(data)) {
            ClientDevices devices = new ClientDevices(db.dataSource(), clock);
            devices.seen(new ClientSighting("10.0.0.7", "UPnP/1.0 DLNADOC/1.50", Optional.of("  ")));
            devices.seen(new ClientSighting("10.0.0.7", "UPnP/1.0 DLNADOC/1.50",
                    Optional.of("av=5.0; cn=\"Sony Corporation\"; mn=\"BRAVIA KDL-40EX720\"; mv=\"1.7\";")));
            devices.described(new UpnpDescription("10.0.0.7", "uuid:1234", "urn:schemas-upnp-org:device:MediaRenderer:1",
                    Optional.of("Bedroom TV"), Optional.of("Sony Corporation"), Optional.of("KDL-40EX720"),
                    Optional.empty()));
            ClientDevice sony = devices.list().get(0);
            assertTrue(sony.avClientInfo().orElseThrow().contains("BRAVIA"));
            assertEquals("Bedroom TV", sony.upnp().orElseThrow().friendlyName().orElseThrow());
            assertEquals(2, sony.requests());
        }
    }

    @Test
    void a_flood_of_made_up_user_agents_keeps_only_the_most_recent_devices() throws Exception {
        try (Database db = Database.open(data)) {
            ClientDevices devices = new ClientDevices(db.dataSource(), clock);
            int flood = ClientDevices.MAX_DEVICES + 100;
            for (int i = 0; i < flood; i++) {
                devices.seen(new ClientSighting("203.0.113.9", "bot " + i + " " + "x".repeat(2000), Optional.empty()));
                now = now.plus(Duration.ofMillis(10));
            }
            List<ClientDevice> list = devices.list();
            assertEquals(ClientDevices.MAX_DEVICES, list.size());
            assertTrue(list.get(0).userAgent().startsWith("bot " + (flood - 1) + " "), "newest kept");
            assertEquals(ClientSighting.MAX_TEXT, list.get(0).userAgent().length(), "over-long text is cut");
        }
    }

    @Test
    void a_pinned_profile_is_kept_across_restarts_until_unpinned() throws Exception {
        try (Database db = Database.open(data)) {
            ClientDevices devices = new ClientDevices(db.dataSource(), clock);
            devices.seen(new ClientSighting("192.168.1.40", "Old box/1.0", Optional.empty()));
            long id = devices.list().get(0).id();
            assertTrue(devices.pin(id, Optional.of("sd-tv")));
            assertFalse(devices.pin(id + 1000, Optional.of("sd-tv")), "no such device");
            devices.close();
        }
        try (Database db = Database.open(data)) {
            ClientDevices devices = new ClientDevices(db.dataSource(), clock);
            ClientDevice box = devices.find("192.168.1.40", "Old box/1.0").orElseThrow();
            assertEquals(Optional.of("sd-tv"), box.pinnedProfile());
            assertTrue(devices.find("192.168.1.40", "Other/1.0").isEmpty());
            assertTrue(devices.pin(box.id(), Optional.empty()));
            assertEquals(Optional.empty(), devices.list().get(0).pinnedProfile());
        }
    }

    @Test
    void a_description_is_found_by_address_before_the_device_fetches_anything() throws Exception {
        try (Database db = Database.open(data)) {
            ClientDevices devices = new ClientDevices(db.dataSource(), clock);
            devices.described(new UpnpDescription("192.168.1.70", "uuid:lg", "urn:x", Optional.of("LG"),
                    Optional.of("LG Electronics."), Optional.of("LG TV"), Optional.empty()));
            assertEquals(Optional.of("LG TV"), devices.description("192.168.1.70").orElseThrow().modelName());
            assertTrue(devices.description("192.168.1.71").isEmpty());
        }
    }
}
