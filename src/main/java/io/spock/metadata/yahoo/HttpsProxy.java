package io.spock.metadata.yahoo;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Builds a {@link ProxySelector} from an {@code HTTPS_PROXY}-style value such as {@code http://proxy:3128} or
 * {@code proxy:3128}. The caller reads the environment and passes the value in. Credentials in the value are not
 * supported (the JDK client disables Basic auth for HTTPS tunnels by default) and are never echoed in messages.
 */
final class HttpsProxy {

    private HttpsProxy() {
    }

    static Optional<ProxySelector> selector(Optional<String> value) {
        return value.map(HttpsProxy::address).map(ProxySelector::of);
    }

    static InetSocketAddress address(String value) {
        String withScheme = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("HTTPS_PROXY is not a valid proxy address");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("HTTPS_PROXY has no host");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return InetSocketAddress.createUnresolved(uri.getHost(), port);
    }
}
