package org.diva.upnp.library;

/** What search criteria can compare; each names the UPnP properties it answers for. */
public enum SearchProperty {
    /**
     * The item's UPnP class ({@link ItemClasses#of(MediaKind)}): compare it through
     * {@link ItemClasses#kindsMatching(Criteria.Compare)} and test {@code kind IN (...)}.
     */
    CLASS("upnp:class"),
    /** {@link MediaItem#title()}; column {@code title}. */
    TITLE("dc:title"),
    /** {@link MusicTags#artist()}; column {@code artist}. Also what {@code dc:creator} searches. */
    ARTIST("upnp:artist"),
    /** {@link MusicTags#album()}; column {@code album}. */
    ALBUM("upnp:album"),
    /** {@link MusicTags#genre()}; column {@code genre}. */
    GENRE("upnp:genre");

    private final String upnpName;

    SearchProperty(String upnpName) {
        this.upnpName = upnpName;
    }

    /** The UPnP property name, e.g. {@code dc:title}. */
    public String upnpName() {
        return upnpName;
    }
}
