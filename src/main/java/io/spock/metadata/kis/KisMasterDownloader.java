package io.spock.metadata.kis;

import io.spock.metadata.app.ExitCodes;
import io.spock.metadata.app.SpockException;
import io.spock.metadata.http.BoundedExchange;
import io.spock.metadata.http.ExchangeLimits;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Downloads KIS overseas master archives ({@code GET {baseUrl}/{code}mst.cod.zip}, public, no authentication).
 * Certificate verification stays on, unlike in KIS's own sample script. A download has a deadline for the whole of
 * it and a size cap ({@link BoundedExchange}). Every failure is one line naming the URL.
 */
public final class KisMasterDownloader {

    public static final URI DEFAULT_BASE_URL = URI.create("https://new.real.download.dws.co.kr/common/master");

    private final String baseUrl;
    private final BoundedExchange http;

    public KisMasterDownloader() {
        this(DEFAULT_BASE_URL);
    }

    public KisMasterDownloader(URI baseUrl) {
        this(baseUrl, KisHttp.downloadClient(), KisHttp.DEFAULT_TIMEOUT);
    }

    /**
     * @param http     a client configured by the caller, e.g. with a proxy
     * @param deadline how long one whole download may take, body included
     */
    public KisMasterDownloader(URI baseUrl, HttpClient http, Duration deadline) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl").toString().replaceAll("/+$", "");
        this.http = BoundedExchange.of(Objects.requireNonNull(http, "http"),
                new ExchangeLimits(deadline, MasterArchive.MAX_ENTRY_BYTES));
    }

    /** @param exchangeCode a KIS exchange code (NAS) or master-file code (nas) */
    public URI urlFor(String exchangeCode) {
        return URI.create(baseUrl + "/" + KisExchanges.require(exchangeCode).masterCode() + "mst.cod.zip");
    }

    /**
     * Downloads one archive and checks that it is a zip holding one file.
     *
     * @return the zip bytes, ready for {@link KisMasterReader#read(String, byte[])}
     * @throws SpockException (exit 1) naming the URL on a non-200 status, a network failure, a download that takes
     *                        longer than the deadline or is larger than a master file can be, or a bad archive
     */
    public byte[] download(String exchangeCode) {
        URI url = urlFor(exchangeCode);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(http.limits().deadline()).GET().build();
        byte[] body;
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw failure(url, "HTTP " + response.statusCode());
            }
            body = response.body();
        } catch (IOException e) {
            throw failure(url, OneLine.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(url, "interrupted");
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
