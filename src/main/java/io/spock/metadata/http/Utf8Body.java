package io.spock.metadata.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Response bodies as UTF-8 text. Bytes that are not UTF-8 become U+FFFD, as the JDK's own handler does, but never
 * silently: each such body is logged as a warning naming the source and what was asked, so that a garbled name or
 * industry can be traced to the answer it came from.
 */
public final class Utf8Body {

    private static final Logger log = LoggerFactory.getLogger(Utf8Body.class);

    private Utf8Body() {
    }

    /**
     * @param source  the service, e.g. "Yahoo Finance quoteSummary"
     * @param subject what was asked, e.g. the ticker
     */
    public static HttpResponse.BodyHandler<String> handler(String source, String subject) {
        return info -> HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                bytes -> decode(bytes, source, subject));
    }

    static String decode(byte[] body, String source, String subject) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            log.warn("{} answered invalid UTF-8 for {}: the bytes were replaced by U+FFFD", source, subject);
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
