package org.diva.upnp.library;

/** Something to watch, to listen to, or to look at. */
public enum MediaKind {
    VIDEO, AUDIO, PHOTO
}
