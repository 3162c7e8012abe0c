/** Probes MPEG transport streams (.ts, .m2ts) and program streams (.mpg, .vob). */
package org.diva.transcode.probe.mpeg;
