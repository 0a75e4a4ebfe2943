package io.spock.metadata.kis;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.SpockException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Downloads KIS overseas master archives ({@code GET {baseUrl}/{code}mst.cod.zip}, public, no authentication).
 * Certificate verification stays on, unlike in KIS's own sample script. Every failure is one line naming the URL.
 */
public final class KisMasterDownloader {

    public static final URI DEFAULT_BASE_URL = URI.create("https://new.real.download.dws.co.kr/common/master");

    private final String baseUrl;
    private final HttpClient http;
    private final Duration requestTimeout;

    public KisMasterDownloader() {
        this(DEFAULT_BASE_URL);
    }

    public KisMasterDownloader(URI baseUrl) {
        this(baseUrl, KisHttp.defaultClient(), KisHttp.REQUEST_TIMEOUT);
    }

    /** @param http a client configured by the caller, e.g. with a proxy */
    public KisMasterDownloader(URI baseUrl, HttpClient http, Duration requestTimeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", "");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** @param exchangeCode a KIS exchange code (NAS) or master-file code (nas) */
    public URI urlFor(String exchangeCode) {
        return URI.create(baseUrl + "/" + KisExchanges.require(exchangeCode).masterCode() + "mst.cod.zip");
    }

    /**
     * Downloads one archive and checks that it is a zip holding one file.
     *
     * @return the zip bytes, ready for {@link KisMasterReader#read(String, byte[])}
     * @throws SpockException (exit 1) naming the URL on a non-200 status, a network failure or a bad archive
     */
    public byte[] download(String exchangeCode) {
        URI url = urlFor(exchangeCode);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build();
        byte[] body;
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw failure(url, "HTTP " + response.statusCode());
                }
                body = in.readNBytes(MasterArchive.MAX_ENTRY_BYTES + 1);
            }
        } catch (IOException e) {
            throw failure(url, OneLine.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(url, "interrupted");
        }
        if (body.length > MasterArchive.MAX_ENTRY_BYTES) {
            throw failure(url, "larger than " + MasterArchive.MAX_ENTRY_BYTES + " bytes");
        }
        if (!MasterArchive.isZip(body)) {
            throw failure(url, "the response is not a zip archive");
        }
        try {
            MasterArchive.singleEntry(body);
        } catch (IOException e) {
            throw failure(url, "bad zip archive: " + OneLine.describe(e));
        }
        return body;
    }

    /** Downloads and reads one master file; the URL is the result's source. */
    public MasterFile fetch(String exchangeCode, KisMasterReader reader) {
        return reader.read(urlFor(exchangeCode).toString(), download(exchangeCode));
    }

    private static SpockException failure(URI url, String reason) {
        return new SpockException(ExitCodes.ERROR, "KIS master download failed: GET " + url + ": " + reason);
    }
}
