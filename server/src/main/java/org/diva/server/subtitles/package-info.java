/** Embedded text subtitle tracks served as SubRip: extraction through the transcode extractor, and a small cache. */
package org.diva.server.subtitles;
