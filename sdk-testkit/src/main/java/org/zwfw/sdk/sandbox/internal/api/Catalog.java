package org.zwfw.sdk.sandbox.internal.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zwfw.sdk.sandbox.SandboxIssuer;
import org.zwfw.sdk.sandbox.internal.SampleIdentifiers;

/**
 * The sandbox's service-item catalog (政务服务事项) and service halls: one province (示例省, 330000),
 * its capital city (示例市, 330100) with three districts, and a second city (330200). Names are
 * fictitious, codes are built with valid check characters, division codes are real (the rules
 * need a real province prefix). Immutable.
 */
final class Catalog {

    /** E-license type of the resident identity card (居民身份证电子证照), issued by the licensing department. */
    static final String ID_CARD_LICENSE_TYPE = SandboxIssuer.LICENSING.uscc() + "201";
    /** E-license type of the business license, issued by the market-regulation bureau. */
    static final String BUSINESS_LICENSE_TYPE = SandboxIssuer.MARKET_REGULATION.uscc() + "001";
    static final String VCT_SSC = "urn:zwfw:vct:social-security-card:1";
    static final String VCT_BUSINESS = "urn:zwfw:vct:business-license:1";
    static final String PENSION_ITEM = "330100-SB-YL-0007";
    static final String PENSION_FORM = "pension-retirement-claim";

    record Department(String code, String name, String regionCode) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("name", name);
            m.put("region_code", regionCode);
            return m;
        }
    }

    record Material(String code, String name, String requirement, String condition, List<String> licenseTypes,
            List<String> vcts, List<String> mediaTypes, Integer maxBytes) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("material_code", code);
            m.put("name", name);
            m.put("requirement", requirement);
            if (condition != null) {
                m.put("condition", condition);
            }
            if (!licenseTypes.isEmpty() || !vcts.isEmpty()) {
                Map<String, Object> s = new LinkedHashMap<>();
                if (!licenseTypes.isEmpty()) {
                    s.put("license_type_codes", licenseTypes);
                }
                if (!vcts.isEmpty()) {
                    s.put("vct", vcts);
                }
                m.put("satisfied_by", s);
            }
            m.put("accepted_media_types", mediaTypes);
            if (maxBytes != null) {
                m.put("max_bytes", maxBytes);
            }
            return m;
        }

        boolean satisfiedByEcert() {
            return !licenseTypes.isEmpty() || !vcts.isEmpty();
        }
    }

    record Fee(String name, String amount, String basis) {
    }

    record Item(String code, String name, List<String> aliases, Department department, String regionCode,
            List<String> modes, int visits, int statutoryDays, int promisedDays, String dayKind, List<Fee> fees,
            String formType, String minLevel, String legalBasis, String eligibility, String result,
            List<Material> materials) {

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("item_code", code);
            m.put("name", name);
            m.put("department", department.json());
            m.put("region_code", regionCode);
            m.put("handling_modes", modes);
            m.put("visits_required", visits);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("statutory_days", statutoryDays);
            t.put("promised_days", promisedDays);
            t.put("day_kind", dayKind);
            m.put("time_limit", t);
            m.put("free", fees.isEmpty());
            return m;
        }

        Map<String, Object> details() {
            Map<String, Object> m = summary();
            List<Map<String, Object>> mats = new ArrayList<>();
            materials.forEach(x -> mats.add(x.json()));
            m.put("materials", mats);
            List<Map<String, Object>> fs = new ArrayList<>();
            for (Fee f : fees) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("name", f.name());
                fm.put("amount", f.amount());
                fm.put("basis", f.basis());
                fs.add(fm);
            }
            m.put("fees", fs);
            m.put("form_type", formType);
            m.put("min_assurance_level", minLevel);
            m.put("legal_basis", legalBasis);
            m.put("eligibility", eligibility);
            m.put("result", result);
            return m;
        }

        Optional<Material> material(String materialCode) {
            return materials.stream().filter(x -> x.code().equals(materialCode)).findFirst();
        }
    }

    record Hall(String id, String name, String regionCode, String address, String phone, String hours,
            List<String> itemCodes) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hall_id", id);
            m.put("name", name);
            m.put("region_code", regionCode);
            m.put("address", address);
            m.put("phone", phone);
            m.put("opening_hours", hours);
            return m;
        }
    }

    private static final List<String> PDF_IMAGES = List.of("application/pdf", "image/jpeg", "image/png");
    private static final List<String> DOCUMENTS = List.of("application/pdf", "application/ofd");
    private static final String L2 = "urn:zwfw:rn:L2";
    private static final String L3 = "urn:zwfw:rn:L3";
    private static final String HOURS = "周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）";

    static final Department SOCIAL_INSURANCE_CITY = new Department(SampleIdentifiers.uscc("12", "330100", "MB000011"),
            "示例市社会保险事业管理中心（沙箱）", "330100");
    static final Department SOCIAL_INSURANCE_CITY2 = new Department(SampleIdentifiers.uscc("12", "330200",
            "MB000012"), "示例二市社会保险事业管理中心（沙箱）", "330200");
    static final Department MARKET_XIHU = new Department(SampleIdentifiers.uscc("11", "330106", "MB000004"),
            "示例市西湖区市场监督管理局（沙箱）", "330106");
    static final Department POLICE_SHANGCHENG = new Department(SampleIdentifiers.uscc("11", "330102", "MB000013"),
            "示例市公安局上城区分局（沙箱）", "330102");
    static final Department TRAFFIC_PROVINCE = new Department(SampleIdentifiers.uscc("11", "330000", "MB000014"),
            "示例省公安厅交通管理局（沙箱）", "330000");
    static final Department REAL_ESTATE_CITY = new Department(SampleIdentifiers.uscc("12", "330100", "MB000015"),
            "示例市不动产登记服务中心（沙箱）", "330100");
    static final Department CIVIL_AFFAIRS_GONGSHU = new Department(SampleIdentifiers.uscc("11", "330105",
            "MB000016"), "示例市拱墅区民政局（沙箱）", "330105");

    private static Material idCard(String code) {
        return new Material(code, "居民身份证", "REQUIRED", null, List.of(ID_CARD_LICENSE_TYPE), List.of(), PDF_IMAGES,
                5 * 1024 * 1024);
    }

    static final List<Item> ITEMS = List.of(
            new Item(PENSION_ITEM, "企业职工基本养老保险待遇申领", List.of("城镇企业职工养老保险", "退休", "养老金"),
                    SOCIAL_INSURANCE_CITY, "330100", List.of("FULLY_ONLINE", "NO_VISIT", "MOBILE"), 0, 20, 5,
                    "WORKING", List.of(), PENSION_FORM, L3,
                    "《中华人民共和国社会保险法》第十六条；《国务院关于完善企业职工基本养老保险制度的决定》",
                    "参加城镇企业职工基本养老保险、达到法定退休年龄（或符合提前退休条件）且累计缴费满规定年限的人员。",
                    "养老保险待遇核定表（电子）；养老金按月发放至指定账户。",
                    List.of(idCard("M001"),
                            new Material("M002", "社会保障卡", "REQUIRED", null, List.of(), List.of(VCT_SSC), List.of(),
                                    null),
                            new Material("M003", "职工档案（视同缴费年限认定）", "CONDITIONAL",
                                    "申报视同缴费月数（deemed_contribution_months）大于 0 时提交。", List.of(), List.of(),
                                    DOCUMENTS, 10 * 1024 * 1024),
                            new Material("M004", "特殊工种提前退休审批表", "CONDITIONAL",
                                    "退休类型为特殊工种提前退休（SPECIAL_JOB_EARLY）时提交。", List.of(), List.of(),
                                    DOCUMENTS, 10 * 1024 * 1024))),
            new Item("330100-SB-YL-0012", "城乡居民基本养老保险参保登记", List.of("居民养老保险", "参保"),
                    SOCIAL_INSURANCE_CITY, "330100", List.of("FULLY_ONLINE", "MOBILE"), 0, 5, 1, "WORKING", List.of(),
                    "generic", L2, "《中华人民共和国社会保险法》第二十条", "年满16周岁、不属于职工基本养老保险覆盖范围的城乡居民。",
                    "参保登记回执（电子）。", List.of(idCard("M001"))),
            new Item("330200-SB-GS-0004", "工伤保险待遇核定", List.of("工伤", "工伤保险"), SOCIAL_INSURANCE_CITY2, "330200",
                    List.of("ONLINE_PRECHECK", "NO_VISIT"), 1, 30, 15, "WORKING", List.of(), "generic", L3,
                    "《工伤保险条例》第三十条", "已认定工伤、劳动能力鉴定结论已作出的职工。", "工伤保险待遇核定通知书。",
                    List.of(idCard("M001"), new Material("M002", "工伤认定决定书", "REQUIRED", null, List.of(),
                            List.of(), DOCUMENTS, 10 * 1024 * 1024))),
            new Item("330106-SJ-XK-0012", "食品经营许可证新办", List.of("食品经营许可", "开餐馆"), MARKET_XIHU, "330106",
                    List.of("FULLY_ONLINE", "ONLINE_PRECHECK", "MOBILE"), 0, 20, 3, "WORKING", List.of(), "generic",
                    L2, "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》",
                    "已取得营业执照、有与经营品种相适应的场所和设备的经营者。", "食品经营许可证（电子证照）。",
                    List.of(new Material("M001", "营业执照", "REQUIRED", null, List.of(BUSINESS_LICENSE_TYPE),
                                    List.of(VCT_BUSINESS), PDF_IMAGES, 5 * 1024 * 1024),
                            new Material("M002", "经营场所平面图", "REQUIRED", null, List.of(), List.of(), PDF_IMAGES,
                                    10 * 1024 * 1024),
                            new Material("M003", "食品安全管理制度", "OPTIONAL", null, List.of(), List.of(), DOCUMENTS,
                                    10 * 1024 * 1024))),
            new Item("330102-GA-HJ-0003", "户口迁入（投靠直系亲属）", List.of("落户", "户口迁移"), POLICE_SHANGCHENG, "330102",
                    List.of("ONLINE_PRECHECK"), 1, 20, 10, "WORKING", List.of(), "generic", L3,
                    "《中华人民共和国户口登记条例》第十条", "投靠在本市有合法稳定住所的直系亲属的人员。", "户口迁移证明、居民户口簿。",
                    List.of(idCard("M001"), new Material("M002", "亲属关系证明", "REQUIRED", null, List.of(),
                            List.of(), PDF_IMAGES, 5 * 1024 * 1024))),
            new Item("330000-JT-JS-0021", "机动车驾驶证补领", List.of("驾照补办", "驾驶证遗失"), TRAFFIC_PROVINCE, "330000",
                    List.of("MOBILE", "NO_VISIT", "FULLY_ONLINE"), 0, 1, 1, "WORKING",
                    List.of(new Fee("驾驶证工本费", "10.00", "《国家发展改革委 财政部关于降低部分行政事业性收费标准的通知》")),
                    "generic", L2, "《机动车驾驶证申领和使用规定》第六十二条", "驾驶证遗失、损毁的持证人。", "机动车驾驶证（邮寄）。",
                    List.of(idCard("M001"))),
            new Item("330100-BDC-CX-0009", "不动产登记资料查询", List.of("房产查询", "不动产"), REAL_ESTATE_CITY, "330100",
                    List.of("FULLY_ONLINE", "MOBILE"), 0, 5, 0, "WORKING", List.of(), "generic", L3,
                    "《不动产登记资料查询暂行办法》第十四条", "权利人、利害关系人。", "不动产登记资料查询结果证明（电子）。",
                    List.of(idCard("M001"))),
            new Item("330105-MZ-HY-0001", "内地居民婚姻登记", List.of("结婚登记", "领证"), CIVIL_AFFAIRS_GONGSHU, "330105",
                    List.of("ONLINE_PRECHECK"), 1, 0, 0, "CALENDAR", List.of(), "generic", L3, "《婚姻登记条例》第四条",
                    "双方自愿、均达法定婚龄、均无配偶的内地居民。", "结婚证（现场颁发）。", List.of(idCard("M001"))));

    static final List<Hall> HALLS = List.of(
            new Hall("hall_330100000001", "示例市民中心行政服务大厅（沙箱）", "330100", "示例市示例大道1号", "0571-10000001", HOURS,
                    List.of(PENSION_ITEM, "330100-SB-YL-0012", "330100-BDC-CX-0009", "330000-JT-JS-0021")),
            new Hall("hall_330102000001", "示例市上城区政务服务中心（沙箱）", "330102", "示例市上城区示例路100号", "0571-10000002",
                    HOURS, List.of(PENSION_ITEM, "330102-GA-HJ-0003")),
            new Hall("hall_330105000001", "示例市拱墅区政务服务中心（沙箱）", "330105", "示例市拱墅区示例街8号", "0571-10000003",
                    HOURS, List.of("330105-MZ-HY-0001")),
            new Hall("hall_330106000001", "示例市西湖区政务服务中心（沙箱）", "330106", "示例市西湖区示例路66号", "0571-10000004",
                    HOURS, List.of("330106-SJ-XK-0012", PENSION_ITEM)),
            new Hall("hall_330200000001", "示例二市行政服务中心（沙箱）", "330200", "示例二市示例路2号", "0574-10000005", HOURS,
                    List.of("330200-SB-GS-0004")));

    private Catalog() {
    }

    static Optional<Item> item(String code) {
        return ITEMS.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    static Optional<Hall> hall(String id) {
        return HALLS.stream().filter(h -> h.id().equals(id)).findFirst();
    }

    /** Whether a region code lies in another: the province holds its cities, a city its districts. */
    static boolean within(String region, String area) {
        if (area.endsWith("0000")) {
            return region.startsWith(area.substring(0, 2));
        }
        if (area.endsWith("00")) {
            return region.startsWith(area.substring(0, 4));
        }
        return region.equals(area);
    }
}
