/** Probes Matroska and WebM files through a bounded EBML reader. */
package org.diva.transcode.probe.matroska;
