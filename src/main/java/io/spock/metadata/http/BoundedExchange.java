package io.spock.metadata.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way this program makes an HTTP exchange (Yahoo, KIS REST, KIS master files, bulk lists): with a deadline
 * for the whole exchange, body included, and a cap on the body's size ({@link ExchangeLimits}). When either is
 * passed the exchange is cancelled, releasing its connection, and the caller gets an {@link IOException} it already
 * treats as a transient failure: {@link HttpTimeoutException} for the deadline, {@link BodyTooLargeException} for the
 * cap. An interrupted caller cancels the exchange too.
 *
 * <p>A request that carries credentials is sent {@linkplain #withCredentials on a client that follows no
 * redirects}: a redirect is refused with {@link RedirectRefusedException} instead of re-sending the credentials to
 * wherever the server points.
 */
public final class BoundedExchange {

    private final HttpClient client;
    private final ExchangeLimits limits;
    private final boolean credentials;

    private BoundedExchange(HttpClient client, ExchangeLimits limits, boolean credentials) {
        this.client = Objects.requireNonNull(client, "client");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.credentials = credentials;
    }

    /** Exchanges without credentials, on a client that may follow redirects. */
    public static BoundedExchange of(HttpClient client, ExchangeLimits limits) {
        return new BoundedExchange(client, limits, false);
    }

    /**
     * Exchanges whose requests carry credentials (keys, secrets, tokens): every redirect is refused.
     *
     * @throws IllegalArgumentException when the client follows redirects itself, where no check could stop it
     */
    public static BoundedExchange withCredentials(HttpClient client, ExchangeLimits limits) {
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("a client for credentials must not follow redirects");
        }
        return new BoundedExchange(client, limits, true);
    }

    public ExchangeLimits limits() {
        return limits;
    }

    /**
     * Sends the request and receives the whole response within the limits.
     *
     * @return the response, its body read completely by {@code handler}
     * @throws HttpTimeoutException       when the deadline passes first
     * @throws BodyTooLargeException      when the body exceeds the cap
     * @throws RedirectRefusedException   when a request with credentials is answered with a redirect
     * @throws IOException                for any other transport failure, as the JDK client reports it
     * @throws InterruptedException       when the calling thread is interrupted (the exchange is cancelled)
     */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        CompletableFuture<Void> tooLarge = new CompletableFuture<>();
        CompletableFuture<HttpResponse<T>> exchange = client.sendAsync(request, capped(handler, tooLarge));
        try {
            // The cap is watched apart from the exchange: once the body is cut off, the client may take its time to
            // give up on the exchange, or give another reason.
            CompletableFuture.anyOf(exchange, tooLarge).get(limits.deadline().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw timedOut(request);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException | CancellationException e) {
            // the exchange failed: its own reason follows
        }
        if (tooLarge.isDone()) {
            exchange.cancel(true);
            throw new BodyTooLargeException(tooLargeMessage());
        }
        HttpResponse<T> response = outcome(exchange, request);
        if (credentials && response.statusCode() / 100 == 3) {
            String target = response.headers().firstValue("Location")
                    .map(location -> origin(request.uri().resolve(location.strip()))).orElse("nowhere");
            throw new RedirectRefusedException("redirected (HTTP " + response.statusCode() + ") from "
                    + origin(request.uri()) + " to " + target + ": not followed, the request carries credentials");
        }
        return response;
    }

    private <T> HttpResponse<T> outcome(CompletableFuture<HttpResponse<T>> exchange, HttpRequest request)
            throws IOException {
        try {
            return exchange.getNow(null);
        } catch (CompletionException e) {
            // The request's own timeout (headers only) is the same failure as the deadline, and says so.
            boolean requestTimeout = e.getCause() instanceof HttpTimeoutException
                    && !(e.getCause() instanceof HttpConnectTimeoutException);
            throw requestTimeout ? timedOut(request) : rethrown(e.getCause());
        } catch (CancellationException e) {
            throw new IOException("exchange cancelled", e);
        }
    }

    private HttpTimeoutException timedOut(HttpRequest request) {
        return new HttpTimeoutException("no complete response within " + seconds() + " (" + origin(request.uri())
                + ")");
    }

    private String seconds() {
        long millis = limits.deadline().toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Scheme, host and port only: a URL's path or query may carry what does not belong in a message. */
    static String origin(URI uri) {
        if (uri.getHost() == null) {
            return "an invalid address";
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private String tooLargeMessage() {
        return "response body larger than " + limits.maxBodyBytes() + " bytes";
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        return new IOException(cause);
    }

    private <T> HttpResponse.BodyHandler<T> capped(HttpResponse.BodyHandler<T> handler,
                                                   CompletableFuture<Void> tooLarge) {
        return info -> new CappedSubscriber<>(handler.apply(info), limits.maxBodyBytes(), tooLarge,
                tooLargeMessage());
    }

    /** Passes the body on while counting its bytes; past the cap it cancels the upstream and fails the body. */
    private static final class CappedSubscriber<T> implements HttpResponse.BodySubscriber<T> {
        private final HttpResponse.BodySubscriber<T> downstream;
        private final long maxBytes;
        private final CompletableFuture<Void> tooLarge;
        private final String message;
        private Flow.Subscription subscription;
        private long received;
        private boolean failed;

        CappedSubscriber(HttpResponse.BodySubscriber<T> downstream, long maxBytes, CompletableFuture<Void> tooLarge,
                         String message) {
            this.downstream = downstream;
            this.maxBytes = maxBytes;
            this.tooLarge = tooLarge;
            this.message = message;
        }

        @Override
        public CompletionStage<T> getBody() {
            return downstream.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            downstream.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (failed) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
            }
            if (received > maxBytes) {
                failed = true;
                tooLarge.complete(null);
                downstream.onError(new BodyTooLargeException(message));
                subscription.cancel();
                return;
            }
            downstream.onNext(buffers);
        }

        @Override
        public void onError(Throwable throwable) {
            if (!failed) {
                downstream.onError(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (!failed) {
                downstream.onComplete();
            }
        }
    }

    /** The body passed the cap of {@link ExchangeLimits#maxBodyBytes()}. */
    public static final class BodyTooLargeException extends IOException {
        public BodyTooLargeException(String message) {
            super(message);
        }
    }

    /** A request with credentials was redirected: not followed. */
    public static final class RedirectRefusedException extends IOException {
        public RedirectRefusedException(String message) {
            super(message);
        }
    }
}
