/** Probes AVI files, OpenDML included, by walking their RIFF chunks. */
package org.diva.transcode.probe.avi;
