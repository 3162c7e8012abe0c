/**
 * DiVA's ContentDirectory: the tree a person browses on a TV (Video, Music, Photos, Folders), with stable object
 * ids, paging, sorting and search, answered from a {@link org.diva.upnp.library.LibraryView} as DIDL-Lite.
 */
package org.diva.upnp.directory;
