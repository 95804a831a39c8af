package org.zwfw.sdk.credential;

import static org.assertj.core.api.Assertions.assertThat;
import org.zwfw.sdk.internal.sdjwt.SdJwt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.crypto.JwsAlgorithm;
import org.zwfw.sdk.crypto.SigningKey;
import org.zwfw.sdk.status.Status;
import org.zwfw.sdk.trust.TrustList;
import org.zwfw.sdk.trust.TrustListKeys;
import org.zwfw.sdk.trust.publisher.TrustListBuilder;
import org.zwfw.sdk.trust.TrustListSource;
import org.zwfw.sdk.trust.TrustListVerifier;
import org.zwfw.sdk.trust.TrustedIssuer;
import org.zwfw.sdk.verify.Finding;
import org.zwfw.sdk.verify.OutcomeCode;
import org.zwfw.sdk.verify.VerificationResult;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.credential.issuer.CredentialIssuer;
import org.zwfw.sdk.credential.issuer.IssuedCredential;
import org.zwfw.sdk.credential.issuer.SdJwtBuilder;

class CredentialVerifierTest {

    private final Ecerts p = new Ecerts();

    private static Map<String, Object> payload(String iss, String vct) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iss", iss);
        m.put("vct", vct);
        m.put("iat", Ecerts.NOW.minusSeconds(3600).getEpochSecond());
        m.put("exp", Ecerts.NOW.plus(Duration.ofDays(30)).getEpochSecond());
        return m;
    }

    private static String sign(SigningKey key, Map<String, Object> payload, String... sd) {
        List<ClaimPath> paths = new ArrayList<>();
        for (String s : sd) {
            paths.add(ClaimPath.parse(s));
        }
        return SdJwtBuilder.signedWith(key).type(CredentialVerifier.TYPE).claims(payload).selectivelyDisclosable(paths)
                .build();
    }

    private static List<OutcomeCode> codes(VerificationResult<?> r) {
        return r.errors().stream().map(Finding::code).toList();
    }

    @Test
    void badSdJwtSettingsAreRefusedWhereTheyAreSet() {
        CredentialVerifier.Builder b = CredentialVerifier.builder();
        assertThatThrownBy(() -> b.skew(Duration.ofMinutes(11))).hasMessageContaining("skew");
        assertThatThrownBy(() -> b.keyBindingMaxAge(Duration.ZERO)).hasMessageContaining("max age");
        assertThatThrownBy(() -> b.allowedAlgorithms(java.util.Set.of())).hasMessageContaining("allow-list");
        assertThatThrownBy(() -> b.hashAlgorithms(java.util.Set.of())).hasMessageContaining("hash algorithm");
        assertThatThrownBy(() -> b.maxLength(10)).hasMessageContaining("maxPresentationLength");
    }

    @Test
    void oneRangeForTheSkewOfTheVerifierAndTheStatusCheckerItBuilds() {
        // Used to throw in build(): the status checker wanted whole seconds, the verifier did not.
        CredentialVerifier v = p.verifier().skew(Duration.ofMillis(1500)).build();
        assertThat(v.policy().skew()).isEqualTo(Duration.ofMillis(1500));
        assertThat(p.verifier().skew(Duration.ofMinutes(10)).build().policy().skew()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void anIssuerJwtWithoutKidIsRefusedAsTheEcertProfileRequiresOne() {
        IssuedCredential issued = p.licensing.issue(Ecerts.license(), p.holder.verificationKey());
        String compact = issued.compact();
        int tilde = compact.indexOf('~');
        String[] jws = compact.substring(0, tilde).split("\\.");
        Map<String, Object> header = new java.util.LinkedHashMap<>(org.zwfw.sdk.crypto.ParsedJws.parse(
                compact.substring(0, tilde), org.zwfw.sdk.crypto.VerificationPolicy.DEFAULT).header().parameters());
        header.remove("kid");
        String input = org.zwfw.sdk.internal.Base64Url.encode(org.zwfw.sdk.internal.Json.write(header)) + "." + jws[1];
        String resigned = input + "." + org.zwfw.sdk.internal.Base64Url.encode(
                p.licensingKey.sign(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        VerificationResult<VerifiedCredential> r = p.verifier().statusMode(StatusMode.OFF).build()
                .verify(resigned + compact.substring(tilde));
        assertThat(r.errorCodes()).containsExactly(OutcomeCode.MALFORMED);
        assertThat(r.errors().get(0).message()).contains("'kid'");
        assertThat(p.verifier().statusMode(StatusMode.OFF).build().verify(compact).isValid()).isTrue();
    }

    @Test
    void issuedLicenseVerifiesWithOnlyTheDisclosedClaimsTyped() {
        IssuedCredential issued = p.licensing.issue(Ecerts.license(), p.holder.verificationKey());
        String presentation = p.present(issued, "license_id", "holder_name", "valid_until", "holder_code");
        CredentialVerifier v = p.verifier().keyBindingRequired(Ecerts.AUD).requiredClaims("license_id").build();

        VerificationResult<VerifiedCredential> r = v.verify(presentation, Ecerts.NONCE);

        assertThat(r.errors()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        VerifiedCredential c = r.value().orElseThrow();
        assertThat(c.claims().keySet()).containsExactly("license_id", "valid_until", "holder_name", "holder_code");
        assertThat(c.issuer().id()).isEqualTo(Ecerts.LICENSING);
        assertThat(c.type()).contains(CredentialType.LICENSE);
        assertThat(c.status()).isEqualTo(CredentialStatus.VALID);
        assertThat(c.date("valid_until")).contains(LocalDate.of(2028, 2, 28));
        assertThat(c.licenseId().orElseThrow().toString()).isNotEmpty();
        assertThat(c.uscc("holder_code").orElseThrow().value()).isEqualTo("91110000600037341L");
        assertThat(c.keyBinding().orElseThrow().nonce()).isEqualTo(Ecerts.NONCE);
        assertThat(c.expiresAt()).isEqualTo(Ecerts.NOW.plus(CredentialIssuer.DEFAULT_LIFETIME));
        assertThat(c.toString()).doesNotContain("某某餐饮").doesNotContain("91110000600037341L");
    }

    @Test
    void socialSecurityCardWithSm2AndSm3() {
        IssuedCredential issued = p.ssc.issue(Ecerts.card(), p.holder.verificationKey());
        assertThat(p.ssc.hashAlgorithm()).isEqualTo(SdHashAlgorithm.SM3);
        VerificationResult<VerifiedCredential> r = p.verifier().keyBindingRequired(Ecerts.AUD).build()
                .verify(p.present(issued, "holder_name", "social_security_number"), Ecerts.NONCE);
        assertThat(r.errors()).isEmpty();
        VerifiedCredential c = r.value().orElseThrow();
        assertThat(c.sdJwt().hashAlgorithm()).isEqualTo(SdHashAlgorithm.SM3);
        assertThat(c.residentId("social_security_number").orElseThrow().birthDate()).isEqualTo(LocalDate.of(1949,
                12, 31));
        assertThat(c.text("card_number")).isEmpty();
    }

    @Test
    void unknownIssuerAndIssuerOutsideItsWindowAreUntrusted() {
        SigningKey stranger = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("x");
        String forged = sign(stranger, payload("https://evil.example.com", CredentialType.LICENSE.vct()));
        assertThat(codes(p.verifier().build().verify(forged))).containsExactly(OutcomeCode.UNTRUSTED_ISSUER);

        TrustedIssuer expired = TrustedIssuer.builder(Ecerts.LICENSING).name("n").uscc("11430000006122244L")
                .keys(p.licensingKey.verificationKey()).types(CredentialType.LICENSE.vct())
                .validUntil(Ecerts.NOW.minusSeconds(1)).build();
        CredentialVerifier v = CredentialVerifier.builder().trustList(TrustList.of(List.of(expired)))
                .clock(Ecerts.CLOCK).skew(java.time.Duration.ZERO).statusMode(StatusMode.OFF).build();
        VerificationResult<VerifiedCredential> r = v.verify(p.licensing.issue(Ecerts.license()).compact());
        assertThat(codes(r)).containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
        assertThat(r.errors().get(0).message()).contains("until");
    }

    @Test
    void theIssuerEntrysWindowIsJudgedWithTheVerifiersSkew() {
        // trust-list.md §3: a verifier applies its own skew to an entry's window, as RNATs do
        TrustedIssuer lapsed = TrustedIssuer.builder(Ecerts.LICENSING).name("n").uscc("11430000006122244L")
                .keys(p.licensingKey.verificationKey()).types(CredentialType.LICENSE.vct())
                .validUntil(Ecerts.NOW.minusSeconds(30)).build();
        String credential = p.licensing.issue(Ecerts.license()).compact();
        CredentialVerifier.Builder b = CredentialVerifier.builder().trustList(TrustList.of(List.of(lapsed)))
                .clock(Ecerts.CLOCK).statusMode(StatusMode.OFF);
        assertThat(b.skew(java.time.Duration.ofSeconds(60)).build().verify(credential).isValid()).isTrue();
        assertThat(codes(CredentialVerifier.builder().trustList(TrustList.of(List.of(lapsed))).clock(Ecerts.CLOCK)
                .statusMode(StatusMode.OFF).skew(java.time.Duration.ofSeconds(29)).build().verify(credential)))
                .containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
    }

    @Test
    void aKeyNotListedForTheIssuerDoesNotVerify() {
        SigningKey impostor = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("dzzz-2026");
        String forged = sign(impostor, payload(Ecerts.LICENSING, CredentialType.LICENSE.vct()));
        assertThat(codes(p.verifier().build().verify(forged))).containsExactly(OutcomeCode.SIGNATURE_INVALID);
        // Another trusted issuer's key does not help either.
        String crossed = sign(p.sscKey, payload(Ecerts.LICENSING, CredentialType.LICENSE.vct()));
        assertThat(p.verifier().build().verify(crossed).isValid()).isFalse();
    }

    @Test
    void typeTheIssuerMayNotSignAndTypeTheVerifierDoesNotAccept() {
        IssuedCredential card = CredentialIssuer.builder(Ecerts.LICENSING, p.licensingKey).clock(Ecerts.CLOCK).build()
                .issue(Ecerts.card());
        VerificationResult<VerifiedCredential> r = p.verifier().build().verify(card.compact());
        assertThat(codes(r)).containsExactly(OutcomeCode.TYPE_NOT_ALLOWED);

        IssuedCredential license = p.licensing.issue(Ecerts.license());
        r = p.verifier().acceptedTypes(CredentialType.BUSINESS_LICENSE).build().verify(license.compact());
        assertThat(codes(r)).containsExactly(OutcomeCode.WRONG_TYPE);
    }

    @Test
    void claimsThatMustStayVisibleAreRefusedWhenHidden() {
        Map<String, Object> m = payload(Ecerts.LICENSING, CredentialType.LICENSE.vct());
        String hiddenExp = sign(p.licensingKey, m, "exp");
        CredentialVerifier v = p.verifier().statusMode(StatusMode.OFF).build();
        // Undisclosed: the credential has no visible exp.
        assertThat(codes(v.verify(PresentationBuilder.from(hiddenExp).build())))
                .containsExactly(OutcomeCode.MISSING_CLAIM);
        assertThat(codes(v.verify(hiddenExp))).containsExactly(OutcomeCode.DISCLOSURE_INVALID);
        // Disclosed: the issuer hid a claim that must never be hidden.
        String hiddenIss = sign(p.licensingKey, payload(Ecerts.LICENSING, CredentialType.LICENSE.vct()), "vct");
        VerificationResult<VerifiedCredential> r = v.verify(hiddenIss);
        assertThat(codes(r)).contains(OutcomeCode.DISCLOSURE_INVALID);
        assertThat(r.errors().toString()).contains("'vct'");
    }

    @Test
    void missingTimesAndIssuer() {
        Map<String, Object> m = payload(Ecerts.LICENSING, CredentialType.LICENSE.vct());
        m.remove("iat");
        CredentialVerifier v = p.verifier().build();
        assertThat(codes(v.verify(sign(p.licensingKey, m)))).containsExactly(OutcomeCode.MISSING_CLAIM);
        m = payload(Ecerts.LICENSING, CredentialType.LICENSE.vct());
        m.remove("iss");
        assertThat(codes(v.verify(sign(p.licensingKey, m)))).containsExactly(OutcomeCode.MISSING_CLAIM);
        m = payload(Ecerts.LICENSING, CredentialType.LICENSE.vct());
        m.put("iss", 7);
        assertThat(codes(v.verify(sign(p.licensingKey, m)))).containsExactly(OutcomeCode.INVALID_CLAIM);
        m = payload(Ecerts.LICENSING, CredentialType.LICENSE.vct());
        m.remove("vct");
        assertThat(codes(v.verify(sign(p.licensingKey, m)))).containsExactly(OutcomeCode.MISSING_CLAIM);
    }

    @Test
    void disclosedClaimsAreCheckedAgainstTheirType() {
        Map<String, Object> m = payload(Ecerts.LICENSING, CredentialType.LICENSE.vct());
        m.put("license_id", "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.V");
        m.put("issue_date", "2023-02-30");
        String bad = sign(p.licensingKey, m, "license_id", "issue_date");
        VerificationResult<VerifiedCredential> r = p.verifier().build().verify(bad);
        assertThat(codes(r)).containsExactlyInAnyOrder(OutcomeCode.CHECKSUM_INVALID, OutcomeCode.INVALID_CLAIM);
        // Undisclosed, the same bad claims are not the verifier's to see.
        String hidden = PresentationBuilder.from(bad).build();
        assertThat(p.verifier().build().verify(hidden).errors()).isEmpty();
    }

    @Test
    void requiredClaimsMustBeDisclosed() {
        IssuedCredential issued = p.licensing.issue(Ecerts.license());
        String presentation = PresentationBuilder.from(issued.compact()).disclose("holder_name").build();
        VerificationResult<VerifiedCredential> r = p.verifier().requiredClaims("holder_name", "license_id").build()
                .verify(presentation);
        assertThat(codes(r)).containsExactly(OutcomeCode.MISSING_CLAIM);
        assertThat(r.errors().get(0).message()).contains("license_id");
    }

    @Test
    void revokedAndSuspendedCredentialsFail() {
        IssuedCredential a = p.licensing.issue(Ecerts.license());
        IssuedCredential b = p.licensing.issue(Ecerts.license());
        assertThat(a.statusReference().orElseThrow().idx()).isNotEqualTo(b.statusReference().orElseThrow().idx());
        p.licensing.setStatus(a.statusReference().orElseThrow(), Status.INVALID);
        p.licensing.setStatus(b.statusReference().orElseThrow(), Status.SUSPENDED);
        p.publishStatus();
        CredentialVerifier v = p.verifier().statusMode(StatusMode.BEST_EFFORT).build();
        assertThat(codes(v.verify(a.compact()))).containsExactly(OutcomeCode.REVOKED);
        assertThat(codes(v.verify(b.compact()))).containsExactly(OutcomeCode.SUSPENDED);
        p.licensing.setStatus(b.statusReference().orElseThrow(), Status.VALID);
        p.publishStatus();
        CredentialVerifier fresh = p.verifier().build();
        assertThat(fresh.verify(b.compact()).value().orElseThrow().status()).isEqualTo(CredentialStatus.VALID);
        assertThatThrownBy(() -> p.licensing.setStatus(a.statusReference().orElseThrow(), Status.VALID))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unavailableStatusFailsWhenRequiredAndWarnsOtherwise() {
        IssuedCredential issued = p.licensing.issue(Ecerts.license());
        p.served.clear();
        VerificationResult<VerifiedCredential> required = p.verifier().build().verify(issued.compact());
        assertThat(codes(required)).containsExactly(OutcomeCode.STATUS_UNAVAILABLE);

        VerificationResult<VerifiedCredential> best = p.verifier().statusMode(StatusMode.BEST_EFFORT).build()
                .verify(issued.compact());
        assertThat(best.isValid()).isTrue();
        assertThat(best.warnings()).extracting(Finding::code).containsExactly(OutcomeCode.STATUS_UNAVAILABLE);
        assertThat(best.value().orElseThrow().status()).isEqualTo(CredentialStatus.UNCHECKED);

        int before = p.fetches.get();
        VerificationResult<VerifiedCredential> off = p.verifier().statusMode(StatusMode.OFF).build()
                .verify(issued.compact());
        assertThat(off.value().orElseThrow().status()).isEqualTo(CredentialStatus.UNCHECKED);
        assertThat(off.warnings()).isEmpty();
        assertThat(p.fetches.get()).isEqualTo(before);
    }

    @Test
    void statusListSignedBySomeoneElseOrByAnIssuerNotAllowedListsIsUnavailable() {
        IssuedCredential issued = p.licensing.issue(Ecerts.license());
        // The SSC platform signs a list at the licensing department's URI.
        p.served.put(Ecerts.LICENSING_LIST, p.sscStatus.toToken(p.sscKey, Ecerts.LICENSING, Ecerts.LICENSING_LIST,
                Ecerts.NOW, Duration.ofHours(1), null));
        VerificationResult<VerifiedCredential> r = p.verifier().build().verify(issued.compact());
        assertThat(codes(r)).containsExactly(OutcomeCode.STATUS_UNAVAILABLE);
        assertThat(r.errors().get(0).message()).contains("UNKNOWN_KEY");

        p.publishStatus();
        TrustList noLists = TrustList.of(List.of(p.licensingEntry(CredentialType.LICENSE.vct())));
        r = CredentialVerifier.builder().trustList(noLists).clock(Ecerts.CLOCK).statusSource(p.source).build()
                .verify(issued.compact());
        assertThat(codes(r)).containsExactly(OutcomeCode.STATUS_UNAVAILABLE);
        assertThat(r.errors().get(0).message()).contains("UNTRUSTED_ISSUER");
    }

    @Test
    void statusListsAreCachedAcrossVerifications() {
        IssuedCredential issued = p.licensing.issue(Ecerts.license());
        CredentialVerifier v = p.verifier().build();
        for (int i = 0; i < 5; i++) {
            assertThat(v.verify(issued.compact()).isValid()).isTrue();
        }
        assertThat(p.fetches.get()).isEqualTo(1);
    }

    @Test
    void credentialWithoutStatusReferenceHasStatusNone() {
        CredentialIssuer noList = CredentialIssuer.builder(Ecerts.LICENSING, p.licensingKey).clock(Ecerts.CLOCK).build();
        VerificationResult<VerifiedCredential> r = p.verifier().build().verify(noList.issue(Ecerts.license()).compact());
        assertThat(r.value().orElseThrow().status()).isEqualTo(CredentialStatus.NONE);
    }

    @Test
    void keyBindingByPolicy() {
        IssuedCredential issued = p.licensing.issue(Ecerts.license(), p.holder.verificationKey());
        CredentialVerifier v = p.verifier().keyBindingRequired(Ecerts.AUD).build();
        String unbound = PresentationBuilder.from(issued.compact()).disclose("holder_name").build();
        assertThat(codes(v.verify(unbound, Ecerts.NONCE))).containsExactly(OutcomeCode.KEY_BINDING_MISSING);
        assertThat(codes(v.verify(p.present(issued, "holder_name"), "other-nonce")))
                .containsExactly(OutcomeCode.NONCE_MISMATCH);
        String elsewhere = PresentationBuilder.from(issued.compact()).disclose("holder_name")
                .keyBinding(p.holder, "https://other.example.com", Ecerts.NONCE, Ecerts.NOW).build();
        assertThat(codes(v.verify(elsewhere, Ecerts.NONCE))).containsExactly(OutcomeCode.AUDIENCE_MISMATCH);
        SigningKey thief = SigningKey.generate(JwsAlgorithm.ES256);
        String stolen = PresentationBuilder.from(issued.compact()).disclose("holder_name")
                .keyBinding(thief, Ecerts.AUD, Ecerts.NONCE, Ecerts.NOW).build();
        assertThat(codes(v.verify(stolen, Ecerts.NONCE))).containsExactly(OutcomeCode.KEY_BINDING_INVALID);
        assertThatThrownBy(() -> v.verify(unbound)).isInstanceOf(IllegalStateException.class);
        // Not required: a present key-binding JWT is still checked.
        CredentialVerifier optional = p.verifier().audience(Ecerts.AUD).build();
        assertThat(codes(optional.verify(stolen, Ecerts.NONCE))).containsExactly(OutcomeCode.KEY_BINDING_INVALID);
        assertThat(optional.verify(unbound).isValid()).isTrue();
    }

    @Test
    void legacyTypeOnlyWithLenientInterop() {
        Map<String, Object> m = payload(Ecerts.LICENSING, CredentialType.LICENSE.vct());
        String legacy = SdJwtBuilder.signedWith(p.licensingKey).type(CredentialVerifier.LEGACY_TYPE).claims(m).build();
        assertThat(codes(p.verifier().build().verify(legacy))).containsExactly(OutcomeCode.WRONG_TYPE);
        assertThat(p.verifier().lenientInterop(true).build().verify(legacy).errors()).isEmpty();
        String untyped = SdJwtBuilder.signedWith(p.licensingKey).claims(m).build();
        assertThat(codes(p.verifier().lenientInterop(true).build().verify(untyped)))
                .containsExactly(OutcomeCode.WRONG_TYPE);
    }

    @Test
    void expiredAndTamperedCredentials() {
        IssuedCredential issued = p.licensing.issue(Ecerts.license());
        CredentialVerifier later = p.verifier().statusMode(StatusMode.OFF)
                .clock(Clock.fixed(issued.expiresAt().plus(Duration.ofDays(1)), ZoneOffset.UTC)).build();
        assertThat(codes(later.verify(issued.compact()))).containsExactly(OutcomeCode.EXPIRED);
        String all = PresentationBuilder.from(issued.compact()).discloseAll().build();
        String[] parts = all.split("~");
        String dup = all + parts[1] + "~";
        assertThat(codes(p.verifier().build().verify(dup))).contains(OutcomeCode.DISCLOSURE_DUPLICATE);
        int at = parts[0].length() - 10; // inside the signature
        String flipped = parts[0].substring(0, at) + (parts[0].charAt(at) == 'A' ? 'B' : 'A')
                + all.substring(at + 1);
        assertThat(flipped).isNotEqualTo(all);
        assertThat(p.verifier().build().verify(flipped).isValid()).isFalse();
    }

    @Test
    void garbageTruncationAndHugeInputFailFastWithCodes() {
        CredentialVerifier v = p.verifier().build();
        assertThat(codes(v.verify(""))).containsExactly(OutcomeCode.MALFORMED);
        assertThat(codes(v.verify("not a credential"))).containsExactly(OutcomeCode.MALFORMED);
        String issued = p.licensing.issue(Ecerts.license()).compact();
        assertThat(codes(v.verify(issued.substring(0, issued.indexOf('~') / 2) + "~")))
                .containsExactly(OutcomeCode.MALFORMED);
        assertThat(codes(v.verify("x".repeat(3 * 1024 * 1024)))).containsExactly(OutcomeCode.TOO_LARGE);
        assertThat(v.verify("eyJ.eyJ.x~").errors().get(0).message()).doesNotContain("eyJ.eyJ");
    }

    @Test
    void signedTrustListFromASourceAndItsFailures() {
        SigningKey anchor = SigningKey.generate(JwsAlgorithm.ES256).withKeyId("anchor-1");
        String signed = new TrustListBuilder().issuedBy("https://trust.zwfw.example.gov.cn").seq(3)
                .issuedAt(Ecerts.NOW.minus(Duration.ofDays(1))).expiresAt(Ecerts.NOW.plus(Duration.ofDays(6)))
                .add(p.licensingEntry()).add(p.sscEntry()).sign(anchor);
        String license = p.licensing.issue(Ecerts.license()).compact();
        try (TrustListSource good = offlineSource(anchor, signed, Ecerts.CLOCK);
                TrustListSource late = offlineSource(anchor, signed,
                        Clock.fixed(Ecerts.NOW.plus(Duration.ofDays(8)), ZoneOffset.UTC))) {
            CredentialVerifier v = CredentialVerifier.builder().trustList(good).clock(Ecerts.CLOCK)
                    .statusMode(StatusMode.OFF).build();
            assertThat(v.verify(license).errors()).isEmpty();
            // Two days past the list's exp, beyond the default 24 h grace.
            CredentialVerifier stale = CredentialVerifier.builder().trustList(late).clock(Ecerts.CLOCK)
                    .statusMode(StatusMode.OFF).build();
            assertThat(codes(stale.verify(license))).containsExactlyInAnyOrder(OutcomeCode.TRUST_LIST_INVALID,
                    OutcomeCode.TRUST_LIST_EXPIRED);
        }
    }

    private static TrustListSource offlineSource(SigningKey anchor, String signed, Clock clock) {
        TrustListVerifier tv = TrustListVerifier.builder(org.zwfw.sdk.crypto.KeySet.of(anchor.verificationKey()))
                .clock(clock).build();
        return TrustListSource.builder(tv).offline(true).initialList(signed).clock(clock).build();
    }

    @Test
    void configurationMistakesAreCaughtAtBuildTime() {
        assertThatThrownBy(() -> CredentialVerifier.builder().statusMode(StatusMode.OFF).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trust list");
        assertThatThrownBy(() -> CredentialVerifier.builder().trustList(p.trustList()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("status source");
        CredentialVerifier v = p.verifier().keyBindingRequired(Ecerts.AUD).build();
        assertThatThrownBy(() -> v.verify("a~", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharedAcrossThreads() throws Exception {
        CredentialVerifier v = p.verifier().keyBindingRequired(Ecerts.AUD).build();
        List<String> presentations = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            presentations.add(p.present(p.licensing.issue(Ecerts.license(), p.holder.verificationKey()),
                    "holder_name"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String s = presentations.get(i % presentations.size());
                results.add(pool.submit(() -> v.verify(s, Ecerts.NONCE).isValid()));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void validityWindowOfTheIssuerEntryUsesTheVerifierClock() {
        TrustedIssuer future = TrustedIssuer.builder(Ecerts.LICENSING).name("n").uscc("11430000006122244L")
                .keys(p.licensingKey.verificationKey()).types(CredentialType.LICENSE.vct())
                .validFrom(Instant.parse("2027-01-01T00:00:00Z")).build();
        CredentialVerifier v = CredentialVerifier.builder().trustList(TrustList.of(List.of(future)))
                .clock(Ecerts.CLOCK).statusMode(StatusMode.OFF).build();
        assertThat(codes(v.verify(p.licensing.issue(Ecerts.license()).compact())))
                .containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
    }

    @Test
    void statusListKeysOnlyForIssuersAllowedListsAndOnlyInsideTheirWindow() {
        TrustedIssuer lapsed = TrustedIssuer.builder(Ecerts.SSC).name("n").uscc("11100000000013338W")
                .keys(p.sscKey.verificationKey()).types(TrustedIssuer.TYPE_STATUS_LIST)
                .validUntil(Ecerts.NOW.minusSeconds(1)).build();
        TrustList list = TrustList.of(List.of(p.licensingEntry(CredentialType.LICENSE.vct()), lapsed));
        TrustListKeys keys = TrustListKeys.of(list).forType(TrustedIssuer.TYPE_STATUS_LIST);
        assertThat(keys.resolve(request(Ecerts.LICENSING, Ecerts.NOW)).errorCodes()).as("no statuslist type")
                .containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
        assertThat(keys.resolve(request(Ecerts.SSC, Ecerts.NOW)).errorCodes()).as("entry lapsed")
                .containsExactly(OutcomeCode.UNTRUSTED_ISSUER);
        assertThat(keys.resolve(request(Ecerts.SSC, Ecerts.NOW.minusSeconds(60))).isValid()).isTrue();
    }

    private static org.zwfw.sdk.crypto.KeyRequest request(String issuer, java.time.Instant at) {
        return new org.zwfw.sdk.crypto.KeyRequest(null, null, "statuslist+jwt", issuer, at);
    }
}
