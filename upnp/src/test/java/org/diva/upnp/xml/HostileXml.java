package org.diva.upnp.xml;

import java.nio.file.Path;

/**
 * Documents that attack XML parsers, each wrapping a payload where a UPnP document carries text: an element's
 * value a parser would fill with the secret file's content, or with a billion "lol"s.
 */
enum HostileXml {
    /** A general entity whose text is a local file. */
    EXTERNAL_ENTITY {
        @Override
        String doctype(Path secret, String root, int port) {
            return "<!DOCTYPE " + root + " [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>";
        }
    },
    /** A parameter entity that pulls a DTD from a server (out-of-band exfiltration starts like this). */
    EXTERNAL_PARAMETER_ENTITY {
        @Override
        String doctype(Path secret, String root, int port) {
            return "<!DOCTYPE " + root + " [<!ENTITY % p SYSTEM \"http://127.0.0.1:" + port + "/evil.dtd\"> %p;"
                    + "<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>";
        }
    },
    /** An external DTD, fetched by parsers that load DTDs even when they do not validate. */
    EXTERNAL_DTD {
        @Override
        String doctype(Path secret, String root, int port) {
            return "<!DOCTYPE " + root + " SYSTEM \"http://127.0.0.1:" + port + "/evil.dtd\">";
        }

        @Override
        String reference() {
            return "plain";
        }
    },
    /** Exponential entity expansion: ten levels of ten make 10^9 "lol"s. */
    BILLION_LAUGHS {
        @Override
        String doctype(Path secret, String root, int port) {
            StringBuilder sb = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY l0 \"lol\">");
            for (int i = 1; i <= 9; i++) {
                sb.append("<!ENTITY l").append(i).append(" \"");
                sb.append(("&l" + (i - 1) + ";").repeat(10));
                sb.append("\">");
            }
            return sb.append("<!ENTITY x \"&l9;\">]>").toString();
        }
    };

    /** The DOCTYPE for a document whose root element is {@code root}; {@code port} is a listener on loopback. */
    abstract String doctype(Path secret, String root, int port);

    /** What stands where the text would be. */
    String reference() {
        return "&x;";
    }
}
