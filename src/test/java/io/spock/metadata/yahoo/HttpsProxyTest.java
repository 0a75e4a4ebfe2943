package io.spock.metadata.yahoo;

import io.spock.metadata.app.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpsProxyTest {

    @Test
    void readsSchemeHostAndPort() {
        assertThat(HttpsProxy.address("http://proxy.internal:3128"))
                .isEqualTo(InetSocketAddress.createUnresolved("proxy.internal", 3128));
        assertThat(HttpsProxy.address("proxy.internal:8080/"))
                .isEqualTo(InetSocketAddress.createUnresolved("proxy.internal", 8080));
        assertThat(HttpsProxy.address("http://proxy.internal"))
                .isEqualTo(InetSocketAddress.createUnresolved("proxy.internal", 80));
    }

    @Test
    void selectorRoutesYahooThroughTheProxy() {
        Proxy proxy = HttpsProxy.selector(Optional.of("http://proxy.internal:3128")).orElseThrow()
                .select(URI.create("https://query2.finance.yahoo.com/v1/test/getcrumb")).get(0);

        assertThat(proxy.type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(proxy.address()).isEqualTo(InetSocketAddress.createUnresolved("proxy.internal", 3128));
    }

    @Test
    void noValueMeansDirect() {
        assertThat(HttpsProxy.selector(Optional.empty())).isEmpty();
        assertThat(YahooSettings.builder().httpsProxy("  ").build().proxy()).isEmpty();
        assertThat(YahooSettings.builder().httpsProxy(null).build().proxy()).isEmpty();
    }

    @Test
    void errorsDoNotEchoCredentials() {
        assertThatThrownBy(() -> HttpsProxy.address("http://user:s3cret@:3128"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("setting HTTPS_PROXY is ")
                .message().doesNotContain("s3cret");
    }
}
