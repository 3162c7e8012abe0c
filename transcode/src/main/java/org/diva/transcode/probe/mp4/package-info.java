/** Probes MP4 and QuickTime files (.mp4, .m4v, .m4a, .mov) by walking their boxes. */
package org.diva.transcode.probe.mp4;
