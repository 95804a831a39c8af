package org.zwfw.sdk.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.internal.Base64Url;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import org.zwfw.sdk.status.issuer.StatusListBuilder;

class StatusListTest {

    private static Map<String, Object> claim(Object bits, Object lst) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bits", bits);
        m.put("lst", lst);
        return m;
    }

    private static String zlib(byte[] data) {
        return Base64Url.encode(Zlib.compress(data));
    }

    static byte[] deflate(byte[] data, boolean nowrap) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, nowrap);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream s = new DeflaterOutputStream(out, d)) {
            s.write(data);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } finally {
            d.end();
        }
        return out.toByteArray();
    }

    @Test
    void bitOrderIsLeastSignificantFirstAsComputedByHand() {
        // 0xC9 = 11 00 10 01: index 0 -> 01, index 1 -> 10, index 2 -> 00, index 3 -> 11.
        StatusList list = StatusList.of(2, new byte[] {(byte) 0xC9});
        assertThat(list.size()).isEqualTo(4);
        assertThat(new int[] {list.value(0), list.value(1), list.value(2), list.value(3)}).containsExactly(1, 2, 0, 3);
        assertThat(list.get(0)).isEqualTo(Status.INVALID);
        assertThat(list.get(1)).isEqualTo(Status.SUSPENDED);
        assertThat(list.get(3)).isEqualTo(Status.INVALID);
        // 1 bit: 0x05 = 00000101, index 0 and 2 set.
        StatusList one = StatusList.of(1, new byte[] {0x05});
        assertThat(one.value(0)).isEqualTo(1);
        assertThat(one.value(1)).isZero();
        assertThat(one.value(2)).isEqualTo(1);
        // 4 bits: 0x2A: index 0 -> 0xA, index 1 -> 0x2.
        StatusList four = StatusList.of(4, new byte[] {0x2A});
        assertThat(four.value(0)).isEqualTo(0xA);
        assertThat(four.value(1)).isEqualTo(2);
    }

    /** draft-ietf-oauth-status-list §4.1 example: 16 entries of 1 bit, bytes B9 A3. */
    @Test
    void decodesAndReproducesTheDraftsOneBitExample() {
        VerificationResult<StatusList> r = StatusList.fromClaim(claim(1L, "eNrbuRgAAhcBXQ"));
        assertThat(r.isValid()).as("%s", r).isTrue();
        StatusList list = r.value().orElseThrow();
        int[] expected = {1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1};
        assertThat(list.size()).isEqualTo(16);
        for (int i = 0; i < expected.length; i++) {
            assertThat(list.value(i)).as("status[%d]", i).isEqualTo(expected[i]);
        }
        assertThat(list.toBytes()).containsExactly(0xB9, 0xA3);
        assertThat(list.toClaim()).containsEntry("bits", 1).containsEntry("lst", "eNrbuRgAAhcBXQ");
    }

    /** draft-ietf-oauth-status-list "Further Examples": 12 entries of 2 bits, bytes C9 44 F9. */
    @Test
    void decodesAndReproducesTheDraftsTwoBitExample() {
        StatusList list = StatusList.fromClaim(claim(2L, "eNo76fITAAPfAgc")).value().orElseThrow();
        int[] expected = {1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3};
        for (int i = 0; i < expected.length; i++) {
            assertThat(list.value(i)).as("status[%d]", i).isEqualTo(expected[i]);
        }
        assertThat(list.toBytes()).containsExactly(0xC9, 0x44, 0xF9);
        assertThat(list.toClaim()).containsEntry("lst", "eNo76fITAAPfAgc");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8})
    void roundTripsThroughTheClaim(int bits) {
        Random random = new Random(bits);
        StatusListBuilder b = StatusListBuilder.create(10_000, bits);
        int[] values = new int[b.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(1 << bits);
            b.setValue(i, values[i]);
        }
        StatusList list = b.build();
        Map<String, Object> claim = list.toClaim();
        // As a parser would hand it over: integers are Longs.
        StatusList back = StatusList.fromClaim(claim(((Integer) claim.get("bits")).longValue(), claim.get("lst")))
                .value().orElseThrow();
        assertThat(back).isEqualTo(list);
        assertThat(back.bits()).isEqualTo(bits);
        for (int i = 0; i < values.length; i++) {
            assertThat(back.value(i)).isEqualTo(values[i]);
        }
    }

    @Test
    void sizeFollowsBytesAndBits() {
        assertThat(StatusList.of(1, new byte[3]).size()).isEqualTo(24);
        assertThat(StatusList.of(2, new byte[3]).size()).isEqualTo(12);
        assertThat(StatusList.of(4, new byte[3]).size()).isEqualTo(6);
        assertThat(StatusList.of(8, new byte[3]).size()).isEqualTo(3);
    }

    @Test
    void undefinedValuesReadAsInvalid() {
        StatusList list = StatusList.of(8, new byte[] {3, (byte) 200});
        assertThat(list.value(0)).isEqualTo(3);
        assertThat(list.get(0)).isEqualTo(Status.INVALID);
        assertThat(list.value(1)).isEqualTo(200);
        assertThat(list.get(1)).isEqualTo(Status.INVALID);
    }

    @Test
    void indexesOutsideTheListThrow() {
        StatusList list = StatusList.of(2, new byte[1]);
        assertThatThrownBy(() -> list.value(4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void ofValidatesAndCopies() {
        byte[] bytes = {1};
        StatusList list = StatusList.of(2, bytes);
        bytes[0] = 0;
        assertThat(list.value(0)).isEqualTo(1);
        list.toBytes()[0] = 0;
        assertThat(list.value(0)).isEqualTo(1);
        assertThatThrownBy(() -> StatusList.of(3, new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusList.of(2, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAClaimThatIsNotAnObject() {
        assertThat(StatusList.fromClaim("eNrbuRgAAhcBXQ").errorCodes()).containsExactly(OutcomeCode.INVALID_CLAIM);
        assertThat(StatusList.fromClaim(null).errorCodes()).containsExactly(OutcomeCode.INVALID_CLAIM);
    }

    @Test
    void rejectsMissingMembers() {
        Map<String, Object> noBits = new LinkedHashMap<>(Map.of("lst", "eNrbuRgAAhcBXQ"));
        assertThat(StatusList.fromClaim(noBits).errorCodes()).containsExactly(OutcomeCode.MISSING_CLAIM);
        Map<String, Object> noLst = new LinkedHashMap<>(Map.of("bits", 1L));
        assertThat(StatusList.fromClaim(noLst).errorCodes()).containsExactly(OutcomeCode.MISSING_CLAIM);
    }

    @Test
    void rejectsBitsOtherThanOneTwoFourEight() {
        for (Object bits : new Object[] {0L, 3L, 16L, -2L, "2", new BigDecimal("2.0"), true, null}) {
            VerificationResult<StatusList> r = StatusList.fromClaim(claim(bits, "eNrbuRgAAhcBXQ"));
            assertThat(r.errorCodes()).as("bits %s", bits).containsExactly(OutcomeCode.INVALID_CLAIM);
            assertThat(r.errors().get(0).message()).contains("bits");
        }
    }

    @Test
    void rejectsLstThatIsNotAString() {
        assertThat(StatusList.fromClaim(claim(1L, 5L)).errorCodes()).containsExactly(OutcomeCode.INVALID_CLAIM);
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(StatusList.fromClaim(claim(3L, 5L)).errors()).hasSize(2);
    }

    @Test
    void rejectsNonStrictBase64url() {
        for (String lst : new String[] {"eNrbuRgAAhcBXQ==", "eNrbuRgAAhcBXR", "eNrb+RgAAhcBXQ", "eNrb uRgAAhcBXQ"}) {
            VerificationResult<StatusList> r = StatusList.fromClaim(claim(1L, lst));
            assertThat(r.errorCodes()).as(lst).containsExactly(OutcomeCode.MALFORMED);
            assertThat(r.errors().get(0).message()).contains("base64url");
        }
    }

    @Test
    void rejectsDataThatIsNotZlib() {
        byte[] raw = deflate(new byte[] {(byte) 0xB9, (byte) 0xA3}, true);
        assertMalformed(Base64Url.encode(raw), "ZLIB");
        assertMalformed(Base64Url.encode("not compressed at all".getBytes()), "ZLIB");
        assertMalformed("", "truncated");
    }

    @Test
    void rejectsATruncatedStream() {
        byte[] z = Zlib.compress(new byte[1000]);
        assertMalformed(Base64Url.encode(Arrays.copyOf(z, z.length - 5)), "truncated");
    }

    @Test
    void rejectsAWrongChecksum() {
        byte[] z = Zlib.compress(new byte[] {1, 2, 3});
        z[z.length - 1] ^= 1;
        assertMalformed(Base64Url.encode(z), "ZLIB");
    }

    @Test
    void rejectsDataAfterTheStream() {
        byte[] z = Zlib.compress(new byte[] {1, 2, 3});
        byte[] longer = Arrays.copyOf(z, z.length + 2);
        assertMalformed(Base64Url.encode(longer), "follow the end");
    }

    @Test
    void rejectsAPresetDictionary() {
        Deflater d = new Deflater();
        d.setDictionary(new byte[] {1, 2, 3, 4});
        d.setInput(new byte[] {1, 2, 3, 4, 1, 2, 3, 4});
        d.finish();
        byte[] out = new byte[100];
        int n = d.deflate(out);
        d.end();
        assertMalformed(Base64Url.encode(Arrays.copyOf(out, n)), "dictionary");
    }

    @Test
    void rejectsAnEmptyList() {
        VerificationResult<StatusList> r = StatusList.fromClaim(claim(2L, zlib(new byte[0])));
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.INVALID_CLAIM);
    }

    @Test
    void stopsInflatingACompressionBombAtTheCap() {
        // 17 MiB of zeros compress to about 17 KB.
        String bomb = zlib(new byte[17 * 1024 * 1024]);
        assertThat(bomb.length()).isLessThan(30_000);
        VerificationResult<StatusList> r = StatusList.fromClaim(claim(2L, bomb));
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.TOO_LARGE);
        assertThat(r.errors().get(0).message()).contains("16777216").contains("bomb");
    }

    @Test
    void honoursACustomCapExactly() {
        assertThat(StatusList.fromClaim(claim(2L, zlib(new byte[100])), 100).isValid()).isTrue();
        assertThat(StatusList.fromClaim(claim(2L, zlib(new byte[101])), 100).errorCodes())
                .containsExactly(OutcomeCode.TOO_LARGE);
        assertThatThrownBy(() -> StatusList.fromClaim(claim(2L, "x"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StatusList.fromClaim(claim(2L, "x"), StatusList.MAX_BYTES + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ignoresUnknownMembers() {
        Map<String, Object> m = claim(1L, "eNrbuRgAAhcBXQ");
        m.put("aggregation_uri", "https://example.com/statuslists");
        assertThat(StatusList.fromClaim(m).isValid()).isTrue();
    }

    @Test
    void equalityAndPrinting() {
        StatusList a = StatusList.of(2, new byte[] {1, 2});
        assertThat(a).isEqualTo(StatusList.of(2, new byte[] {1, 2})).hasSameHashCodeAs(StatusList.of(2, new byte[] {1, 2}));
        assertThat(a).isNotEqualTo(StatusList.of(4, new byte[] {1, 2}));
        assertThat(a.toString()).isEqualTo("StatusList[8 entries of 2 bit(s)]");
    }

    private static void assertMalformed(String lst, String messagePart) {
        VerificationResult<StatusList> r = StatusList.fromClaim(claim(2L, lst));
        assertThat(r.errorCodes()).as("%s", r).containsExactly(OutcomeCode.MALFORMED);
        assertThat(r.errors().get(0).message()).contains(messagePart);
    }
}
