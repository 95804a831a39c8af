package org.zwfw.sdk.client;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.zwfw.sdk.client.model.CaseStatus;

/**
 * Which cases to list ({@code listCases}): one applicant's, a person by the pairwise reference or
 * an organisation by its USCC, optionally only some states or one item. Immutable; each
 * {@code with...} returns a new value. No ID number ever goes into the query.
 */
public final class CaseQuery {

    private static final Pattern REF = Pattern.compile("[A-Za-z0-9_-]{16,255}");
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");
    private static final Pattern ITEM = Pattern.compile("[0-9A-Z][0-9A-Z-]{3,63}");

    private final String applicantRef;
    private final String applicantUscc;
    private final Set<CaseStatus> statuses;
    private final String itemCode;

    private CaseQuery(String applicantRef, String applicantUscc, Set<CaseStatus> statuses, String itemCode) {
        this.applicantRef = applicantRef;
        this.applicantUscc = applicantUscc;
        this.statuses = statuses;
        this.itemCode = itemCode;
    }

    /**
     * @param applicantRef the person's pairwise reference for this application (the {@code sub}
     *                     of its ID tokens and real-name auth tokens)
     * @return that person's cases
     */
    public static CaseQuery ofPerson(String applicantRef) {
        if (!REF.matcher(Objects.requireNonNull(applicantRef, "applicantRef")).matches()) {
            throw new IllegalArgumentException("an applicant reference is 16 to 255 of A-Z a-z 0-9 _ -");
        }
        return new CaseQuery(applicantRef, null, Set.of(), null);
    }

    /**
     * @param uscc the organisation's unified social credit code
     * @return that organisation's cases
     */
    public static CaseQuery ofOrganisation(String uscc) {
        if (!USCC.matcher(Objects.requireNonNull(uscc, "uscc")).matches()) {
            throw new IllegalArgumentException("a USCC is 18 characters of the GB 32100 alphabet");
        }
        return new CaseQuery(null, uscc, Set.of(), null);
    }

    /**
     * @param states the states wanted (replacing earlier ones; none: every state)
     * @return this query restricted to them
     */
    public CaseQuery withStatuses(CaseStatus... states) {
        EnumSet<CaseStatus> set = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus s : states) {
            if (Objects.requireNonNull(s, "status") == CaseStatus.UNKNOWN) {
                throw new IllegalArgumentException("UNKNOWN stands for a state this SDK does not know; it cannot be asked for");
            }
            set.add(s);
        }
        return new CaseQuery(applicantRef, applicantUscc, Collections.unmodifiableSet(set), itemCode);
    }

    /**
     * @param code a service item's code
     * @return this query restricted to that item's cases
     */
    public CaseQuery withItemCode(String code) {
        if (!ITEM.matcher(Objects.requireNonNull(code, "itemCode")).matches()) {
            throw new IllegalArgumentException("an item code is 4 to 64 of 0-9 A-Z -");
        }
        return new CaseQuery(applicantRef, applicantUscc, statuses, code);
    }

    /** @return the person's reference, or {@code null} for an organisation */
    public String applicantRef() {
        return applicantRef;
    }

    /** @return the organisation's USCC, or {@code null} for a person */
    public String applicantUscc() {
        return applicantUscc;
    }

    /** @return the states wanted, empty for all */
    public Set<CaseStatus> statuses() {
        return statuses;
    }

    /** @return the item code, or {@code null} */
    public String itemCode() {
        return itemCode;
    }

    String[] params() {
        return new String[] {ApiRequest.param("applicant_ref", applicantRef), ApiRequest.param("applicant_uscc", applicantUscc),
            ApiRequest.listParam("status", statuses),
            ApiRequest.param("item_code", itemCode)};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseQuery q && Objects.equals(q.applicantRef, applicantRef)
                && Objects.equals(q.applicantUscc, applicantUscc) && q.statuses.equals(statuses)
                && Objects.equals(q.itemCode, itemCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(applicantRef, applicantUscc, statuses, itemCode);
    }

    /** Names the kind of applicant, not the applicant. */
    @Override
    public String toString() {
        return "CaseQuery[" + (applicantRef != null ? "person" : "organisation") + ", statuses=" + statuses
                + ", item=" + itemCode + "]";
    }
}
