package org.zwfw.sdk.samples;

import org.zwfw.sdk.id.IdentifierCheck;
import org.zwfw.sdk.id.Identifiers;
import org.zwfw.sdk.id.ResidentIdNumber;

/**
 * User story (vendor): validate the identifiers a citizen or a company hands over before using
 * them. The README's tour quotes this file.
 */
public final class CheckIdentifiers {

    private CheckIdentifiers() {
    }

    /**
     * Runs the sample.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        ResidentIdNumber id = ResidentIdNumber.parse("11010519491231002X");
        System.out.println(id + " born " + id.birthDate() + ", " + id.sex());

        IdentifierCheck check = Identifiers.detect("91110000600037341X");
        System.out.println(check.kind().jsonName() + " valid=" + check.valid());
        check.violations().forEach(v -> System.out.println("  " + v.rule() + ": " + v.message()));
    }
}
