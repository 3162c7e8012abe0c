package org.diva.upnp.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.diva.upnp.service.ConnectionManagerService;
import org.diva.upnp.service.ContentDirectoryService;
import org.diva.upnp.service.InMemoryBookmarks;
import org.diva.upnp.service.MediaReceiverRegistrarService;
import org.diva.upnp.service.SamsungFeatureList;
import org.diva.upnp.xml.SafeDeviceDescriptorBinder;
import org.diva.upnp.xml.SafeServiceDescriptorBinder;
import org.diva.upnp.xml.SafeXml;
import org.junit.jupiter.api.Test;
import org.jupnp.model.Namespace;
import org.jupnp.model.meta.LocalDevice;
import org.jupnp.model.meta.LocalService;
import org.jupnp.model.profile.RemoteClientInfo;
import org.jupnp.model.types.UDAServiceId;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The device description TVs read: MediaServer:1, DMS-1.50, the persistent UUID, icons, three services. */
class MediaServerModelTest {
    private static final UUID UUID_ = UUID.fromString("3c1f2a9e-58d4-4b6e-9c37-0d2a6f1b8e44");
    private static final String DEVICE_NS = "urn:schemas-upnp-org:device-1-0";

    @Test
    void deviceDescriptionHasWhatTvsLookFor() throws Exception {
        LocalDevice device = device();

        String xml = new SafeDeviceDescriptorBinder().generate(device, new RemoteClientInfo(),
                new Namespace("/upnp"));

        Document d = SafeXml.parse(xml);
        assertEquals("urn:schemas-upnp-org:device:MediaServer:1", text(d, "deviceType"));
        assertEquals("Living room", text(d, "friendlyName"));
        assertEquals("DiVA", text(d, "manufacturer"));
        assertEquals("DiVA Media Server", text(d, "modelName"));
        assertEquals("0.1.0", text(d, "modelNumber"));
        assertEquals("SN-1", text(d, "serialNumber"));
        assertEquals("uuid:" + UUID_, text(d, "UDN"));
        assertEquals("/", text(d, "presentationURL"));
        assertEquals("DMS-1.50", d.getElementsByTagNameNS("urn:schemas-dlna-org:device-1-0", "X_DLNADOC").item(0)
                .getTextContent());
        assertEquals(List.of("image/png 48 /upnp/dev/" + UUID_ + "/diva-48.png",
                "image/png 120 /upnp/dev/" + UUID_ + "/diva-120.png",
                "image/jpeg 48 /upnp/dev/" + UUID_ + "/diva-48.jpg",
                "image/jpeg 120 /upnp/dev/" + UUID_ + "/diva-120.jpg"), icons(d));
        assertEquals(List.of("urn:schemas-upnp-org:service:ContentDirectory:1",
                "urn:schemas-upnp-org:service:ConnectionManager:1",
                "urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1"), all(d, "serviceType"));
    }

    @Test
    void iconsAreRealImagesOfTheirSize() throws Exception {
        for (var icon : device().getIcons()) {
            var image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(icon.getData()));
            assertEquals(icon.getWidth(), image.getWidth(), icon.getUri().toString());
            assertEquals(icon.getHeight(), image.getHeight(), icon.getUri().toString());
        }
    }

    @Test
    void contentDirectoryDescriptionListsSamsungsActions() throws Exception {
        LocalService<?> cds = device().findService(new UDAServiceId("ContentDirectory"));

        String scpd = new SafeServiceDescriptorBinder().generate(cds);

        Document d = SafeXml.parse(scpd);
        List<String> actions = all(d, "name");
        assertTrue(actions.containsAll(List.of("Browse", "Search", "GetSearchCapabilities", "GetSortCapabilities",
                "GetSystemUpdateID", "X_GetFeatureList", "X_SetBookmark", "A_ARG_TYPE_Featurelist",
                "SystemUpdateID", "ContainerUpdateIDs")), actions.toString());
    }

    static LocalDevice device() throws Exception {
        MediaServerOptions options = MediaServerOptions.of(DeviceDescription.of("Living room", "0.1.0", "SN-1"),
                UUID_, List.of());
        return MediaServerModel.build(options, new ContentDirectoryService(new EmptyDirectory(),
                        new SamsungFeatureList("1", "2", "3"), new InMemoryBookmarks()),
                new ConnectionManagerService(List.of("http-get:*:video/mp4:*")), new MediaReceiverRegistrarService());
    }

    private static String text(Document d, String element) {
        return d.getElementsByTagNameNS(DEVICE_NS, element).item(0).getTextContent();
    }

    private static List<String> all(Document d, String element) {
        List<String> values = new ArrayList<>();
        NodeList nodes = d.getElementsByTagNameNS("*", element);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }

    private static List<String> icons(Document d) {
        List<String> icons = new ArrayList<>();
        NodeList nodes = d.getElementsByTagNameNS(DEVICE_NS, "icon");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element icon = (Element) nodes.item(i);
            icons.add(icon.getElementsByTagNameNS(DEVICE_NS, "mimetype").item(0).getTextContent() + " "
                    + icon.getElementsByTagNameNS(DEVICE_NS, "width").item(0).getTextContent() + " "
                    + icon.getElementsByTagNameNS(DEVICE_NS, "url").item(0).getTextContent());
        }
        return icons;
    }
}
