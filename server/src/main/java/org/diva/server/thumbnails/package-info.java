/**
 * Item pictures (DLNA JPEG_TN thumbnails of videos and photos, cover art for music; photos scaled to
 * JPEG_SM/MED/LRG), made lazily with a bounded
 * number at once, and kept in the catalogue database until the item changes.
 */
package org.diva.server.thumbnails;
