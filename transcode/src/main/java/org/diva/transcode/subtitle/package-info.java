/** Turns the text subtitle tracks inside a video (Matroska, MP4) into SubRip documents that TVs fetch. */
package org.diva.transcode.subtitle;
