package org.zwfw.sdk.sandbox.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zwfw.sdk.sandbox.SandboxIssuer;

/**
 * Demo holders and their claims, so that a newcomer can issue every credential type without
 * writing JSON. Every person and company is fictitious; identifiers are built by
 * {@link SampleIdentifiers} with check characters the SDK computes. Dates are relative to the
 * day of the request, so samples never lapse.
 */
public final class SampleData {

    /** A ready-made issuance request. */
    public record Sample(String name, String description, Map<String, String> claims, List<String> alwaysVisible) {

        /** @return the body that {@code POST /issuers/{issuer}/credentials} accepts */
        public Map<String, Object> toRequest() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("claims", claims);
            if (!alwaysVisible.isEmpty()) {
                m.put("always_visible", alwaysVisible);
            }
            return m;
        }
    }

    /** 张三: male, born 1985-03-12, registered in 西湖区 (330106). */
    public static final String ZHANG_SAN_ID = SampleIdentifiers.residentId("330106", LocalDate.of(1985, 3, 12), "123");
    /** 李四: female, born 1990-07-08, registered in 上城区 (330102). */
    public static final String LI_SI_ID = SampleIdentifiers.residentId("330102", LocalDate.of(1990, 7, 8), "246");
    /** 示例科技有限公司. */
    public static final String DEMO_TECH_USCC = SampleIdentifiers.uscc("91", "330106", "MA2G0001");
    /** 示例餐饮管理有限公司. */
    public static final String DEMO_CATERING_USCC = SampleIdentifiers.uscc("91", "330106", "MA2G0002");
    /** 示例市西湖区市场监督管理局, the authority behind the food permit. */
    private static final String DISTRICT_BUREAU_USCC = SampleIdentifiers.uscc("11", "330106", "MB000004");
    /** 示例省文化和旅游厅, the authority behind the tour-guide certificate. */
    private static final String TOURISM_USCC = SampleIdentifiers.uscc("11", "330000", "MB000005");

    private SampleData() {
    }

    /**
     * @param issuer the issuer
     * @param today  the date of the request (China Standard Time)
     * @return the issuer's samples, in a fixed order
     */
    public static List<Sample> samples(SandboxIssuer issuer, LocalDate today) {
        switch (issuer) {
            case MARKET_REGULATION:
                return List.of(
                        businessLicense("demo-tech", "示例科技有限公司", DEMO_TECH_USCC, "张三", "0000001",
                                today.minusYears(3), "技术开发、技术服务、技术咨询（沙箱示例数据）"),
                        businessLicense("demo-catering", "示例餐饮管理有限公司", DEMO_CATERING_USCC, "李四", "0000002",
                                today.minusYears(1), "餐饮服务、食品销售（沙箱示例数据）"));
            case LICENSING:
                return List.of(foodPermit(today), tourGuideCertificate(today));
            case SOCIAL_SECURITY:
                return List.of(
                        card("zhang-san", "张三", ZHANG_SAN_ID, "330100", "00000001", today.minusYears(2)),
                        card("li-si", "李四", LI_SI_ID, "330100", "00000002", today.minusMonths(3)));
            default:
                throw new AssertionError(issuer);
        }
    }

    /**
     * @param issuer the issuer
     * @param name   a sample name
     * @param today  the date of the request
     * @return the sample
     */
    public static Optional<Sample> sample(SandboxIssuer issuer, String name, LocalDate today) {
        return samples(issuer, today).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static Sample businessLicense(String name, String entity, String uscc, String representative,
            String serial, LocalDate established, String scope) {
        SandboxIssuer bureau = SandboxIssuer.MARKET_REGULATION;
        String typeCode = bureau.uscc() + "001";
        Map<String, String> c = new LinkedHashMap<>();
        c.put("license_id", SampleIdentifiers.licenseId(typeCode, bureau.uscc(), established.getYear() + serial));
        c.put("license_name", "营业执照");
        c.put("license_type_code", typeCode);
        c.put("license_number", uscc);
        c.put("issuing_authority", bureau.displayName());
        c.put("issuing_authority_code", bureau.uscc());
        c.put("issue_date", established.toString());
        c.put("valid_from", established.toString());
        c.put("holder_name", entity);
        c.put("holder_code", uscc);
        c.put("holder_code_type", "001");
        c.put("jurisdiction_code", "330106");
        c.put("uscc", uscc);
        c.put("entity_name", entity);
        c.put("entity_type", "有限责任公司（自然人投资或控股）");
        c.put("legal_representative", representative);
        c.put("registered_capital", "100万元人民币");
        c.put("establishment_date", established.toString());
        c.put("business_scope", scope);
        c.put("address", "示例省示例市西湖区示例路" + serial.replaceFirst("^0+", "") + "号");
        c.put("registration_authority", "示例市西湖区市场监督管理局（沙箱）");
        return new Sample(name, "business license of " + entity + "; entity_name and uscc (public registration"
                + " data) always visible", c, List.of("entity_name", "uscc"));
    }

    private static Sample foodPermit(LocalDate today) {
        String typeCode = SandboxIssuer.LICENSING.uscc() + "101";
        LocalDate from = today.minusYears(1);
        Map<String, String> c = new LinkedHashMap<>();
        c.put("license_id", SampleIdentifiers.licenseId(typeCode, DISTRICT_BUREAU_USCC, from.getYear() + "0000001"));
        c.put("license_name", "食品经营许可证");
        c.put("license_type_code", typeCode);
        c.put("license_number", "JY13301060000001");
        c.put("issuing_authority", "示例市西湖区市场监督管理局（沙箱）");
        c.put("issuing_authority_code", DISTRICT_BUREAU_USCC);
        c.put("issue_date", from.toString());
        c.put("valid_from", from.toString());
        c.put("valid_until", from.plusYears(5).minusDays(1).toString());
        c.put("holder_name", "示例餐饮管理有限公司");
        c.put("holder_code", DEMO_CATERING_USCC);
        c.put("holder_code_type", "001");
        c.put("jurisdiction_code", "330106");
        return new Sample("food-business-permit", "food business permit of a company (holder code type 001)", c,
                List.of());
    }

    private static Sample tourGuideCertificate(LocalDate today) {
        String typeCode = SandboxIssuer.LICENSING.uscc() + "102";
        LocalDate from = today.minusMonths(6);
        Map<String, String> c = new LinkedHashMap<>();
        c.put("license_id", SampleIdentifiers.licenseId(typeCode, TOURISM_USCC, from.getYear() + "0000002"));
        c.put("license_name", "导游证");
        c.put("license_type_code", typeCode);
        c.put("license_number", "D-3300-000002");
        c.put("issuing_authority", "示例省文化和旅游厅（沙箱）");
        c.put("issuing_authority_code", TOURISM_USCC);
        c.put("issue_date", from.toString());
        c.put("valid_from", from.toString());
        c.put("valid_until", from.plusYears(3).minusDays(1).toString());
        c.put("holder_name", "李四");
        c.put("holder_code", LI_SI_ID);
        c.put("holder_code_type", "111");
        c.put("jurisdiction_code", "330000");
        return new Sample("tour-guide-certificate", "tour-guide certificate of a person (holder code type 111)", c,
                List.of());
    }

    private static Sample card(String name, String holder, String idNumber, String region, String serial,
            LocalDate issued) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("sign_no", region + "SB" + serial);
        c.put("card_number", "SB" + serial);
        c.put("issuing_region_code", region);
        c.put("holder_name", holder);
        c.put("social_security_number", idNumber);
        c.put("sign_level", "3");
        c.put("issue_date", issued.toString());
        c.put("valid_until", issued.plusYears(10).minusDays(1).toString());
        c.put("channel_no", "SANDBOX01");
        return new Sample(name, "electronic social-security card of " + holder, c, List.of());
    }
}
