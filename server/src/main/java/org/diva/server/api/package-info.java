/** The JSON API (/api/v1) and the media endpoint's view of the catalogue; wire records live here. */
package org.diva.server.api;
