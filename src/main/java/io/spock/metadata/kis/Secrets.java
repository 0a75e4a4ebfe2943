package io.spock.metadata.kis;

import java.util.ArrayList;
import java.util.List;

/**
 * The secret values of a KIS session (app secret, app key, tokens), for masking text that reaches messages, such as
 * bodies echoed by a server: {@code Messages.flatten(text, Secrets.of(...))} masks them before it cuts the text.
 */
final class Secrets {

    private Secrets() {
    }

    /** The secret values, longest kind first, so that a key inside a longer secret does not leave the rest shown. */
    static List<String> of(KisCredentials credentials, String... tokens) {
        List<String> secrets = new ArrayList<>(List.of(credentials.appSecret(), credentials.appKey()));
        secrets.addAll(List.of(tokens));
        return secrets;
    }
}
