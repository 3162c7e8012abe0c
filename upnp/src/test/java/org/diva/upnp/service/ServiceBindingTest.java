package org.diva.upnp.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.diva.upnp.xml.SafeXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.jupnp.binding.annotations.AnnotationLocalServiceBinder;
import org.jupnp.internal.compat.java.beans.PropertyChangeSupport;
import org.jupnp.model.ServiceManager;
import org.jupnp.model.meta.LocalService;
import org.jupnp.model.state.StateVariableValue;
import org.w3c.dom.Document;

/** The services bind to jUPnP with the actions and evented variables clients expect, and event as promised. */
@SuppressWarnings("rawtypes") // jUPnP's model hands out raw LocalService
class ServiceBindingTest {
    private final FakeContentDirectory directory = new FakeContentDirectory();
    private final ContentDirectoryService cds = new ContentDirectoryService(directory,
            new SamsungFeatureList("V", "M", "P"), new InMemoryBookmarks());

    @Test
    void contentDirectoryHasItsActionsIncludingSamsungs() throws Exception {
        LocalService<ContentDirectoryService> service = bind(ContentDirectoryService.class, cds,
                cds.propertyChangeSupport());

        assertEquals(List.of("Browse", "GetSearchCapabilities", "GetSortCapabilities", "GetSystemUpdateID",
                "Search", "X_GetFeatureList", "X_SetBookmark"), actions(service));
        assertEquals(List.of("ContainerUpdateIDs", "SystemUpdateID"), evented(service));
        assertEquals("urn:schemas-upnp-org:service:ContentDirectory:1", service.getServiceType().toString());
    }

    @Test
    void connectionManagerAndRegistrarHaveTheirActions() throws Exception {
        ConnectionManagerService cms = new ConnectionManagerService(List.of("http-get:*:video/mp4:*"));
        MediaReceiverRegistrarService registrar = new MediaReceiverRegistrarService();

        assertEquals(List.of("GetCurrentConnectionIDs", "GetCurrentConnectionInfo", "GetProtocolInfo"),
                actions(bind(ConnectionManagerService.class, cms, new PropertyChangeSupport(cms))));
        LocalService<MediaReceiverRegistrarService> r = bind(MediaReceiverRegistrarService.class, registrar,
                new PropertyChangeSupport(registrar));
        assertEquals(List.of("IsAuthorized", "IsValidated", "RegisterDevice"), actions(r));
        assertEquals("urn:microsoft.com:service:X_MS_MediaReceiverRegistrar:1", r.getServiceType().toString());
        assertEquals(4, evented(r).size());
    }

    @Test
    void publishEventsTheSystemUpdateIdAndEscapedContainerIds() throws Exception {
        LocalService<ContentDirectoryService> service = bind(ContentDirectoryService.class, cds,
                cds.propertyChangeSupport());
        List<Map<String, String>> events = new ArrayList<>();
        service.getManager().getPropertyChangeSupport().addPropertyChangeListener(e -> {
            if (ServiceManager.EVENTED_STATE_VARIABLES.equals(e.getPropertyName())) {
                events.add(values(e.getNewValue()));
            }
        });
        directory.systemUpdateId.set(12);

        cds.publish(new java.util.LinkedHashMap<>(Map.of("music,1", 3L)));
        directory.systemUpdateId.set(13);
        cds.publish(Map.of());

        assertEquals(Map.of("SystemUpdateID", "12", "ContainerUpdateIDs", "music\\,1,3"), events.get(0));
        assertEquals(Map.of("SystemUpdateID", "13"), events.get(1));
        assertEquals(Map.of("ContainerUpdateIDs", "music\\,1,3", "SystemUpdateID", "13"),
                values(service.getManager().getCurrentState()), "what a new subscriber gets first");
    }

    @Test
    void updateIdsWrapAtThirtyTwoBits() throws Exception {
        directory.systemUpdateId.set((1L << 32) + 5);

        assertEquals(5L, cds.getSystemUpdateID().getValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http-get:*:video/mp4", "http-get:*:video/mp4:a,b", "video/mp4"})
    void protocolInfoMustHaveFourFieldsAndNoComma(String info) {
        assertThrows(IllegalArgumentException.class, () -> new ConnectionManagerService(List.of(info)));
    }

    @Test
    void protocolInfosAreListedCommaSeparated() {
        assertEquals("http-get:*:video/mp4:*,http-get:*:audio/mpeg:DLNA.ORG_PN=MP3",
                new ConnectionManagerService(List.of("http-get:*:video/mp4:*",
                        "http-get:*:audio/mpeg:DLNA.ORG_PN=MP3")).getSourceProtocolInfo());
    }

    @Test
    void samsungFeatureListNamesTheThreeContainersEscaped() throws Exception {
        String xml = new SamsungFeatureList("video\"1", "music<2", "photo&3").xml();

        Document parsed = SafeXml.parse(xml);
        assertEquals("Features", parsed.getDocumentElement().getLocalName());
        assertTrue(xml.contains("<container id=\"video&quot;1\" type=\"object.item.videoItem\"/>"), xml);
        assertTrue(xml.contains("<container id=\"music&lt;2\" type=\"object.item.audioItem\"/>"), xml);
        assertTrue(xml.contains("<container id=\"photo&amp;3\" type=\"object.item.imageItem\"/>"), xml);
        assertTrue(xml.contains("samsung.com_BASICVIEW"), xml);
    }

    private static <T> LocalService<T> bind(Class<T> type, T implementation, PropertyChangeSupport changes)
            throws Exception {
        @SuppressWarnings("unchecked")
        LocalService<T> service = new AnnotationLocalServiceBinder().read(type);
        new LockFreeServiceManager<>(service, implementation, changes);
        assertNotNull(service.getManager());
        return service;
    }

    private static List<String> actions(LocalService<?> service) {
        return java.util.Arrays.stream(service.getActions()).map(a -> a.getName()).sorted().toList();
    }

    private static List<String> evented(LocalService<?> service) {
        return java.util.Arrays.stream(service.getStateVariables()).filter(v -> v.getEventDetails().isSendEvents())
                .map(v -> v.getName()).sorted().toList();
    }

    private static Map<String, String> values(Object collection) {
        Map<String, String> values = new TreeMap<>();
        for (Object value : (Collection<?>) collection) {
            StateVariableValue<?> v = (StateVariableValue<?>) value;
            values.put(v.getStateVariable().getName(), v.toString());
        }
        return values;
    }
}
