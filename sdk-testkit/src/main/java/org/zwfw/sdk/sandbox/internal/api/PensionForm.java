package org.zwfw.sdk.sandbox.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.zwfw.sdk.id.ResidentIdNumber;
import org.zwfw.sdk.id.Sex;
import org.zwfw.sdk.sandbox.internal.Problem;

/**
 * The form of 企业职工基本养老保险待遇申领 ({@code PensionRetirementForm} of the API document):
 * its members checked as the schema says (400, every fault), then the statutory conditions the
 * platform checks against the insurance records (422, every fault): the age for the retirement
 * type, at least 180 contribution months, deemed months within the total, no other basic pension,
 * a start month not before the first insured month. The sandbox has no insurance records, so the
 * months the applicant declares stand in for them.
 */
final class PensionForm {

    /** What the form says that the rest of the submission depends on. */
    record Facts(String retirementType, int deemedMonths, int contributionMonths, YearMonth start,
            Boolean otherPension) {
    }

    static final int MIN_CONTRIBUTION_MONTHS = 180;
    private static final Set<String> MEMBERS = Set.of("form_type", "insured_region_code", "retirement_type",
            "requested_start_month", "first_insured_month", "contribution_months", "deemed_contribution_months",
            "other_insured_regions", "receives_other_pension", "payment", "contact_address", "declaration");
    private static final List<String> TYPES = List.of("NORMAL", "FLEXIBLE_EARLY", "SPECIAL_JOB_EARLY",
            "DISABILITY_EARLY");

    private PensionForm() {
    }

    /** Checks the members; faults go to the list (400). */
    static Facts read(JsonNode form, List<Problem.Item> faults) {
        Fields f = Fields.of(form, "/form", faults, MEMBERS);
        f.matching("insured_region_code", true, Fields.REGION, "must be a six-digit division code");
        String type = f.oneOf("retirement_type", true, TYPES);
        String start = f.matching("requested_start_month", true, Fields.YEAR_MONTH, "must be YYYY-MM");
        String first = f.matching("first_insured_month", true, Fields.YEAR_MONTH, "must be YYYY-MM");
        Integer months = f.integer("contribution_months", true, 1, 720);
        Integer deemed = f.integer("deemed_contribution_months", true, 0, 600);
        Boolean other = f.bool("receives_other_pension", true);
        f.text("contact_address", true, 256);
        JsonNode regions = f.node("other_insured_regions");
        if (regions != null) {
            if (!regions.isArray() || regions.size() > 20) {
                f.invalid("other_insured_regions", "must be an array of at most 20 periods");
            } else {
                for (int i = 0; i < regions.size(); i++) {
                    Fields r = Fields.of(regions.get(i), "/form/other_insured_regions/" + i, faults,
                            Set.of("region_code", "from_month", "to_month"));
                    if (r.present()) {
                        r.matching("region_code", true, Fields.REGION, "must be a six-digit division code");
                        String from = r.matching("from_month", true, Fields.YEAR_MONTH, "must be YYYY-MM");
                        String to = r.matching("to_month", true, Fields.YEAR_MONTH, "must be YYYY-MM");
                        if (from != null && to != null && YearMonth.parse(to).isBefore(YearMonth.parse(from))) {
                            r.invalid("to_month", "must not be before from_month");
                        }
                    }
                }
            }
        }
        JsonNode payment = f.node("payment");
        if (payment == null) {
            f.missing("payment");
        } else {
            Fields p = Fields.of(payment, "/form/payment", faults, Set.of("method", "bank_name", "account_number"));
            String method = p.oneOf("method", true, List.of("SSC_FINANCIAL_ACCOUNT", "BANK_ACCOUNT"));
            boolean bank = "BANK_ACCOUNT".equals(method);
            p.text("bank_name", bank, 64);
            p.matching("account_number", bank, java.util.regex.Pattern.compile("[0-9]{12,19}"),
                    "must be 12 to 19 digits");
        }
        JsonNode declaration = f.node("declaration");
        if (declaration == null) {
            f.missing("declaration");
        } else {
            Fields d = Fields.of(declaration, "/form/declaration", faults, Set.of("accepted", "text_version"));
            Boolean accepted = d.bool("accepted", true);
            if (Boolean.FALSE.equals(accepted)) {
                d.invalid("accepted", "must be true: the applicant accepts the declaration");
            }
            d.matching("text_version", true, java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}"), "must be YYYY-MM");
        }
        if (start == null || first == null || months == null || deemed == null || type == null) {
            return null;
        }
        return new Facts(type, deemed, months, YearMonth.parse(start), other);
    }

    /**
     * The statutory conditions (422). The age rule: men 60, women 50 for NORMAL; up to three years
     * earlier for FLEXIBLE_EARLY; 55 and 45 for SPECIAL_JOB_EARLY; 50 and 45 for DISABILITY_EARLY.
     */
    static void conditions(Facts facts, String residentId, String firstInsured, List<Problem.Item> faults) {
        if (facts.deemedMonths() > facts.contributionMonths()) {
            faults.add(new Problem.Item("INVALID_CLAIM", "/form/deemed_contribution_months", "deemed months cannot"
                    + " exceed the total contribution months"));
        }
        if (facts.contributionMonths() < MIN_CONTRIBUTION_MONTHS) {
            faults.add(new Problem.Item("INVALID_CLAIM", "/form/contribution_months", "the records show fewer than "
                    + MIN_CONTRIBUTION_MONTHS + " contribution months (15 years), the minimum for a monthly pension"));
        }
        if (Boolean.TRUE.equals(facts.otherPension())) {
            faults.add(new Problem.Item("INVALID_CLAIM", "/form/receives_other_pension", "another basic pension is"
                    + " paid to the applicant; settle (terminate) it first, then claim this one"));
        }
        if (firstInsured != null && facts.start().isBefore(YearMonth.parse(firstInsured))) {
            faults.add(new Problem.Item("INVALID_CLAIM", "/form/requested_start_month", "the start month is before"
                    + " the first insured month"));
        }
        if (residentId != null) {
            ResidentIdNumber id = ResidentIdNumber.parse(residentId);
            boolean man = id.sex() == Sex.MALE;
            int age;
            switch (facts.retirementType()) {
                case "FLEXIBLE_EARLY":
                    age = man ? 57 : 47;
                    break;
                case "SPECIAL_JOB_EARLY":
                    age = man ? 55 : 45;
                    break;
                case "DISABILITY_EARLY":
                    age = man ? 50 : 45;
                    break;
                default:
                    age = man ? 60 : 50;
            }
            YearMonth reached = YearMonth.from(id.birthDate().plusYears(age));
            if (facts.start().isBefore(reached)) {
                faults.add(new Problem.Item("INVALID_CLAIM", "/form/requested_start_month", "the applicant does not"
                        + " reach the age for " + facts.retirementType() + " by the start month"));
            }
        }
    }
}
