package io.spock.metadata.yahoo;

import io.spock.metadata.app.InvalidSettingException;
import io.spock.metadata.app.Masking;

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

    static final String VARIABLE = "HTTPS_PROXY";
    private static final String EXPECTED = "a proxy address such as http://proxy:3128";

    private HttpsProxy() {
    }

    static Optional<ProxySelector> selector(Optional<String> value) {
        return value.map(HttpsProxy::address).map(ProxySelector::of);
    }

    /** @throws InvalidSettingException (exit 2) naming {@code HTTPS_PROXY} when the value is no proxy address */
    static InetSocketAddress address(String value) {
        String withScheme = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(VARIABLE, Masking.url(withScheme), EXPECTED);
        }
        if (uri.getHost() == null) {
            throw new InvalidSettingException(VARIABLE, Masking.url(withScheme), EXPECTED);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return InetSocketAddress.createUnresolved(uri.getHost(), port);
    }
}
