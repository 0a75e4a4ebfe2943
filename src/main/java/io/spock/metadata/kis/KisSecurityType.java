package io.spock.metadata.kis;

import java.util.Arrays;
import java.util.Optional;

/** Column 9 ({@code stis}) of a KIS overseas master file. */
public enum KisSecurityType {
    INDEX("1"),
    STOCK("2"),
    ETP("3"),
    WARRANT("4");

    private final String code;

    KisSecurityType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<KisSecurityType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
