package org.zwfw.sdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CheckIdCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void validatesEachKindAndPrintsAnArrayInInputOrder() throws Exception {
        CliRunner.Result r = CliRunner.run("check-id", "--json", "--show-pii", "11010519491231002X",
                "91110000600037341L", "60003734-1", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U");
        assertThat(r.exit()).isZero();
        JsonNode a = MAPPER.readTree(r.out());
        assertThat(a.isArray()).isTrue();
        assertThat(a).hasSize(4);
        assertThat(a.get(0).get("kind").asText()).isEqualTo("resident_id");
        assertThat(a.get(0).get("value").asText()).isEqualTo("11010519491231002X");
        assertThat(a.get(0).get("birth_date").asText()).isEqualTo("1949-12-31");
        assertThat(a.get(0).get("sex").asText()).isEqualTo("female");
        assertThat(a.get(1).get("kind").asText()).isEqualTo("uscc");
        assertThat(a.get(2).get("kind").asText()).isEqualTo("org_code");
        assertThat(a.get(3).get("kind").asText()).isEqualTo("license_id");
        for (JsonNode o : a) {
            assertThat(o.get("valid").asBoolean()).isTrue();
            assertThat(o.get("errors")).isEmpty();
        }
    }

    @Test
    void masksResidentIdNumbersUnlessAskedNotTo() throws Exception {
        CliRunner.Result r = CliRunner.run("check-id", "--json", "11010519491231002X");
        JsonNode o = MAPPER.readTree(r.out());
        assertThat(o.isObject()).isTrue();
        assertThat(o.get("value").asText()).isNotEqualTo("11010519491231002X").contains("*");
        assertThat(o.has("birth_date")).isFalse();
        assertThat(o.has("sex")).isFalse();
        assertThat(r.out()).doesNotContain("19491231");
        assertThat(CliRunner.run("check-id", "11010519491231002X").out()).doesNotContain("19491231");
    }

    @Test
    void invalidValueExits1WithCodeRuleAndMessage() throws Exception {
        CliRunner.Result r = CliRunner.run("check-id", "--json", "91110000600037341L", "110105194912310021");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode a = MAPPER.readTree(r.out());
        assertThat(a.get(0).get("valid").asBoolean()).isTrue();
        JsonNode bad = a.get(1);
        assertThat(bad.get("valid").asBoolean()).isFalse();
        assertThat(bad.get("errors").get(0).get("code").asText()).isEqualTo("CHECKSUM_INVALID");
        assertThat(bad.get("errors").get(0).get("rule").asText()).isNotBlank();
        assertThat(bad.get("errors").get(0).get("message").asText()).isNotBlank();
    }

    @Test
    void unknownShapeIsKindUnknown() throws Exception {
        CliRunner.Result r = CliRunner.run("check-id", "--json", "hello");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(MAPPER.readTree(r.out()).get("kind").asText()).isEqualTo("unknown");
    }

    @Test
    void emptyAndHugeValuesAreInvalidWithTheirOutputBounded() throws Exception {
        CliRunner.Result empty = CliRunner.run("check-id", "--json", "");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(MAPPER.readTree(empty.out()).get("kind").asText()).isEqualTo("unknown");
        String huge = "9".repeat(1_000_000);
        CliRunner.Result r = CliRunner.run("check-id", "--show-pii", huge);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().length()).isLessThan(5_000);
        assertThat(r.out()).contains("(1000000 characters)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void noValueIsAUsageError() {
        CliRunner.Result r = CliRunner.run("check-id");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("VALUE");
    }

    @Test
    void humanOutputNamesTheRule() {
        CliRunner.Result r = CliRunner.run("check-id", "91110000600037341X");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("uscc", "INVALID", "CHECKSUM_INVALID");
    }

    @Test
    void masksUnrecognisedValuesTooSinceTheyMayBeMistypedIdNumbers() throws Exception {
        for (String v : new String[] {"11010519491231002X1", " 11010519491231002X"}) {
            CliRunner.Result r = CliRunner.run("check-id", "--json", v);
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).doesNotContain("19491231");
        }
        assertThat(CliRunner.run("check-id", "--json", "--show-pii", "11010519491231002X1").out()).contains("19491231");
    }
}
