/** Reads what a media file holds (container, streams, tags, EXIF) from its headers, never its whole body. */
package org.diva.transcode.probe;
