package org.zwfw.sdk.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutcomeCodeTest {

    /** The codes contract.md §7 requires, at least. */
    private static final List<String> CONTRACT = List.of("MALFORMED", "TOO_LARGE", "UNSUPPORTED_ALGORITHM",
            "WRONG_TYPE", "CRITICAL_HEADER_UNSUPPORTED", "UNKNOWN_KEY", "UNTRUSTED_ISSUER", "TYPE_NOT_ALLOWED",
            "SIGNATURE_INVALID", "EXPIRED", "NOT_YET_VALID", "ISSUED_IN_FUTURE", "LIFETIME_TOO_LONG",
            "AUDIENCE_MISMATCH", "MISSING_CLAIM", "INVALID_CLAIM", "ASSURANCE_TOO_LOW", "REPLAYED", "REVOKED",
            "SUSPENDED", "STATUS_UNAVAILABLE", "DISCLOSURE_INVALID", "DISCLOSURE_DUPLICATE", "KEY_BINDING_MISSING",
            "KEY_BINDING_INVALID", "NONCE_MISMATCH", "TRUST_LIST_EXPIRED", "TRUST_LIST_INVALID",
            "TRUST_LIST_ROLLBACK", "CHECKSUM_INVALID");

    @Test
    void holdsEveryContractCode() {
        assertThat(Arrays.stream(OutcomeCode.values()).map(Enum::name)).containsAll(CONTRACT);
    }

    @Test
    void specErrorsDocumentsExactlyTheCodesOfTheEnum() throws Exception {
        String doc = Files.readString(Path.of("..", "spec", "errors.md"));
        Matcher m = Pattern.compile("^\\| `([A-Z_]+)` \\|", Pattern.MULTILINE).matcher(doc);
        List<String> documented = new java.util.ArrayList<>();
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(OutcomeCode.values()).map(Enum::name).collect(Collectors.toList()));
    }

    @Test
    void everyCodeHasASummary() {
        for (OutcomeCode c : OutcomeCode.values()) {
            assertThat(c.summary()).isNotBlank();
        }
    }
}
