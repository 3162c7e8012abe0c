/**
 * Makes JPEG thumbnails and scaled photos in the DLNA image profiles (JPEG_TN, _SM, _MED, _LRG) from photos, cover
 * art and videos (one decoded keyframe), with bounded memory and time and a readable reason when it cannot.
 */
package org.diva.transcode.thumbnail;
