package org.diva.upnp.service;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.diva.upnp.content.BrowseRequest;
import org.diva.upnp.content.BrowseResult;
import org.diva.upnp.content.ContentDirectory;
import org.diva.upnp.content.ContentDirectoryException;
import org.diva.upnp.content.SearchRequest;
import org.jupnp.binding.annotations.UpnpAction;
import org.jupnp.binding.annotations.UpnpInputArgument;
import org.jupnp.binding.annotations.UpnpOutputArgument;
import org.jupnp.binding.annotations.UpnpService;
import org.jupnp.binding.annotations.UpnpServiceId;
import org.jupnp.binding.annotations.UpnpServiceType;
import org.jupnp.binding.annotations.UpnpStateVariable;
import org.jupnp.binding.annotations.UpnpStateVariables;
import org.jupnp.internal.compat.java.beans.PropertyChangeSupport;
import org.jupnp.model.action.ActionException;
import org.jupnp.model.profile.RemoteClientInfo;
import org.jupnp.model.types.ErrorCode;
import org.jupnp.model.types.UnsignedIntegerFourBytes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ContentDirectory:1 on top of DiVA's {@link ContentDirectory}, plus Samsung's X_GetFeatureList and X_SetBookmark.
 * Actions run concurrently ({@link LockFreeServiceManager}); the client's address, the base URL it reached and
 * its headers go into every Browse and Search. A {@link ContentDirectoryException} becomes a SOAP fault with its
 * code; anything else a 501 whose details stay in DiVA's log.
 *
 * <p>SystemUpdateID and ContainerUpdateIDs are evented with the values last {@link #publish published}, which
 * {@link ContentEvents} does at a limited rate; GetSystemUpdateID answers the live value.
 */
@UpnpService(serviceId = @UpnpServiceId("ContentDirectory"),
        serviceType = @UpnpServiceType(value = "ContentDirectory", version = 1),
        supportsQueryStateVariables = false)
@UpnpStateVariables({
        @UpnpStateVariable(name = "A_ARG_TYPE_ObjectID", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_Result", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_BrowseFlag", sendEvents = false, datatype = "string",
                allowedValues = {ContentDirectoryService.BROWSE_METADATA, ContentDirectoryService.BROWSE_CHILDREN}),
        @UpnpStateVariable(name = "A_ARG_TYPE_Filter", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_SortCriteria", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_SearchCriteria", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_Index", sendEvents = false, datatype = "ui4"),
        @UpnpStateVariable(name = "A_ARG_TYPE_Count", sendEvents = false, datatype = "ui4"),
        @UpnpStateVariable(name = "A_ARG_TYPE_UpdateID", sendEvents = false, datatype = "ui4"),
        @UpnpStateVariable(name = "SearchCapabilities", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "SortCapabilities", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "SystemUpdateID", sendEvents = true, datatype = "ui4"),
        @UpnpStateVariable(name = "ContainerUpdateIDs", sendEvents = true, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_Featurelist", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_CategoryType", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_RID", sendEvents = false, datatype = "string"),
        @UpnpStateVariable(name = "A_ARG_TYPE_PosSec", sendEvents = false, datatype = "ui4")})
public class ContentDirectoryService {
    static final String BROWSE_METADATA = "BrowseMetadata";
    static final String BROWSE_CHILDREN = "BrowseDirectChildren";
    private static final Logger log = LoggerFactory.getLogger(ContentDirectoryService.class);

    private final ContentDirectory directory;
    private final SamsungFeatureList features;
    private final Bookmarks bookmarks;
    private final PropertyChangeSupport changes = new PropertyChangeSupport(this);
    // Read by jUPnP's field accessors when it events them (the class-level bindings prefer fields).
    private volatile UnsignedIntegerFourBytes systemUpdateID;
    private volatile String containerUpdateIDs = "";

    public ContentDirectoryService(ContentDirectory directory, SamsungFeatureList features, Bookmarks bookmarks) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.features = Objects.requireNonNull(features, "features");
        this.bookmarks = Objects.requireNonNull(bookmarks, "bookmarks");
        this.systemUpdateID = UpnpNumbers.ui4(directory.systemUpdateId());
    }

    /** Where this service announces changed evented state variables. */
    public PropertyChangeSupport propertyChangeSupport() {
        return changes;
    }

    /**
     * Events the directory's current SystemUpdateID and, if any, the containers that changed since the last event.
     *
     * @param containerUpdateIds container id to its new update id
     */
    public void publish(Map<String, Long> containerUpdateIds) {
        systemUpdateID = UpnpNumbers.ui4(directory.systemUpdateId());
        if (containerUpdateIds.isEmpty()) {
            changes.firePropertyChange("SystemUpdateID", null, systemUpdateID);
            return;
        }
        containerUpdateIDs = containerUpdateIds.entrySet().stream()
                .map(e -> csvEscape(e.getKey()) + "," + UpnpNumbers.ui4(e.getValue()))
                .collect(Collectors.joining(","));
        changes.firePropertyChange("SystemUpdateID,ContainerUpdateIDs", null, containerUpdateIDs);
    }

    @UpnpAction(out = @UpnpOutputArgument(name = "SearchCaps", stateVariable = "SearchCapabilities"))
    public String getSearchCapabilities() {
        return directory.searchCapabilities();
    }

    @UpnpAction(out = @UpnpOutputArgument(name = "SortCaps", stateVariable = "SortCapabilities"))
    public String getSortCapabilities() {
        return directory.sortCapabilities();
    }

    @UpnpAction(out = @UpnpOutputArgument(name = "Id", stateVariable = "SystemUpdateID"))
    public UnsignedIntegerFourBytes getSystemUpdateID() {
        return UpnpNumbers.ui4(directory.systemUpdateId());
    }

    @UpnpAction(out = {
            @UpnpOutputArgument(name = "Result", stateVariable = "A_ARG_TYPE_Result", getterName = "getResult"),
            @UpnpOutputArgument(name = "NumberReturned", stateVariable = "A_ARG_TYPE_Count",
                    getterName = "getNumberReturned"),
            @UpnpOutputArgument(name = "TotalMatches", stateVariable = "A_ARG_TYPE_Count",
                    getterName = "getTotalMatches"),
            @UpnpOutputArgument(name = "UpdateID", stateVariable = "A_ARG_TYPE_UpdateID", getterName = "getUpdateID")})
    public BrowseOutput browse(
            @UpnpInputArgument(name = "ObjectID", aliases = "ContainerID", stateVariable = "A_ARG_TYPE_ObjectID")
            String objectId,
            @UpnpInputArgument(name = "BrowseFlag", stateVariable = "A_ARG_TYPE_BrowseFlag") String browseFlag,
            @UpnpInputArgument(name = "Filter", stateVariable = "A_ARG_TYPE_Filter") String filter,
            @UpnpInputArgument(name = "StartingIndex", stateVariable = "A_ARG_TYPE_Index")
            UnsignedIntegerFourBytes startingIndex,
            @UpnpInputArgument(name = "RequestedCount", stateVariable = "A_ARG_TYPE_Count")
            UnsignedIntegerFourBytes requestedCount,
            @UpnpInputArgument(name = "SortCriteria", stateVariable = "A_ARG_TYPE_SortCriteria") String sortCriteria,
            RemoteClientInfo client) throws ActionException {
        boolean metadata;
        if (BROWSE_METADATA.equals(browseFlag)) {
            metadata = true;
        } else if (BROWSE_CHILDREN.equals(browseFlag)) {
            metadata = false;
        } else {
            throw new ActionException(ErrorCode.INVALID_ARGS.getCode(), "Invalid Args: BrowseFlag must be "
                    + BROWSE_METADATA + " or " + BROWSE_CHILDREN + ", not '" + browseFlag + "'");
        }
        BrowseRequest request = new BrowseRequest(objectId == null ? "" : objectId, metadata, filter,
                value(startingIndex), value(requestedCount), sortCriteria, ClientContexts.of(client));
        return answer("Browse " + objectId, () -> directory.browse(request));
    }

    @UpnpAction(out = {
            @UpnpOutputArgument(name = "Result", stateVariable = "A_ARG_TYPE_Result", getterName = "getResult"),
            @UpnpOutputArgument(name = "NumberReturned", stateVariable = "A_ARG_TYPE_Count",
                    getterName = "getNumberReturned"),
            @UpnpOutputArgument(name = "TotalMatches", stateVariable = "A_ARG_TYPE_Count",
                    getterName = "getTotalMatches"),
            @UpnpOutputArgument(name = "UpdateID", stateVariable = "A_ARG_TYPE_UpdateID", getterName = "getUpdateID")})
    public BrowseOutput search(
            @UpnpInputArgument(name = "ContainerID", stateVariable = "A_ARG_TYPE_ObjectID") String containerId,
            @UpnpInputArgument(name = "SearchCriteria", stateVariable = "A_ARG_TYPE_SearchCriteria")
            String criteria,
            @UpnpInputArgument(name = "Filter", stateVariable = "A_ARG_TYPE_Filter") String filter,
            @UpnpInputArgument(name = "StartingIndex", stateVariable = "A_ARG_TYPE_Index")
            UnsignedIntegerFourBytes startingIndex,
            @UpnpInputArgument(name = "RequestedCount", stateVariable = "A_ARG_TYPE_Count")
            UnsignedIntegerFourBytes requestedCount,
            @UpnpInputArgument(name = "SortCriteria", stateVariable = "A_ARG_TYPE_SortCriteria") String sortCriteria,
            RemoteClientInfo client) throws ActionException {
        SearchRequest request = new SearchRequest(containerId == null ? "" : containerId, criteria, filter,
                value(startingIndex), value(requestedCount), sortCriteria, ClientContexts.of(client));
        return answer("Search " + containerId, () -> directory.search(request));
    }

    @UpnpAction(name = "X_GetFeatureList",
            out = @UpnpOutputArgument(name = "FeatureList", stateVariable = "A_ARG_TYPE_Featurelist"))
    public String getFeatureList() {
        return features.xml();
    }

    @UpnpAction(name = "X_SetBookmark")
    public void setBookmark(
            @UpnpInputArgument(name = "CategoryType", stateVariable = "A_ARG_TYPE_CategoryType") String categoryType,
            @UpnpInputArgument(name = "RID", stateVariable = "A_ARG_TYPE_RID") String rid,
            @UpnpInputArgument(name = "ObjectID", stateVariable = "A_ARG_TYPE_ObjectID") String objectId,
            @UpnpInputArgument(name = "PosSecond", stateVariable = "A_ARG_TYPE_PosSec")
            UnsignedIntegerFourBytes position,
            RemoteClientInfo client) throws ActionException {
        if (objectId == null || objectId.isBlank()) {
            throw new ActionException(ErrorCode.INVALID_ARGS.getCode(), "Invalid Args: ObjectID is empty");
        }
        bookmarks.set(new Bookmark(objectId, Duration.ofSeconds(value(position)), categoryType, rid,
                ClientContexts.of(client)));
    }

    private interface Query {
        BrowseResult run() throws ContentDirectoryException;
    }

    private static BrowseOutput answer(String what, Query query) throws ActionException {
        try {
            return new BrowseOutput(query.run());
        } catch (ContentDirectoryException e) {
            throw new ActionException(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("{} failed", what, e);
            throw new ActionException(ErrorCode.ACTION_FAILED.getCode(),
                    "Action Failed: the server could not answer (its log says why)");
        }
    }

    private static long value(UnsignedIntegerFourBytes number) {
        return number == null ? 0 : number.getValue();
    }

    /** ContainerUpdateIDs is a CSV list of id,updateId pairs; a comma or backslash in an id is escaped. */
    static String csvEscape(String id) {
        return id.replace("\\", "\\\\").replace(",", "\\,");
    }
}
