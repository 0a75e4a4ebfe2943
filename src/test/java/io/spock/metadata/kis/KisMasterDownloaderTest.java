package io.spock.metadata.kis;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.app.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.spock.metadata.kis.MasterFiles.cp949;
import static io.spock.metadata.kis.MasterFiles.etf;
import static io.spock.metadata.kis.MasterFiles.stock;
import static io.spock.metadata.kis.MasterFiles.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KisMasterDownloaderTest {

    private static final String NAS_PATH = "/common/master/nasmst.cod.zip";

    @RegisterExtension
    static WireMockExtension kis = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private KisMasterDownloader downloader() {
        return new KisMasterDownloader(URI.create(kis.baseUrl() + "/common/master/"));
    }

    private String url(String path) {
        return kis.baseUrl() + path;
    }

    @Test
    void downloadsAZipTheReaderCanRead() {
        byte[] archive = zip("NASMST.COD", cp949(List.of(stock("AAPL", "애플", "APPLE INC", "730"),
                etf("QQQ", "인베스코 QQQ", "INVESCO QQQ TRUST"))));
        kis.stubFor(get(urlEqualTo(NAS_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/zip").withBody(archive)));

        assertThat(downloader().download("NAS")).isEqualTo(archive);
        MasterFile master = downloader().fetch("nas", new KisMasterReader());

        assertThat(master.source()).isEqualTo(url(NAS_PATH));
        assertThat(master.records()).extracting(KisMasterRecord::koreanName).containsExactly("애플", "인베스코 QQQ");
    }

    @Test
    void buildsTheUrlFromTheExchangeTable() {
        assertThat(new KisMasterDownloader().urlFor("HKS"))
                .isEqualTo(URI.create("https://new.real.download.dws.co.kr/common/master/hksmst.cod.zip"));
        assertThatThrownBy(() -> downloader().urlFor("XYZ")).isInstanceOf(UsageException.class)
                .hasMessage("unknown exchange 'XYZ': expected one of NAS, NYS, AMS, SHS, SZS, HKS, TSE, HSX, HNX");
    }

    @Test
    void notFoundIsOneLineNamingTheUrl() {
        kis.stubFor(get(urlEqualTo(NAS_PATH)).willReturn(aResponse().withStatus(404).withBody("<html>\nno\n</html>")));

        assertFailure("HTTP 404");
    }

    @Test
    void aResponseThatIsNotAZipIsAnError() {
        kis.stubFor(get(urlEqualTo(NAS_PATH)).willReturn(aResponse().withStatus(200).withBody("<html>maintenance")));

        assertFailure("the response is not a zip archive");
    }

    @Test
    void aZipWithTwoFilesIsAnError() {
        kis.stubFor(get(urlEqualTo(NAS_PATH)).willReturn(aResponse().withStatus(200)
                .withBody(zip("NASMST.COD", new byte[] {1}, new byte[] {2}))));

        assertFailure("bad zip archive: expected one file in the zip, found NASMST.COD and NASMST.COD1");
    }

    @Test
    void aDroppedConnectionIsAnError() {
        kis.stubFor(get(urlEqualTo(NAS_PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> downloader().download("NAS")).isInstanceOf(SpockException.class)
                .hasMessageStartingWith("KIS master download failed: GET " + url(NAS_PATH) + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    @Timeout(30)
    void aDownloadThatStallsAfterItsHeadersEndsAtTheDeadline() {
        kis.stubFor(get(urlEqualTo(NAS_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/zip").withBody(new byte[4_096])
                .withChunkedDribbleDelay(4, 300_000)));
        KisMasterDownloader impatient = new KisMasterDownloader(URI.create(kis.baseUrl() + "/common/master"),
                HttpClient.newHttpClient(), Duration.ofSeconds(1));

        assertThatThrownBy(() -> impatient.download("NAS"))
                .isInstanceOfSatisfying(SpockException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.ERROR))
                .hasMessage("KIS master download failed: GET " + url(NAS_PATH) + ": no complete response within 1 s ("
                        + kis.baseUrl() + ")");
    }

    @Test
    void anUnreachableServerIsAnError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KisMasterDownloader unreachable = new KisMasterDownloader(URI.create("http://localhost:" + closedPort));

        assertThatThrownBy(() -> unreachable.download("TSE"))
                .isInstanceOfSatisfying(SpockException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.ERROR))
                .hasMessage("KIS master download failed: GET http://localhost:" + closedPort
                        + "/tsemst.cod.zip: connection refused or unreachable");
    }

    private void assertFailure(String reason) {
        assertThatThrownBy(() -> downloader().download("NAS"))
                .isInstanceOfSatisfying(SpockException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.ERROR))
                .hasMessage("KIS master download failed: GET " + url(NAS_PATH) + ": " + reason);
    }
}
