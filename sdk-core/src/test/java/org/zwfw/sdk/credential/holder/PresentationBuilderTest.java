package org.zwfw.sdk.credential.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zwfw.sdk.credential.holder.PresentationBuilder;
import org.zwfw.sdk.internal.sdjwt.Disclosure;
import org.zwfw.sdk.internal.sdjwt.SdJwt;
import org.zwfw.sdk.credential.ClaimPath;
import org.zwfw.sdk.credential.SdJwtFixtures;

class PresentationBuilderTest {

    private static List<String> disclosedNames(String presentation) {
        return SdJwt.parse(presentation).disclosures().stream().map(d -> d.name().orElse("[element]")).toList();
    }

    @Test
    void enclosingDisclosuresFollowAutomatically() {
        String p = PresentationBuilder.from(SdJwtFixtures.issue().serialize()).disclose("address.street").build();
        assertThat(disclosedNames(p)).containsExactlyInAnyOrder("address", "street");
    }

    @Test
    void choosingAClaimShowsEverythingBelowIt() {
        String p = PresentationBuilder.from(SdJwtFixtures.issue().serialize()).disclose("address").build();
        assertThat(disclosedNames(p)).containsExactlyInAnyOrder("address", "street");
    }

    @Test
    void nothingChosenDisclosesNothing() {
        String issued = SdJwtFixtures.issue().serialize();
        String p = PresentationBuilder.from(issued).build();
        assertThat(SdJwt.parse(p).disclosures()).isEmpty();
        assertThat(p).isEqualTo(SdJwt.parse(issued).issuerJwt() + "~");
    }

    @Test
    void listsDisclosablePathsAndRejectsUnknownOnes() {
        PresentationBuilder b = PresentationBuilder.from(SdJwtFixtures.issue().serialize());
        assertThat(b.disclosablePaths()).contains(ClaimPath.of("holder_name"), ClaimPath.of("scopes", 1));
        assertThat(b.allClaims()).containsEntry("holder_name", "张三");
        assertThatThrownBy(() -> b.disclose("nope")).hasMessageContaining("'nope'");
        assertThat(disclosedNames(b.discloseAll().build())).hasSize(5);
    }

    @Test
    void refusesAnInconsistentIssuedSdJwt() {
        SdJwt issued = SdJwtFixtures.issue();
        String foreign = Disclosure.ofMember("x", 1, new java.security.SecureRandom()).encoded();
        assertThatThrownBy(() -> PresentationBuilder.from(issued.serialize() + foreign + "~"))
                .hasMessageContaining("not referenced");
    }
}
