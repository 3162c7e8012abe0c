/**
 * Sends streams that are still being produced (remuxed or transcoded output) as they grow, with DLNA time seeks.
 */
package org.diva.web.live;
