package org.diva.upnp.directory;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.BrowseResult;
import org.diva.upnp.content.ClientContext;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.content.SearchRequest;
import org.diva.upnp.didl.DidlDocuments;
import org.w3c.dom.Element;

/** Browse and Search as a TV sends them, and a one-line summary of each object in the answer. */
final class Requests {
    static final ClientContext TV = new ClientContext(InetAddress.getLoopbackAddress(), "http://192.168.1.20:8300",
            Optional.of("SEC_HHP_[TV] Samsung Q60 Series/1.0 DLNADOC/1.50"), Optional.empty());

    private Requests() {
    }

    static BrowseResult children(ContentDirectory cds, String id, long start, long count, String sort)
            throws ContentDirectoryException {
        return cds.browse(new BrowseRequest(id, false, "*", start, count, sort, TV));
    }

    static BrowseResult children(ContentDirectory cds, String id) throws ContentDirectoryException {
        return children(cds, id, 0, 0, "");
    }

    static BrowseResult metadata(ContentDirectory cds, String id) throws ContentDirectoryException {
        return cds.browse(new BrowseRequest(id, true, "*", 0, 0, "", TV));
    }

    static BrowseResult search(ContentDirectory cds, String container, String criteria)
            throws ContentDirectoryException {
        return cds.search(new SearchRequest(container, criteria, "*", 0, 0, "", TV));
    }

    /**
     * Each object as {@code id 'title'} plus {@code (childCount)} for containers, after parsing the DIDL back, so
     * that every answer a test looks at is also checked to be well-formed.
     */
    static List<String> summary(BrowseResult result) {
        List<String> lines = new ArrayList<>();
        for (Element object : DidlDocuments.objects(DidlDocuments.parse(result.didl()))) {
            String line = object.getAttribute("id") + " '"
                    + DidlDocuments.text(object, DidlDocuments.DC, "title") + "'";
            if (object.getLocalName().equals("container") && object.hasAttribute("childCount")) {
                line += " (" + object.getAttribute("childCount") + ")";
            }
            lines.add(line);
        }
        return lines;
    }

    /** The parentID of every object in the answer. */
    static List<String> parents(BrowseResult result) {
        return DidlDocuments.objects(DidlDocuments.parse(result.didl())).stream()
                .map(e -> e.getAttribute("parentID")).toList();
    }

    /** The upnp:class of every object in the answer. */
    static List<String> classes(BrowseResult result) {
        return DidlDocuments.objects(DidlDocuments.parse(result.didl())).stream()
                .map(e -> DidlDocuments.text(e, DidlDocuments.UPNP, "class")).toList();
    }
}
