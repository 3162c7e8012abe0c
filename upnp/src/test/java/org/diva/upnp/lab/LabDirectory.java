package org.diva.upnp.lab;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.BrowseResult;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.content.SearchRequest;

/**
 * A test double of the ContentDirectory (the real one is built elsewhere), whose answer depends on the object id:
 * {@code 0} is a root with one container, {@code missing} is 701, {@code bad} is 402, {@code boom} fails inside,
 * and {@code meet} returns only once a second Browse of {@code meet} is inside too, which a per-service lock
 * would never allow. It records every request.
 */
public final class LabDirectory implements ContentDirectory {
    public static final String ROOT_CHILDREN = "<DIDL-Lite xmlns=\"urn:schemas-upnp-org:metadata-1-0/DIDL-Lite/\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:upnp=\"urn:schemas-upnp-org:metadata-1-0/upnp/\">"
            + "<container id=\"1\" parentID=\"0\" restricted=\"1\" childCount=\"0\"><dc:title>Films &amp; shows"
            + "</dc:title><upnp:class>object.container.storageFolder</upnp:class></container></DIDL-Lite>";
    /** What {@code boom} fails with; it must never reach a client. */
    public static final String INTERNAL_DETAIL = "connection to jdbc:h2:/srv/diva/catalogue refused";

    public final AtomicLong systemUpdateId = new AtomicLong(1);
    public final BlockingQueue<BrowseRequest> browses = new LinkedBlockingQueue<>();
    public final BlockingQueue<SearchRequest> searches = new LinkedBlockingQueue<>();
    private final CyclicBarrier meeting = new CyclicBarrier(2);
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger mostInside = new AtomicInteger();

    @Override
    public BrowseResult browse(BrowseRequest request) throws ContentDirectoryException {
        browses.add(request);
        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        try {
            return switch (request.objectId()) {
                case "0" -> new BrowseResult(ROOT_CHILDREN, 1, 1, systemUpdateId.get());
                case "bad" -> throw new ContentDirectoryException(ContentDirectoryException.INVALID_ARGS,
                        "Invalid Args: no such filter");
                case "boom" -> throw new IllegalStateException(INTERNAL_DETAIL);
                case "meet" -> meet();
                default -> throw new ContentDirectoryException(ContentDirectoryException.NO_SUCH_OBJECT,
                        "No such object: " + request.objectId());
            };
        } finally {
            inside.decrementAndGet();
        }
    }

    private BrowseResult meet() {
        try {
            meeting.await(20, TimeUnit.SECONDS);
            return new BrowseResult(ROOT_CHILDREN, 1, 1, 0);
        } catch (TimeoutException | BrokenBarrierException e) {
            meeting.reset();
            throw new IllegalStateException("the other Browse never came in: calls are serialised", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The most Browse calls that were inside at the same time. */
    public int mostConcurrentBrowses() {
        return mostInside.get();
    }

    @Override
    public BrowseResult search(SearchRequest request) throws ContentDirectoryException {
        searches.add(request);
        if (!request.containerId().equals("0")) {
            throw new ContentDirectoryException(ContentDirectoryException.NO_SUCH_CONTAINER, "No such container");
        }
        return new BrowseResult(ROOT_CHILDREN, 1, 1, systemUpdateId.get());
    }

    @Override
    public String searchCapabilities() {
        return "dc:title,upnp:class";
    }

    @Override
    public String sortCapabilities() {
        return "dc:title";
    }

    @Override
    public long systemUpdateId() {
        return systemUpdateId.get();
    }
}
