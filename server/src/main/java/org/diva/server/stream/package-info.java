/**
 * Converted streams: producing a remux or transcode into the stream store while readers follow it, keeping
 * finished ones within a budget, and answering byte and time seeks from what exists.
 */
package org.diva.server.stream;
