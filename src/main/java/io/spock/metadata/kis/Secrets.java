package io.spock.metadata.kis;

import java.util.ArrayList;
import java.util.List;

/** Keeps app key, secret and tokens out of text that reaches messages, such as bodies echoed by a server. */
final class Secrets {

    private static final String MASK = "****";

    private Secrets() {
    }

    static String redact(String text, KisCredentials credentials, String... tokens) {
        List<String> secrets = new ArrayList<>(List.of(credentials.appSecret(), credentials.appKey()));
        secrets.addAll(List.of(tokens));
        String redacted = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                redacted = redacted.replace(secret, MASK);
            }
        }
        return redacted;
    }
}
