/**
 * Reads what a media file holds from its headers, never its whole body: the contract (MediaInfo, ContainerProbe,
 * FileProbe) and MediaProber, which hands each file to the probe for its format in the subpackages.
 */
package org.diva.transcode.probe;
