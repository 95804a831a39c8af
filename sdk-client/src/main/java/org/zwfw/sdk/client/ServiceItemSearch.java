package org.zwfw.sdk.client;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.zwfw.sdk.client.model.HandlingMode;

/**
 * The filters of a service item search ({@code searchServiceItems}): items matching every filter
 * given, at least one of region, department and keyword. Immutable; each {@code with...} returns a
 * new value.
 *
 * <pre>{@code
 * ServiceItemSearch s = ServiceItemSearch.inRegion("330100").withKeyword("养老保险")
 *         .withHandlingModes(HandlingMode.FULLY_ONLINE);
 * }</pre>
 */
public final class ServiceItemSearch {

    private static final Pattern REGION = Pattern.compile("[1-9][0-9]{5}");
    private static final Pattern USCC = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");

    private final String regionCode;
    private final String departmentCode;
    private final String keyword;
    private final Set<HandlingMode> handlingModes;

    private ServiceItemSearch(String regionCode, String departmentCode, String keyword, Set<HandlingMode> handlingModes) {
        this.regionCode = regionCode;
        this.departmentCode = departmentCode;
        this.keyword = keyword;
        this.handlingModes = handlingModes;
    }

    /**
     * @param regionCode a GB/T 2260 code (the province, a city or a district)
     * @return the items of that region
     */
    public static ServiceItemSearch inRegion(String regionCode) {
        return new ServiceItemSearch(null, null, null, Set.of()).withRegion(regionCode);
    }

    /**
     * @param departmentCode the USCC of the department that handles the items
     * @return the items of that department
     */
    public static ServiceItemSearch byDepartment(String departmentCode) {
        return new ServiceItemSearch(null, null, null, Set.of()).withDepartment(departmentCode);
    }

    /**
     * @param keyword words of an item's name or aliases, 1 to 64 characters
     * @return the items matching them, by relevance
     */
    public static ServiceItemSearch forKeyword(String keyword) {
        return new ServiceItemSearch(null, null, null, Set.of()).withKeyword(keyword);
    }

    /** @param code a GB/T 2260 region code @return this search restricted to that region */
    public ServiceItemSearch withRegion(String code) {
        if (!REGION.matcher(Objects.requireNonNull(code, "regionCode")).matches()) {
            throw new IllegalArgumentException("a region code is six digits, the first not 0");
        }
        return new ServiceItemSearch(code, departmentCode, keyword, handlingModes);
    }

    /** @param uscc a department's USCC @return this search restricted to that department */
    public ServiceItemSearch withDepartment(String uscc) {
        if (!USCC.matcher(Objects.requireNonNull(uscc, "departmentCode")).matches()) {
            throw new IllegalArgumentException("a department code is an 18-character USCC");
        }
        return new ServiceItemSearch(regionCode, uscc, keyword, handlingModes);
    }

    /** @param words 1 to 64 characters @return this search restricted to items matching them */
    public ServiceItemSearch withKeyword(String words) {
        Objects.requireNonNull(words, "keyword");
        int n = words.codePointCount(0, words.length());
        if (n < 1 || n > 64 || words.isBlank()) {
            throw new IllegalArgumentException("a keyword is 1 to 64 characters, not blank");
        }
        return new ServiceItemSearch(regionCode, departmentCode, words, handlingModes);
    }

    /**
     * @param modes the modes every item must be handled in (replacing earlier ones; none: any mode)
     * @return this search restricted to them
     */
    public ServiceItemSearch withHandlingModes(HandlingMode... modes) {
        EnumSet<HandlingMode> set = EnumSet.noneOf(HandlingMode.class);
        for (HandlingMode m : modes) {
            set.add(Objects.requireNonNull(m, "handling mode"));
        }
        return new ServiceItemSearch(regionCode, departmentCode, keyword, Collections.unmodifiableSet(set));
    }

    /** @return the region code, or {@code null} */
    public String regionCode() {
        return regionCode;
    }

    /** @return the department's USCC, or {@code null} */
    public String departmentCode() {
        return departmentCode;
    }

    /** @return the keyword, or {@code null} */
    public String keyword() {
        return keyword;
    }

    /** @return the handling modes required, empty for any */
    public Set<HandlingMode> handlingModes() {
        return handlingModes;
    }

    /** @return the filters as encoded query parameters, in the document's order */
    String[] params() {
        return new String[] {ApiRequest.param("region_code", regionCode), ApiRequest.param("department_code", departmentCode),
            ApiRequest.param("keyword", keyword), ApiRequest.listParam("handling_mode", handlingModes)};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceItemSearch s && Objects.equals(s.regionCode, regionCode)
                && Objects.equals(s.departmentCode, departmentCode) && Objects.equals(s.keyword, keyword)
                && s.handlingModes.equals(handlingModes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regionCode, departmentCode, keyword, handlingModes);
    }

    /** Shows which filters are set, not the keyword (search words can be personal). */
    @Override
    public String toString() {
        return "ServiceItemSearch[region=" + regionCode + ", department=" + departmentCode
                + (keyword == null ? "" : ", keyword=…") + ", modes=" + handlingModes + "]";
    }
}
