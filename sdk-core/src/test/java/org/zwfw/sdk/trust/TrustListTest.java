package org.zwfw.sdk.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustListTest {

    private static String local(List<Object> entries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuers", entries);
        return Fixtures.json(m);
    }

    /** The local form with entry {@code index} changed by {@code change}. */
    @SuppressWarnings("unchecked")
    private static String withEntry(int index, Consumer<Map<String, Object>> change) {
        List<Object> entries = Fixtures.entriesJson();
        change.accept((Map<String, Object>) entries.get(index));
        return local(entries);
    }

    private static TrustListFormatException refused(String json) {
        TrustListFormatException e = catchThrowableOfType(TrustListFormatException.class,
                () -> TrustList.parseLocal(json));
        assertThat(e).as("parseLocal must refuse").isNotNull();
        return e;
    }

    @Test
    void parsesTheLocalForm() {
        TrustList list = TrustList.parseLocal(local(Fixtures.entriesJson()));
        assertThat(list.issuers()).containsExactly(Fixtures.rz(), Fixtures.license());
        assertThat(list.isSigned()).isFalse();
        assertThat(list.edition()).isEmpty();
        assertThat(list.find(Fixtures.RZ)).contains(Fixtures.rz());
        assertThat(list.find(Fixtures.LICENSE)).contains(Fixtures.license());
    }

    @Test
    void findsIssuersByExactId() {
        TrustList list = TrustList.of(List.of(Fixtures.rz()));
        assertThat(list.find("https://RZ.zwfw.example.gov.cn")).isEmpty();
        assertThat(list.find(Fixtures.RZ + "/")).isEmpty();
        assertThat(list.find("")).isEmpty();
    }

    @Test
    void roundTripsTheLocalFormExactly() {
        TrustList list = TrustList.of(List.of(Fixtures.rz(), Fixtures.license()));
        String json = list.toLocalJson();
        TrustList parsed = TrustList.parseLocal(json);
        assertThat(parsed).isEqualTo(list);
        assertThat(parsed.toLocalJson()).isEqualTo(json);
        assertThat(json).startsWith("{\"issuers\":[{\"id\":\"" + Fixtures.RZ + "\",\"name\":");
    }

    @Test
    void ignoresUnknownMembers() {
        String json = withEntry(0, e -> e.put("logo", "https://example.org/logo.png"));
        json = json.replaceFirst("^\\{", "{\"comment\":\"for tests\",");
        assertThat(TrustList.parseLocal(json).issuers()).hasSize(2);
    }

    @Test
    void skipsKeysOfUnsupportedTypesAsKeySetDoes() {
        String json = withEntry(0, e -> {
            List<Object> keys = new ArrayList<>();
            keys.add(Map.of("kty", "oct", "k", "c2VjcmV0"));
            keys.add(Fixtures.RZ_KEY.verificationKey().toJwk());
            e.put("jwks", Map.of("keys", keys));
        });
        TrustedIssuer rz = TrustList.parseLocal(json).find(Fixtures.RZ).orElseThrow();
        assertThat(rz.keys().keys()).containsExactly(Fixtures.RZ_KEY.verificationKey());
        assertThat(rz.keys().skipped()).hasSize(1);
    }

    @Test
    void acceptsAnEntryWithoutUsableKeysAndAnEmptyList() {
        assertThat(TrustList.parseLocal(withEntry(0, e -> e.put("jwks", Map.of("keys", List.of()))))
                .find(Fixtures.RZ).orElseThrow().keys().isEmpty()).isTrue();
        assertThat(TrustList.parseLocal("{\"issuers\":[]}").issuers()).isEmpty();
    }

    @Test
    void refusesDuplicateIssuerIds() {
        List<Object> entries = Fixtures.entriesJson();
        entries.add(new LinkedHashMap<>(Fixtures.rz().toJson()));
        TrustListFormatException e = refused(local(entries));
        assertThat(e.problems()).containsExactly("issuers[2].id: '" + Fixtures.RZ
                + "' is already the id of issuers[0]; ids must be unique");
        assertThatThrownBy(() -> TrustList.of(List.of(Fixtures.rz(), Fixtures.rz())))
                .isInstanceOf(TrustListFormatException.class).hasMessageContaining("issuers[1].id");
    }

    @Test
    void refusesAnInvalidUscc() {
        TrustListFormatException e = refused(withEntry(1, m -> m.put("uscc", "91110000600037341M")));
        assertThat(e.problems()).singleElement().asString().startsWith("issuers[1].uscc: ")
                .contains("CHECK_CHARACTER");
        assertThat(refused(withEntry(0, m -> m.put("uscc", "91110000600037341"))).problems()).singleElement()
                .asString().contains("issuers[0].uscc", "LENGTH");
        assertThat(refused(withEntry(0, m -> m.put("uscc", "91110000600037341l"))).problems()).singleElement()
                .asString().contains("issuers[0].uscc");
    }

    @Test
    void refusesAnInvertedOrEmptyValidityWindow() {
        long t = Fixtures.T0.getEpochSecond();
        assertThat(refused(withEntry(1, m -> {
            m.put("valid_from", t);
            m.put("valid_until", t);
        })).problems()).containsExactly("issuers[1].valid_from: " + t + " is not before valid_until " + t);
        refused(withEntry(1, m -> {
            m.put("valid_from", t + 1);
            m.put("valid_until", t);
        }));
    }

    @Test
    void readsTheValidityWindow() {
        long t = Fixtures.T0.getEpochSecond();
        TrustList list = TrustList.parseLocal(withEntry(0, m -> {
            m.put("valid_from", t);
            m.put("valid_until", t + 10);
        }));
        TrustedIssuer rz = list.find(Fixtures.RZ).orElseThrow();
        assertThat(rz.validFrom()).contains(Fixtures.T0);
        assertThat(rz.validUntil()).contains(Fixtures.T0.plusSeconds(10));
        assertThat(rz.isValidAt(Fixtures.T0.plusSeconds(10))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "name", "uscc", "jwks", "types"})
    void refusesAnEntryWithoutARequiredMember(String member) {
        assertThat(refused(withEntry(1, m -> m.remove(member))).problems())
                .containsExactly("issuers[1]." + member + ": missing");
    }

    @Test
    void refusesMembersOfTheWrongJsonType() {
        assertThat(refused(withEntry(0, m -> m.put("id", 7L))).problems()).containsExactly(
                "issuers[0].id: must be a string, found a number");
        assertThat(refused(withEntry(0, m -> m.put("id", ""))).problems()).containsExactly(
                "issuers[0].id: must not be empty");
        assertThat(refused(withEntry(0, m -> m.put("name", null))).problems()).containsExactly(
                "issuers[0].name: must be a string, found null");
        assertThat(refused(withEntry(0, m -> m.put("uscc", List.of()))).problems()).containsExactly(
                "issuers[0].uscc: must be a string, found an array");
        assertThat(refused(withEntry(0, m -> m.put("jwks", "keys"))).problems()).containsExactly(
                "issuers[0].jwks: must be a JWK Set object, found a string");
        assertThat(refused(withEntry(0, m -> m.put("types", "rnat"))).problems()).containsExactly(
                "issuers[0].types: must be an array of strings, found a string");
        assertThat(refused(withEntry(0, m -> m.put("types", List.of()))).problems()).containsExactly(
                "issuers[0].types: must not be empty");
        assertThat(refused(withEntry(0, m -> m.put("types", List.of("rnat", 1L)))).problems()).containsExactly(
                "issuers[0].types[1]: must be a string, found a number");
        assertThat(refused(withEntry(0, m -> m.put("types", List.of("rnat", "")))).problems()).containsExactly(
                "issuers[0].types[1]: must not be empty");
        assertThat(refused(withEntry(0, m -> m.put("types", List.of("rnat", "rnat")))).problems())
                .containsExactly("issuers[0].types[1]: 'rnat' is listed twice");
    }

    @Test
    void refusesTimesThatAreNotNumericDates() {
        assertThat(refused(withEntry(0, m -> m.put("valid_from", "2026-01-01"))).problems()).singleElement()
                .asString().startsWith("issuers[0].valid_from: must be a NumericDate, found a string");
        assertThat(refused(withEntry(0, m -> m.put("valid_until", new java.math.BigDecimal("1767225600.5"))))
                .problems()).singleElement().asString().contains("issuers[0].valid_until", "fraction");
        assertThat(refused(withEntry(0, m -> m.put("valid_from", -1L))).problems()).singleElement()
                .asString().contains("outside");
        assertThat(refused(withEntry(0, m -> m.put("valid_until", 253402300800L))).problems()).singleElement()
                .asString().contains("outside");
        assertThat(refused(withEntry(0, m -> m.put("valid_until", null))).problems()).singleElement()
                .asString().contains("issuers[0].valid_until", "null");
        assertThat(refused(withEntry(0, m -> m.put("valid_until", new java.math.BigInteger("1" + "0".repeat(30)))))
                .problems()).singleElement().asString().contains("outside");
    }

    @Test
    void refusesMalformedOrPrivateKeys() {
        assertThat(refused(withEntry(0, m -> m.put("jwks", Map.of("keys", List.of(Map.of("kty", "EC", "crv",
                "P-256", "x", "AAAA", "y", "AAAA")))))).problems()).singleElement().asString()
                .startsWith("issuers[0].jwks: JWK Set key 0");
        assertThat(refused(withEntry(0, m -> m.put("jwks", Map.of("keys", List.of(Fixtures.RZ_KEY.toPrivateJwk())))))
                .problems()).singleElement().asString().startsWith("issuers[0].jwks: ")
                .doesNotContain((String) Fixtures.RZ_KEY.toPrivateJwk().get("d"));
        assertThat(refused(withEntry(0, m -> m.put("jwks", Map.of("kty", "EC")))).problems()).singleElement()
                .asString().startsWith("issuers[0].jwks: ");
    }

    @Test
    void reportsEveryProblemOfEveryEntry() {
        List<Object> entries = Fixtures.entriesJson();
        entries.add("not an entry");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) entries.get(0);
        first.put("uscc", "X");
        first.remove("types");
        TrustListFormatException e = refused(local(entries));
        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(0)).startsWith("issuers[0].uscc");
        assertThat(e.problems().get(1)).isEqualTo("issuers[0].types: missing");
        assertThat(e.problems().get(2)).isEqualTo("issuers[2]: must be an object, found a string");
    }

    @Test
    void refusesDocumentsThatAreNotALocalTrustList() {
        assertThat(refused("").problems()).singleElement().asString().startsWith("not a JSON object");
        assertThat(refused("[]").problems()).singleElement().asString().startsWith("not a JSON object");
        assertThat(refused("{}").problems()).singleElement().asString().startsWith("issuers: missing");
        assertThat(refused("{\"issuers\":{}}").problems()).containsExactly(
                "issuers: must be an array, found an object");
        assertThat(refused("{\"issuers\":[],\"issuers\":[]}").problems()).singleElement().asString()
                .contains("duplicate");
    }

    @Test
    void refusesTruncatedInput() {
        String json = local(Fixtures.entriesJson());
        for (int cut : new int[] {1, json.length() / 3, json.length() / 2, json.length() - 1}) {
            assertThat(refused(json.substring(0, cut)).problems()).isNotEmpty();
        }
    }

    @Test
    void refusesMegabytesOfGarbageBeforeParsing() {
        String garbage = "{\"issuers\":[" + "x".repeat(TrustList.MAX_LOCAL_LENGTH) + "]}";
        assertThat(refused(garbage).problems()).singleElement().asString().contains("exceeds the limit");
        String deep = "{\"issuers\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(refused(deep).problems()).singleElement().asString().contains("nesting");
        byte[] random = new byte[200_000];
        new java.util.Random(1).nextBytes(random);
        assertThat(refused(new String(random, java.nio.charset.StandardCharsets.ISO_8859_1)).problems())
                .isNotEmpty();
    }

    @Test
    void withoutEditionDropsTheMetadataOnly() {
        TrustList signed = TrustList.signed(List.of(Fixtures.rz()),
                new TrustList.Edition(Fixtures.LIST_ISSUER, Fixtures.T0, Fixtures.T0.plusSeconds(1), 3));
        assertThat(signed.isSigned()).isTrue();
        assertThat(signed.withoutEdition()).isEqualTo(TrustList.of(List.of(Fixtures.rz())));
        assertThat(signed).isNotEqualTo(signed.withoutEdition());
        assertThat(signed.toString()).contains("seq=3", Fixtures.RZ);
    }

    @Test
    void editionChecksItsComponents() {
        Instant t = Fixtures.T0;
        assertThatThrownBy(() -> new TrustList.Edition("i", t, t, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustList.Edition("i", t, t.plusSeconds(1), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustList.Edition(null, t, t.plusSeconds(1), 1))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void issuersAreReadOnly() {
        TrustList list = TrustList.of(List.of(Fixtures.rz()));
        assertThatThrownBy(() -> list.issuers().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
