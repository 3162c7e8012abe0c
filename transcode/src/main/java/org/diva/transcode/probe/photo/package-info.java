/** Probes photos (JPEG, PNG, HEIF): size, orientation and EXIF facts. */
package org.diva.transcode.probe.photo;
